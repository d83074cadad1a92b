"""What callers send to /api/v1/requests…: load schemas. Field names are the API's contract."""
from marshmallow import Schema, fields, validate

from germplasm.inventory.models import MATERIALS
from germplasm.requests.models import INTENDED_USES, RECIPIENT_KINDS
from germplasm.requests.states import STATES


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


def _text(zh: str, en: str, size: int, required: bool = True, **extra):
    return fields.String(required=required, validate=validate.Length(max=size),
                         allow_none=not required, **_doc(zh, en, **extra))


class RecipientIn(Schema):
    name = _text("收件人", "recipient's name", 200)
    institution = _text("单位", "institution", 300)
    kind = fields.String(required=True, validate=validate.OneOf(RECIPIENT_KINDS),
                         **_doc("单位类型", "kind", enum=list(RECIPIENT_KINDS)))
    address = _text("收件地址", "shipping address", 1000)
    country = _text("国家（ISO 3166 三字母）", "country, ISO 3166 alpha-3", 3, example="CHN")
    email = _text("电子邮件", "e-mail", 200)
    province = _text("省份", "province", 60, required=False)
    final_recipient = _text("最终接收方（如不同）", "final recipient if different", 300,
                            required=False)


class ItemIn(Schema):
    accenumb = _text("种质库编号", "accession number", 60)
    instcode = _text("保存单位代码（编号重复时）", "institute code (when numbers repeat)", 20,
                     required=False)
    material = fields.String(required=True, validate=validate.OneOf(MATERIALS),
                             **_doc("材料类型", "material type", enum=list(MATERIALS)))
    quantity = fields.Decimal(required=True, as_string=True, places=None, **_doc(
        "数量（按该材料的单位：株、条、粒；花粉为克）",
        "quantity in the material's unit (plants, pieces, seeds; pollen in g)", type="number"))


class RequestIn(Schema):
    intended_use = fields.String(required=True, validate=validate.OneOf(INTENDED_USES),
                                 **_doc("用途", "intended use", enum=list(INTENDED_USES)))
    use_note = _text("用途说明（用途为 other 时必填）", "note on the use (required for other)",
                     2000, required=False)
    recipient = fields.Nested(RecipientIn, required=True, **_doc("收件信息", "recipient"))
    mta_accepted = fields.Boolean(required=True, **_doc(
        "接受材料转移协议（必须为 true）", "acceptance of the MTA (must be true)"))
    mta_version = _text("所阅读的协议版本（可省略）", "version of the MTA read (optional)", 40,
                        required=False)
    items = fields.List(fields.Nested(ItemIn), required=True,
                        validate=validate.Length(min=1, max=500),
                        **_doc("申请的种质与材料", "what is asked for"))


class TransitionIn(Schema):
    to = fields.String(required=True, **_doc("目标状态", "the state to move to",
                                             enum=list(STATES)))
    note = _text("说明", "note", 2000, required=False)


class AllocationIn(Schema):
    item = fields.Integer(required=True, strict=True, validate=validate.Range(1, 2**31 - 1),
                          **_doc("申请条目编号", "request item id"))
    lot = _text("批号", "lot number", 40)
    quantity = fields.Decimal(required=True, as_string=True, places=None,
                              **_doc("数量", "quantity", type="number"))


class ShipmentIn(Schema):
    carrier = _text("承运方", "carrier", 100)
    tracking_number = _text("运单号", "tracking number", 100, required=False)
    shipped_on = fields.Date(required=True, **_doc("发货日期", "shipping date"))
    phyto_certificate = _text("植物检疫证书编号（寄往国外时必填）",
                              "phytosanitary certificate number (required abroad)", 100,
                              required=False)
    allocations = fields.List(fields.Integer(strict=True), allow_none=True, **_doc(
        "要发出的分配编号（省略：全部已预留的）", "allocation ids to send (omitted: all reserved)"))


class ReceiptIn(Schema):
    received_on = fields.Date(required=True, **_doc("收到日期", "received on"))
    note = _text("说明", "note", 2000, required=False)


class UsageReportIn(Schema):
    usage = _text("利用情况", "what was done with the material", 5000)
    results = _text("结果", "results", 5000, required=False)
