"""Match and score a whoosh query on numpy arrays: the documents whoosh would match, with
whoosh's BM25F scores, for every match at once.

Walking 45,000 postings of 李 through whoosh's matchers costs a few hundred milliseconds;
the same sums over arrays take about a millisecond. Queries are trees of And, Or and Term
(see search.text); other leaves (fuzzy terms) are expanded into the terms they match.
"""
from dataclasses import dataclass

import numpy as np
from whoosh.query import And, Or, Term

from search.segment_arrays import SegmentArrays, segment_arrays


@dataclass
class Leaf:
    reader: object
    offset: int
    arrays: SegmentArrays


class Scorer:
    def __init__(self, searcher):
        self.searcher = searcher
        self.size = searcher.doc_count_all()
        folder = searcher._ix.storage.folder  # whoosh keeps the index it was opened from here
        self.leaves = [Leaf(sub.reader(), offset, segment_arrays(folder, sub.reader()))
                       for sub, offset in searcher.leaf_searchers()]
        weighting = searcher.weighting
        self.b, self.k1 = getattr(weighting, "B", 0.75), getattr(weighting, "K1", 1.2)

    def evaluate(self, query) -> tuple[np.ndarray, np.ndarray]:
        """(mask of matching docnums, scores) over every document number; deleted
        documents never match."""
        mask, scores = self._evaluate(query)
        mask &= self.live()
        return mask, np.where(mask, scores, 0.0)

    def _evaluate(self, query):
        if type(query) is Term:
            return self._term(query)
        if isinstance(query, (And, Or)):
            parts = [self._evaluate(q) for q in query.subqueries] or [self._nothing()]
            return _combined(parts, isinstance(query, And))
        return self._evaluate(_expanded(query, self.searcher.reader()))

    def _nothing(self):
        return np.zeros(self.size, dtype=bool), np.zeros(self.size)

    def _term(self, query: Term):
        mask, scores = self._nothing()
        field, text = query.fieldname, query.text
        if field not in self.searcher.schema:
            return mask, scores
        idf = self.searcher.idf(field, text)
        average = self.searcher.avg_field_length(field) or 1
        for leaf in self.leaves:
            local, weights = leaf.arrays.postings(leaf.reader, field, text)
            if len(local):
                lengths = leaf.arrays.field_lengths(leaf.reader, field)[local]
                mask[local + leaf.offset] = True
                scores[local + leaf.offset] = query.boost * _bm25(
                    idf, weights, lengths, average, self.b, self.k1)
        return mask, scores

    def live(self) -> np.ndarray:
        mask = np.ones(self.size, dtype=bool)
        for leaf in self.leaves:
            if leaf.reader.has_deletions():
                deleted = np.fromiter(leaf.reader.deleted_docs_set, dtype=np.int64)
                mask[deleted + leaf.offset] = False
        return mask

    def aids(self) -> np.ndarray:
        """docnum -> accession id."""
        if not self.leaves:
            return np.empty(0, dtype=np.int64)
        return np.concatenate([leaf.arrays.aids for leaf in self.leaves])


def _combined(parts: list, every: bool) -> tuple[np.ndarray, np.ndarray]:
    """And (every part matches; scores summed) or Or (any part; the scores of the parts
    that match summed), added up in place in the first part's arrays: at 500,000 documents
    each temporary array cost a millisecond. The sums are added in the same order as
    before, so the scores are the same to the last bit."""
    mask, total = parts[0]
    if not every:
        total[~mask] = 0.0
    for part_mask, scores in parts[1:]:
        if every:
            mask &= part_mask
            total += scores
        else:
            mask |= part_mask
            np.add(total, scores, out=total, where=part_mask)
    return mask, total


def _expanded(query, reader) -> Or:
    """A fuzzy (or other multi-term) query as the Or of the indexed terms it stands for."""
    terms = [Term(field, text.decode("utf-8") if isinstance(text, bytes) else text,
                  boost=query.boost)
             for field, text in sorted(set(query.expanded_terms(reader)))]
    return Or(terms)


def _bm25(idf, tf, length, average, b, k1):
    """whoosh.scoring.bm25, on arrays."""
    return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / average)))
