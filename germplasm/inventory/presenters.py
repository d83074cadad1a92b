"""What the accession page shows staff of the living collection: its trees and its lots."""
from sqlalchemy import select

from germplasm.extensions import db
from germplasm.inventory.lots import available_milli
from germplasm.inventory.models import Lot, Plant
from germplasm.inventory.plants import minimum_trees
from germplasm.inventory.quantities import from_milli
from germplasm.inventory.words import material_label, unit_label


def inventory_context(accession_id: int) -> dict:
    trees = list(db.session.scalars(select(Plant).where(Plant.accession_id == accession_id)
                                    .order_by(Plant.status, Plant.block, Plant.row,
                                              Plant.position)))
    found = db.session.scalars(select(Lot).where(Lot.accession_id == accession_id)
                               .order_by(Lot.material, Lot.lot_number))
    lots = [{"lot": lot, "material": material_label(lot.material), "unit": unit_label(lot.unit),
             "on_hand": from_milli(lot.on_hand_milli), "reserved": from_milli(lot.reserved_milli),
             "available": from_milli(available_milli(lot))} for lot in found]
    living = sum(tree.status == "living" for tree in trees)
    return {"trees": trees, "lots": lots, "living": living, "minimum": minimum_trees()}
