"""GET /brapi/v2/seedlots, seedlots/{seedLotDbId}, seedlots/transactions and
seedlots/{seedLotDbId}/transactions: the lots of the accessions the caller may see."""
from flask import Blueprint, abort, request
from flask_babel import gettext as _

from germplasm.brapi import lot_records
from germplasm.brapi.envelope import listing, one, page_of, paging
from germplasm.extensions import db
from germplasm.inventory.models import Lot, LotTransaction
from germplasm.inventory.queries import visible_lot
from germplasm.sharing.access import accession_scope
from schemas.brapi_seedlot import SeedLotSchema, TransactionSchema

bp = Blueprint("brapi_seedlots", __name__, url_prefix="/brapi/v2")
DIRECTIONS = {"BOTH": None, "TO": LotTransaction.on_hand_milli > 0,
              "FROM": LotTransaction.on_hand_milli < 0}


@bp.get("/seedlots")
def seedlots():
    pages = paging()
    total, rows = page_of(lot_records.visible_lots(), (Lot.lot_number,), pages)
    return listing(SeedLotSchema(many=True).dump(lot_records.seed_lots(rows)), total, pages)


def _lot(seed_lot_db_id: str) -> Lot:
    found = visible_lot(seed_lot_db_id, accession_scope())
    if found is None:  # the same answer for a lot that does not exist and one not shown
        abort(404, _("There is no seed lot with this id."))
    return found


@bp.get("/seedlots/<string:seedLotDbId>")
def seedlot(seedLotDbId: str):  # noqa: N803 (BrAPI's name, shown in /serverinfo)
    return one(SeedLotSchema().dump(lot_records.seed_lots([_lot(seedLotDbId)])[0]))


def _transactions(query):
    pages = paging()
    wanted = request.args.get("transactionDbId", "").strip()
    if wanted:
        query = query.where(LotTransaction.id == (int(wanted) if wanted.isdigit() and
                                                  int(wanted) < 2**62 else -1))
    total, rows = page_of(query, (LotTransaction.id,), pages)
    return listing(TransactionSchema(many=True).dump(lot_records.transactions(rows)),
                   total, pages)


@bp.get("/seedlots/transactions")
def transactions():
    return _transactions(lot_records.movements(lot_records.visible_lots(), one_lot=False))


@bp.get("/seedlots/<string:seedLotDbId>/transactions")
def lot_transactions(seedLotDbId: str):  # noqa: N803
    lot = _lot(seedLotDbId)
    direction = request.args.get("transactionDirection", "BOTH").strip().upper() or "BOTH"
    if direction not in DIRECTIONS:
        abort(400, _("transactionDirection must be TO, FROM or BOTH"))
    query = lot_records.movements(db.select(Lot).where(Lot.id == lot.id), one_lot=True)
    if DIRECTIONS[direction] is not None:
        query = query.where(DIRECTIONS[direction])
    return _transactions(query)
