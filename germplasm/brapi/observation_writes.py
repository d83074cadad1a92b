"""POST and PUT of BrAPI observations, through the service of the sheet import and of POST
/api/v1/observations (loaders.observation_posts.record_posted): each observation becomes an
item of that service (the unit's accession and tree place, the descriptor code, the value,
the day, the observer), checked by the sheet's rules, audited, summaries and the index kept
current. All or nothing: every problem of every item is named (item index, or observation
id for a PUT, field and reason) and nothing is written."""
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select

from germplasm.accessions.models import Accession
from germplasm.brapi.filters import accession_id
from germplasm.brapi.study_records import number
from germplasm.brapi.unit_records import ENTRY, label
from germplasm.evaluations.models import Campaign, Descriptor, Observation, WorklistEntry
from germplasm.extensions import db
from germplasm.inventory.models import Plant
from germplasm.sharing.access import accession_scope
from loaders.observation_posts import ItemsRejected, record_posted

SOURCE = "brapi"
# The service's item fields as BrAPI names them, for its problems.
BRAPI_FIELDS = {"accenumb": "observationUnitDbId", "instcode": "observationUnitDbId",
                "plant": "observationUnitDbId", "descriptor": "observationVariableDbId",
                "value": "value", "observed_on": "observationTimeStamp",
                "observer": "collector", "notes": "additionalInfo.notes",
                "replicate": "additionalInfo.replicate"}


class Rejected(ValueError):
    """Nothing was written; `problems` says which item, which field, why."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


class Problems(list):
    def add(self, name: str, field: str | None, reason: str) -> None:
        self.append(f"{name}, {field}: {reason}" if field else f"{name}: {reason}")


def clean(value) -> str:
    return "" if value is None else str(value).strip()


def _visible(query):
    scope = accession_scope()
    return query if scope is None else query.where(scope)


def unit_place(unit: str) -> tuple[Accession, str] | None:
    """The accession and the `plant` text of a unit id (a tree, or an accession's entry)."""
    if unit.startswith(ENTRY):
        found = db.session.scalar(_visible(select(Accession).where(
            Accession.id == accession_id(unit[len(ENTRY):]))))
        return (found, "") if found else None
    tree = db.session.scalar(_visible(select(Plant).join(
        Accession, Accession.id == Plant.accession_id).where(Plant.id == number(unit))))
    return (tree.accession, label(tree)) if tree else None


def day(stamp) -> str | None:
    """observationTimeStamp -> the day it names (as written, in the collector's own time)."""
    text = clean(stamp)
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _descriptor_id(code: str) -> int | None:
    """A variable is a descriptor by its code (any case), as GET /variables lists them."""
    return db.session.scalar(select(Descriptor.id).where(
        func.upper(Descriptor.code) == code.upper()))


def _on_worklist(campaign_id: int, accession: Accession) -> bool:
    return db.session.scalar(select(WorklistEntry.id).where(
        WorklistEntry.campaign_id == campaign_id,
        WorklistEntry.accession_id == accession.id)) is not None


def posted_item(name: str, observation, problems: Problems) -> tuple[int, dict] | None:
    """(campaign id, service item) of one posted BrAPI observation, or None with problems."""
    if not isinstance(observation, dict):
        problems.add(name, None, _("must be an object"))
        return None
    before = len(problems)
    study = clean(observation.get("studyDbId"))
    campaign = db.session.get(Campaign, number(study)) if study else None
    if campaign is None:
        problems.add(name, "studyDbId", _("is missing") if not study else
                     _("there is no study %(id)s", id=study))
    unit = clean(observation.get("observationUnitDbId"))
    place = unit_place(unit) if unit else None
    if place is None:
        problems.add(name, "observationUnitDbId", _("is missing") if not unit else
                     _("there is no observation unit %(id)s", id=unit))
    elif campaign is not None and not _on_worklist(campaign.id, place[0]):
        problems.add(name, "observationUnitDbId", _(
            "unit %(unit)s (%(accession)s) is not on the worklist of study %(study)s",
            unit=unit, accession=place[0].accenumb, study=campaign.id))
    variable = clean(observation.get("observationVariableDbId"))
    if not variable or _descriptor_id(variable) is None:
        problems.add(name, "observationVariableDbId", _("is missing") if not variable else
                     _("there is no variable %(id)s", id=variable))
    stamp = observation.get("observationTimeStamp")
    if clean(stamp) and day(stamp) is None:
        problems.add(name, "observationTimeStamp", _("is not an ISO 8601 date and time"))
    if len(problems) > before:
        return None
    info = observation.get("additionalInfo") if isinstance(
        observation.get("additionalInfo"), dict) else {}
    return campaign.id, {
        "accenumb": place[0].accenumb, "instcode": place[0].instcode, "plant": place[1],
        "descriptor": clean(observation["observationVariableDbId"]),
        "value": clean(observation.get("value")), "observed_on": day(stamp) or "",
        "observer": clean(observation.get("collector")), "notes": clean(info.get("notes")),
        "replicate": clean(info.get("replicate"))}


def record(items: list[tuple[str, int, dict]], user: str) -> list[int]:
    """Record (name, campaign id, item) through the service, per campaign; the ids of the
    observations, in the items' order. Raises Rejected naming every problem."""
    groups: dict[int, list[tuple[str, dict]]] = {}
    for name, campaign_id, item in items:
        groups.setdefault(campaign_id, []).append((name, item))
    problems = Problems()
    for campaign_id, group in groups.items():
        try:
            record_posted(campaign_id, [item for _name, item in group], user=user,
                          source=SOURCE)
        except ItemsRejected as rejected:
            _name_problems(rejected.errors, group, problems)
    if problems:
        raise Rejected(problems)
    return _ids([(campaign_id, item) for _name, campaign_id, item in items])


def _name_problems(errors: list[dict], group: list, problems: Problems) -> None:
    """The service's `observations[3].value` as `item 7, value` (the index in the body)."""
    for error in errors:
        where, _dot, column = error["field"].partition(".")
        index = where[len("observations["):-1]
        name = group[int(index)][0] if index.isdigit() else _("all items")
        for message in error["messages"]:
            problems.add(name, BRAPI_FIELDS.get(column, column or None), message)


def _ids(items: list[tuple[int, dict]]) -> list[int]:
    ids = []
    for campaign_id, item in items:
        accession = db.session.scalar(select(Accession.id).where(
            Accession.accenumb == item["accenumb"], Accession.instcode == item["instcode"]))
        ids.append(db.session.scalar(select(Observation.id).where(
            Observation.campaign_id == campaign_id, Observation.accession_id == accession,
            Observation.descriptor_id == _descriptor_id(item["descriptor"]),
            Observation.plant == item["plant"],
            Observation.replicate == int(item["replicate"] or 1))))
    return ids
