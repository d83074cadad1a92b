"""Read the first sheet of an .xlsx workbook, streaming, as a Table."""
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from loaders.tabular import FileProblem, Table


def read_xlsx(path: Path) -> Table:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise FileProblem(f"{path}: not a readable .xlsx workbook ({error})") from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header_cells = next(rows, None)
    if header_cells is None:
        raise FileProblem(f"{path}: the first sheet is empty")
    headers = [_text(c).strip() for c in header_cells]
    return Table(headers=headers, rows=_numbered(rows, workbook))


def _numbered(rows, workbook):
    try:
        for number, cells in enumerate(rows, start=2):
            texts = [_text(c) for c in cells]
            if any(t.strip() for t in texts):
                yield number, texts
    finally:
        workbook.close()


def _text(value) -> str:
    """Cells as the user typed them: 20 not 20.0, dates as YYYYMMDD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%Y%m%d")
    return str(value)
