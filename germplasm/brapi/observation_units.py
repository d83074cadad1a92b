"""GET /brapi/v2/observationunits: the trees of the field genebank (block, row, position),
and per study (studyDbId) the living trees of the accessions on the campaign's worklist
then its accessions without a tree; filters germplasmDbId, observationUnitDbId,
locationDbId (`nursery`, `block:…`). Restricted accessions' trees only for staff."""
from flask import Blueprint, request

from germplasm.accessions.models import Accession
from germplasm.brapi import unit_records
from germplasm.brapi.envelope import listing, paging
from germplasm.brapi.study_records import number
from germplasm.evaluations.models import Campaign
from germplasm.extensions import db
from germplasm.inventory.models import Plant
from schemas.brapi_observation import ObservationUnitSchema

bp = Blueprint("brapi_observation_units", __name__, url_prefix="/brapi/v2")
TREE_ORDER = (Plant.block, Plant.row, Plant.position, Plant.id)


def _campaign() -> tuple[int | None, Campaign | None]:
    """The studyDbId asked for (an unknown one selects no unit) and its campaign."""
    text = request.args.get("studyDbId", "").strip()
    if not text:
        return None, None
    campaign = db.session.get(Campaign, number(text))
    return (campaign.id, campaign) if campaign else (-1, None)


@bp.get("/observationunits")
def observation_units():
    pages = paging()
    campaign_id, campaign = _campaign()
    total, rows = unit_records.page_of_two(
        unit_records.tree_query(campaign_id), TREE_ORDER,
        unit_records.entry_query(campaign_id), (Accession.accenumb, Accession.id), pages)
    records = unit_records.units(rows, campaign)
    return listing(ObservationUnitSchema(many=True).dump(records), total, pages)


