"""Free-text matching in the whoosh index: every word must match some field."""
import logging
import os
import threading
from collections import OrderedDict

import numpy as np
from whoosh.query import And, FuzzyTerm, Or, Term

from search import feed_follow, segment_arrays
from search.accession_index import IndexUnavailable, index_dir, open_index
from search.bm25 import Scorer
from search.schema import FUZZY_FIELDS, TEXT_FIELDS

log = logging.getLogger(__name__)
_state = threading.local()
CACHE_SIZE = 256
_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()


def text_matches(text: str, seen=len):
    """(the query used, accession ids of every matching document, their relevance scores).

    Raises IndexUnavailable when there is no usable index. Names are matched fuzzily
    (Santa Rsoa) only when the exact query finds nothing that `seen(ids)` accepts (the
    caller's visible accessions), so typos never flood results. Results are cached per
    index generation, for visitors paging through the same text.
    """
    feed_follow.follow_quietly(feed_follow.inline_limit())  # what other processes committed
    searcher = _searcher()
    exact = _cached(searcher, text, fuzzy=False)
    if seen(exact[1]) or not any(c.isascii() and c.isalpha() for c in text):
        return exact
    return _cached(searcher, text, fuzzy=True)


def _cached(searcher, text: str, fuzzy: bool):
    key = (_generation(searcher), text, fuzzy)
    with _cache_lock:  # threaded workers share the cache
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    query = build_query(text, searcher.schema, fuzzy=fuzzy)
    found = (query, *_matching(Scorer(searcher), query))
    with _cache_lock:
        _cache[key] = found
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def _generation(searcher) -> tuple:
    ix = searcher._ix  # whoosh keeps the index it was opened from here
    return (str(ix.storage.folder), os.stat(ix.storage.folder).st_ino, ix.latest_generation())


def _matching(scorer: Scorer, query) -> tuple[np.ndarray, np.ndarray]:
    if query is None:
        return np.empty(0, dtype=np.int64), np.empty(0)
    mask, scores = scorer.evaluate(query)
    docnums = np.flatnonzero(mask)
    return scorer.aids()[docnums], scores[docnums]


def build_query(text: str, schema, fuzzy: bool = False):
    clauses = []
    for word in text.split():
        options = [_field_query(schema, field, boost, word, fuzzy)
                   for field, boost in TEXT_FIELDS.items()]
        options = [o for o in options if o is not None]
        if options:
            clauses.append(Or(options))
    return And(clauses) if clauses else None


def _field_query(schema, field: str, boost: float, word: str, fuzzy: bool):
    tokens = [t.text for t in schema[field].analyzer(word, mode="query")]
    if not tokens:
        return None
    # The boost goes on each term: whoosh ignores it on a compound query.
    terms = [_term(field, token, fuzzy, boost) for token in dict.fromkeys(tokens)]
    return terms[0] if len(terms) == 1 else And(terms)


def _term(field: str, token: str, fuzzy: bool, boost: float):
    if fuzzy and field in FUZZY_FIELDS and len(token) >= 4 and token.isascii():
        return FuzzyTerm(field, token, boost=boost, maxdist=2, prefixlength=1)
    return Term(field, token, boost=boost)


def _searcher():
    """A searcher per thread, reopened when the index directory was swapped by a rebuild."""
    path = index_dir()
    try:
        marker = (str(path), os.stat(path).st_ino)
    except OSError as error:
        raise IndexUnavailable(f"no search index in {path}") from error
    current = getattr(_state, "searcher", None)
    if current is None or current[0] != marker:
        current = (marker, open_index().searcher())
        _state.searcher = current
    searcher = current[1]
    if not searcher.up_to_date():
        # A new searcher, not refresh(): whoosh-reloaded's refresh reuses the old segment
        # readers, whose deletions are stale, so updated accessions matched twice.
        searcher.close()
        searcher = open_index().searcher()
        segment_arrays.forget_merged(searcher)
    _state.searcher = (marker, searcher)
    return searcher


def forget() -> None:
    """Drop this thread's searcher and the match cache (tests, or after moving the index)."""
    _state.__dict__.clear()
    _cache.clear()
    segment_arrays.forget()
