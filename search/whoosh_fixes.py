"""Two fixes to whoosh-reloaded 2.7.5, applied when the search package is imported.

While a segment is written, whoosh looks up each document's field length for every
posting (for its block statistics):

- W3PerDocReader._cached_reader() asks the file system each time for fields that have no
  length column (numeric and keyword fields), because the miss is never cached: 700,000
  stat() calls for 5,000 accessions, a quarter of the build time;
- W3PerDocReader.doc_field_length() then reads one byte from the column file per call.
  Segments never change, so each length column is read whole, once, and kept.

Neither changes what is written or read.
"""
from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length

_MISSING = object()
BYTE_LENGTHS = [byte_to_length(b) for b in range(256)]


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def length_bytes(perdoc, fieldname: str) -> bytes | None:
    """A segment's length column for the field, one byte per document (see
    whoosh.util.numeric.length_to_byte), or None when the field has no lengths."""
    columns = perdoc.__dict__.setdefault("_length_bytes", {})
    if fieldname not in columns:
        reader = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        columns[fieldname] = None if reader is None else (
            reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen)
            .ljust(perdoc._doccount, b"\0"))
    return columns[fieldname]


def _doc_field_length(self, docnum, fieldname, default=0):
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
    codes = length_bytes(self, fieldname)
    if codes is None:
        return default
    code = codes[docnum] if docnum < len(codes) else 0
    return BYTE_LENGTHS[code] if code else None  # None for 0, as whoosh itself returns


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3PerDocReader.doc_field_length = _doc_field_length
