"""The map of a search result's collecting sites: `/map?<the search's query>` and its JSON."""
from flask import render_template, request, url_for

from germplasm.accessions.detail_context import outline_urls
from germplasm.accessions.map_points import MAX_POINTS, collecting_sites
from germplasm.accessions.search_views import current_search
from germplasm.accessions.views import bp
from germplasm.accessions.visibility import sees_all
from germplasm.accounts.permissions import restricted_scope
from germplasm.errors import api_error
from search.engine import find
from search.query import QueryProblem


def _sites() -> tuple[int, list[dict]]:
    """(number of results, their collecting sites); raises QueryProblem."""
    scope = restricted_scope()
    matches = find(current_search(), can_see_restricted=scope)
    members = matches.members
    ids = [int(matches.snapshot.ids[p]) for p in members[:MAX_POINTS]]
    return len(members), collecting_sites(ids, scope)


@bp.get("/map")
def results_map():
    query = request.args.to_dict(flat=False)
    query.pop("page", None)
    try:
        total, sites = _sites()
    except QueryProblem as problem:
        return render_template("accessions/results_map.html", error=problem, query=query), 400
    return render_template("accessions/results_map.html", error=None, query=query,
                           total=total, located=len(sites), outlines=outline_urls(),
                           staff=sees_all(restricted_scope()),
                           points_url=url_for("accessions.results_map_points", **query))


@bp.get("/map/points.json")
def results_map_points():
    try:
        total, sites = _sites()
    except QueryProblem as problem:
        return api_error(400, str(problem), [{"field": problem.parameter,
                                              "messages": [str(problem)]}])
    for site in sites:
        site["url"] = url_for("accessions.detail", accenumb=site["accenumb"])
    return {"total": total, "located": len(sites), "items": sites}
