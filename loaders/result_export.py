"""A search result set as a table: CSV or .xlsx with names, taxon, origin and trait columns."""
import csv
from pathlib import Path

from openpyxl import Workbook

from germplasm.evaluations.display import trait_value
from loaders.cells import csv_row, xlsx_row

BASE_COLUMNS = ("ACCENUMB", "INSTCODE", "NAMES", "SPECIES", "SAMPSTAT", "ORIGCTY")


def result_rows(accessions, snapshot, positions, codes: list[str]):
    """Rows in result order; trait values as shown on the site (dates as MM-DD)."""
    for accession, position in zip(accessions, positions, strict=True):
        traits = []
        for code in codes:
            descriptor = snapshot.descriptors.get(code)
            value = _trait(snapshot, code, position)
            traits.append(trait_value(value, descriptor) if value is not None else "")
        yield [accession.accenumb, accession.instcode,
               ";".join(n.name for n in accession.names), accession.taxon.scientific_name,
               accession.sampstat or "", accession.origcty or "", *traits]


def _trait(snapshot, code: str, position: int):
    means = snapshot.means.get(code)
    if means is not None and means[position] == means[position]:  # not NaN
        return float(means[position])
    modes = snapshot.modes.get(code)
    if modes is not None and modes[position] >= 0:
        return snapshot.labels[f"c_{code}"].values[modes[position]]
    return None


def write_table(path: Path, fmt: str, header: list[str], rows) -> int:
    count = 0
    if fmt == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("result")
        sheet.append(xlsx_row(sheet, header))
        for row in rows:
            sheet.append(xlsx_row(sheet, row))
            count += 1
        workbook.save(path)
        return count
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle)
        writer.writerow(csv_row(header))
        for row in rows:
            writer.writerow(csv_row(row))
            count += 1
    return count
