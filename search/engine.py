"""Run a search: text hits from the index, filters and facets from the snapshot, one page."""
import logging

import numpy as np

from germplasm.accessions.models import AccessionName
from germplasm.accessions.visibility import Scope
from germplasm.extensions import db
from search.accession_index import IndexUnavailable
from search.derived import derived
from search.facets import facets
from search.fallback import database_hits
from search.filters import request_mask
from search.ordering import arrange
from search.query import SearchRequest
from search.snapshot import Snapshot, get_snapshot, moment_of
from search.text import text_matches

log = logging.getLogger(__name__)
DEFAULT_TRAITS = ("HARVEST_DATE", "FRUIT_WEIGHT", "SSC")


class Matches:
    """Every matching accession: `selected` (snapshot positions, ascending) and
    `positions`, the same in result order, sorted when first asked for; first(n) sorts
    only as far as a page needs."""

    def __init__(self, snapshot: Snapshot, selected: np.ndarray, scores: np.ndarray | None,
                 source: str, visible: np.ndarray, arrange):
        self.snapshot, self.selected, self.source = snapshot, selected, source
        self.scores = scores  # aligned with the snapshot, NaN where no text score
        self.visible = visible  # what the caller may see: public figures come from these only
        self._arrange = arrange  # count (None: all) -> the first positions in result order
        self._positions = None

    @property
    def positions(self) -> np.ndarray:
        if self._positions is None:
            self._positions = self._arrange(None)
        return self._positions

    @positions.setter
    def positions(self, positions: np.ndarray) -> None:  # a caller narrowing the result
        self._positions = positions

    @property
    def members(self) -> np.ndarray:
        """The matches in no particular order (for counting)."""
        return self.selected if self._positions is None else self._positions

    def first(self, count: int) -> np.ndarray:
        return self._arrange(count) if self._positions is None else self._positions[:count]


def find(request: SearchRequest, can_see_restricted: Scope) -> Matches:
    """Every matching accession the caller may see, ordered as asked. `can_see_restricted`
    is the caller's visibility scope: True (staff: all), False (the public) or a partner's
    frozenset of INSTCODEs (germplasm.accessions.visibility)."""
    snap = get_snapshot()
    visible = snap.visible(can_see_restricted)
    mask = request_mask(snap, request, can_see_restricted)
    scores, source = None, "index"
    if request.text:
        scores, source = _text_mask(snap, request.text, mask, visible)
    selected = np.flatnonzero(mask)
    return Matches(snap, selected, scores, source, visible,
                   lambda count: arrange(snap, selected, request, scores, count))


def _text_mask(snap: Snapshot, text: str, mask: np.ndarray, visible: np.ndarray):
    """Narrow `mask` to the text's matches; (relevance per snapshot position, or None when
    answered from the database, and the source)."""
    found = {}

    def any_visible(ids: np.ndarray) -> bool:
        # Whether the exact words matched decides on fuzzy matching: judged among what the
        # caller may see, or a fuzzy answer would reveal words of restricted records.
        found["ids"], found["where"] = ids, _where(snap, ids)
        return bool(visible[found["where"][0][found["where"][1]]].any())

    try:
        _, ids, scores = text_matches(text, any_visible)
    except IndexUnavailable as problem:
        log.warning("search index unavailable (%s); answering from the database", problem)
        ids, _ = database_hits(text)
        mask &= _aligned(snap, _where(snap, ids), np.ones(len(ids))) == 1
        return None, "database"
    where = found["where"] if found.get("ids") is ids else _where(snap, ids)
    aligned = _aligned(snap, where, scores)
    mask &= ~np.isnan(aligned)
    return aligned, "index"


