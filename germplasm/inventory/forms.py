"""Web forms of the living collection (staff, from the accession page): what a field must
look like is checked here; what the collection allows (one living tree per place, units,
windows, stock) is the services' to say, and their refusals are shown beside the field."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from germplasm.inventory.models import HEALTH, MATERIALS, TEST_RESULTS, UNITS, VIABILITY_METHODS
from germplasm.inventory.words import (
    HEALTH_LABELS,
    MATERIAL_LABELS,
    METHOD_LABELS,
    RESULT_LABELS,
    UNIT_LABELS,
)

STOCK_KINDS = {"adjust": _l("stock count (the quantity now on hand)"),
               "loss": _l("loss (the quantity lost)")}


def _choices(values, label) -> list[tuple[str, str]]:
    return [(v, label(v)) for v in values]


def _required(limit: int):
    return [DataRequired(), Length(max=limit)]


class TreeForm(FlaskForm):
    block = StringField(_l("Block"), validators=_required(20))
    row = StringField(_l("Row"), validators=_required(20))
    position = StringField(_l("Position"), validators=_required(20))
    planted_on = DateField(_l("Planted"), validators=[Optional()])
    grafted_on = DateField(_l("Grafted"), validators=[Optional()])
    rootstock = StringField(_l("Rootstock (an accession number or a name)"),
                            validators=[Optional(), Length(max=200)])
    notes = TextAreaField(_l("Notes"), validators=[Optional()])


class RemoveTreeForm(FlaskForm):
    removed_reason = StringField(_l("Reason for removal"), validators=_required(300))
    removed_on = DateField(_l("Removed on"), validators=[DataRequired()])


class HealthTestForm(FlaskForm):
    pathogen = StringField(_l("Pathogen"), validators=_required(60))
    method = StringField(_l("Test method"), validators=_required(40))
    result = SelectField(_l("Result"), choices=_choices(TEST_RESULTS, RESULT_LABELS.get))
    tested_on = DateField(_l("Tested on"), validators=[DataRequired()])


class LotFieldsForm(FlaskForm):
    """What a lot is, apart from its stock."""

    material = SelectField(_l("Material"), choices=_choices(MATERIALS, MATERIAL_LABELS.get))
    unit = SelectField(_l("Unit"), choices=[("", _l("the material's usual unit")),
                                            *_choices(UNITS, UNIT_LABELS.get)])
    critical = StringField(_l("Critical quantity (never distributed)"), default="0",
                           validators=[Optional(), Length(max=20)])
    distributable = BooleanField(_l("Distributable"))
    available_from = StringField(_l("Available from (MM-DD)"),
                                 validators=[Optional(), Length(max=5)])
    available_to = StringField(_l("Available to (MM-DD)"), validators=[Optional(), Length(max=5)])
    expires_on = DateField(_l("Expires on"), validators=[Optional()])
    location = StringField(_l("Storage location"), validators=[Optional(), Length(max=200)])
    health_status = SelectField(_l("Health status"), choices=_choices(HEALTH, HEALTH_LABELS.get))
    notes = TextAreaField(_l("Notes"), validators=[Optional()])


class NewLotForm(LotFieldsForm):
    lot_number = StringField(_l("Lot number"), validators=_required(40))
    quantity = StringField(_l("Quantity on hand"), default="0",
                           validators=[Optional(), Length(max=20)])


class StockForm(FlaskForm):
    kind = SelectField(_l("Record"), choices=list(STOCK_KINDS.items()))
    quantity = StringField(_l("Quantity"), validators=_required(20))
    note = StringField(_l("Note"), validators=[Optional(), Length(max=500)])


class ViabilityForm(FlaskForm):
    method = SelectField(_l("Test"), choices=_choices(VIABILITY_METHODS, METHOD_LABELS.get))
    percent = IntegerField(_l("Percent alive"), validators=[InputRequired(),
                                                            NumberRange(0, 100)])
    n = IntegerField(_l("Number tested (n)"), validators=[Optional(), NumberRange(min=1)])
    tested_on = DateField(_l("Tested on"), validators=[DataRequired()])
