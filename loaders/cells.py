"""Cells for files people open in Excel or WPS: never a live formula, never a character a
workbook cannot hold, and nothing lost on the way back in.

CSV follows OWASP's advice on CSV injection: a text cell that a spreadsheet would run as a
formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe. So
that an export read back gives exactly what was exported, a cell that already starts with
apostrophes before such a character gets one more, and the CSV reader removes one.
In .xlsx, text is written as a text cell, which no spreadsheet evaluates.
"""
from openpyxl.cell import Cell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _looks_like_formula(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_START)


def csv_value(value):
    """What to write to a CSV cell."""
    if isinstance(value, str) and _looks_like_formula(value):
        return "'" + value
    return value


def csv_row(values) -> list:
    return [csv_value(v) for v in values]


def from_csv(text: str) -> str:
    """Undo csv_value() on a cell read from a CSV file."""
    if text.startswith("'") and _looks_like_formula(text[1:]):
        return text[1:]
    return text


def xlsx_value(sheet, value):
    """What to append to an openpyxl sheet: text as a text cell, minus the control
    characters a workbook cannot hold (openpyxl would raise IllegalCharacterError)."""
    if not isinstance(value, str):
        return value
    # row and column are placeholders: append() sets them (and write-only sheets print them).
    cell = Cell(sheet, row=1, column=1, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"  # "=HYPERLINK(...)" stays text, not a formula
    return cell


def xlsx_row(sheet, values) -> list:
    return [xlsx_value(sheet, v) for v in values]
