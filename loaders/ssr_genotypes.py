"""`germplasm import genotypes --kind ssr`: allele sizes (bp) per accession and marker.

Wide tables: one row per accession (or sample), the first column (or --id-column) names the
accession by number or name, then one column per allele named MARKER_a … MARKER_f (or
MARKER_1 … MARKER_6): two for diploids, up to six for hexaploid P. domestica.
Long tables: an id column, MARKER and SIZE, one allele per row.
Missing: empty, 0, NA, ?. All or nothing unless skip_invalid. Each change is audited
with the file's name as its source."""
import re
from pathlib import Path

from germplasm.fingerprints import services
from germplasm.fingerprints.models import MAX_ALLELES
from germplasm.pollination.services import find_accession
from loaders.report import ImportReport
from loaders.tabular import FileProblem, read_table

MISSING = {"", "0", "NA", "?", "N/A"}
ALLELE_COLUMN = re.compile(r"^(.+)_([A-Fa-f1-6])$")


def import_genotypes(path: str | Path, *, user: str, id_column: str | None = None,
                     skip_invalid: bool = False, dry_run: bool = False,
                     encoding: str | None = None) -> ImportReport:
    table = read_table(path, encoding)
    headers = [h.strip().lstrip("\ufeff") for h in table.headers]
    report = ImportReport(dry_run=dry_run)
    id_index = _id_index(headers, id_column)
    upper = [h.upper() for h in headers]
    if "MARKER" in upper and "SIZE" in upper:
        genotypes = _long(table, id_index, upper.index("MARKER"), upper.index("SIZE"), report)
    else:
        genotypes = _wide(table, headers, id_index, report)
    for (accession, marker), (number, column, sizes) in genotypes.items():
        try:
            checked = services.check_sizes(marker, sizes)
        except services.GenotypeProblem as problem:
            report.reject(number, column, None, str(problem))
            continue
        outcome = services.set_genotype(accession, marker, checked, user,
                                        source=Path(path).name)
        report.count(outcome)
    return report.finish(skip_invalid)


def _id_index(headers: list[str], id_column: str | None) -> int:
    if not headers or not headers[0]:
        raise FileProblem("the first row must be a header naming the accession column")
    if id_column is None:
        return 0
    upper = [h.upper() for h in headers]
    if id_column.upper() not in upper:
        raise FileProblem(f"--id-column {id_column} is not in the header")
    return upper.index(id_column.upper())


def _wide(table, headers, id_index, report) -> dict:
    """{(accession, marker): (row, first column, sizes)}; bad cells rejected by row."""
    columns = _marker_columns(headers, id_index, report)
    found, seen = {}, {}
    for number, cells in table.rows:
        accession = _accession(_cell(cells, id_index), number, headers[id_index], report, seen)
        for marker, indexes in columns.items():
            sizes = [_size(_cell(cells, i), number, headers[i], marker, report) for i in indexes]
            if accession is not None and None not in sizes:
                known = [s for s in sizes if s]
                if known:
                    found[(accession, marker)] = (number, headers[indexes[0]], known)
    return found


def _marker_columns(headers, id_index, report) -> dict:
    groups: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        match = ALLELE_COLUMN.match(header)
        if index == id_index or not header:
            continue
        if not match:
            report.warn(1, f"column {header!r} is not MARKER_a…MARKER_f; not stored", header)
            continue
        groups.setdefault(match.group(1), []).append(index)
    if not groups:
        raise FileProblem("no allele columns: name them MARKER_a, MARKER_b … (up to _f)")
    columns = {}
    for name, indexes in groups.items():
        marker = services.marker_named(name)
        if marker is None:
            raise FileProblem(f"marker {name} is not in the catalogue: import it first "
                              "(germplasm import markers)")
        if len(indexes) > MAX_ALLELES:
            raise FileProblem(f"{len(indexes)} allele columns for {name}; at most {MAX_ALLELES}")
        columns[marker] = indexes
    return columns


def _long(table, id_index, marker_index, size_index, report) -> dict:
    found, seen, markers = {}, {}, {}
    for number, cells in table.rows:
        accession = _accession(_cell(cells, id_index), number, table.headers[id_index], report,
                               seen, repeat=True)
        name = _cell(cells, marker_index)
        if name not in markers:
            markers[name] = services.marker_named(name)
        if markers[name] is None:
            report.reject(number, "MARKER", name, f"marker {name!r} is not in the catalogue")
            continue
        size = _size(_cell(cells, size_index), number, "SIZE", markers[name], report)
        if accession is not None and size:
            entry = found.setdefault((accession, markers[name]), (number, "SIZE", []))
            entry[2].append(size)
    return found


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def _accession(key, number, column, report, seen, repeat=False):
    if not key:
        report.reject(number, column, key, "names no accession")
        return None
    found = find_accession(key)
    if len(found) != 1:
        report.reject(number, column, key, f"no accession numbered or named {key}" if not found
                      else f"{key} names several accessions: give the accession number")
        return None
    if not repeat and found[0].id in seen:
        report.reject(number, column, key, f"{key} is already in row {seen[found[0].id]}")
        return None
    seen.setdefault(found[0].id, number)
    return found[0]


def _size(text, number, column, marker, report) -> int | None:
    """0 for a missing code, None after a rejection, else the size in bp."""
    if text.upper() in MISSING:
        return 0
    try:
        value = int(float(text))
        if value != float(text):
            raise ValueError
    except ValueError:
        report.reject(number, column, text, f"{marker.name}: {text!r} is not a size in bp")
        return None
    if not marker.min_size <= value <= marker.max_size:
        report.reject(number, column, text, f"{marker.name}: {value} bp is outside the "
                      f"marker's range {marker.min_size}-{marker.max_size} bp")
        return None
    return value
