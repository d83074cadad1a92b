"""Availability windows as MM-DD days of the year; a window may wrap over the new year
(dormant scions from December to February)."""
from datetime import date

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
