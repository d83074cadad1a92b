"""Elite and special-trait screening on the trait summaries.

A selection index: each chosen trait is standardised over the whole collection (z-scores),
signed by its direction (higher or lower is better) or turned into closeness to a target,
weighted, and summed. Filters apply first; accessions lacking a chosen trait are left out.
"""
import math
import re
from dataclasses import dataclass

import numpy as np

from germplasm.accessions.models import Accession
from germplasm.accessions.visibility import Scope
from germplasm.extensions import db
from search.bounds import BoundProblem, date_bound
from search.engine import find
from search.messages import gettext as _
from search.query import QueryProblem, SearchRequest
from search.snapshot import Snapshot, get_snapshot

CRITERION = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):"
                       r"(?:([+-])(\d*\.?\d*)|~([^:]+)(?::(\d*\.?\d*))?)$")
MAX_WEIGHT = 1000.0
EXTREME = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):(top|bottom|high|low):(\d+(?:\.\d+)?)$", re.I)


@dataclass
class Criterion:
    code: str
    weight: float
    direction: int = 1  # +1 higher is better, -1 lower is better
    target: float | None = None  # closest to this value is best


def parse_criterion(text: str, snap: Snapshot) -> Criterion:
    match = CRITERION.match(text.strip())
    if not match:
        raise QueryProblem("trait", _("'%(value)s': use CODE:+W, CODE:-W or CODE:~TARGET[:W]",
                                      value=text[:60]))
    code, sign, weight, target, target_weight = match.groups()
    code = code.upper()
    descriptor = snap.descriptors.get(code)
    if descriptor is None or descriptor.data_type not in ("Numerical", "Ordinal", "Date"):
        raise QueryProblem("trait", _("%(code)s is not a measured or scored descriptor",
                                      code=code[:40]))
    if sign:
        return Criterion(code, _weight(weight), 1 if sign == "+" else -1)
    return Criterion(code, _weight(target_weight), target=_target(descriptor, target))


def _weight(text: str | None) -> float:
    value = _number(text, _("weight")) if text else 1.0
    if not 0 < value <= MAX_WEIGHT:
        raise QueryProblem("trait", _("weights must be above 0 and at most %(most)s; the sign "
                                      "gives the direction", most=f"{MAX_WEIGHT:g}"))
    return value


def _target(descriptor, text: str) -> float:
    """A date as the search's trait filter reads it (07-20, 0720 = 20 July, 7月20日)."""
    if descriptor.data_type == "Date":
        try:
            return date_bound(descriptor.code, text)
        except BoundProblem as problem:
            raise QueryProblem("trait", _("%(part)s: %(reason)s", part=_("target"),
                                          reason=str(problem))) from None
    return _number(text, _("target"))


def _number(text: str, part: str) -> float:
    """A finite number: 400 digits make inf in float(), and inf is not JSON."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise QueryProblem("trait", _("%(part)s: '%(value)s' is not a number", part=part,
                                      value=text[:40]))
    return value


def standardised(values: np.ndarray, criterion: Criterion) -> np.ndarray:
    """z-scores over the collection, oriented so that larger is always better."""
    present = values[~np.isnan(values)]
    sd = present.std(ddof=1) if len(present) > 1 else 0.0
    if not sd:
        return np.zeros_like(values)
    if criterion.target is not None:
        return -np.abs(values - criterion.target) / sd
    return criterion.direction * (values - present.mean()) / sd


def selection_index(request: SearchRequest, criteria: list[Criterion], top: int,
                    can_see_restricted: Scope, offset: int = 0) -> dict:
    """The ranked accessions `offset` to `offset + top` (named), and how many qualify."""
    ranked = rank(request, criteria, can_see_restricted)
    rows = [_row(ranked.snapshot, p, criteria, ranked.scores)
            for p in ranked.order[offset:offset + top]]
    _name(rows)
    return {"total": len(ranked.order), "excluded_missing": ranked.excluded_missing,
            "criteria": [vars(c) for c in criteria], "items": rows}


@dataclass
class Ranking:
    snapshot: Snapshot
    order: np.ndarray  # snapshot positions, best index first
    scores: dict  # code -> oriented z-scores over the whole snapshot
    excluded_missing: int


def rank(request: SearchRequest, criteria: list[Criterion], can_see_restricted: Scope) -> Ranking:
    """Every accession of the request that has all the criteria's traits, best first."""
    if not criteria:
        raise QueryProblem("trait", _("choose at least one trait, e.g. SSC:+2"))
    matches = find(request, can_see_restricted)
    snap, positions = matches.snapshot, matches.positions
    scores = {c.code: standardised(_visible_values(snap, c.code, matches.visible), c)
              for c in criteria}
    complete = positions[np.all([~np.isnan(scores[c.code][positions]) for c in criteria],
                                axis=0)] if len(positions) else positions
    index = sum(c.weight * scores[c.code][complete] for c in criteria)
    order = complete[np.argsort(-index, kind="stable")]
    return Ranking(snap, order, scores, len(positions) - len(complete))


