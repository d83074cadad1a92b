"""`germplasm import genotypes --kind snp`: SNP matrices as genotyping services deliver them.

One row per accession (or sample), the first column (or --id-column) names the accession by
number or name, then one column per SNP coded 0/1/2 (copies of the alternative allele);
missing: NA, empty, -, ?. Any other value is rejected naming row, SNP and value. Tens of
thousands of columns: read in blocks of rows, checked a block at a time with one vectorised
pandas look-up, stored packed (one row per accession and panel). All or nothing unless
skip_invalid, which stores the rows without a bad cell."""
import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from germplasm.fingerprints import snp_services
from loaders.report import ImportReport
from loaders.ssr_genotypes import _accession, _id_index
from loaders.tabular import FileProblem, decode, read_table, sniff_delimiter

CODES = {"0": 0, "1": 1, "2": 2, "NA": -1, "": -1, "-": -1, "?": -1}
BLOCK = 64  # rows checked at a time: 64 × 50,000 cells as str objects are ~200 MB
BAD_CELLS_PER_ROW = 10  # reported one by one; the rest of a row's count in one line

Block = tuple[list[int], np.ndarray]  # spreadsheet row numbers, cells (object, rows × columns)


def import_snp_genotypes(path: str | Path, *, user: str, id_column: str | None = None,
                         skip_invalid: bool = False, dry_run: bool = False,
                         encoding: str | None = None) -> ImportReport:
    headers, blocks = _read(Path(path), encoding)
    id_index = _id_index(headers, id_column)
    snps = [i for i in range(len(headers)) if i != id_index]
    names = _snp_names(headers, snps)
    report = ImportReport(dry_run=dry_run)
    calls, seen = {}, {}
    for numbers, cells in blocks:
        codes, bad = _codes(cells[:, snps])
        _reject_cells(report, numbers, names, cells[:, snps], bad)
        for r, number in enumerate(numbers):
            key = str(cells[r, id_index] or "").strip()
            accession = _accession(key, number, headers[id_index], report, seen)
            if accession is not None and not bad[r].any():
                calls[accession.id] = codes[r]
    if calls:
        outcomes = snp_services.store(snp_services.panel_for(names), calls, user,
                                      source=Path(path).name)
        report.created, report.updated = outcomes["created"], outcomes["updated"]
        report.unchanged = outcomes["unchanged"]
    return report.finish(skip_invalid)


def _snp_names(headers: list[str], snps: list[int]) -> list[str]:
    names = [headers[i] for i in snps]
    if not names:
        raise FileProblem("no SNP columns: one column per SNP after the accession column")
    if "" in names:
        raise FileProblem(f"column {snps[names.index('')] + 1} has no SNP name in the header")
    repeated = sorted(n for n, count in Counter(names).items() if count > 1)
    if repeated:
        raise FileProblem(f"SNP column(s) named twice: {', '.join(repeated[:10])}")
    return names


def _codes(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 calls (-1 missing) and a mask of bad cells; one hash look-up per cell, and only
    cells not written exactly as a code are looked at again (spaces, lower-case na)."""
    flat = pd.Series(cells.ravel(), dtype=object)
    codes = flat.map(CODES)
    unknown = codes.isna().to_numpy()
    if unknown.any():
        texts = flat[unknown].fillna("").astype(str).str.strip().str.upper()
        codes[unknown] = texts.map(CODES).to_numpy()
    bad = codes.isna().to_numpy().reshape(cells.shape)
    return codes.fillna(-1).to_numpy(dtype=np.int8).reshape(cells.shape), bad


def _reject_cells(report, numbers, names, cells, bad) -> None:
    for r in np.flatnonzero(bad.any(axis=1)):
        columns = np.flatnonzero(bad[r])
        for c in columns[:BAD_CELLS_PER_ROW]:
            value = cells[r, c] if isinstance(cells[r, c], str) else ""
            report.reject(numbers[r], names[c], value, f"{names[c]}: {value!r} is not a SNP "
                          "call (0, 1 or 2; missing: NA, empty, -, ?)")
        if len(columns) > BAD_CELLS_PER_ROW:
            report.reject(numbers[r], None, None, f"and {len(columns) - BAD_CELLS_PER_ROW} "
                          "more bad SNP calls in this row")


def _read(path: Path, encoding: str | None) -> tuple[list[str], Iterator[Block]]:
    if _is_xlsx(path):
        table = read_table(path, encoding)
        headers = [h.strip() for h in table.headers]
        return headers, _xlsx_blocks(table.rows, len(headers))
    _, used = decode(path.read_bytes(), encoding, path)  # the whole file, as every import
    with path.open(encoding=used, newline="") as handle:
        header_line = handle.readline().rstrip("\r\n")
    delimiter = sniff_delimiter(header_line)
    headers = [h.strip() for h in next(csv.reader([header_line], delimiter=delimiter), [])]
    if not headers or not headers[0]:
        raise FileProblem("the first row must be a header naming the accession column")
    return headers, _text_blocks(path, used, delimiter, len(headers))


def _is_xlsx(path: Path) -> bool:
    if not path.is_file():
        raise FileProblem(f"{path}: no such file")
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm")


def _text_blocks(path: Path, encoding: str, delimiter: str, width: int) -> Iterator[Block]:
    """The csv module's C reader, a line at a time: with 50,000 columns it is an order of
    magnitude faster than pandas.read_csv, whose cost is per column and per block."""
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        next(reader, None)
        numbers, cells = [], []
        for row in reader:
            if len(row) > width and any(c.strip() for c in row[width:]):
                raise FileProblem(f"row {reader.line_num} has {len(row)} cells, the header "
                                  f"{width}")
            row = row[:width]
            if any(row):  # blank lines are skipped, numbering kept
                numbers.append(reader.line_num)
                cells.append(row + [""] * (width - len(row)))  # a short row ends empty
            if len(cells) == BLOCK:
                yield numbers, np.array(cells, dtype=object)
                numbers, cells = [], []
        if cells:
            yield numbers, np.array(cells, dtype=object)


def _xlsx_blocks(rows, width: int) -> Iterator[Block]:
    numbers, cells = [], []
    for number, row in rows:
        numbers.append(number)
        cells.append((list(row) + [""] * width)[:width])
        if len(cells) == BLOCK:
            yield numbers, np.array(cells, dtype=object)
            numbers, cells = [], []
    if cells:
        yield numbers, np.array(cells, dtype=object)
