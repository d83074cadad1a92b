"""/lots/<lot number>: one lot, read-only, where a packet label's QR code leads. Whoever may
see its accession sees the lot (a restricted accession's lot is a 404 for the others, like
the accession page); its recent ledger entries are for staff only."""
from flask import Blueprint, abort, render_template
from sqlalchemy import select

from germplasm.accessions.visibility import visible_clause
from germplasm.accounts.permissions import is_staff, restricted_scope
from germplasm.extensions import db
from germplasm.inventory.labels import names
from germplasm.inventory.lots import available_milli
from germplasm.inventory.models import LotTransaction
from germplasm.inventory.quantities import from_milli
from germplasm.inventory.queries import visible_lot
from germplasm.inventory.words import health_label, kind_label, material_label, unit_label

bp = Blueprint("lots", __name__)
RECENT = 20  # ledger entries shown; the whole ledger is in the API


@bp.get("/lots/<path:lot_number>")
def show(lot_number: str):
    lot = visible_lot(lot_number, visible_clause(restricted_scope()))
    if lot is None:
        abort(404)
    chinese, other = names(lot.accession)
    return render_template(
        "inventory/lot.html", lot=lot, chinese=chinese, other=other,
        material=material_label(lot.material), unit=unit_label(lot.unit),
        health=health_label(lot.health_status),
        on_hand=from_milli(lot.on_hand_milli), reserved=from_milli(lot.reserved_milli),
        critical=from_milli(lot.critical_milli), available=from_milli(available_milli(lot)),
        ledger=_recent_entries(lot.id) if is_staff() else None)


def _recent_entries(lot_id: int) -> list[dict]:
    """The newest entries first, each with its words and quantities."""
    found = db.session.scalars(select(LotTransaction).where(LotTransaction.lot_id == lot_id)
                               .order_by(LotTransaction.id.desc()).limit(RECENT))
    return [{"entry": entry, "kind": kind_label(entry.kind),
             "on_hand": _signed(entry.on_hand_milli),
             "reserved": _signed(entry.reserved_milli)} for entry in found]


def _signed(milli: int) -> str:
    """+5, -2.5, or nothing for an entry that does not move this balance."""
    return f"{from_milli(milli):+}" if milli else ""
