"""What the search page's URL filters by, as the page shows it: removable chips, facet links
and the trait panel's rows, all read from the same query parameters."""
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from search.query import QueryProblem, parse_trait

FACET_PARAMS = ("species", "sampstat", "origin", "province", "storage", "genus")
NOT_FILTERS = ("page", "lang")  # a changed filter starts again at page 1
RANGED = ("Numerical", "Ordinal", "Date")  # the data types a trait row can filter


@dataclass
class Chip:
    kind: str  # text, facet, trait, category
    label: str
    href: str  # the same search without this filter


def search_url(pairs) -> str:
    args = MultiDict([(k, v) for k, v in pairs if k not in NOT_FILTERS])
    return url_for("accessions.search_page", **args.to_dict(flat=False))


def without(args: MultiDict, drop) -> str:
    """The search URL without the (key, value) pairs for which `drop(key, value)` is true."""
    return search_url((k, v) for k, v in args.items(multi=True) if not drop(k, v))


def with_facet(args: MultiDict, key: str, value: str) -> str:
    """A facet's link: adds its value, or removes it when it is already chosen."""
    if value in args.getlist(key):
        return without(args, lambda k, v: (k, v) == (key, value))
    return search_url([*args.items(multi=True), (key, value)])


def chips(args: MultiDict, by_code: dict, facets: dict | None, locale: str) -> list[Chip]:
    """Every active filter of the URL, each with a link that drops it alone."""
    found = []
    if args.get("q", "").strip():
        found.append(Chip("text", f"“{args['q'].strip()}”", without(args, _is("q"))))
    found += _selection_chips(args)
    found += _facet_chips(args, facets or {})
    found += _trait_chips(args, by_code, facets or {}, locale)
    return found


def _is(key: str, value=None):
    return lambda k, v: k == key and (value is None or v == value)


def _facet_titles() -> dict[str, str]:
    return {"species": _("Species"), "sampstat": _("Biological status"),
            "origin": _("Origin"), "province": _("Province"), "storage": _("Storage"),
            "genus": _("Genus")}


def _facet_chips(args: MultiDict, facets: dict) -> list[Chip]:
    titles, found = _facet_titles(), []
    for key in FACET_PARAMS:
        labels = {str(f["value"]): f["label"] for f in facets.get(key, [])}
        for value in dict.fromkeys(v for v in args.getlist(key) if v.strip()):
            found.append(Chip("facet", f"{titles[key]}: {labels.get(value, value)}",
                              without(args, _is(key, value))))
    return found


def _trait_chips(args: MultiDict, by_code: dict, facets: dict, locale: str) -> list[Chip]:
    found = []
    for value in args.getlist("trait"):
        label = _trait_label(value, by_code, facets.get("traits", {}), locale)
        found.append(Chip("trait", label, without(args, _is("trait", value))))
    for row in _row_numbers(args):
        code, low, high = (args.get(f"t{row}{part}", "").strip() for part in ("", "min", "max"))
        name = by_code[code].name(locale) if code in by_code else code
        found.append(Chip("trait", f"{name}: {_range_text(low, high)}",
                          without(args, lambda k, v, r=row: k in _row_keys(r))))
    for key in args:
        if key.startswith("c_"):
            found += _category_chips(args, key, by_code.get(key[2:]), locale)
    return found


def _selection_chips(args: MultiDict) -> list[Chip]:
    from germplasm.selections.services import selection_label

    return [Chip("facet", f"{_('Selection')}: {selection_label(token)}",
                 without(args, _is("selection", token)))
            for token in dict.fromkeys(args.getlist("selection")) if token.strip()]


def _row_numbers(args: MultiDict) -> list[str]:
    """The trait rows (`t0`, `t0min`, `t0max`, ...) that filter: a code and a bound."""
    rows = sorted({k[1:] for k in args if k[0] == "t" and k[1:].isdigit()}, key=int)
    return [r for r in rows if args.get(f"t{r}", "").strip()
            and (args.get(f"t{r}min", "").strip() or args.get(f"t{r}max", "").strip())]


def _row_keys(row: str) -> tuple[str, ...]:
    return f"t{row}", f"t{row}min", f"t{row}max"


def _category_chips(args: MultiDict, key: str, descriptor, locale: str) -> list[Chip]:
    if descriptor is None:
        return []
    labels = {c.code: c.label(locale) for c in descriptor.categories}
    name = descriptor.name(locale)
    return [Chip("category", f"{name}: {labels.get(value, value)}",
                 without(args, _is(key, value))) for value in args.getlist(key)]


def _trait_label(expression: str, by_code: dict, classes: dict, locale: str) -> str:
    """`HARVEST_DATE:182..195` as its facet class's label, `FLESH_COLOR:5` as its categories."""
    code, _sep, spec = expression.partition(":")
    descriptor = by_code.get(code.strip().upper())
    if descriptor is None:
        return expression
    name = descriptor.name(locale)
    shown = {f["value"]: f["label"] for f in classes.get(descriptor.code, [])}
    if spec in shown:
        return f"{name}: {shown[spec]}"
    if descriptor.categories and ".." not in spec:
        labels = {c.code: c.label(locale) for c in descriptor.categories}
        chosen = _category_codes(expression, descriptor)
        return f"{name}: {' | '.join(labels[c] for c in sorted(chosen) if c in labels) or spec}"
    if ".." in spec:
        return f"{name}: {_range_text(*(part.strip() for part in spec.split('..', 1)))}"
    return f"{name}: {spec}"


def _range_text(low: str, high: str) -> str:
    if low and high:
        return f"{low}–{high}"
    return f"≥ {low}" if low else f"≤ {high}"


def _category_codes(expression: str, descriptor) -> frozenset[str]:
    try:
        return parse_trait(expression, {descriptor.code: descriptor}).categories or frozenset()
    except QueryProblem:
        return frozenset()


@dataclass
class TraitPanel:
    rows: list[tuple[str, str, str]]  # (code, min, max) for each row of the form
    checked: dict[str, set[str]]  # descriptor code -> its checked category codes

    @property
    def active(self) -> bool:
        return any(code for code, _low, _high in self.rows) or any(self.checked.values())


def trait_panel(args: MultiDict, by_code: dict, least_rows: int) -> TraitPanel:
    """The form's trait rows and checkboxes filled from the URL: its own rows first, then any
    `trait=CODE:min..max` and `trait=CODE:a|b` (facet links), so the panel shows every trait
    filter and a new search from the form keeps exactly those."""
    rows = [tuple(args.get(f"t{r}{p}", "").strip() for p in ("", "min", "max"))
            for r in _row_numbers(args)]
    checked = {key[2:]: set(args.getlist(key)) for key in args if key.startswith("c_")}
    for expression in args.getlist("trait"):
        code, _sep, spec = expression.partition(":")
        descriptor = by_code.get(code.strip().upper())
        if descriptor is None:
            continue
        if ".." in spec and descriptor.data_type in RANGED:
            low, high = (part.strip() for part in spec.split("..", 1))
            rows.append((descriptor.code, low, high))
        elif descriptor.categories:
            checked.setdefault(descriptor.code, set()).update(
                _category_codes(expression, descriptor))
    rows += [("", "", "")] * max(0, least_rows - len(rows))
    return TraitPanel(rows, checked)


def page_filters(args: MultiDict, by_code: dict, facets: dict | None, locale: str,
                 least_rows: int) -> dict:
    """What the search template needs to show the URL's filters."""
    return {"chips": chips(args, by_code, facets, locale),
            "panel": trait_panel(args, by_code, least_rows), "facet_url": with_facet}
