"""One fix to whoosh-reloaded 2.7.5, applied when the search package is imported.

While a segment is written, W3PerDocReader._cached_reader() looks up the length column of
every field for every posting and, for fields that have none (numeric and keyword fields),
asks the file system each time because the miss is never cached: 700,000 stat() calls for
5,000 accessions, a quarter of the build time. Caching the miss changes nothing else.
"""
from whoosh.codec import whoosh3

_MISSING = object()


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
