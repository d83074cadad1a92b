"""The request pages' forms (Flask-WTF, so every one carries its CSRF token). They check
only the shape of what was typed; the rules are the services', whose refusals are shown
next to the field they name (germplasm.requests.web)."""
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from germplasm.inventory.models import MATERIALS
from germplasm.inventory.words import MATERIAL_LABELS
from germplasm.requests.models import INTENDED_USES, RECIPIENT_KINDS
from germplasm.requests.words import KIND_LABELS, USE_LABELS

REQUIRED = _l("Required.")


def _choices(labels: dict, codes) -> list[SelectChoice]:
    return [SelectChoice(code, labels[code]) for code in codes]


def _required():
    return InputRequired(message=REQUIRED)


class PlainForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class AddForm(FlaskForm):
    material = SelectField(_l("Material"), choices=_choices(MATERIAL_LABELS, MATERIALS),
                           default="scion")
    quantity = StringField(_l("Quantity"), validators=[_required()], default="10")


class QuantityForm(FlaskForm):
    item = IntegerField(validators=[_required()])
    quantity = StringField(_l("Quantity"), validators=[_required()])


class SubmitForm(FlaskForm):
    name = StringField(_l("Recipient"), validators=[_required(), Length(max=200)])
    institution = StringField(_l("Institution"), validators=[_required(), Length(max=300)])
    kind = SelectField(_l("Kind of institution"),
                       choices=_choices(KIND_LABELS, RECIPIENT_KINDS))
    intended_use = SelectField(_l("Intended use"),
                               choices=_choices(USE_LABELS, INTENDED_USES))
    use_note = TextAreaField(_l("About the use"), validators=[Optional(), Length(max=2000)])
    address = TextAreaField(_l("Shipping address"), validators=[_required(), Length(max=1000)])
    country = StringField(_l("Country (ISO 3166 code)"), default="CHN",
                          validators=[_required(), Length(max=3)])
    province = StringField(_l("Province"), validators=[Optional(), Length(max=60)])
    email = StringField(_l("E-mail"), validators=[_required(), Length(max=200)])
    final_recipient = StringField(_l("Final recipient, if different"),
                                  validators=[Optional(), Length(max=300)])
    mta_version = HiddenField()
    mta_accepted = BooleanField(_l("I have read and accept the material transfer agreement"))


class TransitionForm(FlaskForm):
    to = StringField(validators=[_required()])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])


class AllocationForm(FlaskForm):
    item = IntegerField(validators=[_required()])
    lot = StringField(_l("Lot"), validators=[InputRequired(message=_l("Choose a lot."))])
    quantity = StringField(_l("Quantity"), validators=[_required()])


class ShipForm(FlaskForm):
    carrier = StringField(_l("Carrier"), validators=[_required(), Length(max=100)])
    tracking_number = StringField(_l("Tracking number"), validators=[Optional(), Length(max=100)])
    shipped_on = DateField(_l("Shipped on"), default=date.today, validators=[_required()])
    phyto_certificate = StringField(_l("Phytosanitary certificate number"),
                                    validators=[Optional(), Length(max=100)])


class ReceiptForm(FlaskForm):
    received_on = DateField(_l("Received on"), default=date.today, validators=[_required()])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])


class UsageForm(FlaskForm):
    usage = TextAreaField(_l("What was done with the material"), validators=[_required()])
    results = TextAreaField(_l("Results"), validators=[Optional()])
