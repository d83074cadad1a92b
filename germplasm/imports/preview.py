"""The uploaded file as a table for the page, its rejected cells marked with the reason."""
import re
from dataclasses import dataclass, field
from itertools import islice

from germplasm.imports.models import ImportJob
from germplasm.imports.reasons import reason_text
from germplasm.imports.services import rejections
from loaders.tabular import FileProblem, read_table

SHOWN_ROWS = 200  # the first rows, then only rows with rejections
CODE_IN_HEADER = re.compile(r"\[([^\]]+)\]\s*$")  # the template's `名称 (unit) [CODE]`


@dataclass
class Row:
    number: int
    cells: list[str]
    problems: dict[int, list[str]] = field(default_factory=dict)  # column index -> reasons
    row_problems: list[str] = field(default_factory=list)  # reasons without a known column


@dataclass
class Preview:
    headers: list[str]
    rows: list[Row]
    total: int
    skipped: int  # rows neither among the first SHOWN_ROWS nor rejected


def build(job: ImportJob) -> Preview | None:
    """None when the file cannot be read (the report says why)."""
    date_format = "%Y%m%d" if job.kind == "mcpd" else "%Y-%m-%d"
    try:
        table = read_table(job.path, date_format=date_format)
        numbered = list(islice(table.rows, 100_000))
    except FileProblem:
        return None
    by_row = _by_row(rejections(job))
    keys = [_key(h) for h in table.headers]
    rows = [_row(number, cells, keys, by_row.get(number, []))
            for index, (number, cells) in enumerate(numbered)
            if index < SHOWN_ROWS or number in by_row]
    return Preview(table.headers, rows, len(numbered), len(numbered) - len(rows))


def _by_row(rejected: list[dict]) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for rejection in rejected:
        grouped.setdefault(rejection.get("row"), []).append(rejection)
    return grouped


def _key(header: str) -> str:
    code = CODE_IN_HEADER.search(header or "")
    return (code.group(1) if code else header or "").strip().upper()


def _row(number: int, cells: list, keys: list[str], rejected: list[dict]) -> Row:
    row = Row(number, ["" if c is None else str(c) for c in cells])
    for rejection in rejected:
        column = str(rejection.get("column") or "").strip().upper()
        reason = reason_text(rejection.get("message", ""))  # in the page's language
        if column in keys:
            row.problems.setdefault(keys.index(column), []).append(reason)
        else:
            row.row_problems.append(f"{rejection.get('column') or ''} {reason}".strip())
    return row
