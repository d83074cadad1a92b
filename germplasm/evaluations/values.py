"""Check a typed-in value against its descriptor and turn it into stored columns."""
import datetime as dt
import math
from dataclasses import dataclass

from germplasm.evaluations.dates import DateProblem, normalise, parse_date
from germplasm.evaluations.models import Descriptor, Observation
from germplasm.evaluations.scale_words import unit_label
from schemas.text_checks import column_length, length_problem, text_problem
from search.messages import gettext as _  # the page's language on the web, English elsewhere

MAX_TEXT = column_length(Observation.__table__.c.value_text)
MISSING = {"", "na", "n/a", "nan", "-", "—", "–", "--", "null", "none", "缺失", "无数据"}


class ValueProblem(ValueError):
    pass


@dataclass(frozen=True)
class Value:
    num: float | None = None
    text: str | None = None
    date: dt.date | None = None

    @property
    def day_of_year(self) -> int | None:
        return self.date.timetuple().tm_yday if self.date else None


def is_missing(raw) -> bool:
    return raw is None or normalise(str(raw)).lower() in MISSING


class ValueParser:
    """Parses values for one descriptor; categories match by code or either label."""

    def __init__(self, descriptor: Descriptor):
        self.descriptor = descriptor
        self.categories = {}
        for category in descriptor.categories:
            for key in (category.code, category.label_zh, category.label_en):
                self.categories[normalise(key).lower()] = category

    def parse(self, raw, year: int | None = None, order: str | None = None) -> Value | None:
        """None for a missing value; ValueProblem with a readable reason for a bad one."""
        text = normalise(str(raw)) if raw is not None else ""
        if text.lower() in self.categories:  # a category named "none" is a value, not a gap
            return self._category(text)
        if is_missing(raw):
            return None
        kind = self.descriptor.data_type
        if kind == "Numerical":
            return Value(num=self._number(text))
        if kind in ("Ordinal", "Nominal"):
            return self._category(text)
        if kind == "Date":
            return self._date(text, year, order)
        return Value(text=self._text(text))

    def _text(self, text: str) -> str:
        problem = text_problem(text) or length_problem(text, MAX_TEXT)
        if problem:
            raise ValueProblem(problem)
        return text

    def _number(self, text: str) -> float:
        try:
            number = float(text)
        except ValueError:
            raise ValueProblem(_("'%(value)s' is not a number", value=text)) from None
        d = self.descriptor
        if not math.isfinite(number) or not _within(number, d.min_value, d.max_value):
            unit = f" {unit_label(d.unit)}" if d.unit else ""  # 天 on Chinese pages
            raise ValueProblem(_("%(value)s is outside the valid range %(low)s–%(high)s%(unit)s "
                                 "of %(code)s", value=text, low=_fmt(d.min_value),
                                 high=_fmt(d.max_value), unit=unit, code=d.code))
        return number

    def _category(self, text: str) -> Value:
        category = self.categories.get(text.lower())
        if category is None and text.endswith(".0"):  # Excel turns the code 3 into 3.0
            category = self.categories.get(text[:-2])
        if category is None:
            allowed = ", ".join(f"{c.code} {c.label_zh}/{c.label_en}"
                                for c in self.descriptor.categories)
            raise ValueProblem(_("'%(value)s' is not a category of %(code)s (%(allowed)s)",
                                 value=text, code=self.descriptor.code, allowed=allowed))
        number = float(category.code) if self.descriptor.data_type == "Ordinal" else None
        return Value(num=number, text=category.code)

    def _date(self, text: str, year: int | None, order: str | None) -> Value:
        try:
            value = parse_date(text, year, order)
        except DateProblem as problem:
            raise ValueProblem(str(problem)) from None
        d = self.descriptor
        month_day = value.strftime("%m-%d")
        if not _within(month_day, d.min_date, d.max_date):
            raise ValueProblem(_("%(date)s is outside the season %(low)s to %(high)s expected "
                                 "for %(code)s", date=value.isoformat(), low=d.min_date,
                                 high=d.max_date, code=d.code))
        return Value(num=float(value.timetuple().tm_yday), date=value)


def _within(value, low, high) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _fmt(number: float | None) -> str:
    if number is None:
        return "…"
    return str(int(number)) if float(number).is_integer() else str(number)
