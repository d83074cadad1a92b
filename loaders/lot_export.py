"""`germplasm export lots`: every lot in the import's columns (so the file can be edited and
imported again), with what is reserved and available after them."""
from pathlib import Path

from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.inventory.lots import available_milli
from germplasm.inventory.models import Lot
from germplasm.inventory.quantities import from_milli
from loaders.lots import COLUMNS, EXPORT_ONLY
from loaders.sheets import write_csv, write_xlsx

HEADER = COLUMNS + EXPORT_ONLY


def export_lots(path: str | Path, fmt: str = "csv", scope=None) -> int:
    """`scope`: a condition on Accession leaving out what the reader may not see."""
    query = (select(Lot, Accession).join(Accession, Accession.id == Lot.accession_id)
             .order_by(Lot.lot_number))
    if scope is not None:
        query = query.where(scope)
    rows = (lot_row(lot, accession) for lot, accession in
            db.session.execute(query.execution_options(yield_per=1000)))
    if fmt == "xlsx":
        return write_xlsx(path, "lots", HEADER, rows)
    return write_csv(path, HEADER, rows)


def lot_row(lot: Lot, accession: Accession) -> list:
    return [accession.instcode, accession.accenumb, lot.lot_number, lot.material,
            str(from_milli(lot.on_hand_milli)), lot.unit, lot.location or "",
            "Y" if lot.distributable else "N", lot.available_from or "",
            lot.available_to or "", lot.notes or "", str(from_milli(lot.reserved_milli)),
            str(from_milli(available_milli(lot)))]
