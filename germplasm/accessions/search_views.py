"""The catalogue search page: text, trait filters, facets, sorting and paging."""
from flask import render_template, request, url_for
from flask_babel import get_locale

from germplasm.accessions.photos import first_photos
from germplasm.accessions.screening_form import population
from germplasm.accessions.search_filters import page_filters
from germplasm.accessions.views import bp
from germplasm.accounts.permissions import restricted_scope
from search.engine import find, page_of
from search.params import FILTER_PARAMS, build_request
from search.query import QueryProblem
from search.snapshot import get_snapshot
from search.suggestions import suggest

TRAIT_ROWS = 3


def _trait_expressions(args) -> list[str]:
    """From the form's rows (code, min, max), category checkboxes (`c_CODE`) and any
    `trait=CODE:..` parameters."""
    expressions = args.getlist("trait")
    for key in args:
        if key.startswith("c_") and args.getlist(key):
            expressions.append(f"{key[2:]}:{'|'.join(args.getlist(key))}")
    for row in range(TRAIT_ROWS):
        code = args.get(f"t{row}", "").strip()
        low = args.get(f"t{row}min", "").strip()
        high = args.get(f"t{row}max", "").strip()
        if code and (low or high):
            expressions.append(f"{code}:{low}..{high}")
    return expressions


def current_search(descriptors=None, args=None):
    """The search the page's parameters (or `args`) describe (raises QueryProblem)."""
    args = request.args if args is None else args
    return build_request(args.get("q", ""), _trait_expressions(args),
                         args.get("sort", ""), args.get("page", 1),
                         args.get("per_page", 20), descriptors=descriptors,
                         **{n: args.getlist(n) for n in FILTER_PARAMS})


def chosen_columns(descriptors=None) -> list[str]:
    """The trait columns asked for (`col=CODE`); raises QueryProblem for an unknown code."""
    descriptors = descriptors or get_snapshot().descriptors
    codes = [c.strip().upper() for c in request.args.getlist("col") if c.strip()]
    unknown = [c for c in codes if c not in descriptors]
    if unknown:
        raise QueryProblem("col", f"{unknown[0][:40]!r} is not a descriptor code")
    return codes


@bp.get("/search")
@bp.get("/")  # registered first, so url_for() gives "/"
def search_page():
    locale = str(get_locale())
    table = get_snapshot().descriptors  # plain copies, for the form and the request
    descriptors = sorted(table.values(), key=lambda d: (d.group, d.code))
    error, result, columns = None, None, []
    try:
        search, columns = current_search(table), chosen_columns(table)
        matches = find(search, can_see_restricted=restricted_scope())
        result = page_of(matches, search, locale, columns)
        result["photos"] = first_photos([i["id"] for i in result["items"]], restricted_scope())
        if not result["total"]:
            result["suggestions"] = suggest(matches.snapshot, search, restricted_scope(), locale)
    except QueryProblem as problem:
        error = problem
    status = 400 if error else 200
    by_code = {d.code: d for d in descriptors}
    facets = result["facets"] if result else None
    shown = page_filters(request.args, by_code, facets, locale, TRAIT_ROWS)
    categorical = [d for d in descriptors if d.data_type == "Nominal"
                   or (d.categories and d.code in shown["panel"].checked)]
    return render_template("accessions/search.html", result=result, error=error,
                           categorical=categorical, columns=columns,
                           descriptors=descriptors, locale=locale,
                           by_code=by_code, args=request.args, **shown,
                           screening_link=screening_link(request.args)), status


def screening_link(args) -> str:
    """The screening page for the same accessions (paging, sort and columns left behind)."""
    return url_for("accessions.screening_page", **population(args).to_dict(flat=False))
