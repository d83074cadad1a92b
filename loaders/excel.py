"""Read the first sheet of an .xlsx workbook, streaming, as a Table."""
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from loaders.tabular import FileProblem, Table

# A damaged workbook surfaces as any of these, from openpyxl, zipfile or the XML parser,
# when it is opened or, for a truncated sheet, only while its rows are read.
BROKEN = (InvalidFileException, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError,
          ParseError, ValueError, TypeError, IndexError, AttributeError, EOFError, zlib.error)


def read_xlsx(path: Path, date_format: str = "%Y%m%d") -> Table:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header_cells = next(rows, None)
    except BROKEN as error:
        raise _unreadable(path, error) from error
    if header_cells is None:
        raise FileProblem(f"{path}: the first sheet is empty")
    headers = [_text(c, date_format).strip() for c in header_cells]
    return Table(headers=headers, rows=_numbered(rows, workbook, date_format, path))


def _numbered(rows, workbook, date_format: str, path: Path):
    number = 1
    try:
        for number, cells in enumerate(rows, start=2):
            texts = [_text(c, date_format) for c in cells]
            if any(t.strip() for t in texts):
                yield number, texts
    except BROKEN as error:
        raise _unreadable(path, error, f" after row {number}") from error
    finally:
        workbook.close()


def _unreadable(path: Path, error: Exception, where: str = "") -> FileProblem:
    reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
    return FileProblem(f"{path}: not a readable .xlsx workbook{where} ({reason}); "
                       "open it in Excel or WPS and save it again")


def _text(value, date_format: str) -> str:
    """Cells as the user typed them: 20 not 20.0, dates in the reader's format."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime(date_format)
    return str(value)
