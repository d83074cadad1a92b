"""Trait values as people read them."""
from datetime import date, timedelta

from flask import url_for
from flask_babel import get_locale, gettext, pgettext


def trait_value(value, descriptor) -> str:
    """Day of year as MM-DD for dates; numbers to one decimal; category codes as labels."""
    if value is None or value == "":
        return ""
    if descriptor is None:
        return str(value)
    if descriptor.data_type == "Date":
        day = date(2025, 1, 1) + timedelta(days=round(float(value)) - 1)
        return day.strftime("%m-%d")
    if isinstance(value, str):  # a category code: its label (no dict built per value)
        category = next((c for c in descriptor.categories if c.code == value), None)
        return category.label(str(get_locale())) if category else value
    decimals = descriptor.decimals if descriptor.decimals is not None else 1
    return f"{value:.{min(decimals, 2)}f}"


def grade_label(code: str | None, descriptor) -> str:
    """An ordinal grade as its label with its score, 中 (5); a nominal category (whose code
    is only a number in a list) as its label."""
    if code is None:
        return ""
    label = trait_value(code, descriptor)
    ordinal = descriptor.data_type == "Ordinal"
    return f"{label} ({code})" if ordinal and label != code else label



def grade_spread(grades, descriptor) -> str:
    """How often each grade was seen: 3 of 5 years: 中, 2: 强."""
    if grades is None or grades.total < 2:
        return ""
    (first, count), *rest = grades.counts
    parts = [_first_share(grades.unit, count, grades.total, trait_value(first, descriptor))]
    parts += [pgettext(grades.unit, "%(count)s: %(grade)s", count=n,
                       grade=trait_value(code, descriptor)) for code, n in rest]
    return gettext(", ").join(parts)


def _first_share(unit: str, count: int, total: int, grade: str) -> str:
    if unit == "years":
        return gettext("%(count)s of %(total)s years: %(grade)s", count=count, total=total,
                       grade=grade)
    return gettext("%(count)s of %(total)s observations: %(grade)s", count=count, total=total,
                   grade=grade)


def category_links(descriptor) -> dict[str, str]:
    """The search for the accessions whose grade (overall mode) is each category: the same
    `trait=CODE:category` filter as the search page, the API and the CLI use."""
    return {c.code: url_for("accessions.search_page", trait=f"{descriptor.code}:{c.code}")
            for c in descriptor.categories}
