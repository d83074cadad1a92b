"""The search request: free text, field prefixes, trait filters, sort and page, validated."""
import math
import re
from dataclasses import dataclass, field
from datetime import datetime

from germplasm.evaluations.dates import normalise
from germplasm.evaluations.models import Descriptor
from search import bounds
from search.bounds import BoundProblem, check_scale, date_bound
from search.messages import gettext as _

PREFIXES = {"species": "species", "origin": "origin", "province": "province",
            "sampstat": "sampstat", "storage": "storage", "genus": "genus"}
TRAIT = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):(.*)$")
MAX_PER_PAGE = 100
MAX_PAGE = 100_000  # far beyond any result set; larger numbers overflow SQL integers
MAX_TEXT = 500  # characters of free text: a name or a few words, not a document


class QueryProblem(ValueError):
    """A malformed request; `parameter` names what was wrong."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter


@dataclass
class TraitFilter:
    code: str
    low: float | None = None
    high: float | None = None
    categories: frozenset[str] | None = None  # category codes, matched against the mode


@dataclass
class SearchRequest:
    text: str = ""
    traits: list[TraitFilter] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)  # species, origin, ...
    historic: bool | None = None
    restricted: bool | None = None
    updated_since: datetime | None = None  # aware; accessions changed at or after it
    sort: str = ""  # "", "relevance", "accenumb", "CODE" or "-CODE"
    page: int = 1
    per_page: int = 20


def parse_trait(expression: str, descriptors: dict[str, Descriptor],
                parameter: str = "trait") -> TraitFilter:
    match = TRAIT.match(normalise(expression))
    if not match:
        raise QueryProblem(parameter, _("'%(value)s' is not CODE:min..max or CODE:a|b",
                                        value=expression))
    code, spec = match.group(1).upper(), match.group(2).strip()
    descriptor = descriptors.get(code)
    if descriptor is None:
        raise QueryProblem(parameter, _("%(code)s is not a descriptor code", code=code))
    if ".." in spec:
        return _range(descriptor, spec, parameter)
    return TraitFilter(code, categories=_categories(descriptor, spec, parameter))


def _range(descriptor: Descriptor, spec: str, parameter: str) -> TraitFilter:
    if descriptor.data_type not in ("Numerical", "Ordinal", "Date"):
        raise QueryProblem(parameter, _("%(code)s has categories, not a range: use "
                                        "%(code)s:a|b", code=descriptor.code))
    low_text, high_text = (part.strip() for part in spec.split("..", 1))
    if not low_text and not high_text:
        raise QueryProblem(parameter, _("%(code)s: give at least one end of the range",
                                        code=descriptor.code))
    try:
        low, high = _bound(descriptor, low_text), _bound(descriptor, high_text)
        if low is not None and high is not None and low > high:
            raise BoundProblem(_("%(code)s: %(low)s is above %(high)s", code=descriptor.code,
                                 low=low_text, high=high_text))
        check_scale(descriptor, low, high, spec)
    except BoundProblem as problem:
        raise QueryProblem(parameter, str(problem)) from None
    return TraitFilter(descriptor.code, low, high)


def _bound(descriptor: Descriptor, text: str) -> float | None:
    if not text:
        return None
    if descriptor.data_type == "Date":
        return date_bound(descriptor.code, text)
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):  # also "nan", "inf" and 400 digits, which float() accepts
        raise BoundProblem(_("%(code)s: '%(value)s' is not a number", code=descriptor.code,
                             value=text))
    return value


def day_of_year(month: int, day: int, parameter: str = "trait") -> int:
    """MM-DD as a day of year in a common (non-leap) year."""
    try:
        return bounds.day_of_year(month, day)
    except BoundProblem as problem:
        raise QueryProblem(parameter, str(problem)) from None


def _categories(descriptor: Descriptor, spec: str, parameter: str) -> frozenset[str]:
    if not descriptor.categories:
        raise QueryProblem(parameter, _("%(code)s is measured: use %(code)s:min..max",
                                        code=descriptor.code))
    lookup = {}
    for category in descriptor.categories:
        for key in (category.code, category.label_zh, category.label_en):
            lookup[normalise(key).lower()] = category.code
    codes = set()
    for part in filter(None, (p.strip() for p in spec.split("|"))):
        if part.lower() not in lookup:
            raise QueryProblem(parameter, _("'%(value)s' is not a category of %(code)s",
                                            value=part, code=descriptor.code))
        codes.add(lookup[part.lower()])
    if not codes:
        raise QueryProblem(parameter, _("%(code)s: give a category", code=descriptor.code))
    return frozenset(codes)


def split_query(q: str, descriptors: dict[str, Descriptor], request: SearchRequest) -> None:
    """Move `species:salicina` prefixes and `SSC:14..` trait filters out of the free text."""
    if len(q or "") > MAX_TEXT:
        raise QueryProblem("q", _("the search text has %(n)s characters; at most %(max)s",
                                  n=len(q), max=MAX_TEXT))
    words = []
    for word in normalise(q or "").split():
        match = TRAIT.match(word)
        key = match.group(1) if match else ""
        if key.lower() in PREFIXES and match.group(2):
            request.filters.setdefault(PREFIXES[key.lower()], []).append(match.group(2))
        elif key.upper() in descriptors:
            request.traits.append(parse_trait(word, descriptors, "q"))
        else:
            words.append(word)
    request.text = " ".join(words)


def check_sort(sort: str, descriptors: dict[str, Descriptor]) -> str:
    key = (sort or "").strip()
    if key in ("", "relevance", "accenumb", "-accenumb"):
        return key
    if key.lstrip("-").upper() not in descriptors:
        raise QueryProblem("sort", _("'%(value)s': sort by relevance, accenumb or a descriptor "
                                     "code (-CODE for descending)", value=sort))
    return ("-" if key.startswith("-") else "") + key.lstrip("-").upper()


def check_page(page, per_page) -> tuple[int, int]:
    try:
        page, per_page = int(page or 1), int(per_page or 20)
    except (TypeError, ValueError):
        raise QueryProblem("page", _("page and per_page must be whole numbers")) from None
    if not 1 <= page <= MAX_PAGE:
        raise QueryProblem("page", _("page is a number from 1 to %(max)s", max=MAX_PAGE))
    return page, max(1, min(per_page, MAX_PER_PAGE))
