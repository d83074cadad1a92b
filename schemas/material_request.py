"""Material requests in the API (/api/v1/requests…): dump schemas. Quantities are numbers in
the item's unit."""
from marshmallow import Schema, fields

from germplasm.inventory.models import MATERIALS, UNITS
from germplasm.inventory.quantities import as_number
from germplasm.requests.models import ALLOCATION_STATES, INTENDED_USES, RECIPIENT_KINDS
from germplasm.requests.states import STATES
from germplasm.sharing.paging import PageSchema
from schemas.api_fields import UtcDateTime


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


def _number(function, zh: str, en: str):
    return fields.Function(lambda obj: as_number(function(obj)), **_doc(zh, en, type="number"))


class AllocationSchema(Schema):
    id = fields.Integer(**_doc("分配编号", "allocation id"))
    item = fields.Integer(attribute="item_id", **_doc("申请条目编号", "request item id"))
    lot = fields.Function(lambda a: a.lot.lot_number, **_doc("批号", "lot number",
                                                             type="string"))
    quantity = _number(lambda a: a.quantity_milli, "数量", "quantity")
    status = fields.String(**_doc("状态：已预留、已释放、已发出", "reserved, released or shipped",
                                  enum=list(ALLOCATION_STATES)))
    shipment = fields.Integer(attribute="shipment_id", allow_none=True,
                              **_doc("发货记录编号", "shipment id"))
    at = UtcDateTime(**_doc("分配时间（UTC）", "when allocated (UTC)"))


class ItemSchema(Schema):
    id = fields.Integer(**_doc("条目编号", "item id"))
    accenumb = fields.Function(lambda i: i.accession.accenumb,
                               **_doc("种质库编号", "accession number", type="string"))
    instcode = fields.Function(lambda i: i.accession.instcode,
                               **_doc("保存单位代码", "holding institute code", type="string"))
    name = fields.Function(lambda i: i.accession.display_name,
                           **_doc("名称", "name", type="string"))
    material = fields.String(**_doc("材料类型", "material type", enum=list(MATERIALS)))
    quantity = _number(lambda i: i.quantity_milli, "申请数量", "quantity asked for")
    unit = fields.String(**_doc("单位", "unit", enum=list(UNITS)))
    reserved = _number(lambda i: i.milli_in("reserved"), "已预留", "reserved for it")
    shipped = _number(lambda i: i.milli_in("shipped"), "已发出", "shipped")
    allocations = fields.List(fields.Nested(AllocationSchema),
                              **_doc("从各批次的分配", "allocations from lots"))


class RecipientSchema(Schema):
    name = fields.String(attribute="recipient_name", **_doc("收件人", "recipient"))
    institution = fields.String(**_doc("单位", "institution"))
    kind = fields.String(attribute="recipient_kind", **_doc(
        "单位类型", "kind of institution", enum=list(RECIPIENT_KINDS)))
    address = fields.String(**_doc("收件地址", "shipping address"))
    country = fields.String(**_doc("国家（ISO 3166 三字母）", "country (ISO 3166 alpha-3)"))
    province = fields.String(allow_none=True, **_doc("省份", "province"))
    email = fields.String(**_doc("电子邮件", "e-mail"))
    final_recipient = fields.String(allow_none=True, **_doc(
        "最终接收方（如不同）", "final recipient, if different"))


class TransitionSchema(Schema):
    from_state = fields.String(data_key="from", allow_none=True, **_doc("原状态", "from"))
    to_state = fields.String(data_key="to", **_doc("新状态", "to", enum=list(STATES)))
    actor = fields.String(**_doc("操作人", "who"))
    at = UtcDateTime(**_doc("时间（UTC）", "when (UTC)"))
    note = fields.String(allow_none=True, **_doc("说明", "note"))


class ShipmentSchema(Schema):
    id = fields.Integer()
    carrier = fields.String(**_doc("承运方", "carrier"))
    tracking_number = fields.String(allow_none=True, **_doc("运单号", "tracking number"))
    shipped_on = fields.Date(**_doc("发货日期", "shipping date"))
    phyto_certificate = fields.String(allow_none=True, **_doc(
        "植物检疫证书编号", "phytosanitary certificate number"))
    allocations = fields.Function(lambda s: [a.id for a in s.allocations], **_doc(
        "所发分配的编号", "ids of the allocations it carried", type="array",
        items={"type": "integer"}))


class UsageReportSchema(Schema):
    usage = fields.String(**_doc("利用情况", "what was done with the material"))
    results = fields.String(allow_none=True, **_doc("结果", "results"))
    author = fields.String()
    at = UtcDateTime()


class RequestSummarySchema(Schema):
    id = fields.Integer(**_doc("申请编号（内部）", "request id"))
    number = fields.String(**_doc("申请单号", "request number", example="R2026-00012"))
    status = fields.String(**_doc("状态", "state", enum=list(STATES)))
    requester = fields.Function(lambda r: r.requester.username,
                                **_doc("申请人（用户名）", "requester (user name)", type="string"))
    institution = fields.String(**_doc("单位", "institution"))
    intended_use = fields.String(**_doc("用途", "intended use", enum=list(INTENDED_USES)))
    flags = fields.List(fields.String(), **_doc(
        "需复核的原因（首次申请、种质过多、受限材料）",
        "why it deserves a second look: first_request, many_accessions, restricted"))
    submitted_at = UtcDateTime(**_doc("提交时间（UTC）", "submitted (UTC)"))
    updated_at = UtcDateTime(**_doc("最后修改时间（UTC）", "last change (UTC)"))


class RequestSchema(RequestSummarySchema):
    recipient = fields.Function(lambda r: RecipientSchema().dump(r), **_doc(
        "收件信息", "recipient", type="object"))
    use_note = fields.String(allow_none=True, **_doc("用途说明", "note on the use"))
    mta_version = fields.String(**_doc("所接受的材料转移协议版本", "version of the MTA accepted"))
    mta_accepted_at = UtcDateTime(**_doc("接受协议的时间（UTC）", "when the MTA was accepted"))
    received_on = fields.Date(allow_none=True, **_doc("收到日期", "received on"))
    feedback_due_on = fields.Date(allow_none=True, **_doc("利用反馈截止日期",
                                                          "usage report due on"))
    allowed = fields.Function(lambda r: _next_states(r), **_doc(
        "可转入的状态", "states it may move to next", type="array", items={"type": "string"}))
    items = fields.List(fields.Nested(ItemSchema), **_doc("申请条目", "items"))
    transitions = fields.List(fields.Nested(TransitionSchema), **_doc("状态变更记录",
                                                                      "history of states"))
    shipments = fields.List(fields.Nested(ShipmentSchema), **_doc("发货记录", "shipments"))
    feedback = fields.List(fields.Nested(UsageReportSchema), **_doc("利用反馈", "usage reports"))


def _next_states(request) -> list[str]:
    from germplasm.requests.states import TRANSITIONS

    return list(TRANSITIONS.get(request.status, ()))


class RequestPage(PageSchema):
    items = fields.List(fields.Nested(RequestSummarySchema))
