"""Availability windows as MM-DD days of the year; a window may wrap over the new year
(dormant scions from December to February)."""
from datetime import date, timedelta

from sqlalchemy import and_, or_

from germplasm.inventory.quantities import QuantityProblem


class DayProblem(QuantityProblem):
    """Not a MM-DD day of the year."""


def parse_mmdd(text: str | None) -> str | None:
    """'12-01' -> '12-01'; '' or None -> None; anything else raises DayProblem."""
    text = (text or "").strip()
    if not text:
        return None
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) <= 2 for p in parts):
        raise DayProblem(f"{text!r} is not a day as MM-DD (e.g. 12-01)")
    month, day = int(parts[0]), int(parts[1])
    try:
        date(2000, month, day)  # a leap year: 02-29 is a day some years have
    except ValueError:
        raise DayProblem(f"{text!r} is not a day of the year") from None
    return f"{month:02d}-{day:02d}"


def in_window(start: str | None, end: str | None, day: date) -> bool:
    """Whether `day` falls in the window (no window: always)."""
    if not start or not end:
        return True
    today = f"{day.month:02d}-{day.day:02d}"
    if start <= end:
        return start <= today <= end
    return today >= start or today <= end


def next_opening(start: str | None, end: str | None, day: date) -> date | None:
    """The next day after `day` on which the window opens; None while it is open (or there
    is no window). A window opening on 02-29 opens on the next leap day."""
    if in_window(start, end, day):
        return None
    month, dom = int(start[:2]), int(start[3:])
    for year in range(day.year, day.year + 9):
        try:
            opening = date(year, month, dom)
        except ValueError:  # 02-29 in a common year
            continue
        if opening > day:
            return opening
    return day + timedelta(days=1)  # unreachable: every 8 years hold a leap day


def in_window_sql(start, end, day: date):
    """in_window() as a SQL condition on two MM-DD columns (text comparison on both engines),
    never NULL."""
    today = f"{day.month:02d}-{day.day:02d}"
    return or_(start.is_(None), end.is_(None),
               and_(start <= end, start <= today, end >= today),
               and_(start > end, or_(start <= today, end >= today)))
