"""`germplasm import plants`: trees of the field genebank from a spreadsheet, one per place
(BLOCK, ROW, POSITION). A living tree of the same accession at that place is updated;
STATUS removed takes it out (today, "removed by import"). All or nothing unless
skip_invalid."""
from datetime import date
from pathlib import Path

from germplasm import locking
from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.inventory import plants
from germplasm.inventory.models import PLANT_STATUSES
from germplasm.inventory.words import STATUS_ZH
from loaders.inventory_rows import CellProblem, accession_of, day, read_rows, word
from loaders.report import ImportReport
from loaders.tabular import read_table

COLUMNS = ("INSTCODE", "ACCENUMB", "BLOCK", "ROW", "POSITION", "PLANTED", "ROOTSTOCK",
           "STATUS")
REQUIRED = ("ACCENUMB", "BLOCK", "ROW", "POSITION")


def import_plants(path: str | Path, *, user: str, skip_invalid: bool = False,
                  dry_run: bool = False, encoding: str | None = None) -> ImportReport:
    table = read_table(path, encoding, date_format="%Y-%m-%d")
    report = ImportReport(dry_run=dry_run)
    rows = read_rows(table, COLUMNS, REQUIRED, report)
    locking.serialise("plants-import")
    seen = {}
    for number, row in rows:
        place = (row["BLOCK"], row["ROW"], row["POSITION"])
        if place in seen:
            report.reject(number, "POSITION", "-".join(place),
                          f"duplicate: the same place is in row {seen[place]}")
            continue
        seen[place] = number
        _store(number, row, report, user)
    return report.finish(skip_invalid)


def _store(number: int, row: dict, report: ImportReport, user: str) -> None:
    try:
        with db.session.begin_nested():
            outcome = _write(row, user)
    except CellProblem as problem:
        report.reject(number, problem.column, row.get(problem.column), str(problem))
    except plants.PlantProblem as problem:
        column = problem.field.upper() if problem.field.upper() in COLUMNS else "POSITION"
        report.reject(number, column, row.get(column), str(problem))
    else:
        report.count(outcome)


def _write(row: dict, user: str) -> str:
    accession = accession_of(row)
    status = word("STATUS", row.get("STATUS") or "living", PLANT_STATUSES, STATUS_ZH)
    fields = plants.PlantFields(row["BLOCK"], row["ROW"], row["POSITION"],
                                planted_on=day("PLANTED", row.get("PLANTED", "")),
                                **_rootstock(row.get("ROOTSTOCK", "")))
    tree = plants.living_at(*(v.strip() for v in (fields.block, fields.row, fields.position)))
    if tree is not None and tree.accession_id != accession.id:
        raise CellProblem("POSITION", f"a living tree of {tree.accession.accenumb} stands at "
                          f"{tree.place}; remove it first (STATUS removed)")
    outcome, who = "unchanged", {"user": user, "source": "plants import"}
    if tree is None:
        tree, outcome = plants.plant(accession.id, fields, **who), "created"
    elif plants.update(tree, fields, **who):
        outcome = "updated"
    if status == "removed":
        plants.remove(tree, "removed by import", date.today(), **who)
        outcome = "updated" if outcome == "unchanged" else outcome
    return outcome


def _rootstock(text: str) -> dict:
    """An accession number of the catalogue becomes a link; anything else stays as text."""
    if not text:
        return {}
    found = db.session.scalars(db.select(Accession.id).where(Accession.accenumb == text)
                               .limit(2)).all()
    if len(found) == 1:
        return {"rootstock_accession_id": found[0]}
    return {"rootstock_text": text}
