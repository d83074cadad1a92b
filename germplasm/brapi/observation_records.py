"""Observations as BrAPI observations: the rows of `germplasm export observations` and
/api/v1/observations (germplasm.evaluations.listing.observation_query: the same joins,
order and visibility), with BrAPI's filters, each naming its unit (a tree, or the
accession's entry: see unit_records) and its variable (the descriptor code)."""
from datetime import UTC, datetime, time

from sqlalchemy import and_, exists, func, or_, select

from germplasm.accessions.models import Accession
from germplasm.brapi.filters import accession_id
from germplasm.brapi.language import pick
from germplasm.brapi.study_records import number
from germplasm.brapi.unit_records import ENTRY, place_of_observation, trees_by_label
from germplasm.evaluations.listing import Selection, display_value, observation_query
from germplasm.evaluations.models import Campaign, Descriptor, Observation
from germplasm.extensions import db
from germplasm.inventory.models import Plant
from germplasm.sharing.access import accession_scope

FILTERS = ("germplasmDbId", "observationVariableDbId", "studyDbId", "seasonDbId", "trialDbId",
           "observationUnitDbId", "observationDbId")


def _unit(text: str):
    """The observations of one unit: a tree's (its accession's, with its place as plant), or
    an entry's (the accession's, with a plant that names none of its trees)."""
    if text.startswith(ENTRY):
        return (Observation.accession_id == accession_id(text[len(ENTRY):])) & \
            ~place_of_observation()
    tree = Plant.id == number(text)
    place = Plant.block + "-" + Plant.row + "-" + Plant.position
    return exists(select(Plant.id).where(tree, Plant.accession_id == Observation.accession_id,
                                         place == Observation.plant))


CONDITIONS = {
    "germplasmDbId": lambda v: Observation.accession_id.in_([accession_id(x) for x in v]),
    "observationVariableDbId": lambda v: func.upper(Descriptor.code).in_(
        [x.upper() for x in v]),
    "studyDbId": lambda v: Observation.campaign_id.in_([number(x) for x in v]),
    "seasonDbId": lambda v: Campaign.year.in_([number(x) for x in v]),
    "trialDbId": lambda v: Campaign.year.in_([number(x) for x in v]),
    "observationUnitDbId": lambda v: or_(*[_unit(x) for x in v]),
    "observationDbId": lambda v: Observation.id.in_([number(x) for x in v]),
}


def observations_query(filters: dict[str, list[str]]):
    """The visible observations with the filters: {name: values}, any of a name's values,
    all names."""
    query = observation_query(Selection(), accession_scope()).add_columns(
        Descriptor.name_zh, Descriptor.name_en, Accession.instcode)
    for name in FILTERS:
        values = [v.strip() for v in filters.get(name) or [] if v.strip()]
        if values:
            query = query.where(and_(CONDITIONS[name](values)))
    return query


def page(query, offset: int, size: int) -> list:
    return db.session.execute(query.limit(size).offset(offset)).all()


def observations(rows: list) -> list[dict]:
    trees = trees_by_label({(r.accession_id, r.plant) for r in rows})
    names = {a.id: a.display_name for a in db.session.scalars(
        select(Accession).where(Accession.id.in_({r.accession_id for r in rows})))}
    return [_record(row, trees, names) for row in rows]


def _record(row, trees: dict, names: dict) -> dict:
    tree = trees.get((row.accession_id, row.plant))
    info = {"replicate": str(row.replicate), "plant": row.plant, "notes": row.notes,
            "campaign": row.campaign}
    return {
        "observationDbId": str(row.id), "studyDbId": str(row.campaign_id),
        "observationUnitDbId": str(tree) if tree else f"{ENTRY}{row.accession_id}",
        "observationUnitName": row.plant or row.accenumb,
        "observationVariableDbId": row.descriptor,
        "observationVariableName": pick(row.name_zh, row.name_en),  # as /variables names it
        "value": display_value(row.data_type, row.value_num, row.value_text, row.value_date),
        "observationTimeStamp": datetime.combine(row.observed_on, time(), UTC)
        if row.observed_on else None,
        "collector": row.observer,
        "germplasmDbId": str(row.accession_id), "germplasmName": names.get(row.accession_id),
        "season": {"seasonDbId": str(row.year), "seasonName": str(row.year), "year": row.year},
        "additionalInfo": {k: v for k, v in info.items() if v},
    }

