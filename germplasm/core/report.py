"""What a core keeps, beside a random subset of the same size drawn with the same seed: the
mean distance to the nearest core entry (A-NE) and between entries (E-NE), SSR allele coverage,
each measured trait's range and mean, and each nominal trait's categories covered."""
import numpy as np

from germplasm.core import sampling
from germplasm.core.distances import Traits


def summary(distance: np.ndarray, ids: list[int], core: np.ndarray, baseline: np.ndarray,
            prints: dict, found: Traits | None) -> dict:
    picked = {"core": [ids[i] for i in core], "random": [ids[i] for i in baseline]}
    return {
        "candidates": len(ids),
        "size": len(core),
        "nearest_distance": {"core": sampling.ane(distance, core),
                             "random": sampling.ane(distance, baseline)},
        "entry_distance": {"core": sampling.ene(distance, core),
                           "random": sampling.ene(distance, baseline)},
        "allele_coverage": allele_coverage(prints, ids, picked),
        "numeric": numeric_traits(found, picked) if found else [],
        "categorical": categorical_traits(found, picked) if found else [],
    }


def alleles(prints: dict, ids) -> set[tuple[int, int]]:
    return {(marker, size) for a in ids for marker, sizes in prints.get(a, {}).items()
            for size in sizes}


def allele_coverage(prints: dict, ids: list[int], picked: dict) -> dict | None:
    """Percent of the candidates' alleles (marker, size) found in each subset."""
    whole = alleles(prints, ids)
    if not whole:
        return None
    return {"alleles": len(whole)} | {
        name: round(100 * len(alleles(prints, chosen)) / len(whole), 2)
        for name, chosen in picked.items()}


def numeric_traits(found: Traits, picked: dict) -> list[dict]:
    rows = []
    row_of = {a: i for i, a in enumerate(found.ids)}
    for code, values in sorted(found.numeric.items()):
        row = {"code": code, "whole": _spread(values)}
        for name, chosen in picked.items():
            row[name] = _spread(values[[row_of[a] for a in chosen if a in row_of]])
        rows.append(row)
    return rows


def _spread(values: np.ndarray) -> dict:
    known = values[~np.isnan(values)] if len(values) else values
    if not len(known):
        return {"n": 0, "min": None, "max": None, "mean": None}
    return {"n": int(len(known)), "min": round(float(known.min()), 3),
            "max": round(float(known.max()), 3), "mean": round(float(known.mean()), 3)}


def categorical_traits(found: Traits, picked: dict) -> list[dict]:
    rows = []
    row_of = {a: i for i, a in enumerate(found.ids)}
    for code, values in sorted(found.categorical.items()):
        row = {"code": code, "categories": len({v for v in values if v is not None})}
        for name, chosen in picked.items():
            row[name] = len({values[row_of[a]] for a in chosen
                             if a in row_of and values[row_of[a]] is not None})
        rows.append(row)
    return rows
