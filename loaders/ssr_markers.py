"""`germplasm import markers`: the SSR marker catalogue (MARKER, LINKAGE_GROUP, MOTIF,
MIN_SIZE, MAX_SIZE in bp). Genotype imports only accept markers already catalogued."""
from pathlib import Path

from germplasm.fingerprints import services
from loaders.inventory_rows import CellProblem, read_rows, store_each
from loaders.report import ImportReport
from loaders.tabular import read_table

COLUMNS = ("MARKER", "LINKAGE_GROUP", "MOTIF", "MIN_SIZE", "MAX_SIZE")
REQUIRED = ("MARKER", "MIN_SIZE", "MAX_SIZE")


def import_markers(path: str | Path, *, user: str, skip_invalid: bool = False,
                   dry_run: bool = False, encoding: str | None = None) -> ImportReport:
    table = read_table(path, encoding)
    report = ImportReport(dry_run=dry_run)
    seen: dict[str, int] = {}

    def store(number: int, row: dict) -> str:
        name = row["MARKER"]
        if not name:
            raise CellProblem("MARKER", "is required")
        if name in seen:
            raise CellProblem("MARKER", f"{name} is already in row {seen[name]}")
        seen[name] = number
        low, high = size(row, "MIN_SIZE"), size(row, "MAX_SIZE")
        try:
            return services.set_marker(name, linkage_group=row.get("LINKAGE_GROUP"),
                                       motif=row.get("MOTIF"), min_size=low, max_size=high,
                                       user=user, source=Path(path).name)
        except services.GenotypeProblem as problem:
            raise CellProblem("MAX_SIZE", str(problem)) from None

    store_each(read_rows(table, COLUMNS, REQUIRED, report), report, store)
    return report.finish(skip_invalid)


def size(row: dict, column: str) -> int:
    text = row.get(column, "")
    try:
        value = int(float(text))
    except ValueError:
        raise CellProblem(column, "is a size in bp (a whole number)") from None
    if value <= 0 or value != float(text):
        raise CellProblem(column, "is a size in bp (a whole number)")
    return value
