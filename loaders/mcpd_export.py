"""MCPD export to CSV (UTF-8 with a BOM, MCPD v2.1 column order) and .xlsx."""
import csv
from pathlib import Path

from germplasm.accessions.mcpd_fields import ALL_COLUMNS, FLAG_FIELDS, MULTI_VALUED, TAXON_FIELDS
from germplasm.accessions.models import Accession
from germplasm.extensions import db
from loaders.cells import csv_value
from loaders.sheets import open_csv, write_xlsx

NUMERIC = {"DECLATITUDE", "DECLONGITUDE", "COORDUNCERT", "ELEVATION", "SAMPSTAT", "COLLSRC",
           "MLSSTAT"}


def export_mcpd(path: str | Path, fmt: str = "csv", accessions=None, public: bool = False) -> int:
    """Write every accession (or the given ones) and return how many were written.

    `public` applies the rule for anonymous users: wild collecting sites rounded to 0.1°.
    """
    rows = (mcpd_row(a, public) for a in (accessions if accessions is not None else _all()))
    writer = _write_xlsx if fmt == "xlsx" else _write_csv
    return writer(Path(path), rows)


def _all():
    query = db.select(Accession).order_by(Accession.instcode, Accession.accenumb)
    return db.session.scalars(query.execution_options(yield_per=1000))


def mcpd_row(accession: Accession, public: bool = False) -> dict[str, object]:
    row = {}
    for column in ALL_COLUMNS:
        row[column] = _value(accession, column)
    if public and accession.sampstat is not None and 100 <= accession.sampstat < 200:
        for column in ("DECLATITUDE", "DECLONGITUDE"):
            row[column] = None if row[column] is None else round(row[column], 1)
        row["LATITUDE"] = row["LONGITUDE"] = None  # the DMS text would give the site away
    return row


def _value(accession: Accession, column: str):
    if column in TAXON_FIELDS:
        return getattr(accession.taxon, column.lower()) or None
    if column in MULTI_VALUED:
        return ";".join(accession.multi(column)) or None
    if column in FLAG_FIELDS:
        return "Y" if getattr(accession, column.lower()) else "N"
    if column == "ACCENAME":
        return ";".join(n.name for n in accession.names) or None
    value = getattr(accession, column.lower())
    return int(value) if isinstance(value, float) and value.is_integer() and column in (
        "ELEVATION",) else value


def _write_csv(path: Path, rows) -> int:
    count = 0
    with open_csv(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=ALL_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else csv_value(v) for k, v in row.items()})
            count += 1
    return count


def _write_xlsx(path: Path, rows) -> int:
    cells = ([_cell(column, row[column]) for column in ALL_COLUMNS] for row in rows)
    return write_xlsx(path, "MCPD", list(ALL_COLUMNS), cells)


def _cell(column: str, value):
    # Codes, coordinates and elevation are numbers; everything else is written as text,
    # so 2019---- (ACQDATE) and 20;30 (STORAGE) survive Excel.
    if value is None:
        return None
    return value if column in NUMERIC else str(value)
