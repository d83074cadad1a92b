"""GET /brapi/v2/serverinfo, commoncropnames, programs, locations, seasons, people (and the
single program, location, season and person)."""
from flask import Blueprint, abort, current_app
from flask_babel import gettext as _

from germplasm.brapi import places
from germplasm.brapi.envelope import one, paging, slice_of
from germplasm.brapi.serverinfo import server_info
from schemas.brapi_core import (
    LocationSchema,
    PersonSchema,
    ProgramSchema,
    SeasonSchema,
    ServerInfoSchema,
)

bp = Blueprint("brapi_core", __name__, url_prefix="/brapi/v2")


@bp.get("/serverinfo")
def serverinfo():
    return one(ServerInfoSchema().dump(server_info(current_app)))


@bp.get("/commoncropnames")
def commoncropnames():
    return slice_of(places.crop_names(), paging())


def _listed(records: list[dict], schema):
    return slice_of(schema(many=True).dump(records), paging())


def _found(records: list[dict], key: str, value: str, schema, missing: str):
    record = places.find(records, key, value)
    if record is None:
        abort(404, missing)
    return one(schema().dump(record))


@bp.get("/programs")
def programs():
    return _listed(places.programs(), ProgramSchema)


@bp.get("/programs/<string:programDbId>")
def program(programDbId: str):  # noqa: N803 (BrAPI's parameter name, shown in /serverinfo)
    return _found(places.programs(), "programDbId", programDbId, ProgramSchema,
                  _("There is no program with this id."))


@bp.get("/locations")
def locations():
    return _listed(places.locations(), LocationSchema)


@bp.get("/locations/<path:locationDbId>")
def location(locationDbId: str):  # noqa: N803
    return _found(places.locations(), "locationDbId", locationDbId, LocationSchema,
                  _("There is no location with this id."))


@bp.get("/seasons")
def seasons():
    return _listed(places.seasons(), SeasonSchema)


@bp.get("/seasons/<string:seasonDbId>")
def season(seasonDbId: str):  # noqa: N803
    return _found(places.seasons(), "seasonDbId", seasonDbId, SeasonSchema,
                  _("There is no season with this id."))


@bp.get("/people")
def people():
    return _listed(places.people(), PersonSchema)


@bp.get("/people/<string:personDbId>")
def person(personDbId: str):  # noqa: N803
    return _found(places.people(), "personDbId", personDbId, PersonSchema,
                  _("There is no person with this id."))
