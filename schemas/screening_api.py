"""GET /api/v1/screening: a selection index over several traits, or one trait's extremes."""
from marshmallow import Schema, fields

from schemas.accession_api import FILTER_WORDS, _many

MAX_TOP = 500


class ScreeningQuery(Schema):
    trait = _many("选择指数的性状，可重复：CODE:+W（越高越好）、CODE:-W（越低越好）、"
                  "CODE:~TARGET[:W]（越接近越好） / selection index traits, may be repeated: "
                  "CODE:+W (higher is better), CODE:-W (lower is better), CODE:~TARGET[:W] "
                  "(closest to target)", example=["SSC:+2"])
    filter = _many("先筛选，同检索的 trait 参数 / filters applied first, as the search's "
                   "`trait` parameter", example=["HARVEST_DATE:..07-20"])
    extreme = fields.String(load_default="", metadata={
        "description": "某性状最高或最低的百分之几：CODE:top:PERCENT 或 CODE:bottom:PERCENT "
                       "（给出时忽略 trait） / the top or bottom percent of one trait (`trait` "
                       "is then ignored)", "example": "HARVEST_DATE:bottom:5"})
    top = fields.String(load_default="", metadata={
        "description": f"返回条数，1 到 {MAX_TOP}，默认 20（超出范围按边界计，非数字按 20 计） / "
                       f"rows returned, 1 to {MAX_TOP}, default 20 (clamped; not a number "
                       "counts as 20)"})
    species, origin, province, sampstat = (
        _many(FILTER_WORDS[name]) for name in ("species", "origin", "province", "sampstat"))


class CriterionSchema(Schema):
    code = fields.String(metadata={"description": "描述符代码 / descriptor code"})
    weight = fields.Float(metadata={"description": "权重 / weight"})
    direction = fields.Integer(metadata={"description": "1 越高越好，-1 越低越好 / 1 higher "
                                                        "is better, -1 lower"})
    target = fields.Float(allow_none=True, metadata={"description": "目标值 / target"})


class ContributionSchema(Schema):
    value = fields.Float(metadata={"description": "性状均值 / the trait's mean"})
    z = fields.Float(metadata={"description": "定向标准分 / oriented z-score"})
    weighted = fields.Float(metadata={"description": "加权后 / weighted"})


class ScreeningItemSchema(Schema):
    accession_id = fields.Integer(required=True, metadata={"description": "资源 id / id"})
    accenumb = fields.String(required=True, metadata={"description": "库编号 / ACCENUMB"})
    names = fields.List(fields.String(), required=True)
    species = fields.String(required=True)
    index = fields.Float(metadata={"description": "选择指数（指数模式） / selection index "
                                                  "(index mode)"})
    contributions = fields.Dict(keys=fields.String(), values=fields.Nested(ContributionSchema),
                                metadata={"description": "各性状的贡献（指数模式） / each "
                                                         "trait's part (index mode)"})
    value = fields.Float(metadata={"description": "性状均值（极值模式） / the trait's mean "
                                                  "(extreme mode)"})


class ScreeningSchema(Schema):
    """Index mode (`trait=`) fills criteria and excluded_missing; extreme mode (`extreme=`)
    fills trait, end, percent, count and threshold."""

    total = fields.Integer(required=True, metadata={"description": "符合条件的条数 / how "
                                                                   "many qualify"})
    items = fields.List(fields.Nested(ScreeningItemSchema), required=True)
    excluded_missing = fields.Integer(metadata={"description": "缺少所选性状而未计入 / left "
                                                               "out for lacking a trait"})
    criteria = fields.List(fields.Nested(CriterionSchema))
    trait = fields.String()
    end = fields.String(metadata={"description": "top 或 bottom / top or bottom"})
    percent = fields.Float(allow_none=True)
    count = fields.Integer(allow_none=True)
    threshold = fields.Float(allow_none=True, metadata={"description": "阈值 / threshold"})
