"""A search result set as a table: CSV or .xlsx with names, taxon, origin and trait columns."""
from pathlib import Path

from germplasm.evaluations.display import trait_value
from loaders.sheets import write_csv, write_xlsx
from search.engine import trait_at

BASE_COLUMNS = ("ACCENUMB", "INSTCODE", "NAMES", "SPECIES", "SAMPSTAT", "ORIGCTY")


def result_rows(accessions, snapshot, positions, codes: list[str]):
    """Rows in result order; trait values as shown on the site (dates as MM-DD, categories
    as labels), means as numbers rounded as the site shows them; None where nothing is known."""
    for accession, position in zip(accessions, positions, strict=True):
        traits = [cell_value(trait_at(snapshot, code, position), snapshot.descriptors.get(code))
                  for code in codes]
        yield [accession.accenumb, accession.instcode,
               ";".join(n.name for n in accession.names), accession.taxon.scientific_name,
               accession.sampstat, accession.origcty, *traits]


def cell_value(value, descriptor):
    """A number stays a number (so a spreadsheet can sum and sort it); the rest is text."""
    if value is None:
        return None
    if descriptor is None or descriptor.data_type == "Date" or not isinstance(value, float):
        return trait_value(value, descriptor)
    decimals = min(descriptor.decimals if descriptor.decimals is not None else 1, 2)
    return round(value, decimals) if decimals else round(value)


def write_table(path: Path, fmt: str, header: list[str], rows) -> int:
    if fmt == "xlsx":
        return write_xlsx(path, "result", header, rows)
    return write_csv(path, header, rows)
