"""Free-text matching in the whoosh index: every word must match some field."""
import logging
import os
import threading

import numpy as np
from whoosh.query import And, FuzzyTerm, Or, Term

from search.accession_index import IndexUnavailable, index_dir, open_index
from search.schema import FUZZY_FIELDS, TEXT_FIELDS

log = logging.getLogger(__name__)
_state = threading.local()


def text_hits(text: str, scored: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(accession ids, scores) of the documents matching `text`, best first.

    Raises IndexUnavailable when there is no usable index. Names are matched fuzzily
    (Santa Rsoa) only when the exact query finds nothing, so typos never flood results.
    """
    searcher = _searcher()
    hits = _run(searcher, build_query(text, searcher.schema), scored)
    if not len(hits[0]) and any(c.isascii() and c.isalpha() for c in text):
        hits = _run(searcher, build_query(text, searcher.schema, fuzzy=True), scored)
    return hits


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
    terms = [_term(field, token, fuzzy) for token in dict.fromkeys(tokens)]
    query = terms[0] if len(terms) == 1 else And(terms)
    query.boost = boost
    return query


def _term(field: str, token: str, fuzzy: bool):
    if fuzzy and field in FUZZY_FIELDS and len(token) >= 4 and token.isascii():
        return FuzzyTerm(field, token, maxdist=1 if len(token) < 4 else 2, prefixlength=1)
    return Term(field, token)


def _run(searcher, query, scored: bool) -> tuple[np.ndarray, np.ndarray]:
    """Unscored when the caller sorts by something else: scoring is most of the cost."""
    if query is None:
        return np.empty(0, dtype=np.int64), np.empty(0)
    aids = _aid_column(searcher)
    if not scored:
        docnums = np.fromiter(searcher.docs_for_query(query), dtype=np.int64)
        return aids[docnums], np.zeros(len(docnums))
    results = searcher.search(query, limit=None)
    top = results.top_n
    docnums = np.fromiter((d for _, d in top), dtype=np.int64, count=len(top))
    scores = np.fromiter((s for s, _ in top), dtype=np.float64, count=len(top))
    return aids[docnums], scores


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
    """Drop this thread's searcher (tests, or after moving the index)."""
    _state.__dict__.clear()
