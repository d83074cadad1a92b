"""The JSON API, /api/v1: catalogue search and screening."""
from flask import Blueprint, jsonify, request
from flask_babel import get_locale
from flask_babel import gettext as _

from germplasm.accounts.permissions import is_staff
from search.engine import find, page_of
from search.params import FILTER_PARAMS, build_request
from search.query import QueryProblem
from search.screening import extremes, parse_criterion, selection_index
from search.snapshot import get_snapshot
from search.suggestions import suggest

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.errorhandler(QueryProblem)
def bad_query(problem: QueryProblem):
    """One error shape for every client: which parameter, and why."""
    message = _("invalid parameter %(name)s: %(message)s", name=problem.parameter,
                message=str(problem))
    body = {"status": 400, "message": message,
            "errors": [{"field": problem.parameter, "messages": [str(problem)]}]}
    return jsonify(body), 400


def _request_from_args():
    args = request.args
    return build_request(
        args.get("q", ""), args.getlist("trait"), args.get("sort", ""), args.get("page", 1),
        args.get("per_page", 20), args.get("historic"), args.get("restricted"),
        descriptors=get_snapshot().descriptors,
        **{name: args.getlist(name) for name in FILTER_PARAMS})


@bp.get("/accessions")
def accessions():
    search, locale = _request_from_args(), str(get_locale())
    matches = find(search, can_see_restricted=is_staff())
    result = page_of(matches, search, locale)
    if not result["total"]:  # say what might have been meant; visible records only
        result["suggestions"] = suggest(matches.snapshot, search, is_staff(), locale)
    return jsonify(result)


@bp.get("/screening")
def screening():
    """?trait=SSC:+2&trait=FRUIT_CRACKING:-1&filter=HARVEST_DATE:..07-20&top=20, or
    ?extreme=HARVEST_DATE:bottom:5 for the earliest 5 %."""
    args = request.args
    search = build_request("", args.getlist("filter"), **{
        name: args.getlist(name) for name in ("species", "origin", "province", "sampstat")})
    top = min(max(args.get("top", 20, type=int) or 20, 1), 500)
    if args.get("extreme"):
        return jsonify(extremes(search, args["extreme"], is_staff(), limit=top))
    snap = get_snapshot()
    criteria = [parse_criterion(text, snap) for text in args.getlist("trait")]
    return jsonify(selection_index(search, criteria, top, is_staff()))
