"""Similarity search: the stored sequences closest to a query, ranked by identity of a local
alignment (Bio.Align.PairwiseAligner), after a k-mer prefilter on both strands.

The k-mer table of every stored sequence is kept per process and rebuilt when the
sequences change (their count, greatest id and latest change differ)."""
import threading
import zlib
from dataclasses import dataclass

import numpy as np
from Bio import Align
from sqlalchemy import func, select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.sequences import anchored
from germplasm.sequences.kmers import (
    K,
    KmerTable,
    densest_window,
    reverse_complement,
    unique_codes,
)
from germplasm.sequences.models import Sequence
from search.messages import gettext as _

MIN_QUERY = 20
MAX_QUERY = 20_000
MARGIN = 100  # bases either side of the query's span when a long subject is cut to a window
MAX_ALIGNMENT_TEXT = 20_000
_lock = threading.Lock()
_cache: dict = {}


class QueryProblem(ValueError):
    pass


@dataclass
class Hit:
    sequence: Sequence
    identity: float  # identical columns / alignment columns
    coverage: float  # query bases inside the alignment / query length
    score: float
    shared_kmers: int
    strand: str  # "+" or "-" (the query's reverse complement matched)
    query_start: int  # 0-based, in the query as given (for "-": on its reverse complement)
    query_end: int
    subject_start: int
    subject_end: int
    alignment: str


def aligner() -> Align.PairwiseAligner:
    # Linear gap costs: Smith-Waterman is twice as fast as Gotoh's affine gaps here.
    found = Align.PairwiseAligner(mode="local")
    found.match_score, found.mismatch_score = 2, -3
    found.open_gap_score = found.extend_gap_score = -4
    return found


def clean_query(text: str) -> str:
    """A pasted sequence or FASTA text: the first record's residues."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if lines and lines[0].startswith(">"):
        lines = lines[1:]
        lines = lines[:next((i for i, line in enumerate(lines) if line.startswith(">")),
                            len(lines))]
    residues = "".join("".join(lines).split()).upper().replace("U", "T")
    if len(residues) < MIN_QUERY:
        raise QueryProblem(_("the sequence needs at least %(n)s bases", n=MIN_QUERY))
    if len(residues) > MAX_QUERY:
        raise QueryProblem(_("the sequence may have at most %(n)s bases", n=MAX_QUERY))
    if set(residues) - set("ACGTRYSWKMBDHVN"):
        raise QueryProblem(_("the sequence holds letters that are not nucleotides"))
    return residues


def search(query: str, scope=None, limit: int = 10, min_coverage: float = 0.3,
           candidates: int | None = None) -> list[Hit]:
    """The closest visible sequences, best first (identity, then coverage)."""
    residues = clean_query(query)
    table = _table()
    strands = {"+": unique_codes(residues), "-": unique_codes(reverse_complement(residues))}
    shared = {s: table["kmers"].shared(c) for s, c in strands.items()}
    best = np.maximum(shared["+"], shared["-"])
    best[~_visible(table["accession_ids"], scope)] = 0
    order = np.argsort(-best, kind="stable")[:candidates or max(limit, 10)]
    picked = [int(i) for i in order if best[i] > 0]
    rows = {s.id: s for s in db.session.scalars(select(Sequence).where(
        Sequence.id.in_([int(table["ids"][i]) for i in picked])))}
    hits = []
    for i in picked:
        strand = "+" if shared["+"][i] >= shared["-"][i] else "-"
        text = residues if strand == "+" else reverse_complement(residues)
        hit = _align(text, table["residues"][i], strands[strand], rows[int(table["ids"][i])])
        if hit and hit.coverage >= min_coverage:
            hit.shared_kmers, hit.strand = int(best[i]), strand
            hits.append(hit)
    hits.sort(key=lambda h: (-h.identity, -h.coverage, -h.score))
    return hits[:limit]


def _align(query: str, whole: str, query_codes, row: Sequence) -> Hit | None:
    offset, subject = 0, whole
    if len(whole) > len(query) + 3 * MARGIN:  # only where the query's k-mers cluster
        offset = max(0, densest_window(whole, query_codes, len(query)) - MARGIN)
        subject = whole[offset:offset + len(query) + 2 * MARGIN + K]
    alignment = anchored.align(subject, query) or _smith_waterman(subject, query)
    if alignment is None:
        return None
    counts = alignment.counts()
    score = 2.0 * counts.identities - 3.0 * counts.mismatches - 4.0 * counts.gaps
    if offset:  # positions in the whole subject, not in the window
        coordinates = alignment.coordinates.copy()
        coordinates[0] += offset
        alignment = Align.Alignment([whole, query], coordinates)
    columns = counts.identities + counts.mismatches + counts.gaps
    (s_start, *_rest, s_end), (q_start, *_more, q_end) = alignment.coordinates
    return Hit(row, round(counts.identities / columns, 4),
               round((q_end - q_start) / len(query), 4), score, 0, "+",
               int(q_start), int(q_end), int(s_start), int(s_end),
               format(alignment)[:MAX_ALIGNMENT_TEXT])


def _smith_waterman(subject: str, query: str) -> Align.Alignment | None:
    """The whole pair's local alignment: when anchors are too few to align piecewise."""
    found = aligner().align(subject, query)
    return found[0] if found.score and found.score > 0 else None


def _visible(accession_ids: np.ndarray, scope) -> np.ndarray:
    if scope is None:
        return np.ones(len(accession_ids), dtype=bool)
    allowed = db.session.scalars(select(Accession.id).where(scope)).all()
    return np.isin(accession_ids, np.array(allowed, dtype=np.int64))


def _table() -> dict:
    stamp = tuple(db.session.execute(select(
        func.count(Sequence.id), func.max(Sequence.id), func.max(Sequence.updated_at))).one())
    with _lock:
        if _cache.get("stamp") != stamp:
            _cache.clear()
            _cache.update(_build(), stamp=stamp)
        return dict(_cache)


def _build() -> dict:
    rows = db.session.execute(select(Sequence.id, Sequence.accession_id, Sequence.residues_z)
                              .order_by(Sequence.id)).all()
    residues = [zlib.decompress(z).decode("ascii") for _id, _acc, z in rows]
    return {"ids": np.array([r[0] for r in rows], dtype=np.int64),
            "accession_ids": np.array([r[1] for r in rows], dtype=np.int64),
            "residues": residues, "kmers": KmerTable([unique_codes(r) for r in residues])}
