"""Which observations and trait summaries a selection holds: one query each, shared by the
`germplasm export` commands, /api/v1/observations, /api/v1/summaries and the API's bulk
download, so the file and the API cannot disagree about a row.

`scope` is a condition on Accession that hides what the caller may not see (restricted
accessions), or None for everything (the command line is run by the operator)."""
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Select, func

from germplasm.accessions.models import Accession
from germplasm.db import row_id
from germplasm.evaluations.models import ALL_YEARS, Campaign, Descriptor, Observation, TraitSummary
from germplasm.extensions import db


class SelectionProblem(ValueError):
    """A selection naming a descriptor or campaign that does not exist."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Selection:
    accession: str | None = None  # an accession number, else an id
    descriptor: str | None = None  # a descriptor code
    campaign: str | None = None  # a campaign name, else an id
    year: int | None = None  # observations: the campaign's year; summaries: ALL_YEARS too
    updated_since: datetime | None = None  # observations changed at or after this moment


def observation_query(selection: Selection, scope: ColumnElement | None = None) -> Select:
    query = (db.select(Observation.id, Observation.accession_id, Accession.accenumb,
                       Observation.campaign_id, Campaign.name.label("campaign"), Campaign.year,
                       Descriptor.code.label("descriptor"), Descriptor.data_type,
                       Observation.value_num, Observation.value_text, Observation.value_date,
                       Observation.replicate, Observation.plant, Observation.observed_on,
                       Observation.observer, Observation.notes, Observation.updated_at)
             .join(Accession, Observation.accession_id == Accession.id)
             .join(Campaign, Observation.campaign_id == Campaign.id)
             .join(Descriptor, Observation.descriptor_id == Descriptor.id)
             # A total order (the id last), so that pages neither repeat nor skip a row.
             .order_by(Accession.accenumb, Campaign.year, Descriptor.code, Observation.replicate,
                       Campaign.name, Observation.plant, Observation.id))
    query = _common(query, selection, scope, Observation.accession_id, Observation.descriptor_id)
    if selection.campaign:
        query = query.where(Observation.campaign_id == _campaign_id(selection.campaign))
    if selection.year is not None:
        query = query.where(Campaign.year == selection.year)
    if selection.updated_since is not None:
        query = query.where(Observation.updated_at >= selection.updated_since)
    return query


def summary_query(selection: Selection, scope: ColumnElement | None = None) -> Select:
    query = (db.select(TraitSummary.accession_id, Accession.accenumb,
                       Descriptor.code.label("descriptor"), TraitSummary.year, TraitSummary.n,
                       TraitSummary.mean, TraitSummary.min, TraitSummary.max, TraitSummary.sd,
                       TraitSummary.mode)
             .join(Accession, TraitSummary.accession_id == Accession.id)
             .join(Descriptor, TraitSummary.descriptor_id == Descriptor.id)
             .order_by(Accession.accenumb, Descriptor.code, TraitSummary.year, TraitSummary.id))
    query = _common(query, selection, scope, TraitSummary.accession_id,
                    TraitSummary.descriptor_id)
    if selection.year is not None:
        query = query.where(TraitSummary.year == selection.year)
    return query


def count(query: Select) -> int:
    return db.session.scalar(db.select(func.count()).select_from(
        query.order_by(None).subquery()))


def _common(query: Select, selection: Selection, scope, accession_column, descriptor_column):
    if scope is not None:
        query = query.where(scope)
    if selection.accession:
        query = query.where(accession_column.in_(_accession_ids(selection.accession)))
    if selection.descriptor:
        query = query.where(descriptor_column == _descriptor_id(selection.descriptor))
    return query


def _accession_ids(text: str) -> list[int]:
    """Every accession with that number (institutes may share one), else the one with that
    id; an unknown accession selects nothing (saying "no such accession" would tell the
    public which restricted ones exist)."""
    ids = list(db.session.scalars(db.select(Accession.id).where(Accession.accenumb == text)))
    if not ids and row_id(text) is not None:
        ids = [row_id(text)]
    return ids


def _descriptor_id(code: str) -> int:
    found = db.session.scalar(db.select(Descriptor.id).where(
        func.upper(Descriptor.code) == code.strip().upper()))
    if found is None:
        raise SelectionProblem("descriptor", f"no descriptor with the code {code!r}")
    return found


def _campaign_id(text: str) -> int:
    found = db.session.scalar(db.select(Campaign.id).where(Campaign.name == text))
    if found is None and row_id(text) is not None:
        found = db.session.scalar(db.select(Campaign.id).where(Campaign.id == row_id(text)))
    if found is None:
        raise SelectionProblem("campaign", f"no campaign named {text!r} or with that id")
    return found


def display_value(kind: str, number, text, day) -> str:
    """An observation's value as the exports write it."""
    if kind == "Date":
        return day.isoformat()
    if kind == "Numerical":
        return str(int(number)) if number.is_integer() else repr(number)
    return text or ""


def summary_year(year: int) -> int | None:
    """None for the summary over all years."""
    return None if year == ALL_YEARS else year


def parse_moment(text: str) -> datetime:
    """An ISO 8601 date or date-time; without an offset it is UTC. Returned in UTC, since
    SQLite compares the stored UTC text and would ignore an offset."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
