"""GET /api/v1/lots, /api/v1/lots/{lot_number} (with its newest ledger entries),
/lots/{lot_number}/transactions (the whole ledger, paged) and /api/v1/plants: the
living collection, for whoever may see the accessions (restricted ones: staff, and a partner
for its own institute's)."""
from flask import abort
from flask_babel import gettext as _
from marshmallow import fields, validate

from germplasm.inventory.models import MATERIALS, PLANT_STATUSES, Lot, LotTransaction, Plant
from germplasm.inventory.queries import (
    ledger_query,
    lot_query,
    newest_entries,
    page,
    plant_query,
    visible_lot,
)
from germplasm.sharing.access import accession_scope
from germplasm.sharing.openapi import ApiBlueprint
from germplasm.sharing.paging import LINK_HEADERS, PageArgs, paged
from schemas.lot import LEDGER_IN_DETAIL, LedgerPage, LotDetailSchema, LotPage, PlantPage

bp = ApiBlueprint("api_lots", __name__, url_prefix="/api/v1",
                  description="活体保存圃：植株与材料批次 / The living collection: trees and lots")


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


class LotQuery(PageArgs):
    accenumb = fields.String(**_doc("种质库编号", "accession number"))
    material = fields.String(validate=validate.OneOf(MATERIALS),
                             **_doc("材料类型", "material type", enum=list(MATERIALS)))
    available = fields.Boolean(**_doc(
        "true：只列今天可以分发的批次：可分发、有余量（库存 − 预留 − 保留量 > 0）、未过有效期、"
        "且今天在供应期内；false：其余的批次",
        "true: only lots that can be sent today: distributable, something available (on hand − "
        "reserved − critical > 0), not expired, and today within the availability window; "
        "false: the other lots"))


class PlantQuery(PageArgs):
    accenumb = fields.String(**_doc("种质库编号", "accession number"))
    status = fields.String(validate=validate.OneOf(PLANT_STATUSES),
                           **_doc("状态", "status", enum=list(PLANT_STATUSES)))


@bp.get("/lots")
@bp.arguments(LotQuery, location="query")
@bp.response(200, LotPage, headers=LINK_HEADERS)
def lots(args):
    """材料批次 / Lots of material

    可按种质、材料类型和是否可分发筛选；限制访问种质的批次只对可见该种质的调用者列出。

    Filter by accession, material and availability; lots of restricted accessions are listed
    only for callers who may see the accession."""
    query = lot_query(accession_scope(), args.get("accenumb"), args.get("material"),
                      args.get("available"))
    total, rows = page(query, (Lot.lot_number,), args["page"], args["per_page"])
    return paged(rows, total, args["page"], args["per_page"])


@bp.get("/lots/<string:lot_number>", parameters=[{
    "in": "path", "name": "lot_number", "description": "批号 / lot number"}])
@bp.response(200, LotDetailSchema)
def lot(lot_number: str):
    """一个批次及其台账 / One lot with its ledger

    台账只含最新的 100 条（`ledger_total` 为总条数；全部见 `/lots/{lot_number}/transactions`）。
    看不到其种质的调用者得到 404，与不存在的批号相同。

    The ledger holds the newest 100 entries (`ledger_total` counts them all; all of them:
    `/lots/{lot_number}/transactions`). Callers who may not see its accession get 404, as for a
    lot that does not exist."""
    found = _visible(lot_number)
    entries, total = newest_entries(found, LEDGER_IN_DETAIL)
    return LotWithLedger(found, entries, total)


@bp.get("/lots/<string:lot_number>/transactions", parameters=[{
    "in": "path", "name": "lot_number", "description": "批号 / lot number"}])
@bp.arguments(PageArgs, location="query")
@bp.response(200, LedgerPage, headers=LINK_HEADERS)
def transactions(args, lot_number: str):
    """一个批次的台账，分页 / One lot's ledger, paged

    每次库存变化一条，最早的在前（最后一页是最新的）；看不到其种质的调用者得到 404。

    Every change of stock, oldest first (the last page holds the newest); callers who may not
    see its accession get 404."""
    found = _visible(lot_number)
    total, rows = page(ledger_query(found), (LotTransaction.id,), args["page"], args["per_page"])
    return paged(rows, total, args["page"], args["per_page"])


class LotWithLedger:
    """A lot as the detail shows it: its newest ledger entries and how many there are."""

    def __init__(self, lot: Lot, ledger: list, ledger_total: int):
        self._lot, self.ledger, self.ledger_total = lot, ledger, ledger_total

    def __getattr__(self, name: str):
        return getattr(self._lot, name)


def _visible(lot_number: str) -> Lot:
    found = visible_lot(lot_number, accession_scope())
    if found is None:
        abort(404, _("There is no lot with this number."))
    return found


@bp.get("/plants")
@bp.arguments(PlantQuery, location="query")
@bp.response(200, PlantPage, headers=LINK_HEADERS)
def plants(args):
    """保存圃植株 / Trees of the field genebank

    Trees of the field genebank, by accession; restricted accessions' trees only for callers
    who may see them."""
    query = plant_query(accession_scope(), args.get("accenumb"), args.get("status"))
    total, rows = page(query, (Plant.block, Plant.row, Plant.position, Plant.id),
                       args["page"], args["per_page"])
    return paged(rows, total, args["page"], args["per_page"])

