"""GET /api/v1/accessions/{id}: the whole record of one accession. The "mcpd" part is the
MCPD export's row (loaders.mcpd_export.mcpd_row) under the export's own column names."""
import json

from flask import url_for
from marshmallow import Schema, fields

from germplasm.accessions.labels import FIELD_LABELS
from germplasm.accessions.mcpd_fields import ALL_COLUMNS, MULTI_VALUED
from schemas.api_fields import Computed, UtcDateTime

INTEGERS = ("SAMPSTAT", "COLLSRC", "MLSSTAT", "COORDUNCERT")
NUMBERS = ("DECLATITUDE", "DECLONGITUDE", "ELEVATION")
ROUNDED_NOTE = ("野生材料（SAMPSTAT 100–199）的坐标对公众取 0.1°，DMS 形式不给出 / "
                "wild material's (SAMPSTAT 100–199) coordinates are rounded to 0.1° for "
                "callers who may not see exact sites, and the DMS form is left out")
TEXT = {"type": "string"}


class PlainNumber(fields.Number):
    """A number as stored: 120 stays 120, 30.25 stays 30.25 (as the MCPD export writes)."""

    def _format_num(self, value):
        return value


def _mcpd_field(column: str) -> fields.Field:
    english, chinese = FIELD_LABELS.get(column, (column, column))
    text = f"{chinese} / {english}"
    if column in MULTI_VALUED or column == "ACCENAME":
        text += "；多个值以 ; 分隔 / several values joined with ;"
    if column in ("DECLATITUDE", "DECLONGITUDE", "LATITUDE", "LONGITUDE"):
        text += f"。{ROUNDED_NOTE}"
    if column in ("HISTORIC", "RESTRICTED"):
        text += "：Y 或 N / Y or N"
    kind = (fields.Integer if column in INTEGERS else PlainNumber if column in NUMBERS
            else fields.String)
    return kind(allow_none=True, metadata={"description": text})


McpdRecordSchema = Schema.from_dict({c: _mcpd_field(c) for c in ALL_COLUMNS},
                                    name="McpdRecordSchema")


class DetailNameSchema(Schema):
    name = fields.String(metadata={"description": "名称 / name"})
    type = fields.String(attribute="name_type",
                         metadata={"description": "名称类型 / name type (cultivar, local, ...)"})
    lang = fields.String(metadata={"description": "语言 / language"})


class PedigreeParentSchema(Schema):
    role = fields.String(metadata={"description": "female, male, parent or ancestor"})
    token = fields.String(metadata={"description": "ANCEST 中的写法 / as written in ANCEST"})
    id = fields.Integer(allow_none=True, metadata={
        "description": "亲本在目录中且可见时的编号 / the parent's id when it is in the "
                       "catalogue and visible to the caller, else null"})
    accenumb = fields.String(allow_none=True)
    name = fields.String(allow_none=True)


class PedigreeChildSchema(Schema):
    id = fields.Integer()
    accenumb = fields.String()
    name = fields.String()


