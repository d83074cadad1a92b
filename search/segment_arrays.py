"""numpy copies of what text search needs from each whoosh segment.

A character such as 李 is in most documents, and whoosh decodes postings one at a time in
Python: a few hundred milliseconds over 50,000 accessions. Segments never change once
written (deletions are kept apart), so a large segment's frequent terms, field lengths
and accession ids are written once, when the segment appears, as one numpy file beside it
(`<segment>.arrays.npz`, which whoosh's own clean-up deletes with its segment). Rare terms
and small segments are read through whoosh as before.
"""
import io
import logging
import os
import threading

import numpy as np

from search.schema import TEXT_FIELDS
from search.whoosh_fixes import BYTE_LENGTHS as LENGTH_OF_BYTE
from search.whoosh_fixes import length_bytes

log = logging.getLogger(__name__)
FREQUENT = 128  # a term in at least this many documents of a segment is kept
LARGE_SEGMENT = 1024  # segments with fewer documents are read through whoosh
SUFFIX = ".arrays.npz"
BYTE_LENGTHS = np.array(LENGTH_OF_BYTE, dtype=np.float64)
_loaded: dict[str, "SegmentArrays"] = {}
_lock = threading.Lock()
_warned: set[str] = set()


class SegmentArrays:
    """One segment: accession id and field lengths per document, postings of frequent
    terms. Methods take the segment's current reader: an earlier one may be closed."""

    def __init__(self, reader, stored: dict | None = None):
        stored = stored or {}
        self.aids = stored["aids"] if "aids" in stored else _aid_column(reader)
        self.lengths = {field: stored[f"length {field}"] for field in TEXT_FIELDS
                        if f"length {field}" in stored}
        keys = stored["keys"].tolist() if "keys" in stored else []
        self.where = {key: i for i, key in enumerate(keys)}
        self.bounds = stored.get("bounds")
        self.docnums, self.weights = stored.get("docnums"), stored.get("weights")

    def field_lengths(self, reader, field: str) -> np.ndarray:
        if field not in self.lengths:
            self.lengths[field] = _length_column(reader, field)
        return self.lengths[field]

    def postings(self, reader, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(segment-local docnums, weights) of the term; deleted documents may be among
        them."""
        i = self.where.get(f"{field}\t{term}")
        if i is not None:
            low, high = self.bounds[i], self.bounds[i + 1]
            return self.docnums[low:high], self.weights[low:high]
        return _read_postings(reader, field, term)


def _aid_column(reader) -> np.ndarray:
    column = reader.column_reader("aid")
    return np.fromiter(column, dtype=np.int64, count=reader.doc_count_all())


def _length_column(reader, field: str) -> np.ndarray:
    """Each document's length of the field, decoded as whoosh's scorer decodes it."""
    codes = length_bytes(reader._perdoc, field) or bytes(reader.doc_count_all())
    return BYTE_LENGTHS[np.frombuffer(codes, dtype=np.uint8)]


def _read_postings(reader, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    if (field, term) not in reader:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
    matcher, ids, weights = reader.postings(field, term), [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(ids, dtype=np.int32), np.array(weights, dtype=np.float32)


def segment_arrays(folder: str, reader) -> SegmentArrays:
    """This segment's arrays: kept in memory for the life of the process, since the
    segment cannot change; from its file if it has one."""
    path = _path(folder, reader)
    with _lock:
        if path not in _loaded:
            stored = _read(path) if reader.doc_count_all() >= LARGE_SEGMENT else None
            arrays = SegmentArrays(reader, stored)
            if stored is None and reader.doc_count_all() >= LARGE_SEGMENT:
                return arrays  # its file may come later (written after another commit)
            _loaded[path] = arrays
        return _loaded[path]


def _path(folder: str, reader) -> str:
    return os.path.join(str(folder), reader.segment().segment_id() + SUFFIX)


def _read(path: str) -> dict | None:
    try:
        with np.load(path, allow_pickle=False) as stored:
            return {name: stored[name] for name in stored.files}
    except FileNotFoundError:
        if path not in _warned:  # once per segment, not once per search
            _warned.add(path)
            log.warning("no %s: frequent terms are read through whoosh (slower); "
                        "`germplasm reindex` writes it", path)
        return None


def write_missing(ix) -> int:
    """Write the arrays file of every large segment that lacks one; how many were written.
    Called after each commit to the index. Workers that race only write the same file
    twice (each is renamed into place whole)."""
    written = 0
    with ix.reader() as reader:
        for segment_reader, _ in reader.leaf_readers():
            path = _path(ix.storage.folder, segment_reader)
            if segment_reader.doc_count_all() >= LARGE_SEGMENT and not os.path.exists(path):
                _write(path, segment_reader)
                written += 1
    return written


def _write(path: str, reader) -> None:
    arrays = {"aids": _aid_column(reader)}
    keys, docnums, weights = [], [], []
    for field in TEXT_FIELDS:
        arrays[f"length {field}"] = _length_column(reader, field)
        for term, info in reader.iter_field(field):
            if info.doc_frequency() >= FREQUENT:
                term = term.decode("utf-8") if isinstance(term, bytes) else term
                keys.append(f"{field}\t{term}")
                ids, values = _read_postings(reader, field, term)
                docnums.append(ids)
                weights.append(values)
    arrays["keys"] = np.array(keys, dtype=str)
    arrays["bounds"] = np.cumsum([0] + [len(d) for d in docnums], dtype=np.int64)
    arrays["docnums"] = np.concatenate(docnums) if docnums else np.empty(0, np.int32)
    arrays["weights"] = np.concatenate(weights) if weights else np.empty(0, np.float32)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    temporary = f"{path}.{os.getpid()}-{threading.get_ident()}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(buffer.getvalue())
    os.replace(temporary, path)


def forget_merged(searcher) -> None:
    """Drop the arrays of this index's segments that are no longer in it (merged away)."""
    folder = str(searcher._ix.storage.folder)
    current = {_path(folder, sub.reader()) for sub, _ in searcher.leaf_searchers()}
    with _lock:
        for path in [p for p in _loaded if os.path.dirname(p) == folder and p not in current]:
            del _loaded[path]


def forget() -> None:
    with _lock:
        _loaded.clear()
