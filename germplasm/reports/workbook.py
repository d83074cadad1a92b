"""The report as an .xlsx workbook: one sheet per table, the same rows as the page."""
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Font

from germplasm.reports.distribution import Distribution
from germplasm.reports.tables import tables


def write_workbook(report: Distribution, path: str | Path | BinaryIO) -> None:
    book = Workbook()
    book.remove(book.active)
    for table in tables(report):
        sheet = book.create_sheet(table.key)
        sheet.append([str(table.title), report.year])
        sheet["A1"].font = Font(bold=True)
        sheet.append([str(h) for h in table.header])
        for row in table.rows:
            sheet.append([str(cell) if not isinstance(cell, int | float) else cell
                          for cell in row])
        sheet.column_dimensions["A"].width = 28
    book.save(path)
