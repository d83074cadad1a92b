"""The BrAPI response frame: `@context`, `metadata` (datafiles, status, pagination) and
`result`, for lists (`result.data`, paged from 0, 1,000 a page by default), single objects
and errors (the message in `metadata.status` as an ERROR, `result` null)."""
from typing import NamedTuple

from flask import abort, current_app, request
from flask_babel import gettext as _
from sqlalchemy import func, select

from germplasm.extensions import db

CONTEXT = ["https://brapi.org/jsonld/context/metadata.jsonld"]
DEFAULT_PAGE_SIZE = 1000
MAX_PAGE_SIZE = 10_000  # a harvest pages on; larger asks are clamped, as /api/v1 clamps
MAX_PAGE = 10_000_000  # beyond any catalogue; larger numbers overflow SQL offsets


class Paging(NamedTuple):
    page: int
    size: int

    @property
    def offset(self) -> int:
        return self.page * self.size


def paging(page: int = 0, size: int = DEFAULT_PAGE_SIZE) -> Paging:
    """`page` (from 0) and `pageSize` of the request (else the given defaults: a stored
    search's); anything else is a 400 naming it."""
    page = _whole("page", page)
    size = _whole("pageSize", size)
    if not 0 <= page <= MAX_PAGE:
        abort(400, _("page must be a whole number from 0 to %(max)s", max=MAX_PAGE))
    if size < 1:
        abort(400, _("pageSize must be a whole number of at least 1"))
    return Paging(page, min(size, MAX_PAGE_SIZE))


def _whole(name: str, default: int) -> int:
    text = request.args.get(name, "").strip()
    if not text:
        return default
    if not (text.isascii() and text.lstrip("-").isdigit()):
        abort(400, _("%(name)s must be a whole number, not %(value)s", name=name,
                     value=text[:40]))
    return int(text)


def pagination(total: int, pages: Paging) -> dict:
    return {"currentPage": pages.page, "pageSize": pages.size, "totalCount": total,
            "totalPages": -(-total // pages.size)}


def frame(result, pages: dict | None = None, status: list | None = None):
    """JSON in the schemas' order of fields: unsorted, which spares a page of 1,000 germplasm
    records a tenth of its time (benchmarks/brapi.py)."""
    body = current_app.json.dumps({"@context": CONTEXT, "metadata": {
        "datafiles": [], "status": status or [], "pagination": pages}, "result": result},
        sort_keys=False)
    return current_app.response_class(f"{body}\n", mimetype="application/json")


def one(result):
    """A single object: a pagination of one item, as BrAPI servers give it."""
    return frame(result, {"currentPage": 0, "pageSize": 1, "totalCount": 1, "totalPages": 1})


def listing(data: list, total: int, pages: Paging):
    return frame({"data": data}, pagination(total, pages))


def page_of(query, order, pages: Paging) -> tuple[int, list]:
    """The total of a select() and the rows of the requested page, in a stable order."""
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = db.session.scalars(query.order_by(*order).limit(pages.size)
                              .offset(pages.offset)).unique().all()
    return total, rows


def slice_of(items: list, pages: Paging):
    """A listing of a list already in memory (short lists: crops, seasons, places)."""
    return listing(items[pages.offset:pages.offset + pages.size], len(items), pages)


def error(status: int, message: str):
    """An error as BrAPI clients read it: JSON, the reason in metadata.status."""
    response = frame(None, None, [{"message": message, "messageType": "ERROR"}])
    return response, status
