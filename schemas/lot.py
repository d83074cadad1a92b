"""The API's lots and plants (GET /api/v1/lots, /lots/{lot_number}, its /transactions,
/plants): dump schemas.
Quantities are numbers in the lot's unit (whole for counts, up to three decimals for g/ml)."""
from datetime import date

from marshmallow import Schema, fields

from germplasm.inventory.models import KINDS, MATERIALS, UNITS
from germplasm.inventory.quantities import as_number
from germplasm.inventory.seasons import in_window, next_opening
from germplasm.sharing.paging import PageSchema
from schemas.api_fields import UtcDateTime

LEDGER_IN_DETAIL = 100  # entries of the ledger in a lot's detail; the rest are paged


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


def _milli(attribute: str, zh: str, en: str):
    return fields.Function(lambda obj: as_number(getattr(obj, attribute)),
                           **_doc(zh, en, type="number"))


class LotSchema(Schema):
    lot_number = fields.String(**_doc("批号", "lot number", example="S-2026-001"))
    accenumb = fields.Function(lambda lot: lot.accession.accenumb,
                               **_doc("种质库编号", "accession number", type="string"))
    material = fields.String(**_doc("材料类型", "material type", enum=list(MATERIALS)))
    quantity = _milli("on_hand_milli", "库存量", "quantity on hand")
    reserved = _milli("reserved_milli", "已预留", "quantity reserved")
    available = fields.Function(
        lambda lot: as_number(max(0, lot.on_hand_milli - lot.reserved_milli
                                  - lot.critical_milli)),
        **_doc("可分发量 = 库存 − 预留 − 保留量", "available = on hand − reserved − critical "
               "quantity (never distributed)", type="number"))
    unit = fields.String(**_doc("单位", "unit", enum=list(UNITS)))
    distributable = fields.Boolean(**_doc("可分发", "may be distributed"))
    available_from = fields.String(allow_none=True, **_doc(
        "供应期起（MM-DD）", "availability window from (MM-DD)", example="12-01"))
    available_to = fields.String(allow_none=True, **_doc(
        "供应期止（MM-DD，可跨年）", "availability window to (MM-DD; may wrap over the new year)",
        example="02-28"))
    in_season = fields.Function(
        lambda lot: in_window(lot.available_from, lot.available_to, date.today()),
        **_doc("今天是否在供应期内（无供应期：总是）",
               "whether today is in the availability window (no window: always)",
               type="boolean"))
    next_available_from = fields.Function(
        lambda lot: _iso(next_opening(lot.available_from, lot.available_to, date.today())),
        allow_none=True, **_doc("不在供应期时，下次供应期开始的日期；在供应期内为 null",
                                "when out of season, the next day the window opens; null while "
                                "in season", type="string", format="date", nullable=True,
                                example="2026-12-01"))
    updated_at = UtcDateTime(**_doc("最后修改时间（UTC）", "last change (UTC)"))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class LotPage(PageSchema):
    items = fields.List(fields.Nested(LotSchema), required=True)


class LedgerEntrySchema(Schema):
    id = fields.Integer()
    kind = fields.String(**_doc("类型", "kind", enum=list(KINDS)))
    quantity = _milli("on_hand_milli", "库存变化", "change of the quantity on hand")
    reserved = _milli("reserved_milli", "预留变化", "change of the quantity reserved")
    at = UtcDateTime(**_doc("时间（UTC）", "when (UTC)"))
    note = fields.String(allow_none=True)
    request_item_id = fields.Integer(allow_none=True, **_doc("对应的申请条目", "request item"))


class ViabilitySchema(Schema):
    method = fields.String()
    percent = fields.Integer()
    n = fields.Integer(allow_none=True)
    tested_on = fields.Date()


class LotDetailSchema(LotSchema):
    critical = _milli("critical_milli", "保留量（不分发）", "critical quantity (never distributed)")
    location = fields.String(allow_none=True, **_doc("存放位置", "storage location"))
    health_status = fields.String(**_doc("健康状况", "health status"))
    expires_on = fields.Date(allow_none=True, **_doc("有效期", "expiry"))
    viability_tests = fields.List(fields.Nested(ViabilitySchema))
    ledger = fields.List(fields.Nested(LedgerEntrySchema), **_doc(
        f"台账最新的 {LEDGER_IN_DETAIL} 条，最早的在前；全部见 /lots/{{lot_number}}/transactions",
        f"the newest {LEDGER_IN_DETAIL} entries of the ledger, oldest first; all of them: "
        "/lots/{lot_number}/transactions"))
    ledger_total = fields.Integer(**_doc("台账总条数", "how many entries the ledger has in all"))


class LedgerPage(PageSchema):
    items = fields.List(fields.Nested(LedgerEntrySchema), required=True)


class HealthTestSchema(Schema):
    pathogen = fields.String()
    method = fields.String()
    result = fields.String()
    tested_on = fields.Date()


class PlantSchema(Schema):
    id = fields.Integer(**_doc("植株编号（稳定）", "the tree's stable id"))
    accenumb = fields.Function(lambda p: p.accession.accenumb, **_doc(
        "种质库编号", "accession number", type="string"))
    block = fields.String(**_doc("区", "block"))
    row = fields.String(**_doc("行", "row"))
    position = fields.String(**_doc("株位", "position"))
    planted_on = fields.Date(allow_none=True, **_doc("定植日期", "planted"))
    grafted_on = fields.Date(allow_none=True, **_doc("嫁接日期", "grafted"))
    rootstock = fields.String(allow_none=True, **_doc(
        "砧木：种质库编号或文字", "rootstock: an accession number or free text"))
    status = fields.String(**_doc("状态", "status", enum=["living", "removed"]))
    removed_on = fields.Date(allow_none=True)
    removed_reason = fields.String(allow_none=True)
    trueness = fields.String(**_doc("真实性鉴定", "trueness to type",
                                    enum=["unchecked", "true", "off_type"]))
    health_tests = fields.List(fields.Nested(HealthTestSchema))
    updated_at = UtcDateTime(**_doc("最后修改时间（UTC）", "last change (UTC)"))


class PlantPage(PageSchema):
    items = fields.List(fields.Nested(PlantSchema), required=True)
