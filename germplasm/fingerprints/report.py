"""The duplicate and mislabel report: groups of accessions whose fingerprints are identical or
nearly (distance ≤ threshold over at least `min_markers` markers), and parent–offspring pairs
from the recorded pedigree sharing no allele at a marker; and accessions going by the same name
whose fingerprints disagree (distance > threshold over at least `min_markers`): possible
mislabels."""
import numpy as np
from sqlalchemy import ColumnElement

from germplasm.fingerprints import services
from germplasm.fingerprints.distance import Distances, conflicting_markers, distances
from germplasm.fingerprints.names import shared_names
from germplasm.pollination.services import recorded_parents


def build(threshold: float = 0.0, min_markers: int = 1,
          scope: ColumnElement | None = None, kind: str = "ssr") -> dict:
    if kind == "snp":
        from germplasm.fingerprints import snp_report  # here: it imports close_groups

        return snp_report.build(threshold, min_markers, scope)
    prints = services.fingerprints(scope)
    numbers = services.accession_numbers(prints)
    found = distances(prints)  # once, for both the duplicates and the name conflicts
    return {"duplicates": close_groups(found, numbers, threshold, min_markers),
            "parent_conflicts": parent_conflicts(prints, numbers, services.marker_names()),
            "name_conflicts": named_apart(found, shared_names(prints), numbers, threshold,
                                          min_markers)}


def close_groups(found: Distances, numbers, threshold, min_markers) -> list[list[str]]:
    """Accession numbers linked by a chain of pairs at most `threshold` apart (SSR or SNP)."""
    close = (found.compared >= min_markers) & (np.nan_to_num(found.distance, nan=2.0)
                                                <= threshold + 1e-9)
    root = list(range(len(found.ids)))

    def top(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(close, k=1)), strict=True):
        root[top(int(i))] = top(int(j))
    groups: dict[int, list[str]] = {}
    for i, accession in enumerate(found.ids):
        groups.setdefault(top(i), []).append(numbers[accession])
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def parent_conflicts(prints, numbers, names) -> list[dict]:
    conflicts = []
    for child, parents in sorted(recorded_parents().items()):
        for parent in sorted(set(parents.values())):
            if child in prints and parent in prints:
                markers = conflicting_markers(prints[child], prints[parent])
                if markers:
                    conflicts.append({"accenumb": numbers[child], "parent": numbers[parent],
                                      "markers": sorted(names[m] for m in markers)})
    return sorted(conflicts, key=lambda c: (c["accenumb"], c["parent"]))


def named_apart(found: Distances, shared: dict[str, list[int]], numbers, threshold,
                min_markers) -> list[dict]:
    """The name conflicts among `found`'s distances (SSR or SNP)."""
    conflicts = [{"name": name, "accessions": sorted([numbers[a], numbers[b]]),
                  "distance": round(distance, 3), "markers_compared": compared}
                 for name, ids in shared.items()
                 for a, b, distance, compared in _pairs(found, ids)
                 if compared >= min_markers and distance > threshold + 1e-9]
    return sorted(conflicts, key=lambda c: (c["name"], c["accessions"]))


def _pairs(found, ids: list[int]):
    """(id, id, distance, markers compared) for each pair of these accessions."""
    row = {accession: i for i, accession in enumerate(found.ids)}
    for k, first in enumerate(ids):
        for second in ids[k + 1:]:
            i, j = row[first], row[second]
            yield first, second, float(found.distance[i, j]), int(found.compared[i, j])
