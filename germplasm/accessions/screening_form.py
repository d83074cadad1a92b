"""The screening page's form, read from the URL: rows of trait, direction, target and weight
for a selection index, or one trait's extremes. Every refusal names its row and field in the
page's language (QueryProblem's parameter is the form field, e.g. `s1w`)."""
import math
import re
from dataclasses import dataclass, field

from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from search.bounds import BoundProblem, date_bound, scale_of, shown_value
from search.query import QueryProblem
from search.screening import MAX_WEIGHT, Criterion

RANKED = ("Numerical", "Ordinal", "Date")  # what an index or an extreme can rank by
SHOWN_ROWS = 4  # empty rows offered on the form
MAX_ROWS = 20
ROW_KEY = re.compile(r"^s(\d{1,2})(dir|target|w)?$")
SCREEN_KEYS = ("mode", "xcode", "xend", "xn", "xunit")
NOT_POPULATION = ("page", "per_page", "lang", "sort", "col")  # the search's, not a filter
MAX_COUNT = 100_000


@dataclass
class Row:
    code: str = ""
    direction: str = "+"  # +, - or ~ (closest to the target)
    target: str = ""
    weight: str = ""


@dataclass
class Extreme:
    code: str = ""
    end: str = "top"
    number: str = "10"
    unit: str = "count"  # count or percent


@dataclass
class ScreenForm:
    mode: str = "index"  # index or extreme
    submitted: bool = False  # the form's button was pressed (mode on the URL)
    rows: list[Row] = field(default_factory=list)
    extreme: Extreme = field(default_factory=Extreme)

    @property
    def asked(self) -> bool:
        """Whether the URL asks for a screening (a bare /screening shows the empty form)."""
        return self.submitted or any(r.code for r in self.rows)


def is_screen_key(key: str) -> bool:
    return key in SCREEN_KEYS or bool(ROW_KEY.match(key))


def population(args: MultiDict) -> MultiDict:
    """The search parameters that choose the accessions screened (q, facets, trait filters,
    selection...): everything on the URL that is not the screening's own or paging."""
    return MultiDict([(k, v) for k, v in args.items(multi=True)
                      if not is_screen_key(k) and k not in NOT_POPULATION])


def read_form(args: MultiDict) -> ScreenForm:
    numbers = sorted({int(m.group(1)) for k in args if (m := ROW_KEY.match(k))})[:MAX_ROWS]
    rows = [Row(*(args.get(f"s{n}{part}", default).strip()
                  for part, default in (("", ""), ("dir", "+"), ("target", ""), ("w", ""))))
            for n in numbers]
    rows = [r for r in rows if r.code or r.target or r.weight]
    rows += [Row() for _ in range(max(0, SHOWN_ROWS - len(rows)))]
    extreme = Extreme(*(args.get(k, default).strip() for k, default in (
        ("xcode", ""), ("xend", "top"), ("xn", "10"), ("xunit", "count"))))
    mode = "extreme" if args.get("mode") == "extreme" else "index"
    return ScreenForm(mode, "mode" in args, rows, extreme)


def criteria(form: ScreenForm, descriptors: dict) -> list[Criterion]:
    """The index's criteria, one per row with a trait; raises QueryProblem."""
    found, rows_of = [], {}
    for number, row in enumerate(form.rows, start=1):
        if not row.code:
            if row.target:
                raise _problem(number, "", _("choose a trait for this target"))
            continue
        descriptor = _ranked(descriptors, row.code, number)
        if descriptor.code in rows_of:
            raise _problem(number, "", _("%(name)s is already in row %(other)s",
                                         name=descriptor.name(str(get_locale())),
                                         other=rows_of[descriptor.code]))
        rows_of[descriptor.code] = number
        found.append(_criterion(descriptor, row, number))
    if not found:
        raise QueryProblem("s0", _("Choose at least one trait to rank by."))
    return found


