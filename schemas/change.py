"""The change feed's answer: GET /api/v1/changes."""
from marshmallow import Schema, fields

from germplasm.feed.models import ENTITIES, OPERATIONS
from schemas.api_fields import UtcDateTime


class ChangeSchema(Schema):
    cursor = fields.Integer(metadata={"description": "变更序号，严格递增 / strictly increasing"})
    entity = fields.String(metadata={"enum": list(ENTITIES), "description":
                                     "记录类型 / record type"})
    id = fields.Raw(metadata={
        "description": "记录标识：种质、观测、评价任务、植株为整数；性状描述符为代码；批次为"
                       "批号；汇总为“种质id:描述符代码” / the record's id: an integer for "
                       "accession, observation, campaign and plant; the code for a "
                       "descriptor; the lot number for a lot; 'accession id:descriptor code' "
                       "for a summary",
        "oneOf": [{"type": "integer"}, {"type": "string"}]})
    op = fields.String(metadata={"enum": list(OPERATIONS), "description":
                                 "upsert：新建或修改，请重新获取；delete：已删除或不再对您可见 / "
                                 "upsert: created or changed, fetch it again; delete: deleted "
                                 "or no longer visible to you"})
    at = UtcDateTime(metadata={"description": "变更时间 (UTC) / when it changed"})


class ChangesSchema(Schema):
    changes = fields.List(fields.Nested(ChangeSchema))
    next = fields.Integer(metadata={"description": "下次请求用的 after / the `after` to ask "
                                                   "with next time"})
