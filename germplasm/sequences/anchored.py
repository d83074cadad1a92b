"""A local alignment computed piecewise along a chain of exact k-mer matches (anchors): between
two anchors a global alignment of the short stretches between them, at both ends a local one
that must reach the outer anchor. Cells computed: about the query's length × the anchor
spacing, not query × subject, which is what made the search's p95 miss 1 s. For related
sequences this is the alignment Smith-Waterman finds; when it cannot be built the caller
aligns the whole pair."""
import numpy as np
from Bio import Align

from germplasm.sequences.kmers import K, codes

SPACING = 96  # query bases from one anchor to the next: pieces of ~85 × 85 cells
DRIFT = 100  # how far (in diagonals) an anchor may lie from the main diagonal


def scoring(mode: str) -> Align.PairwiseAligner:
    # The scores of similarity.aligner(): the pieces add up to the same scoring.
    found = Align.PairwiseAligner(mode=mode)
    found.match_score, found.mismatch_score = 2, -3
    found.open_gap_score = found.extend_gap_score = -4
    return found


def chain(subject: str, query: str) -> list[tuple[int, int]]:
    """(query start, subject start) of k-mers found once in the query and also in the
    subject, near the main diagonal, increasing in both, about SPACING apart."""
    q_codes, q_starts = codes(query)
    s_codes, s_starts = codes(subject)
    values, first, counts = np.unique(q_codes, return_index=True, return_counts=True)
    values, first = values[counts == 1], q_starts[first[counts == 1]]
    if not len(values) or not len(s_codes):
        return []
    at = np.minimum(np.searchsorted(values, s_codes), len(values) - 1)
    found = values[at] == s_codes
    q_at, s_at = first[at[found]], s_starts[found]
    if not len(q_at):
        return []
    diagonals = s_at - q_at
    main = np.bincount(diagonals - diagonals.min()).argmax() + diagonals.min()
    near = np.abs(diagonals - main) <= DRIFT
    order = np.argsort(q_at[near], kind="stable")
    anchors: list[tuple[int, int]] = []
    for q, s in zip(q_at[near][order].tolist(), s_at[near][order].tolist(), strict=True):
        if not anchors or (q >= anchors[-1][0] + SPACING and s >= anchors[-1][1] + K
                           and abs((s - q) - (anchors[-1][1] - anchors[-1][0])) <= SPACING // 2):
            anchors.append((q, s))
    return anchors


def align(subject: str, query: str) -> Align.Alignment | None:
    """The piecewise local alignment of query on subject, None when it cannot be built."""
    anchors = chain(subject, query)
    if len(anchors) < 2:
        return None
    (q0, s0), (q1, s1) = anchors[0], anchors[-1]
    low = max(0, s0 - q0 - DRIFT)
    left = _piece("local", subject[low:s0 + K], query[:q0 + K], low, 0, end=True)
    right = _piece("local", subject[s1:s1 + len(query) - q1 + DRIFT], query[q1:], s1, q1,
                   end=False)
    if left is None or right is None:
        return None
    parts = [left]  # the end pieces hold the first and the last anchor
    for (qa, sa), (qb, sb) in zip(anchors, anchors[1:], strict=False):
        parts.append(_between(subject[sa + K:sb], query[qa + K:qb], sa + K, qa + K))
        parts.append(np.array([[sb, sb + K], [qb, qb + K]]))
    parts[-1] = right
    coordinates = np.hstack(parts)
    keep = np.concatenate(([True], np.any(np.diff(coordinates, axis=1) != 0, axis=0)))
    return Align.Alignment([subject, query], coordinates[:, keep])


def _between(subject: str, query: str, s_off: int, q_off: int) -> np.ndarray:
    if not subject or not query:  # one of the two has nothing here: a single gap
        return np.array([[s_off, s_off + len(subject)], [q_off, q_off + len(query)]])
    found = _ALIGNERS["global"].align(subject, query)[0]
    return found.coordinates + np.array([[s_off], [q_off]])


def _piece(mode: str, subject: str, query: str, s_off: int, q_off: int,
           end: bool) -> np.ndarray | None:
    """An end piece, local, which must reach its anchor: end at the end of both strings
    (left piece, end=True) or start at the start of both (right piece)."""
    found = _ALIGNERS[mode].align(subject, query)
    if not found.score or found.score <= 0:
        return None
    coordinates = found[0].coordinates
    reaches = (coordinates[:, -1] == (len(subject), len(query))) if end else (
        coordinates[:, 0] == (0, 0))
    return coordinates + np.array([[s_off], [q_off]]) if reaches.all() else None


_ALIGNERS = {"global": scoring("global"), "local": scoring("local")}
