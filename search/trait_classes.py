"""Classes of a measured trait (SSC 12–14 °Brix, harvest 07-01–07-10) with their counts.

The classes are even steps of a round width over the range of the collection the caller may
see, so they stay put while the user narrows the search. Each class's `value` is a trait range
that keeps exactly the class: its lower bound, then the largest visible summary below the next
bound (written in full), so following a facet link returns exactly its count. Restricted
accessions never shape a public class: their values would show in its bounds.
"""
import math
from datetime import date, timedelta

import numpy as np

from search.derived import derived
from search.snapshot import Snapshot
from search.tally import Tally

CLASSES = 6  # about this many classes over the collection's range
NICE_STEPS = (1, 2, 2.5, 5, 10)
DAY_STEPS = (1, 2, 5, 7, 10, 14, 15, 30, 61)


def numeric_classes(snap: Snapshot, code: str, tally: Tally) -> list[dict]:
    """The classes of the trait over the visible collection, counted over the selected."""
    is_date = snap.descriptors[code].data_type == "Date"
    values = snap.means[code]
    collection = derived("trait classes", (values,),
                         lambda: _collection(values, tally.visible, is_date), *tally.visibility)
    if collection is None:
        return []
    edges, tops, classes = collection
    counts = tally.counts(classes, minlength=len(edges) + 1)[1:]
    unit = snap.descriptors[code].unit or ""
    return [{"value": f"{_number(edges[i])}..{tops[i]!r}",
             "label": _label(edges[i], edges[i] + _step(edges), is_date, unit),
             "count": int(counts[i])}
            for i in range(len(edges)) if counts[i]]


def _collection(values: np.ndarray, visible: np.ndarray, is_date: bool):
    """The classes over the visible collection, made once per snapshot and visibility:
    (their lower bounds, the largest visible value in each, and each accession's class
    plus one, 0 for none); None when no visible accession has a value."""
    known = values[visible & ~np.isnan(values)]
    if not len(known):
        return None
    edges = class_edges(float(known.min()), float(known.max()), is_date)
    classes = np.zeros(len(values), dtype=np.int16)
    valued = ~np.isnan(values)
    classes[valued] = _class_of(edges, values[valued]) + 1
    return edges, _largest_per_class(edges, known), classes


def class_edges(low: float, high: float, is_date: bool) -> np.ndarray:
    """Lower bounds of the classes: round steps covering low..high."""
    raw = (high - low) / CLASSES or 1.0
    if is_date:
        step = next((s for s in DAY_STEPS if s >= raw), DAY_STEPS[-1])
    else:
        magnitude = 10.0 ** math.floor(math.log10(raw))
        step = next(s * magnitude for s in NICE_STEPS if s * magnitude >= raw)
    start = math.floor(low / step) * step
    count = int(math.floor((high - start) / step)) + 1
    # Bounds as they are written in the facet's value, so that the class and the range agree.
    return np.array([float(_number(start + step * i)) for i in range(count)])


def _step(edges: np.ndarray) -> float:
    return float(edges[1] - edges[0]) if len(edges) > 1 else 1.0


def _class_of(edges: np.ndarray, values: np.ndarray) -> np.ndarray:
    return np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(edges) - 1)


def _largest_per_class(edges: np.ndarray, known: np.ndarray) -> list[float]:
    classes = _class_of(edges, known)
    tops = np.full(len(edges), -np.inf)
    np.maximum.at(tops, classes, known)
    return [float(t) for t in tops]


def _number(value: float) -> str:
    return f"{value:.10g}"


def _label(low: float, high: float, is_date: bool, unit: str) -> str:
    if is_date:
        return f"{_month_day(low)}–{_month_day(high - 1)}"
    return f"{_number(low)}–{_number(high)}{' ' + unit if unit else ''}"


def _month_day(day_of_year: float) -> str:
    day = date(2025, 1, 1) + timedelta(days=int(day_of_year) - 1)
    return day.strftime("%m-%d")
