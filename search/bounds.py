"""The ends of a trait range: dates in the forms the sheet import accepts, and the scale's
range, so that a filter nothing can pass is answered with a message instead of nothing."""
import math
import re
from datetime import date

from germplasm.evaluations.dates import DateProblem, infer_order, normalise, parse_date
from search.messages import gettext as _

MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$|^(\d{2})(\d{2})$")
COMMON_YEAR = 2025  # day numbers as in a common (non-leap) year


class BoundProblem(ValueError):
    """A bound that cannot be read; the caller names the parameter."""


def date_bound(code: str, text: str) -> float:
    """A day of the year from `7-20`, `0720` (four digits are MMDD, never day 720),
    `7月20日`, `07/20`, `2026-07-20` or a day number such as `201`."""
    text = normalise(text)
    if match := MONTH_DAY.match(text):
        month, day = (int(g) for g in match.groups() if g is not None)
        return float(day_of_year(month, day))
    if (day := _day_number(text)) is not None:
        return day
    try:
        found = parse_date(text, COMMON_YEAR, infer_order([text]) or "mdy")
    except DateProblem:
        raise BoundProblem(_("%(code)s: %(value)s is not a date; write 07-20, 0720, "
                             "7月20日, 07/20 or 2026-07-20", code=code, value=text)) from None
    return float(day_of_year(found.month, found.day))


def _day_number(text: str) -> float | None:
    """A day of the year as a number (facet classes write 179.6); None for anything else."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def day_of_year(month: int, day: int) -> int:
    """MM-DD as a day of year in a common (non-leap) year."""
    try:
        return date(COMMON_YEAR, month, day).timetuple().tm_yday
    except ValueError:
        raise BoundProblem(_("%(month)02d-%(day)02d is not a date", month=month,
                             day=day)) from None


def scale_of(descriptor) -> tuple[float | None, float | None]:
    """The descriptor's valid range (dates as days of the year), ends None when open."""
    if descriptor.data_type == "Date":
        return tuple(float(day_of_year(*map(int, text.split("-")))) if text else None
                     for text in (descriptor.min_date, descriptor.max_date))
    return descriptor.min_value, descriptor.max_value


def check_scale(descriptor, low: float | None, high: float | None, shown: str) -> None:
    """Refuse a range that lies wholly outside the descriptor's scale: nothing could match."""
    bottom, top = scale_of(descriptor)
    if (low is not None and top is not None and low > top) or (
            high is not None and bottom is not None and high < bottom):
        raise BoundProblem(_("%(code)s: %(value)s is outside the scale (%(bottom)s to "
                             "%(top)s), so nothing can match", code=descriptor.code,
                             value=shown, bottom=shown_value(descriptor, bottom),
                             top=shown_value(descriptor, top)))


def shown_value(descriptor, value: float | None) -> str:
    """A bound as people read it: 07-20 for a date, 15 °Brix for a measure."""
    if value is None:
        return "…"
    if descriptor.data_type == "Date":
        day = date.fromordinal(date(COMMON_YEAR, 1, 1).toordinal() + int(value) - 1)
        return day.strftime("%m-%d")
    unit = f" {descriptor.unit}" if descriptor.unit else ""
    return f"{value:g}{unit}"
