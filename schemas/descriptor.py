"""GET /api/v1/descriptors and /descriptors/{code}: a descriptor's trait, method and scale
in Chinese and English, its categories and its earlier versions (revisions)."""
import json

from marshmallow import Schema, fields, pre_dump, validate

from germplasm.evaluations.models import GROUPS
from germplasm.evaluations.sources import public_source
from germplasm.sharing.paging import PageArgs, PageSchema
from schemas.api_fields import UtcDateTime


class DescriptorCategorySchema(Schema):
    code = fields.String(metadata={"description": "类别代码 / category code"})
    label_zh = fields.String(metadata={"description": "中文名 / Chinese label"})
    label_en = fields.String(metadata={"description": "英文名 / English label"})


class DescriptorRevisionSchema(Schema):
    """A descriptor as it was at an earlier version (observations keep their version)."""

    version = fields.Integer()
    replaced_at = UtcDateTime(metadata={
        "description": "被新版本取代的时间 / when the next version replaced it"})
    definition_zh = fields.String(allow_none=True)
    definition_en = fields.String(allow_none=True)
    method_zh = fields.String(allow_none=True)
    method_en = fields.String(allow_none=True)
    data_type = fields.String()
    unit = fields.String(allow_none=True)
    min_value = fields.Float(allow_none=True)
    max_value = fields.Float(allow_none=True)
    min_date = fields.String(allow_none=True)
    max_date = fields.String(allow_none=True)
    categories = fields.List(fields.Nested(DescriptorCategorySchema))

    @pre_dump
    def _unpack(self, revision, **_kwargs):
        """The stored JSON snapshot (descriptors.snapshot) as the fields above."""
        old = json.loads(revision.snapshot)
        old["categories"] = [{"code": code, "label_zh": zh, "label_en": en}
                             for code, zh, en in old.get("categories", [])]
        return {**old, "version": revision.version, "replaced_at": revision.created_at}


def _source(descriptor, chinese: bool) -> str | None:
    """As the public descriptor page shows it: drafting notes left out."""
    parts = [part.text for part in public_source(descriptor.source, chinese)]
    return ("；" if chinese else "; ").join(parts) or None


class DescriptorSchema(Schema):
    code = fields.String(metadata={"description": "描述符代码 / descriptor code"})
    group = fields.String(metadata={"description": "性状组 / group: " + ", ".join(GROUPS)})
    name_zh = fields.String()
    name_en = fields.String()
    definition_zh = fields.String(allow_none=True)
    definition_en = fields.String(allow_none=True)
    method_zh = fields.String(allow_none=True, metadata={"description": "测定方法 / method"})
    method_en = fields.String(allow_none=True)
    data_type = fields.String(metadata={
        "description": "量表类型 / scale type: Numerical, Ordinal, Nominal, Date, Text"})
    unit = fields.String(allow_none=True)
    decimals = fields.Integer(allow_none=True)
    min_value = fields.Float(allow_none=True, metadata={"description": "下限 / lower limit"})
    max_value = fields.Float(allow_none=True, metadata={"description": "上限 / upper limit"})
    min_date = fields.String(allow_none=True, metadata={
        "description": "日期性状的最早日期 MM-DD / a date trait's earliest date, MM-DD"})
    max_date = fields.String(allow_none=True)
    better = fields.String(allow_none=True, metadata={
        "description": "较优方向 / which way is better (higher, lower)"})
    trait_class = fields.String(allow_none=True)
    trait_name = fields.String(allow_none=True, metadata={"description": "BrAPI trait name"})
    method_name = fields.String(allow_none=True, metadata={"description": "BrAPI method name"})
    scale_name = fields.String(allow_none=True, metadata={"description": "BrAPI scale name"})
    source_zh = fields.Function(lambda d: _source(d, True), allow_none=True, metadata={
        "type": "string", "description": "来源（中文） / source, in Chinese"})
    source_en = fields.Function(lambda d: _source(d, False), allow_none=True, metadata={
        "type": "string", "description": "来源（英文） / source, in English"})
    version = fields.Integer(metadata={"description": "当前版本 / current version"})
    active = fields.Boolean(metadata={"description": "是否在用 / still in use"})
    categories = fields.List(fields.Nested(DescriptorCategorySchema))


class DescriptorDetailSchema(DescriptorSchema):
    revisions = fields.List(fields.Nested(DescriptorRevisionSchema), metadata={
        "description": "早期版本，旧的在前 / earlier versions, oldest first"})


class DescriptorQuerySchema(PageArgs):
    group = fields.String(validate=validate.OneOf(GROUPS), metadata={
        "description": "只列出该组 / only this group"})
    active = fields.Boolean(metadata={
        "description": "只列出在用（true）或停用（false）的 / only descriptors in use (true) "
                       "or retired (false); all when left out"})


class DescriptorPageSchema(PageSchema):
    items = fields.List(fields.Nested(DescriptorSchema))
