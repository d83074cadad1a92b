"""`germplasm import lots`: lots of material from a spreadsheet. A new lot's quantity enters
the ledger as one entry; a known lot's QUANTITY is a stock count (one `adjust` entry for the
difference). Every row is checked before anything is written; all or nothing unless
skip_invalid."""
from dataclasses import replace
from pathlib import Path

from germplasm import locking
from germplasm.extensions import db
from germplasm.inventory import lots
from germplasm.inventory.models import MATERIALS, UNITS
from germplasm.inventory.words import MATERIAL_ZH, UNIT_ZH
from loaders.inventory_rows import CellProblem, accession_of, flag, read_rows, word
from loaders.report import ImportReport
from loaders.tabular import read_table

COLUMNS = ("INSTCODE", "ACCENUMB", "LOT_NUMBER", "MATERIAL", "QUANTITY", "UNIT", "LOCATION",
           "DISTRIBUTABLE", "AVAILABLE_FROM", "AVAILABLE_TO", "NOTES")
EXPORT_ONLY = ("RESERVED", "AVAILABLE")  # written by `export lots`, ignored when read back
REQUIRED = ("ACCENUMB", "LOT_NUMBER", "MATERIAL")
# The service's field names as the file's columns, for the report.
FIELD_COLUMNS = {"lot_number": "LOT_NUMBER", "material": "MATERIAL", "unit": "UNIT",
                 "quantity": "QUANTITY", "available_from": "AVAILABLE_FROM",
                 "available_to": "AVAILABLE_TO", "critical": "QUANTITY"}


def import_lots(path: str | Path, *, user: str, skip_invalid: bool = False,
                dry_run: bool = False, encoding: str | None = None) -> ImportReport:
    """Raises FileProblem when the file cannot be read; the caller commits when
    `report.written` and rolls back otherwise."""
    table = read_table(path, encoding, date_format="%Y-%m-%d")
    report = ImportReport(dry_run=dry_run)
    rows = read_rows(table, COLUMNS + EXPORT_ONLY, REQUIRED, report)
    locking.serialise("lots-import")
    seen = {}
    note = f"import {Path(path).name}"
    for number, row in rows:
        lot_number = row["LOT_NUMBER"]
        if lot_number in seen:
            report.reject(number, "LOT_NUMBER", lot_number,
                          f"duplicate: lot {lot_number} is already in row {seen[lot_number]}")
            continue
        seen[lot_number] = number
        _store(number, row, report, user, note)
    return report.finish(skip_invalid)


def _store(number: int, row: dict, report: ImportReport, user: str, note: str) -> None:
    """One row in a savepoint: a row that fails leaves nothing behind."""
    try:
        with db.session.begin_nested():
            outcome = _write(row, user, note)
    except CellProblem as problem:
        report.reject(number, problem.column, row.get(problem.column), str(problem))
    except lots.LotProblem as problem:
        column = FIELD_COLUMNS.get(problem.field, problem.field.upper())
        report.reject(number, column, row.get(column), str(problem))
    else:
        report.count(outcome)


def _write(row: dict, user: str, note: str) -> str:
    accession = accession_of(row)
    given = {
        "material": word("MATERIAL", row["MATERIAL"], MATERIALS, MATERIAL_ZH),
        "unit": word("UNIT", row["UNIT"], UNITS, UNIT_ZH) if row.get("UNIT") else None,
        "distributable": flag("DISTRIBUTABLE", row.get("DISTRIBUTABLE", "")),
        "available_from": row.get("AVAILABLE_FROM") or None,
        "available_to": row.get("AVAILABLE_TO") or None,
        "location": row.get("LOCATION") or None, "notes": row.get("NOTES") or None}
    quantity = row.get("QUANTITY") or "0"
    lot = lots.get(row["LOT_NUMBER"])
    if lot is None:
        lots.create(accession.id, row["LOT_NUMBER"], lots.LotFields(**given), actor=user,
                    quantity=quantity, note=note)
        return "created"
    if lot.accession_id != accession.id:
        raise CellProblem("LOT_NUMBER", f"lot {lot.lot_number} belongs to another accession")
    # What the file does not say (critical quantity, expiry, health, origin) stays.
    changed = lots.update(lot, replace(lots.fields_of(lot), **given))
    counted = lots.count_to(lot, quantity, actor=user, note=note)
    return "updated" if changed or counted else "unchanged"
