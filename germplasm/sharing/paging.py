"""Paging of every /api/v1 list: `page` (from 1) and `per_page` (default 20; larger than 100
counts as 100, below 1 as 1: clamped rather than refused, as the API always did), answered
with `total`, `page`, `per_page`, `items` and `links` {self, next, prev, first, last}, the
same links in an RFC 8288 `Link` header.

A list endpoint uses three names:

    class ThingQuery(PageArgs):                 # its query schema: page and per_page included
        kind = fields.String()

    class ThingPage(PageSchema):                # its response schema: total, page, links, ...
        items = fields.List(fields.Nested(ThingSchema))

    @bp.arguments(ThingQuery, location="query")
    @bp.response(200, ThingPage)
    def things(args):
        page, per_page = args["page"], args["per_page"]      # already clamped
        total, rows = ...                                    # the rows of that page
        return paged(rows, total, page, per_page)            # sets the Link header too
"""
from urllib.parse import urlencode

from flask import after_this_request, request
from marshmallow import Schema, ValidationError, fields, missing

from search.messages import gettext as _

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
MAX_PAGE = 100_000  # far beyond any list; larger numbers overflow SQL integers


class Count(fields.Integer):
    """A whole number where an empty value means the default (`?page=` as no page)."""

    def deserialize(self, value, attr=None, data=None, **kwargs):
        return super().deserialize(missing if value == "" else value, attr, data, **kwargs)

    def _validated(self, value):
        try:
            return super()._validated(value)
        except ValidationError:  # in the caller's language, not marshmallow's English
            raise ValidationError(_("page and per_page must be whole numbers")) from None


def _page_range(page: int) -> None:
    if not 1 <= page <= MAX_PAGE:
        raise ValidationError(_("page is a number from 1 to %(max)s", max=MAX_PAGE))


class PerPage(Count):
    """Clamped into 1..100 rather than refused (scripts asking for 1000 get 100)."""

    def _deserialize(self, value, attr, data, **kwargs):
        number = super()._deserialize(value, attr, data, **kwargs)
        return max(1, min(number, MAX_PER_PAGE))


class PageArgs(Schema):
    """The paging query parameters; list endpoints' query schemas inherit them."""

    page = Count(load_default=1, validate=_page_range, metadata={
        "description": "页码，从 1 起 / page number, from 1", "minimum": 1,
        "maximum": MAX_PAGE, "example": 1})
    per_page = PerPage(load_default=DEFAULT_PER_PAGE, metadata={
        "description": "每页条数，默认 20，最多 100（更大的值按 100 计） / items per page, "
                       "default 20, at most 100 (larger values count as 100)",
        "example": DEFAULT_PER_PAGE})


class LinksSchema(Schema):
    self = fields.String(required=True, metadata={"description": "本页 / this page"})
    next = fields.String(allow_none=True, required=True, metadata={
        "description": "下一页，最后一页为 null / the next page, null on the last"})
    prev = fields.String(allow_none=True, required=True, metadata={
        "description": "上一页，第一页为 null / the previous page, null on the first"})
    first = fields.String(required=True, metadata={"description": "第一页 / the first page"})
    last = fields.String(required=True, metadata={"description": "最后一页 / the last page"})


class PageSchema(Schema):
    """The frame of one page; subclasses add `items` (and anything else they return)."""

    total = fields.Integer(required=True, metadata={"description": "总条数 / matches in all"})
    page = fields.Integer(required=True, metadata={"description": "页码 / page number"})
    per_page = fields.Integer(required=True, metadata={"description": "每页条数 / page size"})
    links = fields.Nested(LinksSchema, required=True)


def last_page(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def page_links(total: int, page: int, per_page: int) -> dict:
    """Absolute URLs of this request with another page, every other parameter kept."""
    last = last_page(total, per_page)
    return {"self": _url(page), "next": _url(page + 1) if page < last else None,
            "prev": _url(min(page - 1, last)) if page > 1 else None,
            "first": _url(1), "last": _url(last)}


def link_header(links: dict) -> str:
    """RFC 8288: `<url>; rel="next", <url>; rel="prev", ...` (absent links left out)."""
    return ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)


def paged(items, total: int, page: int, per_page: int, **extra) -> dict:
    """One page's body for a PageSchema; the response gets the same links in `Link`."""
    links = page_links(total, page, per_page)

    @after_this_request
    def _link(response):
        response.headers["Link"] = link_header(links)
        return response

    return {"total": total, "page": page, "per_page": per_page, "items": items,
            "links": links, **extra}


def _url(page: int) -> str:
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k != "page"]
    return f"{request.base_url}?{urlencode([*pairs, ('page', page)])}"


# For @bp.response(200, ThingPage, headers=LINK_HEADERS): the header in the document.
LINK_HEADERS = {"Link": {
    "description": "RFC 8288 链接：next、prev、first、last、self / RFC 8288 links",
    "schema": {"type": "string"}}}
