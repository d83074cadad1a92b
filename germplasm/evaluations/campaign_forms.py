"""The campaign form read into what campaign_setup takes: fields, descriptors and accession
ids from a selection and/or pasted numbers. Every problem is collected per field, so the
form comes back once with all of them beside their fields."""
from dataclasses import dataclass, field

from flask_babel import gettext as _

from germplasm.evaluations import campaign_edits, campaign_setup
from germplasm.evaluations.campaign_edits import CampaignEditProblem
from germplasm.evaluations.models import Campaign, Descriptor
from germplasm.extensions import db
from germplasm.selections.services import accession_ids_of, choices_for
from search.query import QueryProblem

TEXT_FIELDS = ("name", "site", "observers", "description")


@dataclass
class CampaignForm:
    values: dict = field(default_factory=dict)
    descriptors: list = field(default_factory=list)
    accession_ids: list = field(default_factory=list)


def read(form, campaign: Campaign | None) -> CampaignForm:
    """What the form asks for; CampaignEditProblem with every field's messages otherwise."""
    errors, parsed = {}, CampaignForm()
    parsed.values = {k: form.get(k, "") for k in TEXT_FIELDS}
    try:
        parsed.values["year"] = int(form.get("year", "").strip())
    except ValueError:
        errors["year"] = [_("a year from 1900 to 2100")]
    parsed.descriptors = descriptors_of(form.getlist("descriptor"))
    try:
        parsed.accession_ids = accessions_of(form)
    except CampaignEditProblem as problem:
        errors |= problem.errors
    try:  # the service checks again when writing; here for one complete answer
        campaign_edits.check(campaign or Campaign(), parsed.values, parsed.descriptors)
    except CampaignEditProblem as problem:
        errors = problem.errors | errors
    if errors:
        raise CampaignEditProblem(errors)
    return parsed


def descriptors_of(ids: list[str]) -> list[Descriptor]:
    wanted = {int(i) for i in ids if i.isascii() and i.isdigit()}
    return list(db.session.scalars(db.select(Descriptor).where(Descriptor.id.in_(wanted))
                                   .order_by(Descriptor.id))) if wanted else []


def accessions_of(form) -> list[int]:
    """The chosen selection's accessions, then the pasted numbers'."""
    ids = []
    token = form.get("selection", "").strip()
    if token:
        ids += selection_ids(token)
    numbers = campaign_setup.split_numbers(form.get("numbers"))
    return list(dict.fromkeys(ids + campaign_setup.accession_ids(numbers)))


def selection_ids(token: str) -> list[int]:
    try:
        return accession_ids_of(token)
    except QueryProblem as problem:
        raise CampaignEditProblem({"selection": [str(problem)]}) from None


def selection_choices(user) -> list[tuple[str, str, int]]:
    """(token, label, count) of the user's current and saved selections."""
    return choices_for(user)
