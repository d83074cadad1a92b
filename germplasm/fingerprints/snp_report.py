"""The duplicate and mislabel report over SNP matrices, in the SSR report's shape: groups of
accessions at most `threshold` apart over at least `min_markers` SNPs called in both, and
recorded parent–offspring pairs homozygous for opposite alleles at some SNP, and accessions of
the same name farther apart than `threshold`."""
from sqlalchemy import ColumnElement

from germplasm.fingerprints import services, snp_services
from germplasm.fingerprints.names import shared_names
from germplasm.fingerprints.report import close_groups, named_apart
from germplasm.fingerprints.snp_distance import distances, opposite_homozygotes
from germplasm.pollination.services import recorded_parents

NAMES_SHOWN = 20  # SNPs named per conflict; `count` says how many there are


def build(threshold: float = 0.0, min_markers: int = 1,
          scope: ColumnElement | None = None) -> dict:
    found = snp_services.matrix(scope)
    numbers = services.accession_numbers(found.ids)
    apart = distances(found.ids, found.calls)
    return {"duplicates": close_groups(apart, numbers, threshold, min_markers),
            "parent_conflicts": parent_conflicts(found, numbers),
            "name_conflicts": named_apart(apart, shared_names(found.ids), numbers, threshold,
                                          min_markers)}


def parent_conflicts(found: snp_services.Matrix, numbers: dict[int, str]) -> list[dict]:
    row = {a: i for i, a in enumerate(found.ids)}
    conflicts = []
    for child, parents in sorted(recorded_parents().items()):
        for parent in sorted(set(parents.values())):
            if child in row and parent in row:
                at = opposite_homozygotes(found.calls[row[child]], found.calls[row[parent]])
                if len(at):
                    conflicts.append({"accenumb": numbers[child], "parent": numbers[parent],
                                      "markers": [found.names[j] for j in at[:NAMES_SHOWN]],
                                      "count": len(at)})
    return sorted(conflicts, key=lambda c: (c["accenumb"], c["parent"]))
