"""Boolean masks over the snapshot for prefixes, flags and trait filters."""
import re

import numpy as np

from germplasm.accessions.mcpd_fields import valid_codes
from germplasm.accessions.visibility import Scope
from germplasm.extensions import db
from germplasm.reference.models import Country
from germplasm.reference.provinces import PROVINCES
from search.derived import derived
from search.messages import gettext as _
from search.query import QueryProblem, SearchRequest, TraitFilter
from search.snapshot import Snapshot, microseconds, storage_bit

SAMPSTAT_CODE = re.compile(r"^[0-9]{3}$")  # ASCII digits only: ² and ① pass isdigit()


def request_mask(snap: Snapshot, request: SearchRequest, can_see_restricted: Scope) -> np.ndarray:
    """`can_see_restricted`: the caller's visibility scope (True, False or a partner's
    institutes, see germplasm.accessions.visibility)."""
    mask = snap.visible(can_see_restricted)
    if can_see_restricted and request.restricted is not None:  # some restricted are seen
        mask &= snap.columns["restricted"] == request.restricted
    if request.historic is not None:
        mask &= snap.columns["historic"] == request.historic
    if request.updated_since is not None:
        mask &= snap.columns["updated_at"] >= microseconds(request.updated_since)
    for name, values in request.filters.items():
        mask &= FILTERS[name](snap, values)
    for trait in request.traits:
        mask &= trait_mask(snap, trait)
    return mask


def trait_mask(snap: Snapshot, trait: TraitFilter) -> np.ndarray:
    if trait.categories is not None:
        labels = snap.labels.get(f"c_{trait.code}")
        modes = snap.modes.get(trait.code)
        if labels is None or modes is None:
            return np.zeros(len(snap.ids), dtype=bool)
        wanted = [labels.index[c] for c in trait.categories if c in labels.index]
        return np.isin(modes, wanted)
    means = snap.means.get(trait.code)
    if means is None:
        return np.zeros(len(snap.ids), dtype=bool)
    with np.errstate(invalid="ignore"):
        mask = ~np.isnan(means)
        if trait.low is not None:
            mask &= means >= trait.low
        if trait.high is not None:
            mask &= means <= trait.high
    return mask


def _label_mask(snap: Snapshot, column: str, matches) -> np.ndarray:
    wanted = np.array([bool(matches(label)) for label in snap.labels[column].values],
                      dtype=bool)
    return wanted[snap.columns[column]]  # codes index the labels: a look-up, not np.isin


def _species(snap: Snapshot, values: list[str]) -> np.ndarray:
    wanted = {v.lower() for v in values}

    def matches(label: str) -> bool:
        words = label.lower().split()
        return label.lower() in wanted or bool(words[1:2]) and words[1] in wanted
    return _label_mask(snap, "species", matches)


def _genus(snap: Snapshot, values: list[str]) -> np.ndarray:
    wanted = {v.lower() for v in values}
    return _label_mask(snap, "species", lambda label: label.split()[0].lower() in wanted)


def _origin(snap: Snapshot, values: list[str]) -> np.ndarray:
    codes = set()
    for value in values:
        codes |= _country_codes(value)
    return _label_mask(snap, "origin", lambda label: label in codes)


def _country_codes(value: str) -> set[str]:
    if len(value) == 3 and value.isalpha():
        return {value.upper()}
    query = db.select(Country.code).where((Country.name_zh == value)
                                          | (db.func.lower(Country.name_en) == value.lower()))
    codes = set(db.session.scalars(query))
    if not codes:
        raise QueryProblem("origin", _("'%(value)s' is not a country code or name",
                                       value=value))
    return codes


def _province(snap: Snapshot, values: list[str]) -> np.ndarray:
    english = {en.lower(): zh for zh, en in PROVINCES}
    wanted = {english.get(v.lower(), v.removesuffix("省").removesuffix("市")) for v in values}
    return _label_mask(snap, "province", lambda label: label in wanted)


def _sampstat(snap: Snapshot, values: list[str]) -> np.ndarray:
    mask = np.zeros(len(snap.ids), dtype=bool)
    column = snap.columns["sampstat"]
    for value in values:
        if not SAMPSTAT_CODE.match(value):
            raise QueryProblem("sampstat", _("'%(value)s' is not a SAMPSTAT code (three "
                                             "digits, e.g. 300, or 100 for the whole wild "
                                             "group)", value=value))
        code = int(value)
        # A code ending in 00 (or 10, 20) stands for its whole group, as in MCPD.
        step = 100 if code % 100 == 0 else 10 if code % 10 == 0 else 1
        mask |= (column >= code) & (column < code + step)
    return mask


def _storage(snap: Snapshot, values: list[str]) -> np.ndarray:
    bits, known = 0, valid_codes("STORAGE")
    for value in values:
        if value not in known:
            raise QueryProblem("storage", _("'%(value)s' is not a STORAGE code; use one of "
                                            "%(codes)s", value=value,
                                            codes=", ".join(sorted(known, key=int))))
        bits |= 1 << storage_bit(value)
    return (snap.columns["storage"] & bits) != 0


def _selection(snap: Snapshot, tokens: list[str]) -> np.ndarray:
    """The accessions of the selections named by their links (QueryProblem for an unknown one)."""
    from germplasm.selections.services import accession_ids_of

    ids = [i for token in dict.fromkeys(tokens) for i in accession_ids_of(token)]
    return np.isin(snap.ids, np.array(ids, dtype=snap.ids.dtype))


def _accenumb(snap: Snapshot, values: list[str]) -> np.ndarray:
    """Exact accession numbers (the same number may be held by several institutes),
    through a table made once per snapshot rather than a scan of every number."""
    where = derived("positions of accenumb", (snap.accenumb,), lambda: _positions(snap))
    mask = np.zeros(len(snap.ids), dtype=bool)
    mask[[p for v in values for p in where.get(v, ())]] = True
    return mask


def _positions(snap: Snapshot) -> dict[str, list[int]]:
    table: dict[str, list[int]] = {}
    for position, number in enumerate(snap.accenumb):
        table.setdefault(number, []).append(position)
    return table


def _instcode(snap: Snapshot, values: list[str]) -> np.ndarray:
    wanted = {v.upper() for v in values}
    return _label_mask(snap, "instcode", lambda label: (label or "").upper() in wanted)


FILTERS = {"species": _species, "genus": _genus, "origin": _origin, "province": _province,
           "sampstat": _sampstat, "storage": _storage, "selection": _selection,
           "accenumb": _accenumb, "instcode": _instcode}
