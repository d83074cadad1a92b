"""The distances a core is chosen from, each a symmetric accession × accession matrix.

- Traits: Gower's distance over the overall trait summaries (every year together). A measured
  descriptor (numerical, date as day of year, ordinal score) counts by its mean, scaled by its
  range over the candidates: |x − y| / range, so every descriptor weighs the same whatever its
  unit; a nominal descriptor counts by its mode: 0 when equal, 1 when not. The distance is the
  mean over the descriptors summarised for both accessions.
- SSR: germplasm.fingerprints.distance (1 − the proportion of shared alleles).
- Both: the average of the two where both exist, otherwise the one that does.
A pair with nothing to compare gets the mean of the known distances, so it neither attracts
nor repels the choice.
"""
from dataclasses import dataclass, field

import numpy as np

from germplasm.evaluations.summaries import NUMERIC_TYPES


@dataclass
class Traits:
    ids: list[int]
    numeric: dict[str, np.ndarray] = field(default_factory=dict)  # code: means, NaN missing
    categorical: dict[str, np.ndarray] = field(default_factory=dict)  # code: modes, None missing


def traits(rows) -> Traits:
    """From (accession id, code, data type, mean, mode) rows: one value array per descriptor
    over the accessions with at least one value."""
    kept = [r for r in rows if (r[3] if r[2] in NUMERIC_TYPES else r[4]) is not None]
    ids = sorted({r[0] for r in kept})
    row_of = {a: i for i, a in enumerate(ids)}
    found = Traits(ids)
    for accession_id, code, data_type, mean, mode in kept:
        if data_type in NUMERIC_TYPES:
            column = found.numeric.setdefault(code, np.full(len(ids), np.nan))
            column[row_of[accession_id]] = mean
        else:
            column = found.categorical.setdefault(code, np.full(len(ids), None, dtype=object))
            column[row_of[accession_id]] = mode
    return found


def gower(found: Traits) -> np.ndarray:
    """NaN where no descriptor is summarised for both accessions."""
    n = len(found.ids)
    total, compared = np.zeros((n, n), np.float32), np.zeros((n, n), np.float32)
    for values in found.numeric.values():
        known = ~np.isnan(values)
        spread = np.nanmax(values) - np.nanmin(values) if known.any() else 0
        scaled = np.where(known, values / (spread or 1), 0).astype(np.float32)
        part = scaled[:, None] - scaled[None, :]
        _add(total, compared, np.abs(part, out=part), known)
    for values in found.categorical.values():
        codes = _codes(values)
        _add(total, compared, np.not_equal.outer(codes, codes).astype(np.float32), codes >= 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(compared > 0, total / compared, np.nan).astype(np.float32)


def _add(total, compared, part, known) -> None:
    """In place: the n × n temporaries dominate the time at thousands of accessions."""
    both = np.outer(known.astype(np.float32), known.astype(np.float32))
    part *= both
    total += part
    compared += both


def _codes(values: np.ndarray) -> np.ndarray:
    labels = {v: i for i, v in enumerate(sorted({v for v in values if v is not None}))}
    return np.array([labels.get(v, -1) if v is not None else -1 for v in values])


def widen(matrix: np.ndarray, ids: list[int], into: list[int]) -> np.ndarray:
    """The matrix over `into` (a superset of `ids`), NaN for the accessions it lacks."""
    rows = np.searchsorted(into, ids)
    wide = np.full((len(into), len(into)), np.nan, np.float32)
    wide[np.ix_(rows, rows)] = matrix
    return wide


def average(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The mean of the two where both are known, else the known one (NaN if neither)."""
    both = ~np.isnan(first) & ~np.isnan(second)
    return np.where(both, (first + second) / 2, np.where(np.isnan(first), second, first))


def completed(matrix: np.ndarray) -> np.ndarray:
    """NaN replaced by the mean known distance; the diagonal 0."""
    known = matrix[~np.isnan(matrix)]
    filled = np.nan_to_num(matrix, nan=float(known.mean()) if known.size else 1.0)
    np.fill_diagonal(filled, 0)
    return filled.astype(np.float32)
