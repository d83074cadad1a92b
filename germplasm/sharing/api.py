"""The JSON API, /api/v1: catalogue search and screening."""
from flask import jsonify
from flask_babel import get_locale
from flask_babel import gettext as _

from germplasm.accounts.permissions import restricted_scope
from germplasm.sharing.openapi import ApiBlueprint
from germplasm.sharing.paging import LINK_HEADERS, paged
from schemas.accession_api import AccessionPageSchema, AccessionQuery
from schemas.screening_api import MAX_TOP, ScreeningQuery, ScreeningSchema
from search.engine import find, page_of
from search.params import FILTER_PARAMS, build_request
from search.query import QueryProblem
from search.screening import extremes, parse_criterion, selection_index
from search.snapshot import get_snapshot
from search.suggestions import suggest

bp = ApiBlueprint("search", __name__, url_prefix="/api/v1",
                  description="检索与筛选 / Catalogue search and screening")


@bp.errorhandler(QueryProblem)
def bad_query(problem: QueryProblem):
    """One error shape for every client: which parameter, and why."""
    message = _("invalid parameter %(name)s: %(message)s", name=problem.parameter,
                message=str(problem))
    body = {"status": 400, "message": message,
            "errors": [{"field": problem.parameter, "messages": [str(problem)]}]}
    return jsonify(body), 400


@bp.get("/accessions")
@bp.doc(operationId="searchAccessions")
@bp.arguments(AccessionQuery, location="query", as_kwargs=True)
@bp.response(200, AccessionPageSchema, headers=LINK_HEADERS)
def accessions(q, trait, sort, page, per_page, historic, restricted, updated_since,
               **filters):
    """检索资源目录 / Search the catalogue

    与目录页面相同的检索：检索词、性状筛选、分面计数；无结果时给出建议。
    The catalogue page's search: words, trait filters and facet counts; suggestions when
    nothing matched.
    """
    search = build_request(q, trait, sort, page, per_page, historic, restricted,
                           descriptors=get_snapshot().descriptors,
                           updated_since=updated_since,
                           **{name: filters[name] for name in FILTER_PARAMS})
    locale = str(get_locale())
    matches = find(search, can_see_restricted=restricted_scope())
    result = page_of(matches, search, locale)
    if not result["total"]:  # say what might have been meant; visible records only
        result["suggestions"] = suggest(matches.snapshot, search, restricted_scope(), locale)
    return paged(**result)


@bp.get("/screening")
@bp.doc(operationId="screenAccessions")
@bp.arguments(ScreeningQuery, location="query", as_kwargs=True)
@bp.response(200, ScreeningSchema)
def screening(trait, filter, extreme, top, **filters):
    """优良与特异种质筛选 / Elite and special-trait screening

    ?trait=SSC:+2&trait=FRUIT_CRACKING:-1&filter=HARVEST_DATE:..07-20&top=20 ranks by a
    selection index; ?extreme=HARVEST_DATE:bottom:5 gives the earliest 5 %.
    """
    search = build_request("", filter, **filters)
    top = min(max(_whole(top) or 20, 1), MAX_TOP)
    if extreme:
        return extremes(search, extreme, restricted_scope(), limit=top)
    snap = get_snapshot()
    criteria = [parse_criterion(text, snap) for text in trait]
    return selection_index(search, criteria, top, restricted_scope())


def _whole(text: str) -> int | None:
    """`top` as the API always read it: not a whole number counts as absent."""
    try:
        return int(text)
    except ValueError:
        return None
