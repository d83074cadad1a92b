"""The entry form's own fields (replicate, tree, observer, date) and its typed dates.

Dates are typed as nursery staff write them (7-15, 0715, 7月15日, ISO) in a plain text field,
read by the sheet import's parser with the campaign's year; messages name the field."""
from dataclasses import dataclass
from datetime import date

from flask_babel import get_locale
from flask_babel import gettext as _

from germplasm.evaluations import limits
from germplasm.evaluations.dates import DateProblem, ImpossibleDate, infer_order, parse_date
from germplasm.evaluations.values import is_missing

NOTE = "note-"  # form name prefix of an observation's notes: note-FRUIT_WEIGHT


@dataclass
class EntryMeta:
    replicate: int = 1
    plant: str = ""
    observer: str | None = None
    observed_on: date | None = None


class EntryProblem(ValueError):
    """A field's value the form refuses, with a message in the page's language."""


def locale() -> str:
    return str(get_locale())


def typed_date(label: str, raw: str, year: int) -> date:
    """A date as typed; month/day order for a slashed 7/8 (the Chinese and US habit)."""
    try:
        return parse_date(raw, year, infer_order([raw]) or "mdy")
    except ImpossibleDate:
        raise EntryProblem(_("%(field)s: %(value)s is not a real date (no such day in "
                             "%(year)s)", field=label, value=raw, year=year)) from None
    except DateProblem:
        raise EntryProblem(_("%(field)s: %(value)s is not a date; write 7-15, 0715, 7月15日 "
                             "or %(year)s-07-15", field=label, value=raw, year=year)) from None


def read_meta(form, year: int, me: str) -> tuple[EntryMeta, dict[str, str]]:
    """The form's own fields, and {field: message} for the wrong ones."""
    meta, errors = EntryMeta(), {}
    checks = {
        "replicate": lambda: limits.replicate(form.get("replicate")),
        "plant": lambda: limits.text("PLANT", form.get("plant")) or "",
        "observer": lambda: limits.text("OBSERVER", form.get("observer") or me),
        "observed_on": lambda: _observed_on(form.get("observed_on"), year),
    }
    for name, check in checks.items():
        try:
            setattr(meta, name, check())
        except (limits.FieldProblem, EntryProblem) as problem:
            errors[name] = str(problem)
    return meta, errors


def _observed_on(raw: str | None, year: int) -> date | None:
    raw = (raw or "").strip()
    return None if is_missing(raw) else typed_date(_("Observed on"), raw, year)


def notes(label: str, raw: str | None) -> str | None:
    try:
        return limits.text("NOTES", raw)
    except limits.FieldProblem as problem:
        raise EntryProblem(_("%(field)s, notes: %(problem)s", field=label,
                             problem=str(problem))) from None
