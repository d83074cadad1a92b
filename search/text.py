"""Free-text matching in the whoosh index: every word must match some field."""
import logging
import os
import threading
from collections import OrderedDict

import numpy as np
from whoosh.query import And, FuzzyTerm, Or, Term

from search.accession_index import IndexUnavailable, index_dir, open_index
from search.schema import FUZZY_FIELDS, TEXT_FIELDS

log = logging.getLogger(__name__)
_state = threading.local()
CACHE_SIZE = 256
_cache: OrderedDict = OrderedDict()


def text_matches(text: str):
    """(the query used, accession ids of every matching document), unscored.

    Raises IndexUnavailable when there is no usable index. Names are matched fuzzily
    (Santa Rsoa) only when the exact query finds nothing, so typos never flood results.
    Results are cached per index generation: a popular word such as 李 matches nearly the
    whole catalogue, and reading its postings again for every visitor is the slow part.
    """
    searcher = _searcher()
    key = (_generation(searcher), text)
    if key not in _cache:
        _cache[key] = _text_matches(searcher, text)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    _cache.move_to_end(key)
    return _cache[key]


def _generation(searcher) -> tuple:
    ix = searcher._ix  # whoosh keeps the index it was opened from here
    return (str(ix.storage.folder), os.stat(ix.storage.folder).st_ino, ix.latest_generation())


def _text_matches(searcher, text: str):
    query = build_query(text, searcher.schema)
    ids = _matching_ids(searcher, query)
    if not len(ids) and any(c.isascii() and c.isalpha() for c in text):
        query = build_query(text, searcher.schema, fuzzy=True)
        ids = _matching_ids(searcher, query)
    return query, ids


def top_scored(query, allowed_ids: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """The `limit` best-scoring documents among the allowed accessions, best first.

    Scoring every one of 45,000 documents that contain 李 costs far more than finding
    them; only the page being shown needs a score.
    """
    searcher = _searcher()
    key = (_generation(searcher), "top", str(query), limit, hash(allowed_ids.tobytes()))
    if key not in _cache:
        _cache[key] = _top_scored(searcher, query, allowed_ids, limit)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    _cache.move_to_end(key)
    return _cache[key]


def _top_scored(searcher, query, allowed_ids: np.ndarray, limit: int):
    aids = _aid_column(searcher)
    order = np.argsort(aids)
    where = np.searchsorted(aids, allowed_ids, sorter=order)
    docnums = order[np.minimum(where, len(order) - 1)]
    allowed = set(docnums[aids[docnums] == allowed_ids].tolist())
    results = searcher.search(query, limit=limit, filter=allowed)
    top = results.top_n
    return (aids[np.fromiter((d for _, d in top), dtype=np.int64, count=len(top))],
            np.fromiter((score for score, _ in top), dtype=np.float64, count=len(top)))


def _matching_ids(searcher, query) -> np.ndarray:
    if query is None:
        return np.empty(0, dtype=np.int64)
    docnums = np.fromiter(searcher.docs_for_query(query), dtype=np.int64)
    return _aid_column(searcher)[docnums]


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


def _aid_column(searcher) -> np.ndarray:
    """docnum -> accession id, read once per index generation."""
    key = id(searcher.reader())
    cached = getattr(_state, "aids", None)
    if cached is None or cached[0] != key:
        column = searcher.reader().column_reader("aid")
        cached = (key, np.fromiter(column, dtype=np.int64, count=searcher.doc_count_all()))
        _state.aids = cached
    return cached[1]


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
    searcher = current[1].refresh()
    _state.searcher = (marker, searcher)
    return searcher


def forget() -> None:
    """Drop this thread's searcher and the match cache (tests, or after moving the index)."""
    _state.__dict__.clear()
    _cache.clear()
