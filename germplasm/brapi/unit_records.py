"""Observation units: the trees of the field genebank, and the accessions of a worklist that
have no living tree.

A tree is the unit (observationUnitDbId: the tree's id) and its place, block-row-position
("东区-3-12", Plant.place), is the `plant` of the observations made on it: the sheet's
PLANT column, the entry form's tree number and BrAPI write the same text, so observations
from all three line up. An accession on a campaign's worklist without a living tree is still
recordable: it is one unit of level "entry", id `accession:<germplasmDbId>`, whose
observations have an empty `plant` (as a sheet row without PLANT). A campaign's units are
the living trees of the accessions on its worklist, then those entries."""
from flask import request
from flask_babel import gettext as _
from sqlalchemy import exists, func, select

from germplasm.accessions.models import Accession
from germplasm.brapi.envelope import Paging
from germplasm.brapi.filters import accession_id
from germplasm.brapi.places import NURSERY, institute_names
from germplasm.brapi.study_records import number, trial_name
from germplasm.evaluations.models import Campaign, Observation, WorklistEntry
from germplasm.extensions import db
from germplasm.inventory.models import Plant
from germplasm.sharing.access import accession_scope

ENTRY = "accession:"
BLOCK = "block:"
LIVING = Plant.status == "living"


def label(tree: Plant) -> str:
    """The `plant` text of observations made on this tree."""
    return tree.place


def _has_living_tree():
    return exists(select(Plant.id).where(Plant.accession_id == Accession.id, LIVING))


def _scoped(query, campaign_id: int | None):
    scope = accession_scope()
    if scope is not None:
        query = query.where(scope)
    on_worklist = select(WorklistEntry.accession_id)
    if campaign_id is not None:
        on_worklist = on_worklist.where(WorklistEntry.campaign_id == campaign_id)
    germplasm = request.args.get("germplasmDbId", "").strip()
    if germplasm:
        query = query.where(Accession.id == accession_id(germplasm))
    return query, on_worklist


def tree_query(campaign_id: int | None):
    """select(Plant) of the living trees (of the campaign's worklist) with the filters."""
    query = select(Plant).join(Accession, Accession.id == Plant.accession_id).where(LIVING)
    query, on_worklist = _scoped(query, campaign_id)
    if campaign_id is not None:
        query = query.where(Plant.accession_id.in_(on_worklist))
    wanted = request.args.get("observationUnitDbId", "").strip()
    if wanted:
        query = query.where(Plant.id == number(wanted))
    location = request.args.get("locationDbId", "").strip()
    if location.startswith(BLOCK):
        query = query.where(Plant.block == location[len(BLOCK):])
    elif location and location != NURSERY:
        query = query.where(False)
    return query


def entry_query(campaign_id: int | None):
    """select(Accession) of the worklist accessions (of the campaign) without a living tree."""
    query, on_worklist = _scoped(select(Accession), campaign_id)
    query = query.where(Accession.id.in_(on_worklist), ~_has_living_tree())
    wanted = request.args.get("observationUnitDbId", "").strip()
    if wanted:
        query = query.where(Accession.id == (accession_id(wanted[len(ENTRY):]) if
                                             wanted.startswith(ENTRY) else None))
    if request.args.get("locationDbId", "").strip():
        query = query.where(False)  # such a unit stands nowhere in the field genebank
    return query


def page_of_two(first, first_order, second, second_order, pages: Paging):
    """One page over the rows of two queries, the first's before the second's."""
    count = lambda q: db.session.scalar(  # noqa: E731
        select(func.count()).select_from(q.order_by(None).subquery()))
    before = count(first)
    rows = list(db.session.scalars(first.order_by(*first_order).limit(pages.size)
                                   .offset(pages.offset)).unique())
    left, offset = pages.size - len(rows), max(0, pages.offset - before)
    if left:
        rows += db.session.scalars(second.order_by(*second_order).limit(left).offset(offset))
    return before + count(second), rows


def _position(tree: Plant | None, accession: Accession) -> dict:
    if tree is None:
        return {"entryType": "TEST", "observationLevel": {
            "levelName": "entry", "levelCode": accession.accenumb, "levelOrder": 1}}
    return {"entryType": "TEST",
            "observationLevel": {"levelName": "plant", "levelCode": label(tree),
                                 "levelOrder": 3},
            "observationLevelRelationships": [
                {"levelName": "block", "levelCode": tree.block, "levelOrder": 1},
                {"levelName": "row", "levelCode": tree.row, "levelOrder": 2}],
            "positionCoordinateX": tree.position,
            "positionCoordinateXType": "PLANTED_INDIVIDUAL",
            "positionCoordinateY": tree.row, "positionCoordinateYType": "PLANTED_ROW"}


def units(rows: list, campaign: Campaign | None) -> list[dict]:
    """Unit records of trees (Plant) and worklist accessions without one (Accession)."""
    accessions = [row.accession if isinstance(row, Plant) else row for row in rows]
    names = institute_names(a.instcode for a in accessions)
    study = {} if campaign is None else {
        "studyDbId": str(campaign.id), "studyName": campaign.name,
        "trialDbId": str(campaign.year), "trialName": trial_name(campaign.year)}
    result = []
    for row, accession in zip(rows, accessions, strict=True):
        tree = row if isinstance(row, Plant) else None
        result.append(study | {
            "observationUnitDbId": str(tree.id) if tree else f"{ENTRY}{accession.id}",
            "observationUnitName": label(tree) if tree else accession.accenumb,
            "germplasmDbId": str(accession.id), "germplasmName": accession.display_name,
            "programDbId": accession.instcode,
            "programName": names.get(accession.instcode) or accession.instcode,
            "locationDbId": f"{BLOCK}{tree.block}" if tree else None,
            "locationName": _("Block %(name)s", name=tree.block) if tree else None,
            "observationUnitPosition": _position(tree, accession),
            "additionalInfo": {"accessionNumber": accession.accenumb,
                               "instituteCode": accession.instcode},
        })
    return result


def trees_by_label(pairs: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """{(accession id, plant text): tree id} for observations' plants that name a tree of
    their accession (a living one before a removed one at the same place)."""
    wanted = {a for a, plant in pairs if plant}
    if not wanted:
        return {}
    trees = db.session.scalars(select(Plant).where(Plant.accession_id.in_(sorted(wanted)))
                               .order_by(LIVING, Plant.id))
    return {(t.accession_id, label(t)): t.id for t in trees
            if (t.accession_id, label(t)) in pairs}


def place_of_observation():
    """Observation.plant as a tree's place, for SQL: whether the plant names a tree."""
    place = Plant.block + "-" + Plant.row + "-" + Plant.position
    return exists(select(Plant.id).where(Plant.accession_id == Observation.accession_id,
                                         place == Observation.plant))
