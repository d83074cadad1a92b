"""k-mer codes of nucleotide sequences and an inverted table of them: the prefilter that
leaves the aligner a handful of candidates out of thousands of sequences."""
import numpy as np

K = 11  # 4**11 codes fit in 32 bits; 11-mers shared by chance between 1.5 kb sequences: ~0
_CODE = np.full(256, 255, dtype=np.uint8)
for _i, _base in enumerate("ACGT"):
    _CODE[ord(_base)] = _CODE[ord(_base.lower())] = _i
_CODE[ord("U")] = _CODE[ord("u")] = 3
_COMPLEMENT = str.maketrans("ACGTURYKMBVDHNacgturykmbvdhn", "TGCAAYRMKVBHDNtgcaayrmkvbhdn")


def reverse_complement(residues: str) -> str:
    return residues.translate(_COMPLEMENT)[::-1]


def codes(residues: str) -> tuple[np.ndarray, np.ndarray]:
    """(code, start position) of every k-mer made of A, C, G, T only."""
    values = _CODE[np.frombuffer(residues.encode("ascii"), dtype=np.uint8)]
    count = len(values) - K + 1
    if count < 1:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    # K shifted adds rather than a (count x K) matrix product: numpy has no BLAS for ints.
    bad = np.concatenate(([0], np.cumsum(values == 255)))
    clean = (bad[K:] - bad[:count]) == 0
    digits = np.where(values == 255, 0, values).astype(np.int64)
    code = np.zeros(count, dtype=np.int64)
    for shift in range(K):
        code = code * 4 + digits[shift:shift + count]
    return code[clean], np.flatnonzero(clean)


def unique_codes(residues: str) -> np.ndarray:
    return np.unique(codes(residues)[0])


class KmerTable:
    """Every sequence's distinct k-mers, sorted by code: counting the k-mers a query shares
    with each sequence is a few binary searches and one bincount."""

    def __init__(self, per_sequence: list[np.ndarray]):
        self.size = len(per_sequence)
        owners = np.repeat(np.arange(self.size, dtype=np.int32),
                           [len(c) for c in per_sequence])
        all_codes = np.concatenate(per_sequence) if per_sequence else np.empty(0, np.int64)
        order = np.argsort(all_codes, kind="stable")
        self.codes, self.owners = all_codes[order], owners[order]

    def shared(self, query_codes: np.ndarray) -> np.ndarray:
        """How many of `query_codes` (distinct) each sequence holds."""
        left = np.searchsorted(self.codes, query_codes, side="left")
        right = np.searchsorted(self.codes, query_codes, side="right")
        lengths = right - left
        if not lengths.sum():
            return np.zeros(self.size, dtype=np.int64)
        starts = np.repeat(left - np.cumsum(lengths) + lengths, lengths)
        at = starts + np.arange(lengths.sum())
        return np.bincount(self.owners[at], minlength=self.size)


def densest_window(subject: str, query_codes: np.ndarray, width: int) -> int:
    """Where in a long subject the query's k-mers cluster: the start of the window of
    `width` holding most of them (0 when none)."""
    subject_codes, positions = codes(subject)
    hits = positions[np.isin(subject_codes, query_codes)]
    if not len(hits):
        return 0
    counts = np.searchsorted(hits, hits + width) - np.arange(len(hits))
    return int(hits[int(np.argmax(counts))])
