"""What the lot and plant imports share: the rows as {COLUMN: text}, the accession a row
names, and the cells that hold dates, flags and words in either language."""
from datetime import date, datetime

from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from loaders.headers import header_width, map_headers
from loaders.report import ImportReport
from loaders.tabular import MAX_CELL


class CellProblem(ValueError):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column


def read_rows(table, known: tuple[str, ...], required: tuple[str, ...],
              report: ImportReport) -> list[tuple[int, dict]]:
    """Numbered rows as {COLUMN: stripped text or ''}; overlong cells rejected."""
    columns = map_headers(table.headers, known, required, report)
    width = header_width(table.headers)
    rows = []
    for number, cells in table.rows:
        row = {c: (cells[i].strip() if i < len(cells) else "") for i, c in columns.items()}
        long = [c for c, v in row.items() if len(v) > MAX_CELL]
        if long:
            report.reject(number, long[0], row[long[0]][:40] + "…",
                          f"the cell holds more than {MAX_CELL} characters")
        elif any(c.strip() for c in cells[width:]):
            report.reject(number, None, None, f"the row has values beyond the {width} columns "
                          "of the header; check the delimiter and quoting")
        else:
            rows.append((number, row))
    if not rows and not report.rejected:
        report.warn(None, "the file has a header but no data rows")
    return rows


def store_each(rows: list[tuple[int, dict]], report: ImportReport, store) -> None:
    """store(number, row) → its outcome, for each row; a CellProblem rejects the row,
    naming its column and value."""
    for number, row in rows:
        try:
            outcome = store(number, row)
        except CellProblem as problem:
            report.reject(number, problem.column, row.get(problem.column), str(problem))
        else:
            report.count(outcome)


def accession_of(row: dict) -> Accession:
    """The accession named by ACCENUMB (and INSTCODE when given): one, or CellProblem."""
    number, instcode = row.get("ACCENUMB", ""), row.get("INSTCODE", "")
    if not number:
        raise CellProblem("ACCENUMB", "is required")
    query = select(Accession).where(Accession.accenumb == number)
    if instcode:
        query = query.where(Accession.instcode == instcode)
    found = list(db.session.scalars(query.limit(2)))
    if not found:
        raise CellProblem("ACCENUMB", f"no accession {number}"
                          + (f" of {instcode}" if instcode else "") + " in the catalogue")
    if len(found) > 1:
        raise CellProblem("INSTCODE", f"{number} is held by several institutes: give INSTCODE")
    return found[0]


def day(column: str, text: str) -> date | None:
    """YYYY-MM-DD or YYYYMMDD (or a date cell of an .xlsx, read as YYYY-MM-DD)."""
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellProblem(column, "is not a date as YYYY-MM-DD")


def flag(column: str, text: str) -> bool:
    value = text.strip().upper()
    if value in ("Y", "YES", "1", "TRUE", "是"):
        return True
    if value in ("", "N", "NO", "0", "FALSE", "否"):
        return False
    raise CellProblem(column, "is Y or N")


def word(column: str, text: str, codes, chinese: dict) -> str:
    """A machine name (any case) or its Chinese word -> the machine name."""
    value = text.strip()
    if value.lower() in codes:
        return value.lower()
    if value in chinese:
        return chinese[value]
    raise CellProblem(column, f"is one of {', '.join(codes)} (or its Chinese name)")
