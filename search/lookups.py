"""Plain copies of the reference data a search needs, taken with each snapshot.

ORM objects kept from one request are expired by another request's commit; these copies
never are, and they save every API request the queries for descriptors, countries and
code lists. Changes to descriptors bump the catalogue version (see search.state), so the
copies follow them."""
from dataclasses import dataclass

from germplasm.evaluations.models import Descriptor
from germplasm.extensions import db
from germplasm.reference.models import CodeListEntry, Country


@dataclass(frozen=True)
class Category:
    code: str
    label_zh: str
    label_en: str

    def label(self, locale: str) -> str:
        return self.label_zh if locale.startswith("zh") else self.label_en


@dataclass(frozen=True)
class DescriptorInfo:
    id: int
    code: str
    group: str
    data_type: str
    unit: str | None
    decimals: int | None
    name_zh: str
    name_en: str
    categories: tuple[Category, ...]
    min_value: float | None = None  # the scale, to refuse a filter nothing can pass
    max_value: float | None = None
    min_date: str | None = None  # MM-DD, for Date descriptors
    max_date: str | None = None

    def name(self, locale: str) -> str:
        return self.name_zh if locale.startswith("zh") else self.name_en


@dataclass
class Lookups:
    descriptors: dict[str, DescriptorInfo]
    countries: dict[str, tuple[str, str]]  # code -> (Chinese, English) name
    sampstat: dict[int, tuple[str, str]]  # code -> (Chinese, English) label


def load_lookups() -> Lookups:
    descriptors = {d.code: _descriptor(d) for d in db.session.scalars(db.select(Descriptor))}
    countries = {c.code: (c.name_zh, c.name_en) for c in db.session.scalars(db.select(Country))}
    sampstat = {int(e.code): (e.label_zh, e.label_en) for e in db.session.scalars(
        db.select(CodeListEntry).filter_by(list_name="SAMPSTAT"))}
    return Lookups(descriptors, countries, sampstat)


def _descriptor(d: Descriptor) -> DescriptorInfo:
    categories = tuple(Category(c.code, c.label_zh, c.label_en) for c in d.categories)
    return DescriptorInfo(d.id, d.code, d.group, d.data_type, d.unit, d.decimals, d.name_zh,
                          d.name_en, categories, d.min_value, d.max_value, d.min_date,
                          d.max_date)
