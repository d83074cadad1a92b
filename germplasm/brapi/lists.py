"""GET /brapi/v2/lists, lists/{listDbId}; POST /brapi/v2/lists: the saved selections of
accessions as BrAPI germplasm lists. A signed-in caller (session or bearer token) is shown
their own and those staff published, everyone else the published ones.

POST creates saved selections of the caller's own, through the selections' service door.
It needs a bearer token with the write scope (a read token may only read, as everywhere);
any role may create lists, as any signed-in user may save selections on the web. A session
alone is refused: this blueprint takes no CSRF token, so a cookie must not suffice to write."""
from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, g, request
from flask_babel import gettext as _
from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.accessions.queries import visible
from germplasm.accounts.permissions import restricted_scope
from germplasm.brapi import list_records
from germplasm.brapi.envelope import Paging, listing, one, page_of, paging
from germplasm.brapi.filters import accession_id
from germplasm.extensions import csrf, db
from germplasm.selections import saved, services
from germplasm.selections.models import Selection
from schemas.brapi_lists import ListDetailsSchema, ListSummarySchema
from search.sync import commit

bp = Blueprint("brapi_lists", __name__, url_prefix="/brapi/v2")
csrf.exempt(bp)  # writes need a bearer token (see above), which no other site can send
CHUNK = 5000  # ids per query: SQLite limits the parameters of one statement


@bp.get("/lists")
def lists():
    pages = paging()
    total, rows = page_of(list_records.shown(), (Selection.id,), pages)
    return listing(ListSummarySchema(many=True).dump(
        [list_records.summary(s) for s in rows]), total, pages)


@bp.get("/lists/<string:listDbId>")
def one_list(listDbId: str):  # noqa: N803 (BrAPI's name, shown in /serverinfo)
    found = db.session.scalar(saved.shown_to(list_records.caller()).where(
        Selection.id == list_records.list_id(listDbId)))
    if found is None:  # the same answer for a list that does not exist and one not shown
        abort(404, _("There is no list with this id."))
    return one(ListDetailsSchema().dump(list_records.details(found)))


@bp.post("/lists")
def create_lists():
    owner = _writer()
    request.max_content_length = current_app.config["GERMPLASM_API_MAX_BODY_MB"] * 1024 ** 2
    body = request.get_json(silent=True)
    if not isinstance(body, list):
        abort(400, _("The body must be a JSON array of lists."))
    wanted = [_checked(index, item) for index, item in enumerate(body)]
    made = []
    for index, (name, ids) in enumerate(wanted):
        try:
            made.append(saved.create(name, owner, ids))
        except services.SelectionProblem as problem:
            db.session.rollback()  # all or nothing
            abort(400, f"[{index}].listName: {problem}")
    commit()
    return listing(ListSummarySchema(many=True).dump(
        [list_records.summary(s) for s in made]), len(made), Paging(0, max(len(made), 1)))


def _writer():
    token = g.get("api_token")
    if token is None:
        abort(401, _("Creating lists needs a bearer token with the write scope."))
    if token.scope != "write":
        abort(403, _("This token may only read; writing needs a token with the write "
                     "scope."))
    return token.user


def _checked(index: int, item) -> tuple[str, list[int]]:
    """(name, accession ids) of one list of the body; a 400 naming the item and field."""
    if not isinstance(item, dict):
        abort(400, _("[%(i)s]: each list must be a JSON object", i=index))
    kind = item.get("listType")
    if kind not in (None, list_records.GERMPLASM):
        abort(400, _("[%(i)s].listType: only germplasm lists can be kept here", i=index))
    name = item.get("listName")
    if name is None:
        name = datetime.now(UTC).strftime("BrAPI list %Y-%m-%d %H:%M:%S")
    if not isinstance(name, str):
        abort(400, _("[%(i)s].listName: a text", i=index))
    data = item.get("data") or []
    if not isinstance(data, list) or len(data) > services.MAX_ITEMS:
        abort(400, _("[%(i)s].data: a list of at most %(n)s germplasmDbIds", i=index,
                     n=services.MAX_ITEMS))
    return name, _germplasm(index, data)


def _germplasm(index: int, data: list) -> list[int]:
    numbers = [accession_id(v) if isinstance(v, str) else None for v in data]
    wanted = sorted({n for n in numbers if n is not None})
    scope, seen = restricted_scope(), set()
    for start in range(0, len(wanted), CHUNK):
        seen.update(db.session.scalars(visible(select(Accession.id).where(
            Accession.id.in_(wanted[start:start + CHUNK])), scope)))
    for position, (value, number) in enumerate(zip(data, numbers, strict=True)):
        if number not in seen:  # unknown and not shown alike
            abort(400, _("[%(i)s].data[%(j)s]: there is no germplasm with id %(id)s", i=index,
                         j=position, id=str(value)[:40]))
    return numbers