def _where(snap: Snapshot, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(a snapshot position for each id, whether it is that id's), shared by the fuzzy-
    matching check and the alignment. Accession ids are mostly dense: a table from id to
    position, made once per snapshot, answers 460,000 of them in a millisecond, where a
    binary search of the snapshot's ids took ten."""
    if not len(snap.ids) or not len(ids):
        return np.empty(0, dtype=np.intp), np.empty(0, dtype=bool)
    table = derived("position of id", (snap.ids,), lambda: _position_table(snap.ids))
    if table is None:  # ids too sparse for a table
        clipped = np.minimum(np.searchsorted(snap.ids, ids), len(snap.ids) - 1)
        return clipped, snap.ids[clipped] == ids
    inside = (ids >= 0) & (ids < len(table))
    where = table[np.where(inside, ids, 0)]
    known = inside & (where >= 0)
    return np.where(known, where, 0), known


def _position_table(ids: np.ndarray) -> np.ndarray | None:
    """id -> snapshot position (-1: not in the snapshot), when the ids are dense enough."""
    if ids[0] < 0 or ids[-1] >= 4 * len(ids) + 1024:
        return None
    table = np.full(int(ids[-1]) + 1, -1, dtype=np.int32 if len(ids) < 2**31 else np.int64)
    table[ids] = np.arange(len(ids))
    return table


def _aligned(snap: Snapshot, where: tuple, values: np.ndarray) -> np.ndarray:
    """values placed at the snapshot positions `where` (from _where); NaN everywhere else."""
    aligned = np.full(len(snap.ids), np.nan)
    clipped, known = where
    if len(clipped):
        aligned[clipped[known]] = values[known]
    return aligned


def page_of(matches: Matches, request: SearchRequest, locale: str, columns=()) -> dict:
    """One page of items, with the trait columns asked for (default: those filtered or
    sorted on, then harvest date, fruit weight and soluble solids)."""
    start = (request.page - 1) * request.per_page
    positions = matches.first(start + request.per_page)[start:]
    codes = list(columns) or trait_columns(request)
    return {
        "total": len(matches.members), "page": request.page, "per_page": request.per_page,
        "source": matches.source,
        "items": _items(matches, positions, codes),
        "facets": facets(matches.snapshot, matches.members, locale,
                         [t.code for t in request.traits], matches.visible),
    }


def trait_columns(request: SearchRequest) -> list[str]:
    return list(dict.fromkeys([t.code for t in request.traits]
                              + ([request.sort.lstrip("-")] if _is_trait(request.sort) else [])
                              + list(DEFAULT_TRAITS)))


def _is_trait(sort: str) -> bool:
    return bool(sort) and sort.lstrip("-") not in ("relevance", "accenumb")


def _items(matches: Matches, positions: np.ndarray, codes: list[str]) -> list[dict]:
    snap = matches.snapshot
    names = _names([int(snap.ids[p]) for p in positions])
    instcodes, species = snap.labels["instcode"].values, snap.labels["species"].values
    items = []
    for position in positions:
        score = matches.scores[position] if matches.scores is not None else np.nan
        items.append({
            "id": int(snap.ids[position]),
            "accenumb": snap.accenumb[position],
            "instcode": instcodes[snap.columns["instcode"][position]],
            "names": names.get(int(snap.ids[position]), []),
            "species": species[snap.columns["species"][position]],
            "score": None if np.isnan(score) else round(float(score), 4),
            "traits": _traits(snap, position, codes),
            "updated_at": moment_of(snap.columns["updated_at"][position]),
        })
    return items


def _names(accession_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    query = db.select(AccessionName.accession_id, AccessionName.name).where(
        AccessionName.accession_id.in_(accession_ids)).order_by(AccessionName.position)
    for accession_id, name in db.session.execute(query):
        names.setdefault(accession_id, []).append(name)
    return names


def _traits(snap: Snapshot, position: int, codes: list[str]) -> dict:
    traits = {}
    for code in codes:
        value = trait_at(snap, code, position)
        if value is not None:
            traits[code] = round(value, 3) if isinstance(value, float) else value
    return traits


def trait_at(snap: Snapshot, code: str, position: int):
    """What a result shows for a trait: a coded trait's grade (its most frequent category
    code; an ordinal score's mean is no grade anyone recorded), else the mean; None if none."""
    descriptor = snap.descriptors.get(code)
    coded = descriptor is not None and descriptor.data_type in ("Ordinal", "Nominal")
    modes, means = snap.modes.get(code), snap.means.get(code)
    if coded and modes is not None and modes[position] >= 0:
        return snap.labels[f"c_{code}"].values[modes[position]]
    if means is not None and not np.isnan(means[position]):
        return float(means[position])
    if modes is not None and modes[position] >= 0:
        return snap.labels[f"c_{code}"].values[modes[position]]
    return None
