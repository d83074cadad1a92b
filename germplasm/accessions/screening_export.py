"""The screening table as CSV or .xlsx: rank, accession, the index and each trait's value and
contribution (or the extreme trait's value), through the same writers as the search's export."""
import tempfile
from pathlib import Path

from flask import abort, after_this_request, request, send_file
from flask_babel import get_locale
from flask_babel import gettext as _

from germplasm.accessions.screening_form import population, read_form
from germplasm.accessions.screening_views import run_screening
from germplasm.accessions.search_views import current_search
from germplasm.accessions.views import bp
from germplasm.downloads import content_disposition, download_name
from loaders.result_export import cell_value, write_table
from search.query import QueryProblem
from search.snapshot import get_snapshot

MAX_EXPORT = 60_000
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx"}


@bp.get("/screening/export/<format>")
def export_screening(format: str):
    if format not in SUFFIX:
        abort(404)
    table = get_snapshot().descriptors
    form = read_form(request.args)
    try:
        search = current_search(table, population(request.args))
        result, chosen = run_screening(form, search, table, 0, MAX_EXPORT)
    except QueryProblem as problem:
        abort(400, str(problem))
    header, rows = screening_table(result, chosen, table, str(get_locale()))
    path = Path(tempfile.mkdtemp()) / f"screening{SUFFIX[format]}"
    write_table(path, format, header, rows)

    @after_this_request
    def _remove(response):
        path.unlink(missing_ok=True)
        path.parent.rmdir()
        return response
    response = send_file(path, as_attachment=True, download_name=path.name)
    codes = [c.code for c in chosen] or [result["trait"]]
    response.headers["Content-Disposition"] = content_disposition(
        download_name("screening", codes, SUFFIX[format]))
    return response


def screening_table(result: dict, chosen: list, table: dict, locale: str) -> tuple[list, list]:
    """The header and rows, values as the page shows them (dates MM-DD, numbers as numbers)."""
    header = [_("Rank"), "ACCENUMB", "NAMES", "SPECIES"]
    if not chosen:  # the extremes of one trait
        descriptor = table[result["trait"]]
        return [*header, descriptor.name(locale)], [
            [rank, *_who(item), cell_value(item["value"], descriptor)]
            for rank, item in enumerate(result["items"], start=1)]
    for criterion in chosen:
        name = table[criterion.code].name(locale)
        header += [name, _("%(name)s (contribution)", name=name)]
    header.insert(4, _("Index"))
    rows = []
    for rank, item in enumerate(result["items"], start=1):
        cells = [rank, *_who(item), item["index"]]
        for criterion in chosen:
            part = item["contributions"][criterion.code]
            cells += [cell_value(part["value"], table[criterion.code]), part["weighted"]]
        rows.append(cells)
    return header, rows


def _who(item: dict) -> list:
    return [item["accenumb"], ";".join(item["names"]), item["species"]]
