"""POST /brapi/v2/search/germplasm and GET search/germplasm/{searchResultsDbId}. A search is
stored (its checked body, who asked, when) under an unguessable id and answered 202; GET runs
it anew each time with the access rules of whoever asks, never rows saved for the asker, so
an id handed on shows nobody more than they may see. A search is a read, as BrAPI says: anyone
may make one (as anyone may GET /germplasm with the same filters); reading the results needs
only the id. Searches older than a day are purged when a new one is stored."""
import secrets
from datetime import UTC, timedelta

from flask import Blueprint, abort, g, request
from flask_babel import gettext as _
from sqlalchemy import delete

from germplasm.brapi import search_body
from germplasm.brapi.envelope import DEFAULT_PAGE_SIZE, frame, paging
from germplasm.brapi.filters import CONDITIONS, visible_accessions
from germplasm.brapi.germplasm_calls import germplasm_listing
from germplasm.brapi.search_models import BrapiSearch
from germplasm.db import utcnow
from germplasm.extensions import csrf, db
from schemas.brapi_lists import SearchRequestedSchema
from search.sync import commit

bp = Blueprint("brapi_search", __name__, url_prefix="/brapi/v2")
csrf.exempt(bp)  # a search changes nothing a forged request could abuse
KEPT = timedelta(days=1)
GERMPLASM = "germplasm"


@bp.post("/search/germplasm")
def search_germplasm():
    token = g.get("api_token")
    body = search_body.checked(request.get_json(silent=True))
    db.session.execute(delete(BrapiSearch).where(BrapiSearch.created_at < utcnow() - KEPT))
    search = BrapiSearch(id=secrets.token_urlsafe(24), kind=GERMPLASM, body=body,
                         user_id=token.user_id if token is not None else None)
    db.session.add(search)
    commit()
    return frame(SearchRequestedSchema().dump({"searchResultsDbId": search.id})), 202


@bp.get("/search/germplasm/<string:searchResultsDbId>")
def germplasm_results(searchResultsDbId: str):  # noqa: N803 (BrAPI's name, in /serverinfo)
    search = db.session.get(BrapiSearch, searchResultsDbId[:43])
    if search is None or search.kind != GERMPLASM or \
            _aware(search.created_at) < utcnow() - KEPT:
        abort(404, _("There is no search with this id (searches are kept for a day)."))
    query = visible_accessions({})
    for name, values in search_body.conditions(search.body):
        query = query.where(CONDITIONS[name](values))
    pages = paging(search.body.get("page", 0), search.body.get("pageSize", DEFAULT_PAGE_SIZE))
    return germplasm_listing(query, pages)


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite drops the zone
