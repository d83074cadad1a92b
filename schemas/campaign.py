"""GET /api/v1/campaigns and /campaigns/{id}: an evaluation campaign (a BrAPI study: one
site, one year) and what it has produced."""
from marshmallow import Schema, fields

from germplasm.sharing.paging import PageArgs, PageSchema
from schemas.api_fields import UtcDateTime

STAFF_ONLY = "仅工作人员可见，其他调用者为 null / staff only; null for other callers"


class CampaignWorklistSchema(Schema):
    """How far the campaign has come (the progress page's figures)."""

    accessions = fields.Integer(metadata={"description": "工作清单上的种质数 / accessions on "
                                                         "the worklist"})
    descriptors = fields.Integer(metadata={"description": "描述符数 / descriptors"})
    cells = fields.Integer(metadata={"description": "种质 × 描述符 / accessions × descriptors"})
    filled = fields.Integer(metadata={"description": "已有数值的格数 / cells with a value"})
    percent = fields.Integer(metadata={"description": "完成百分比（向下取整）/ share filled, "
                                                      "rounded down"})


class CampaignSchema(Schema):
    id = fields.Integer()
    name = fields.String(metadata={"description": "评价任务名称 / campaign name"})
    year = fields.Integer()
    site = fields.String(allow_none=True, metadata={"description": "地点 / site"})
    description = fields.String(allow_none=True)
    descriptors = fields.List(fields.String(), metadata={
        "description": "评价的描述符代码 / codes of the descriptors evaluated"})
    observations = fields.Integer(metadata={
        "description": "调用者可见种质的观测数 / observations of accessions the caller may see"})
    accessions = fields.Integer(metadata={
        "description": "有观测的可见种质数 / accessions the caller may see with an observation"})
    first_observed = fields.Date(allow_none=True, metadata={
        "description": "最早观测日期 / earliest observation date"})
    last_observed = fields.Date(allow_none=True, metadata={
        "description": "最近观测日期 / latest observation date"})
    observers = fields.String(allow_none=True, metadata={"description": STAFF_ONLY})
    worklist = fields.Nested(CampaignWorklistSchema, allow_none=True, metadata={
        "description": f"工作清单与进度 / worklist and progress; {STAFF_ONLY}"})
    created_at = UtcDateTime()
    updated_at = UtcDateTime()


class CampaignQuerySchema(PageArgs):
    """Paging only: a partner lists the few campaigns there are."""


class CampaignPageSchema(PageSchema):
    items = fields.List(fields.Nested(CampaignSchema))
