"""The screening page: the search's result set (or a selection) ranked by a selection index,
or one trait's extremes, as a paged table that can become a selection or a download."""
from urllib.parse import parse_qsl, urlsplit

from flask import render_template, request, url_for
from flask_babel import get_locale
from werkzeug.datastructures import MultiDict

from germplasm.accessions.screening_form import (
    criteria,
    extreme_choice,
    is_screen_key,
    population,
    read_form,
)
from germplasm.accessions.search_filters import chips, search_url
from germplasm.accessions.search_views import current_search
from germplasm.accessions.views import bp
from germplasm.accounts.permissions import restricted_scope
from search.query import QueryProblem
from search.screening import extreme_rows, selection_index
from search.snapshot import get_snapshot

PER_PAGE = 50
SELECTION_ADD = "/selection/add"  # the selection's form endpoint (its contract: accenumb, next)


def run_screening(form, search, descriptors, offset: int, limit: int) -> tuple[dict, list]:
    """The ranked rows offset..offset+limit and the criteria used; raises QueryProblem."""
    if form.mode == "extreme":
        choice = extreme_choice(form, descriptors)
        return extreme_rows(search, can_see_restricted=restricted_scope(), limit=limit,
                            offset=offset, **choice), []
    chosen = criteria(form, descriptors)
    return selection_index(search, chosen, limit, restricted_scope(), offset), chosen


@bp.get("/screening")
def screening_page():
    table = get_snapshot().descriptors
    form = read_form(request.args)
    result, chosen, error, page = None, [], None, 1
    try:
        search = current_search(table, _population_args())
        page = search.page
        if form.asked:
            result, chosen = run_screening(form, search, table, (page - 1) * PER_PAGE, PER_PAGE)
    except QueryProblem as problem:
        error = problem
    locale = str(get_locale())
    ranked = sorted((d for d in table.values() if d.data_type in ("Numerical", "Ordinal",
                                                                 "Date")),
                    key=lambda d: (d.group, d.code))
    kept = population(request.args)
    return render_template(
        "accessions/screening.html", form=form, result=result, chosen=chosen, error=error,
        bad_field=error.parameter if error and is_screen_key(error.parameter) else "",
        page=page, per_page=PER_PAGE, ranked=ranked, by_code=table, locale=locale,
        kept=kept, chips=_population_chips(kept, table, locale),
        search_link=search_url(kept.items(multi=True)), selection_add=SELECTION_ADD,
        page_link=_page_link, export_args=_screen_args()), 400 if error else 200


def _population_args() -> MultiDict:
    """The search page's filters (its sort, columns and page size play no part here) and
    this page's page number."""
    args = population(request.args)
    args.setlist("page", request.args.getlist("page")[:1])
    return args


def _screen_args() -> dict:
    """The page's parameters without its page number (exports and pager links add theirs)."""
    return MultiDict([(k, v) for k, v in request.args.items(multi=True)
                      if k not in ("page", "lang")]).to_dict(flat=False)


def _page_link(page: int) -> str:
    return url_for("accessions.screening_page", **{**_screen_args(), "page": page})


def _population_chips(kept: MultiDict, table: dict, locale: str) -> list:
    """The search's chips for the population, each removing its filter from this page."""
    own = [(k, v) for k, v in request.args.items(multi=True) if is_screen_key(k)]
    found = chips(kept, table, None, locale)
    for chip in found:
        pairs = parse_qsl(urlsplit(chip.href).query, keep_blank_values=True) + own
        chip.href = url_for("accessions.screening_page", **MultiDict(pairs).to_dict(flat=False))
    return found
