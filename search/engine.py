"""Run a search: text hits from the index, filters and facets from the snapshot, one page."""
import logging
from dataclasses import dataclass

import numpy as np

from germplasm.accessions.models import AccessionName
from germplasm.extensions import db
from search.accession_index import IndexUnavailable
from search.facets import facets
from search.fallback import database_hits
from search.filters import request_mask
from search.query import SearchRequest
from search.snapshot import Snapshot, get_snapshot
from search.text import text_matches

log = logging.getLogger(__name__)
DEFAULT_TRAITS = ("HARVEST_DATE", "FRUIT_WEIGHT", "SSC")


@dataclass
class Matches:
    snapshot: Snapshot
    positions: np.ndarray  # snapshot positions, in result order
    scores: np.ndarray | None  # aligned with the snapshot, NaN where no text score
    source: str
    visible: np.ndarray  # what the caller may see: public figures come from these only


def find(request: SearchRequest, can_see_restricted: bool) -> Matches:
    """Every matching accession, ordered as asked."""
    snap = get_snapshot()
    visible = snap.visible(can_see_restricted)
    mask = request_mask(snap, request, can_see_restricted)
    scores, source = None, "index"
    if request.text:
        scores, source = _text_mask(snap, request.text, mask, visible)
    selected = np.flatnonzero(mask)
    return Matches(snap, _order(snap, selected, request, scores), scores, source, visible)


def _text_mask(snap: Snapshot, text: str, mask: np.ndarray, visible: np.ndarray):
    """Narrow `mask` to the text's matches; (relevance per snapshot position, or None when
    answered from the database, and the source)."""
    def any_visible(ids: np.ndarray) -> bool:
        # Whether the exact words matched decides on fuzzy matching: judged among what the
        # caller may see, or a fuzzy answer would reveal words of restricted records.
        return bool(visible[snap.positions(ids)].any())

    try:
        _, ids, scores = text_matches(text, any_visible)
    except IndexUnavailable as problem:
        log.warning("search index unavailable (%s); answering from the database", problem)
        ids, _ = database_hits(text)
        mask &= _aligned(snap, ids, np.ones(len(ids))) == 1
        return None, "database"
    aligned = _aligned(snap, ids, scores)
    mask &= ~np.isnan(aligned)
    return aligned, "index"


def _aligned(snap: Snapshot, ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    """values placed at the snapshot positions of ids; NaN everywhere else."""
    aligned = np.full(len(snap.ids), np.nan)
    if len(snap.ids) and len(ids):
        where = np.searchsorted(snap.ids, ids)
        clipped = np.minimum(where, len(snap.ids) - 1)
        known = snap.ids[clipped] == ids
        aligned[clipped[known]] = values[known]
    return aligned


def _order(snap: Snapshot, selected: np.ndarray, request: SearchRequest,
           scores: np.ndarray | None) -> np.ndarray:
    sort = request.sort or ("relevance" if request.text else "accenumb")
    names = snap.columns["accenumb_rank"][selected]
    if sort == "relevance" and scores is not None:
        keys = (names, -scores[selected])
    elif sort.lstrip("-") == "accenumb":
        keys = (names,)
    else:
        keys = (names, *_trait_keys(snap, selected, sort))
    order = np.lexsort(keys)
    if sort == "-accenumb":
        order = order[::-1]
    return selected[order]


def _trait_keys(snap: Snapshot, selected: np.ndarray, sort: str):
    code, descending = sort.lstrip("-"), sort.startswith("-")
    values = snap.means.get(code)
    if values is None and code in snap.modes:
        labels = snap.labels[f"c_{code}"].values
        as_number = np.array([_number(v) for v in labels] + [np.nan])
        values = as_number[snap.modes[code]]  # -1 (no mode) picks the trailing NaN
    if values is None:
        values = np.full(len(snap.ids), np.nan)
    chosen = values[selected]
    missing = np.isnan(chosen)
    key = np.where(missing, 0, -chosen if descending else chosen)
    return key, missing  # lexsort: the last key is primary, so missing values go last


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return np.nan


def page_of(matches: Matches, request: SearchRequest, locale: str, columns=()) -> dict:
    """One page of items, with the trait columns asked for (default: those filtered or
    sorted on, then harvest date, fruit weight and soluble solids)."""
    start = (request.page - 1) * request.per_page
    positions = matches.positions[start:start + request.per_page]
    codes = list(columns) or trait_columns(request)
    return {
        "total": len(matches.positions), "page": request.page, "per_page": request.per_page,
        "source": matches.source,
        "items": _items(matches, positions, codes),
        "facets": facets(matches.snapshot, matches.positions, locale,
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
            "accenumb": snap.accenumb[position],
            "instcode": instcodes[snap.columns["instcode"][position]],
            "names": names.get(int(snap.ids[position]), []),
            "species": species[snap.columns["species"][position]],
            "score": None if np.isnan(score) else round(float(score), 4),
            "traits": _traits(snap, position, codes),
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
        if code in snap.means and not np.isnan(snap.means[code][position]):
            traits[code] = round(float(snap.means[code][position]), 3)
        elif code in snap.modes and snap.modes[code][position] >= 0:
            traits[code] = snap.labels[f"c_{code}"].values[snap.modes[code][position]]
    return traits
