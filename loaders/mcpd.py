"""MCPD import: read, map headers, validate every row, then upsert through the services."""
from collections.abc import Callable, Iterable
from pathlib import Path

from marshmallow import ValidationError

from germplasm.accessions import services
from germplasm.accessions.mcpd_fields import ALL_COLUMNS
from loaders.headers import header_width, map_headers
from loaders.report import ImportReport
from loaders.tabular import MAX_CELL, read_table
from schemas.accession import McpdRowSchema

REQUIRED = ("INSTCODE", "ACCENUMB", "GENUS")
Progress = Callable[[list], Iterable]


def import_mcpd(path: str | Path, *, user: str, skip_invalid: bool = False,
                dry_run: bool = False, encoding: str | None = None,
                progress: Progress | None = None, is_demo: bool = False,
                source: str | None = None) -> ImportReport:
    """Validate the whole file, then write it (all-or-nothing unless skip_invalid).

    `source` is what the audit trail records as the change's origin (default: the file name).

    Raises FileProblem when the file cannot be read. The caller commits when
    `report.written` is true and rolls back otherwise.
    """
    table = read_table(path, encoding)
    report = ImportReport(dry_run=dry_run)
    columns = map_headers(table.headers, ALL_COLUMNS, REQUIRED, report)
    rows = list(table.rows)
    if not rows:
        report.warn(None, "the file has a header but no data rows")
    width = header_width(table.headers)
    valid = validate_rows(progress(rows) if progress else rows, columns, width, report)
    return store_rows(valid, report, user=user, source=source or Path(path).name,
                      skip_invalid=skip_invalid, is_demo=is_demo)


def store_rows(valid, report: ImportReport, *, user: str, source: str, skip_invalid: bool,
               is_demo: bool = False) -> ImportReport:
    result = services.upsert_rows(valid, user=user, source=source, is_demo=is_demo)
    report.created, report.updated, report.unchanged = (
        result.created, result.updated, result.unchanged)
    for row, message in result.warnings:
        report.warn(row, message)
    return report.finish(skip_invalid)


def validate_rows(rows, columns: dict[int, str], width: int,
                  report: ImportReport) -> list[tuple[int, dict]]:
    schema, seen, valid = McpdRowSchema(), {}, []
    for number, cells in rows:
        raw = _cells_to_row(number, cells, columns, width, report)
        if raw is None:
            continue
        try:
            loaded = schema.load(raw)
        except ValidationError as error:
            _reject_all(number, raw, error.messages, report)
            continue
        key = (loaded["instcode"], loaded["accenumb"])
        if key in seen:
            report.reject(number, "ACCENUMB", loaded["accenumb"],
                          f"duplicate: {key[1]} of {key[0]} is already in row {seen[key]}")
            continue
        seen[key] = number
        valid.append((number, loaded))
    return valid


def _cells_to_row(number, cells, columns, width, report) -> dict | None:
    if any(c.strip() for c in cells[width:]):
        report.reject(number, None, None, f"the row has values beyond the {width} columns of "
                      "the header; check the delimiter and quoting")
        return None
    row = {}
    for index, column in columns.items():
        value = cells[index].strip() if index < len(cells) else ""
        if len(value) > MAX_CELL:
            report.reject(number, column, value[:40] + "…",
                          f"the cell holds {len(value)} characters (at most {MAX_CELL})")
            return None
        if value or column not in REQUIRED:
            row[column] = value or None
    return row


def _reject_all(number: int, raw: dict, messages: dict, report: ImportReport) -> None:
    for column, problems in messages.items():
        column = None if column == "_schema" else column
        for problem in problems if isinstance(problems, list) else [problems]:
            text = "is required" if problem == "Missing data for required field." else problem
            report.reject(number, column, raw.get(column) if column else None, text)
