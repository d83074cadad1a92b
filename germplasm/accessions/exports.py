"""Download the current search result set as CSV, Excel or MCPD."""
import tempfile
from pathlib import Path

from flask import abort, after_this_request, request, send_file
from flask_babel import get_locale

from germplasm.accessions.models import Accession
from germplasm.accessions.search_views import chosen_columns, current_search
from germplasm.accessions.views import bp
from germplasm.accounts.permissions import exact_coordinates, restricted_scope
from germplasm.downloads import content_disposition, download_name
from germplasm.extensions import db
from loaders.mcpd_export import export_mcpd
from loaders.result_export import BASE_COLUMNS, result_rows, write_table
from search.engine import find, trait_columns
from search.query import QueryProblem

MAX_EXPORT = 60_000
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "mcpd": ".csv"}
KIND = {"csv": "search", "xlsx": "search", "mcpd": "mcpd"}
NAMING_PARAMS = ("q", "genus", "species", "origin", "province")  # what names a download


@bp.get("/export/<format>")
def export_results(format: str):
    if format not in SUFFIX:
        abort(404)
    try:
        search, columns = current_search(), chosen_columns()
        matches = find(search, can_see_restricted=restricted_scope())  # filters check values too
    except QueryProblem as problem:
        abort(400, f"{problem.parameter}: {problem}")
    positions = list(matches.positions[:MAX_EXPORT])
    accessions = _load([int(matches.snapshot.ids[p]) for p in positions])
    path = Path(tempfile.mkdtemp()) / f"export{SUFFIX[format]}"
    if format == "mcpd":
        export_mcpd(path, "csv", accessions,
                    public=lambda accession: not exact_coordinates(accession))
    else:
        codes = columns or trait_columns(search)
        names = [matches.snapshot.descriptors[c].name(str(get_locale()))
                 if c in matches.snapshot.descriptors else c for c in codes]
        write_table(path, format, [*BASE_COLUMNS, *names],
                    result_rows(accessions, matches.snapshot, positions, codes))

    @after_this_request
    def _remove(response):
        path.unlink(missing_ok=True)
        path.parent.rmdir()
        return response
    response = send_file(path, as_attachment=True, download_name=path.name)
    response.headers["Content-Disposition"] = content_disposition(_file_name(format))
    return response


def _file_name(format: str) -> str:
    words = [w for name in NAMING_PARAMS for w in request.args.getlist(name)]
    return download_name(KIND[format], words, SUFFIX[format])


def _load(ids: list[int]) -> list[Accession]:
    found = {}
    for start in range(0, len(ids), 1000):
        query = db.select(Accession).where(Accession.id.in_(ids[start:start + 1000]))
        found.update({a.id: a for a in db.session.scalars(query)})
    return [found[i] for i in ids]
