"""Tables people open in Excel or WPS: CSV with a byte-order mark, so that Excel reads the
UTF-8 (without it, Chinese is garbled), and .xlsx with a frozen header row, columns wide
enough to read and numbers written as numbers (text stays text: see loaders.cells)."""
import csv
import io
import unicodedata
from itertools import chain, islice
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from loaders.cells import csv_row, xlsx_row

CSV_ENCODING = "utf-8-sig"  # writes the BOM; our readers accept files with or without one
CHUNK_ROWS = 500  # rows per piece of a streamed CSV download
SAMPLE_ROWS = 200  # rows read ahead to size the columns (a write-only sheet sets widths first)
MIN_WIDTH, MAX_WIDTH = 6, 50


def open_csv(path: str | Path):
    return Path(path).open("w", encoding=CSV_ENCODING, newline="")


def write_csv(path: str | Path, header, rows) -> int:
    """Write the header and the rows (formula-like text guarded); return the row count."""
    counted = _Counted(rows)
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        for chunk in csv_chunks(header, counted):
            handle.write(chunk)
    return counted.count


def csv_chunks(header, rows, size: int | None = None):
    """The text write_csv() writes, BOM first, `size` (CHUNK_ROWS) rows at a time: a
    download streams it without holding the whole file."""
    size = size or CHUNK_ROWS
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(csv_row(header))
    for number, row in enumerate(rows, start=1):
        writer.writerow(csv_row(row))
        if number % size == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


class _Counted:
    def __init__(self, rows):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


def write_xlsx(path: str | Path, title: str, header, rows) -> int:
    """One sheet, streamed; return the row count."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    rows = iter(rows)
    sample = list(islice(rows, SAMPLE_ROWS))
    sheet.freeze_panes = "A2"
    for index, width in enumerate(column_widths(header, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append(xlsx_row(sheet, header))
    count = 0
    for row in chain(sample, rows):
        sheet.append(xlsx_row(sheet, row))
        count += 1
    workbook.save(path)
    return count


def column_widths(header, sample) -> list[int]:
    """The widest of the header and the sampled cells, in Excel's character units."""
    widths = [display_width(h) for h in header]
    for row in sample:
        for index, value in enumerate(row[:len(widths)]):
            widths[index] = max(widths[index], display_width(value))
    return [min(max(w + 2, MIN_WIDTH), MAX_WIDTH) for w in widths]


def display_width(value) -> int:
    """Characters as a spreadsheet draws them: Chinese characters take two columns."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
