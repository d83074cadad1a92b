"""SNP fingerprint distance: per SNP the proportion of shared alleles for dosage calls is
1 − |g1 − g2| / 2, averaged over the SNPs called in both (their number is returned with it);
the distance is 1 minus that average. All pairs at once with matrix products, a block of
SNPs at a time so memory stays small."""
import numpy as np

from germplasm.fingerprints.distance import Distances

BLOCK = 8192  # SNPs per block: 500 accessions × 8,192 × 2 × float32 is 33 MB


def distances(ids: list[int], calls: np.ndarray) -> Distances:
    """`calls` is accessions × SNPs, int8 0/1/2 and -1 for missing.

    Twice the share at a SNP called in both, 2 − |g1 − g2|, is 1 + h1·h2 + e1·e2 with
    h = +1 for 0, −1 for 2 (else 0) and e = 1 for 1 (else 0): 0 and 2 give 1 − 1 = 0,
    equal calls 2, one step apart 1. So two products of a matrix with its own transpose
    (BLAS syrk, half the work of a general product) sum it over a block, in integers, exactly."""
    n = len(ids)
    compared = np.zeros((n, n), dtype=np.float64)
    agreement = np.zeros((n, n), dtype=np.float64)  # Σ (h1·h2 + e1·e2)
    for start in range(0, calls.shape[1], BLOCK):
        block = calls[:, start:start + BLOCK]
        called = (block >= 0).astype(np.float32)
        signs = np.hstack([(block == 0).astype(np.float32) - (block == 2), block == 1],
                          dtype=np.float32)
        compared += called @ called.T
        agreement += signs @ signs.T
    with np.errstate(invalid="ignore", divide="ignore"):
        distance = np.where(compared > 0, (compared - agreement) / (2 * compared), np.nan)
    return Distances(list(ids), distance, compared.astype(np.int64))


def opposite_homozygotes(child: np.ndarray, parent: np.ndarray) -> np.ndarray:
    """Indexes of the SNPs at which one is 0 and the other 2: no allele in common, which a
    parent and its offspring cannot be."""
    return np.flatnonzero(((child == 0) & (parent == 2)) | ((child == 2) & (parent == 0)))