def _visible_values(snap: Snapshot, code: str, visible: np.ndarray) -> np.ndarray:
    """The trait's means where the caller may see them, NaN elsewhere: the z-scores' mean and
    spread must not move with restricted accessions' values."""
    values = snap.means.get(code)
    if values is None:
        return np.full(len(snap.ids), np.nan)
    return np.where(visible, values, np.nan)


def _row(snap: Snapshot, position: int, criteria: list[Criterion], scores: dict) -> dict:
    contributions = {c.code: {"value": round(float(snap.means[c.code][position]), 3),
                              "z": round(float(scores[c.code][position]), 3),
                              "weighted": round(float(c.weight * scores[c.code][position]), 3)}
                     for c in criteria}
    return {"accession_id": int(snap.ids[position]), "accenumb": str(snap.accenumb[position]),
            # the exact sum, so that shown indexes never disagree with the order
            "index": round(float(sum(c.weight * scores[c.code][position] for c in criteria)), 3),
            "contributions": contributions}


def extremes(request: SearchRequest, text: str, can_see_restricted: Scope,
             limit: int = 100) -> dict:
    """The accessions in the top or bottom x % of a trait (e.g. the earliest 5 % to ripen)."""
    match = EXTREME.match(text.strip())
    if not match:
        raise QueryProblem("extreme", _("'%(value)s': use CODE:top:PERCENT or "
                                        "CODE:bottom:PERCENT", value=text[:60]))
    code, end, percent = match.group(1).upper(), match.group(2).lower(), float(match.group(3))
    if not 0 < percent <= 100:
        raise QueryProblem("extreme", _("the percentage must be between 0 and 100"))
    if get_snapshot().means.get(code) is None:
        raise QueryProblem("extreme", _("%(code)s has no measured values", code=code[:40]))
    return extreme_rows(request, code, end in ("bottom", "low"), can_see_restricted,
                        percent=percent, limit=limit)


def extreme_rows(request: SearchRequest, code: str, low_end: bool, can_see_restricted: Scope,
                 percent: float | None = None, count: int | None = None,
                 limit: int = 100, offset: int = 0) -> dict:
    """The top or bottom `percent` % or `count` accessions of a trait, rows `offset` to
    `offset + limit` named; ties at the threshold of a percentage are all kept."""
    matches = find(request, can_see_restricted)
    snap = matches.snapshot
    values = snap.means.get(code)
    if values is None:
        values = np.full(len(snap.ids), np.nan)
    chosen = matches.positions[~np.isnan(values[matches.positions])]
    result = {"trait": code, "end": "bottom" if low_end else "top", "percent": percent,
              "count": count, "threshold": None, "total": 0, "items": []}
    if not len(chosen):  # nothing selected has the trait: no threshold to speak of
        return result
    keep = chosen[np.argsort(values[chosen] if low_end else -values[chosen], kind="stable")]
    if count is not None:
        keep = keep[:count]
        threshold = values[keep[-1]]
    else:
        threshold = np.percentile(values[chosen], percent if low_end else 100 - percent)
        keep = keep[values[keep] <= threshold] if low_end else keep[values[keep] >= threshold]
    rows = [{"accession_id": int(snap.ids[p]), "accenumb": str(snap.accenumb[p]),
             "value": round(float(values[p]), 3)} for p in keep[offset:offset + limit]]
    _name(rows)
    return {**result, "threshold": round(float(threshold), 3), "total": len(keep),
            "items": rows}


def _name(rows: list[dict]) -> None:
    """Add names and species to result rows (in chunks: an export may name thousands)."""
    ids, found = [row["accession_id"] for row in rows], {}
    for start in range(0, len(ids), 1000):
        found.update({a.id: a for a in db.session.scalars(db.select(Accession).where(
            Accession.id.in_(ids[start:start + 1000])))})
    for row in rows:
        accession = found[row["accession_id"]]
        row["names"] = [n.name for n in accession.names]
        row["species"] = accession.taxon.scientific_name
