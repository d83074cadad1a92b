"""Match a file's header to known columns: case-insensitive, spaces ignored."""
from openpyxl.utils import get_column_letter

from loaders.report import ImportReport
from loaders.tabular import FileProblem


def map_headers(headers: list[str], known: tuple[str, ...], required: tuple[str, ...],
                report: ImportReport) -> dict[int, str]:
    """{cell index: column name}; unknown and blank headers become warnings."""
    columns, seen = {}, {}
    for index, header in enumerate(headers[:header_width(headers)]):
        name = header.strip().lstrip("\ufeff").upper()
        letter = get_column_letter(index + 1)
        if not name:
            report.warn(1, f"column {letter} has no header; its cells are ignored")
        elif name not in known:
            report.warn(1, f"unknown column {header!r} (column {letter}) is not stored", header)
        elif name in seen:
            raise FileProblem(f"column {name} appears twice (columns {seen[name]} and {letter})")
        else:
            columns[index], seen[name] = name, letter
    _require(headers, columns, known, required)
    return columns


def _require(headers, columns, known, required) -> None:
    if not columns:
        raise FileProblem(
            f"no known columns in the header {headers[:5]!r}; expected {', '.join(known[:6])}…; "
            "check the delimiter (comma, semicolon or tab) and the header row"
        )
    missing = [c for c in required if c not in columns.values()]
    if missing:
        raise FileProblem(f"required column(s) missing from the header: {', '.join(missing)}")


def header_width(headers: list[str]) -> int:
    """Columns up to the last named one; blank trailing header cells are not columns."""
    named = [i for i, h in enumerate(headers) if h.strip()]
    return named[-1] + 1 if named else 0
