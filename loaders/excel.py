"""Read the first sheet of an .xlsx workbook, streaming, as a Table."""
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from loaders.tabular import FileProblem, Table


def read_xlsx(path: Path, date_format: str = "%Y%m%d") -> Table:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise FileProblem(f"{path}: not a readable .xlsx workbook ({error})") from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header_cells = next(rows, None)
    if header_cells is None:
        raise FileProblem(f"{path}: the first sheet is empty")
    headers = [_text(c, date_format).strip() for c in header_cells]
    return Table(headers=headers, rows=_numbered(rows, workbook, date_format))


def _numbered(rows, workbook, date_format: str):
    try:
        for number, cells in enumerate(rows, start=2):
            texts = [_text(c, date_format) for c in cells]
            if any(t.strip() for t in texts):
                yield number, texts
    finally:
        workbook.close()


def _text(value, date_format: str) -> str:
    """Cells as the user typed them: 20 not 20.0, dates in the reader's format."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime(date_format)
    return str(value)