def _problem(number: int, part: str, reason: str) -> QueryProblem:
    fields = {"": _("trait"), "dir": _("direction"), "target": _("target"), "w": _("weight")}
    return QueryProblem(f"s{number - 1}{part}", _("Row %(row)s, %(field)s: %(reason)s",
                                                  row=number, field=fields[part], reason=reason))


def _ranked(descriptors: dict, code: str, number: int):
    descriptor = descriptors.get(code.upper())
    if descriptor is None or descriptor.data_type not in RANKED:
        raise _problem(number, "", _("'%(code)s' is not a measured or scored trait",
                                     code=code[:40]))
    return descriptor


def _criterion(descriptor, row: Row, number: int) -> Criterion:
    weight = _weight(row.weight, number)
    if row.direction in ("+", "-"):
        return Criterion(descriptor.code, weight, 1 if row.direction == "+" else -1)
    if row.direction != "~":
        raise _problem(number, "dir", _("choose higher is better, lower is better or a target"))
    if not row.target:
        raise _problem(number, "target", _("give the target value, e.g. 07-20 for a date"))
    return Criterion(descriptor.code, weight, target=_target(descriptor, row.target, number))


def _weight(text: str, number: int) -> float:
    value = _finite(text) if text else 1.0
    if value is None or not 0 < value <= MAX_WEIGHT:
        raise _problem(number, "w", _("'%(value)s' is not a number above 0 and at most "
                                      "%(most)s", value=text[:40], most=f"{MAX_WEIGHT:g}"))
    return value


def _target(descriptor, text: str, number: int) -> float:
    if descriptor.data_type == "Date":
        try:
            value = date_bound(descriptor.code, text)
        except BoundProblem:
            raise _problem(number, "target", _("'%(value)s' is not a date; write 07-20, 0720 "
                                               "or 7月20日", value=text[:40])) from None
    elif (value := _finite(text)) is None:
        raise _problem(number, "target", _("'%(value)s' is not a number", value=text[:40]))
    bottom, top = scale_of(descriptor)
    if (bottom is not None and value < bottom) or (top is not None and value > top):
        raise _problem(number, "target", _(
            "%(value)s is outside the scale (%(bottom)s to %(top)s)", value=text[:40],
            bottom=shown_value(descriptor, bottom), top=shown_value(descriptor, top)))
    return value


def _finite(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def extreme_choice(form: ScreenForm, descriptors: dict) -> dict:
    """Keyword arguments for search.screening.extreme_rows; raises QueryProblem."""
    chosen = form.extreme
    descriptor = descriptors.get(chosen.code.upper())
    if descriptor is None or descriptor.data_type not in RANKED:
        raise _extreme_problem("xcode", _("choose a measured or scored trait"))
    if chosen.end not in ("top", "bottom"):
        raise _extreme_problem("xend", _("choose highest or lowest"))
    value = _finite(chosen.number)
    if chosen.unit == "percent":
        if value is None or not 0 < value <= 100:
            raise _extreme_problem("xn", _("'%(value)s' is not a percentage above 0 and at "
                                           "most 100", value=chosen.number[:40]))
        return {"code": descriptor.code, "low_end": chosen.end == "bottom", "percent": value}
    if chosen.unit != "count":
        raise _extreme_problem("xunit", _("choose accessions or per cent"))
    if value is None or value != int(value) or not 1 <= value <= MAX_COUNT:
        raise _extreme_problem("xn", _("'%(value)s' is not a whole number from 1 to %(most)s",
                                       value=chosen.number[:40], most=MAX_COUNT))
    return {"code": descriptor.code, "low_end": chosen.end == "bottom", "count": int(value)}


def _extreme_problem(key: str, reason: str) -> QueryProblem:
    fields = {"xcode": _("trait"), "xend": _("end"), "xn": _("number"), "xunit": _("unit")}
    return QueryProblem(key, _("Extremes, %(field)s: %(reason)s", field=fields[key],
                               reason=reason))
