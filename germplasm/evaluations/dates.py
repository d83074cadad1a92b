"""Dates as nursery staff type them, without ever guessing the day/month order silently."""
import re
import unicodedata
from datetime import date

ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Month and day without a year, as typed on a phone: 7-15 and 0715 (four digits are MMDD).
MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$|^(\d{2})(\d{2})$")
CHINESE = re.compile(r"^(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")
# Year last (15/7/2026, 7/15/2026) or no year at all (15/7): the order comes from the column.
SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?$")
ORDERS = ("dmy", "mdy")


class DateProblem(ValueError):
    pass


class ImpossibleDate(DateProblem):
    """A date in a known form that no calendar has (13-45, 2-30)."""


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def infer_order(values) -> str | None:
    """'dmy' or 'mdy' when the column's slashed dates tell; None when none of them can."""
    first_big = second_big = False
    for value in values:
        match = SLASHED.match(normalise(value)) if value else None
        if match:
            first_big |= int(match.group(1)) > 12
            second_big |= int(match.group(2)) > 12
    if first_big and second_big:
        raise DateProblem("the column mixes day/month and month/day dates")
    return "dmy" if first_big else "mdy" if second_big else None


def parse_date(text: str, year: int | None, order: str | None) -> date:
    text = normalise(text)
    for pattern in (ISO, COMPACT, CHINESE):
        if match := pattern.match(text):
            y, m, d = match.groups()
            return _make(y or year, m, d, text)
    if match := MONTH_DAY.match(text):
        m, d = (g for g in match.groups() if g is not None)
        return _make(year, m, d, text)
    if match := SLASHED.match(text):
        return _slashed(match, text, year, order)
    raise DateProblem(f"{text!r} is not a date (use 2026-07-15, 2026/7/15, 7-15, 0715 or "
                      "2026年7月15日)")


def _slashed(match, text: str, year: int | None, order: str | None) -> date:
    a, b, y = match.groups()
    if y and len(y) != 4:
        raise DateProblem(f"{text!r}: write the year with four digits")
    if a != b and order is None and int(a) <= 12 and int(b) <= 12:
        raise DateProblem(f"{text!r} could be day/month or month/day and the column does not "
                          "tell; give --date-order dmy or --date-order mdy")
    order = order or ("dmy" if int(a) > 12 else "mdy")
    day, month = (a, b) if order == "dmy" else (b, a)
    return _make(y or year, month, day, text)


def _make(year, month, day, text: str) -> date:
    if year is None:
        raise DateProblem(f"{text!r} has no year and the campaign has none")
    try:
        return date(int(year), int(month), int(day))
    except ValueError as error:
        raise ImpossibleDate(f"{text!r} is not a valid date ({error})") from error