class TraitSummaryCellSchema(Schema):
    """One trait summary (TraitSummary): over every year, or over one year."""

    year = fields.Method("_year", allow_none=True, metadata={
        "type": "integer", "description": "年份；总体为 null / year, null for the summary over "
                                          "all years"})
    n = fields.Integer(metadata={"description": "观测数 / observations (overall: observations "
                                                "over all years)"})
    mean = fields.Float(allow_none=True, metadata={"description": "平均值；日期为年内日序 / "
                                                                  "mean; dates as day of year"})
    min = fields.Float(allow_none=True)
    max = fields.Float(allow_none=True)
    sd = fields.Float(allow_none=True)
    mode = fields.String(allow_none=True, metadata={"description": "最常见的类别代码 / the most "
                                                                   "frequent category code"})
    mode_zh = fields.Method("_mode_zh", allow_none=True, metadata={
        "type": "string", "description": "该类别的中文名 / the category's Chinese label"})
    mode_en = fields.Method("_mode_en", allow_none=True, metadata={
        "type": "string", "description": "该类别的英文名 / the category's English label"})
    frequencies = fields.Method("_frequencies", metadata={
        "description": "各类别的次数 / count of each category code", "type": "object",
        "additionalProperties": {"type": "integer"}})
    date = fields.Method("_date", allow_none=True, metadata={
        "type": "string", "description": "日期性状的平均日期 MM-DD / a date trait's mean as MM-DD"})

    def _year(self, summary):
        return summary.year or None

    def _category(self, summary):
        return next((c for c in summary.descriptor.categories if c.code == summary.mode), None)

    def _mode_zh(self, summary):
        category = self._category(summary)
        return category.label_zh if category else None

    def _mode_en(self, summary):
        category = self._category(summary)
        return category.label_en if category else None

    def _frequencies(self, summary):
        return json.loads(summary.frequencies) if summary.frequencies else {}

    def _date(self, summary):
        from germplasm.evaluations.display import trait_value

        if summary.descriptor.data_type != "Date" or summary.mean is None:
            return None
        return trait_value(summary.mean, summary.descriptor)


class AccessionTraitSchema(Schema):
    descriptor = Computed(lambda row: row["descriptor"].code, metadata={
        "type": "string", "description": "描述符代码 / descriptor code"})
    name_zh = Computed(lambda row: row["descriptor"].name_zh, metadata=TEXT)
    name_en = Computed(lambda row: row["descriptor"].name_en, metadata=TEXT)
    data_type = Computed(lambda row: row["descriptor"].data_type, metadata=TEXT)
    unit = Computed(lambda row: row["descriptor"].unit, allow_none=True, metadata=TEXT)
    overall = fields.Nested(TraitSummaryCellSchema, allow_none=True)
    years = fields.List(fields.Nested(TraitSummaryCellSchema),
                        metadata={"description": "逐年汇总，按年份 / each year's summary, by year"})


class AccessionPhotoSchema(Schema):
    id = fields.Integer()
    caption = fields.String(allow_none=True)
    taken_on = fields.String(allow_none=True)
    url = Computed(lambda p: url_for("accessions.photo", photo_id=p.id, _external=True),
                          metadata={"type": "string", "description": "原图 / the original"})
    view = Computed(
        lambda p: url_for("accessions.photo_view", photo_id=p.id, _external=True),
        metadata={"type": "string", "description": "480 px 副本 / a 480 px copy"})
    thumb = Computed(
        lambda p: url_for("accessions.photo_thumbnail", photo_id=p.id, _external=True),
        metadata={"type": "string", "description": "缩略图 / thumbnail"})


class AccessionDetailSchema(Schema):
    id = fields.Integer(metadata={"description": "稳定编号 / stable id"})
    instcode = fields.String()
    accenumb = fields.String()
    mcpd = fields.Nested(McpdRecordSchema, metadata={
        "description": "MCPD v2.1 全部字段（及 DOI、HISTORIC、RESTRICTED），与 MCPD 导出相同 / "
                       "every MCPD v2.1 field (and DOI, HISTORIC, RESTRICTED) as the MCPD "
                       "export writes it"})
    names = fields.List(fields.Nested(DetailNameSchema))
    parents = fields.List(fields.Nested(PedigreeParentSchema), metadata={
        "description": "ANCEST 中的亲本；不可见的亲本只给出写法 / parents named in ANCEST; "
                       "one the caller may not see is given only as written"})
    progeny = fields.List(fields.Nested(PedigreeChildSchema), metadata={
        "description": "调用者可见的后代 / the progeny the caller may see"})
    historic = fields.Boolean()
    restricted = fields.Boolean()
    traits = fields.List(fields.Nested(AccessionTraitSchema), metadata={
        "description": "性状汇总：总体与逐年 / trait summaries, overall and by year"})
    photos = fields.List(fields.Nested(AccessionPhotoSchema))
    updated_at = UtcDateTime(metadata={"description": "最后修改时间 (UTC) / last change (UTC)"})
