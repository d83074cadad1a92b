"""Fingerprint distance: 1 − the proportion of shared alleles, over the markers typed in both
accessions (the number compared is returned with it). Per marker the share is
|A ∩ B| / max(|A|, |B|), which is 1 for identical allele sets at any ploidy."""
from dataclasses import dataclass

import numpy as np


@dataclass
class Distances:
    ids: list[int]  # accession ids, the rows and columns of both matrices
    distance: np.ndarray  # float, NaN where no marker is typed in both
    compared: np.ndarray  # int, markers typed in both


def distances(fingerprints: dict[int, dict[int, tuple[int, ...]]]) -> Distances:
    """All pairs at once: per marker, an accession × allele 0/1 matrix whose product with its
    transpose counts shared alleles."""
    ids = sorted(fingerprints)
    n = len(ids)
    shared = np.zeros((n, n))
    compared = np.zeros((n, n), dtype=np.int64)
    for marker in sorted({m for f in fingerprints.values() for m in f}):
        alleles = sorted({a for f in fingerprints.values() for a in f.get(marker, ())})
        column = {a: j for j, a in enumerate(alleles)}
        present = np.zeros((n, len(alleles)))
        for i, accession in enumerate(ids):
            for allele in fingerprints[accession].get(marker, ()):
                present[i, column[allele]] = 1
        counts = present.sum(axis=1)
        typed = counts > 0
        both = np.outer(typed, typed)
        larger = np.maximum.outer(counts, counts)
        shared += np.where(both, (present @ present.T) / np.where(both, larger, 1), 0)
        compared += both
    with np.errstate(invalid="ignore", divide="ignore"):
        distance = np.where(compared > 0, 1 - shared / np.maximum(compared, 1), np.nan)
    return Distances(ids, distance, compared)


def conflicting_markers(child: dict[int, tuple[int, ...]],
                        parent: dict[int, tuple[int, ...]]) -> list[int]:
    """Markers typed in both at which a parent and its offspring share no allele."""
    return sorted(m for m in child.keys() & parent.keys() if not set(child[m]) & set(parent[m]))
