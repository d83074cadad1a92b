"""GET /brapi/v2/observations (filters germplasmDbId, observationVariableDbId, studyDbId,
seasonDbId, trialDbId, observationUnitDbId, observationDbId), observations/{observationDbId}
Observations of restricted accessions only for staff. The writes are in observation_writes."""
from flask import Blueprint, abort, request
from flask_babel import gettext as _

from germplasm.brapi import observation_records as records
from germplasm.brapi.envelope import Paging, listing, one, paging
from germplasm.evaluations.listing import count
from germplasm.extensions import csrf
from schemas.brapi_observation import ObservationSchema

bp = Blueprint("brapi_observations", __name__, url_prefix="/brapi/v2")
csrf.exempt(bp)  # writes need a bearer token (observation_writes), never a session cookie


def answer(query, pages: Paging):
    rows = records.page(query, pages.offset, pages.size)
    return listing(ObservationSchema(many=True).dump(records.observations(rows)),
                   count(query), pages)


@bp.get("/observations")
def observations():
    filters = {name: [request.args.get(name, "")] for name in records.FILTERS}
    return answer(records.observations_query(filters), paging())


def found(observation_db_id: str) -> dict:
    """The visible observation with this id; 404 alike for one that is not shown."""
    rows = records.page(records.observations_query(
        {"observationDbId": [observation_db_id]}), 0, 1)
    if not rows:
        abort(404, _("There is no observation with this id."))
    return ObservationSchema().dump(records.observations(rows)[0])


@bp.get("/observations/<string:observationDbId>")
def observation(observationDbId: str):  # noqa: N803 (BrAPI's name, shown in /serverinfo)
    return one(found(observationDbId))
