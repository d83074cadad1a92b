"""The piecewise alignment along k-mer anchors gives Smith-Waterman's result on the real
matK and rbcL records (the similarity search relies on it to answer fast)."""
from itertools import combinations

from Bio import SeqIO

from germplasm.sequences import anchored
from germplasm.sequences.kmers import reverse_complement
from germplasm.sequences.similarity import aligner
from tests.sequences.conftest import CDS_FASTA, needs_realdata

pytestmark = needs_realdata


def records() -> dict[str, str]:
    return {r.id: str(r.seq) for r in SeqIO.parse(CDS_FASTA, "fasta")}


def figures(alignment) -> tuple:
    counts = alignment.counts()
    return counts.identities, counts.mismatches, counts.gaps, tuple(alignment.coordinates[:, 0]), \
        tuple(alignment.coordinates[:, -1])


def test_same_result_as_smith_waterman_for_every_pair_of_the_same_gene():
    texts = records()
    pairs = [(a, b) for a, b in combinations(texts, 2)
             if len(texts[a]) // 100 == len(texts[b]) // 100]
    assert len(pairs) == 6  # three matK and three rbcL records
    for subject, query in pairs:
        for cut in (slice(None), slice(200, 1100)):
            whole = aligner().align(texts[subject], texts[query][cut])[0]
            piecewise = anchored.align(texts[subject], texts[query][cut])
            assert figures(piecewise) == figures(whole), (subject, query, cut)
            assert whole.counts().identities > 0.95 * len(texts[query][cut])


def test_no_piecewise_alignment_without_anchors():
    texts = list(records().values())
    matk = next(t for t in texts if len(t) > 1500)
    rbcl = next(t for t in texts if len(t) < 1500)
    assert anchored.align(matk, rbcl) is None
    assert anchored.align(matk, reverse_complement(matk)) is None
