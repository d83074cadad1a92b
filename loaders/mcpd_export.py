"""MCPD export to CSV (UTF-8 with a BOM, MCPD v2.1 column order) and .xlsx."""
from pathlib import Path

from sqlalchemy import ColumnElement

from germplasm.accessions.mcpd_fields import ALL_COLUMNS, FLAG_FIELDS, MULTI_VALUED, TAXON_FIELDS
from germplasm.accessions.models import Accession
from germplasm.extensions import db
from loaders.sheets import csv_chunks, write_csv, write_xlsx

NUMERIC = {"DECLATITUDE", "DECLONGITUDE", "COORDUNCERT", "ELEVATION", "SAMPSTAT", "COLLSRC",
           "MLSSTAT"}


def export_mcpd(path: str | Path, fmt: str = "csv", accessions=None, public=False,
                scope: ColumnElement | None = None) -> int:
    """Write every accession (or the given ones) and return how many were written.

    `public` applies the rule for anonymous users: wild collecting sites rounded to 0.1°;
    a function of the accession applies it to those it returns True for (a partner sees
    their own institute's sites exactly, others' rounded). `scope` (a condition on
    Accession) leaves out what the reader may not see.
    """
    rounded = _rule(public)
    rows = (mcpd_row(a, rounded(a)) for a in (
        accessions if accessions is not None else all_accessions(scope)))
    writer = _write_xlsx if fmt == "xlsx" else _write_csv
    return writer(Path(path), rows)


def mcpd_csv_chunks(public, scope: ColumnElement | None):
    """The CSV that export_mcpd() writes, in pieces, for a streamed download."""
    rounded = _rule(public)
    rows = (mcpd_row(a, rounded(a)) for a in all_accessions(scope))
    return csv_chunks(ALL_COLUMNS, (_csv_cells(row) for row in rows))


def _rule(public):
    """`public` as a function of the accession (a bool holds for every accession)."""
    return public if callable(public) else lambda _accession: public


def all_accessions(scope: ColumnElement | None = None):
    """Fetched a thousand at a time, never the whole catalogue at once."""
    query = db.select(Accession).order_by(Accession.instcode, Accession.accenumb)
    if scope is not None:
        query = query.where(scope)
    return db.session.scalars(query.execution_options(yield_per=1000))


def mcpd_row(accession: Accession, public: bool = False) -> dict[str, object]:
    row = {}
    for column in ALL_COLUMNS:
        row[column] = _value(accession, column)
    if _rounds(accession, public):
        row["DECLATITUDE"], row["DECLONGITUDE"] = shown_point(accession, public)
        row["LATITUDE"] = row["LONGITUDE"] = None  # the DMS text would give the site away
    return row


def _rounds(accession: Accession, public: bool) -> bool:
    return public and accession.sampstat is not None and 100 <= accession.sampstat < 200


def shown_point(accession: Accession, public: bool) -> tuple[float | None, float | None]:
    """The collecting site's decimal latitude and longitude as the export shows them: a wild
    accession's rounded to 0.1° for the public."""
    point = accession.declatitude, accession.declongitude
    if not _rounds(accession, public):
        return point
    return tuple(None if value is None else round(value, 1) for value in point)


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
    return write_csv(path, ALL_COLUMNS, (_csv_cells(row) for row in rows))


def _csv_cells(row: dict) -> list:
    return ["" if row[column] is None else row[column] for column in ALL_COLUMNS]


def _write_xlsx(path: Path, rows) -> int:
    cells = ([_cell(column, row[column]) for column in ALL_COLUMNS] for row in rows)
    return write_xlsx(path, "MCPD", list(ALL_COLUMNS), cells)


def _cell(column: str, value):
    # Codes, coordinates and elevation are numbers; everything else is written as text,
    # so 2019---- (ACQDATE) and 20;30 (STORAGE) survive Excel.
    if value is None:
        return None
    return value if column in NUMERIC else str(value)
