"""The seedling pages' forms (Flask-WTF: CSRF, types and ranges); the rules of batches and
counts are the service's, germplasm.inventory.batches."""
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from germplasm.inventory.batches import MOST

METHOD_LABELS = {"grafting": _l("Grafting"), "sowing": _l("Seed sowing")}
STAGE_LABELS = {"started": _l("Started"), "surviving": _l("Surviving"), "ready": _l("Ready"),
                "dispatched": _l("Dispatched"), "lost": _l("Lost")}


class BatchForm(FlaskForm):
    accenumb = StringField(_l("Accession number"), validators=[DataRequired(), Length(max=40)])
    method = SelectField(_l("Method"), choices=[SelectChoice(code, label)
                                                for code, label in METHOD_LABELS.items()])
    started = IntegerField(_l("Number started"), validators=[DataRequired(),
                                                             NumberRange(1, MOST)])
    started_on = DateField(_l("Started on"), default=date.today, validators=[DataRequired()])
    rootstock = StringField(_l("Rootstock"), validators=[Optional(), Length(max=200)])
    batch_number = StringField(_l("Batch number"), validators=[Optional(), Length(max=40)])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=2000)])


def _count(label):
    return IntegerField(label, validators=[Optional(), NumberRange(min=0)])


class CountForm(FlaskForm):
    surviving = _count(STAGE_LABELS["surviving"])
    ready = _count(STAGE_LABELS["ready"])
    dispatched = _count(STAGE_LABELS["dispatched"])
    lost = _count(STAGE_LABELS["lost"])
    counted_on = DateField(_l("Counted on"), default=date.today, validators=[DataRequired()])
    note = StringField(_l("Note"), validators=[Optional(), Length(max=500)])
