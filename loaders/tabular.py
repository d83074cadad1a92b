"""Read spreadsheets as users make them: CSV/TSV in UTF-8, UTF-8 with BOM or GBK, and .xlsx."""
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from loaders.cells import from_csv

MAX_CELL = 10_000  # characters; longer cells are refused row by row rather than stored
XLSX_MAGIC = b"PK\x03\x04"


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why, for the user."""


@dataclass
class Table:
    headers: list[str]  # as written, stripped
    rows: Iterator[tuple[int, list[str]]]  # (spreadsheet row number, cells)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_table(path: str | Path, encoding: str | None = None,
               date_format: str = "%Y%m%d") -> Table:
    """Excel date cells become text in `date_format` (MCPD's YYYYMMDD by default)."""
    path = Path(path)
    if not path.is_file():
        raise FileProblem(f"{path}: no such file")
    with path.open("rb") as handle:
        head = handle.read(8192)
    if not head:
        raise FileProblem(f"{path}: the file is empty")
    if head.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        from loaders.excel import read_xlsx
        return read_xlsx(path, date_format)
    if b"\x00" in head:
        raise FileProblem(f"{path}: this is a binary file, not CSV, TSV or .xlsx")
    return _read_text(path, encoding)


def _read_text(path: Path, encoding: str | None) -> Table:
    data = path.read_bytes()
    text, used = decode(data, encoding, path)
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    # Long cells are refused per row, not by the reader. The limit is process-wide: only ever
    # raise it, or a small file read later would break a large one still being read.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers = [h.strip() for h in next(reader, [])]
    return Table(headers=headers, rows=_numbered(reader), encoding=used)


def decode(data: bytes, encoding: str | None, path: Path) -> tuple[str, str]:
    """Decode with the given encoding, else UTF-8 (with or without BOM), else GB18030.
    A byte-order mark is dropped also when the user names the encoding (`--encoding utf-8`)."""
    candidates = [encoding] if encoding else ["utf-8-sig", "gb18030"]
    for name in candidates:
        try:
            return data.decode(name).removeprefix("\ufeff"), name
        except LookupError as error:
            raise FileProblem(f"unknown encoding {encoding!r}") from error
        except UnicodeDecodeError as error:
            if encoding:
                line = data[: error.start].count(b"\n") + 1
                raise FileProblem(
                    f"{path}: line {line} is not valid {encoding} ({error.reason}); "
                    "the file may be in another encoding: try without --encoding to detect it"
                ) from error
    raise FileProblem(f"{path}: the text is neither UTF-8 nor GBK/GB18030; save it as UTF-8")


def sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _numbered(reader) -> Iterator[tuple[int, list[str]]]:
    # Row numbers as a spreadsheet shows them: the header is row 1. Our CSV exports guard
    # formula-like cells with an apostrophe (loaders.cells); reading one back removes it.
    for number, cells in enumerate(reader, start=2):
        if any(c.strip() for c in cells):
            yield number, [from_csv(c) for c in cells]
