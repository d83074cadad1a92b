"""GET /api/v1/accessions: its query parameters and the page it answers (catalogue search)."""
from marshmallow import Schema, fields

from germplasm.sharing.paging import PageArgs, PageSchema
from schemas.api_fields import Instant, UtcDateTime


def _many(description: str, **kwargs) -> fields.List:
    """A parameter that may be repeated (`?trait=A&trait=B`)."""
    return fields.List(fields.String(), load_default=list,
                       metadata={"description": description, **kwargs})


FILTER_WORDS = {
    "species": "种名，如 salicina 或 Prunus salicina / species, e.g. salicina",
    "genus": "属 / genus, e.g. Prunus",
    "origin": "原产国：ISO 3166 三字母代码或国名 / country of origin: ISO 3166-1 alpha-3 "
              "code or name",
    "province": "中国省份（中文或拼音） / Chinese province, in Chinese or English",
    "sampstat": "MCPD SAMPSTAT 代码；以 00 结尾代表整组，如 100 为野生 / MCPD SAMPSTAT code; "
                "a code ending in 00 stands for its group (100: all wild)",
    "storage": "MCPD STORAGE 代码，可用逗号分隔 / MCPD STORAGE codes, comma-separated",
    "selection": "选择集链接中的令牌，或 current / a selection's link token, or `current`",
    "accenumb": "库编号（精确匹配，可重复） / accession number, exact (may be repeated)",
    "instcode": "保存单位 FAO WIEWS 代码，如 CHN385 / holding institute's FAO WIEWS code",
}


class AccessionQuery(PageArgs):
    q = fields.String(load_default="", metadata={
        "description": "检索词：名称、编号、拼音；可含 species:salicina 或 SSC:14.. 等前缀 / "
                       "search words: names, numbers, pinyin; may hold prefixes such as "
                       "species:salicina or trait filters such as SSC:14.."})
    trait = _many("性状筛选，可重复：CODE:min..max（数值、日期 MM-DD）或 CODE:a|b（类别） / "
                  "trait filter, may be repeated: CODE:min..max (numbers, MM-DD dates) or "
                  "CODE:a|b (categories)", example=["SSC:14.."])
    sort = fields.String(load_default="", metadata={
        "description": "排序：relevance、accenumb、-accenumb、描述符代码，-CODE 为降序 / "
                       "sort: relevance, accenumb, a descriptor code; -CODE descending"})
    historic = fields.String(load_default=None, metadata={
        "description": "true：只要历史资源；false：排除 / true: historic accessions only; "
                       "false: none of them"})
    restricted = fields.String(load_default=None, metadata={
        "description": "仅工作人员：true 只要受限资源 / staff only: true for restricted "
                       "accessions only"})
    updated_since = Instant(load_default=None, metadata={
        "description": "只要此时刻（含）之后修改的资源，ISO 8601 / only accessions changed at "
                       "or after this moment, ISO 8601", "example": "2026-05-01T00:00:00Z"})
    species, genus, origin, province, sampstat, storage, selection, accenumb, instcode = (
        _many(FILTER_WORDS[name]) for name in (
            "species", "genus", "origin", "province", "sampstat", "storage", "selection",
            "accenumb", "instcode"))


class AccessionItemSchema(Schema):
    id = fields.Integer(required=True, metadata={
        "description": "稳定的资源标识 / stable accession id"})
    accenumb = fields.String(required=True, metadata={"description": "库编号 / ACCENUMB"})
    instcode = fields.String(required=True, metadata={"description": "保存单位 / INSTCODE"})
    names = fields.List(fields.String(), required=True, metadata={
        "description": "名称（首个为主名） / names, the accepted one first"})
    species = fields.String(required=True, metadata={"description": "学名 / scientific name"})
    score = fields.Float(allow_none=True, required=True, metadata={
        "description": "文本相关度，无检索词时为 null / text relevance, null without words"})
    traits = fields.Dict(keys=fields.String(), values=fields.Raw(), required=True, metadata={
        "description": "性状均值或众数类别，按描述符代码 / trait means or modal categories "
                       "by descriptor code"})
    updated_at = UtcDateTime(required=True, metadata={
        "description": "最后修改时间（UTC） / last changed (UTC)"})


class FacetSchema(Schema):
    value = fields.Raw(required=True, metadata={"description": "取值 / value"})
    label = fields.String(required=True, metadata={"description": "显示名 / label"})
    count = fields.Integer(required=True, metadata={"description": "条数 / count"})


class FacetsSchema(Schema):
    species = fields.List(fields.Nested(FacetSchema))
    sampstat = fields.List(fields.Nested(FacetSchema))
    origin = fields.List(fields.Nested(FacetSchema))
    province = fields.List(fields.Nested(FacetSchema))
    traits = fields.Dict(keys=fields.String(), values=fields.List(fields.Nested(FacetSchema)))


class SuggestionsSchema(Schema):
    names = fields.List(fields.Dict(), metadata={
        "description": "相近的名称 / close names: {name, accenumb}"})
    taxa = fields.List(fields.Dict(), metadata={
        "description": "相近的种名 / close species: {species, count, q}"})
    traits = fields.List(fields.Dict(), metadata={
        "description": "检索词可能指的性状筛选 / trait filters the words may mean"})


class AccessionPageSchema(PageSchema):
    source = fields.String(required=True, metadata={
        "description": "index：检索索引；database：索引不可用时由数据库回答 / index, or "
                       "database when the index was unavailable"})
    items = fields.List(fields.Nested(AccessionItemSchema), required=True)
    facets = fields.Nested(FacetsSchema, required=True)
    suggestions = fields.Nested(SuggestionsSchema, metadata={
        "description": "无结果时的建议 / suggestions when nothing matched"})
