"""The API's observations and trait summaries: what GET answers (dump) and what POST takes
(load). The values themselves are checked by the sheet import's rules (loaders.observation_posts),
not here: these schemas only check the JSON's shape."""
from marshmallow import RAISE, Schema, ValidationError, fields, validate

from germplasm.evaluations.listing import display_value, summary_year
from schemas.api_fields import UtcDateTime

MAX_ITEMS = 5000  # per request; a bigger batch belongs in a sheet import


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


class ObservationSchema(Schema):
    """One observation, as `germplasm export observations` writes it, with its ids."""

    id = fields.Integer(**_doc("观测记录编号（稳定）", "the observation's stable id"))
    accession_id = fields.Integer(**_doc("种质编号", "the accession's id"))
    accenumb = fields.String(**_doc("种质库编号", "accession number (MCPD ACCENUMB)"))
    descriptor = fields.String(**_doc("性状代码", "descriptor code", example="SSC"))
    value = fields.Method("_value", **_doc(
        "观测值，与导出文件相同：数值、类别代码或日期（ISO 8601）",
        "the value as exported: a number, a category code or an ISO 8601 date",
        type="string", example="13.5"))
    observed_on = fields.Date(allow_none=True, **_doc("观测日期", "day of observation"))
    replicate = fields.Integer(**_doc("重复号", "replicate number"))
    plant = fields.String(**_doc("单株（可为空）", "plant within the accession (may be empty)"))
    observer = fields.String(allow_none=True, **_doc("观测人", "observer"))
    notes = fields.String(allow_none=True, **_doc("备注", "notes"))
    campaign = fields.String(**_doc("评价批次名称", "campaign name"))
    campaign_id = fields.Integer(**_doc("评价批次编号", "campaign id"))
    year = fields.Integer(**_doc("评价年份", "campaign year"))
    updated_at = UtcDateTime(**_doc("最后修改时间（UTC）", "last change (UTC)"))

    def _value(self, row) -> str:
        return display_value(row.data_type, row.value_num, row.value_text, row.value_date)


class SummarySchema(Schema):
    """A trait summary per accession, descriptor and year, as `germplasm export summaries`."""

    accession_id = fields.Integer(**_doc("种质编号", "the accession's id"))
    accenumb = fields.String(**_doc("种质库编号", "accession number"))
    descriptor = fields.String(**_doc("性状代码", "descriptor code"))
    year = fields.Method("_year", **_doc("年份；null 表示历年汇总",
                                         "year; null for the summary over all years",
                                         type="integer", nullable=True))
    n = fields.Integer(**_doc("观测次数", "number of observations"))
    mean = fields.Float(allow_none=True, **_doc("平均值（日期为年内第几天）",
                                                "mean (dates: day of year)"))
    min = fields.Float(allow_none=True, **_doc("最小值", "minimum"))
    max = fields.Float(allow_none=True, **_doc("最大值", "maximum"))
    sd = fields.Float(allow_none=True, **_doc("标准差", "standard deviation"))
    mode = fields.String(allow_none=True, **_doc("众数（类别代码）", "mode (category code)"))

    def _year(self, row):
        return summary_year(row.year)


class NumberOrText(fields.Field):
    """A JSON string or number (not a boolean, list or object), kept as given."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValidationError("must be a string or a number")
        return value


class IdOrName(fields.Field):
    """A JSON integer (an id) or string (a name)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValidationError("must be a name (a string) or an id (an integer)")
        return value


def _text(zh: str, en: str, **kwargs) -> fields.String:
    return fields.String(allow_none=True, **kwargs, **_doc(zh, en))


class NewObservationSchema(Schema):
    class Meta:
        unknown = RAISE

    accenumb = fields.String(required=True, **_doc("种质库编号", "accession number"))
    instcode = _text("保存单位代码，多个单位有同一编号时必填",
                     "holding institute, needed when institutes share the number")
    descriptor = fields.String(required=True, **_doc("性状代码或名称", "descriptor code or name"))
    value = NumberOrText(required=True, **_doc(
        "观测值：数值、类别代码或中英文标签、日期",
        "a number, a category (code or label) or a date",
        example="13.5"))
    observed_on = _text("观测日期，如 2026-07-15", "day of observation, e.g. 2026-07-15")
    replicate = NumberOrText(allow_none=True, **_doc("重复号，默认 1", "replicate, default 1"))
    plant = _text("单株", "plant within the accession")
    observer = _text("观测人", "observer")
    notes = _text("备注", "notes")


class ObservationPostSchema(Schema):
    class Meta:
        unknown = RAISE

    campaign = IdOrName(required=True, **_doc(
        "已有评价批次的名称（字符串）或编号（整数）", "an existing campaign: its name (a string) "
        "or id (an integer)"))
    observations = fields.List(
        fields.Nested(NewObservationSchema), required=True,
        validate=validate.Length(min=1, max=MAX_ITEMS),
        **_doc(f"观测记录，最多 {MAX_ITEMS} 条", f"the observations, at most {MAX_ITEMS}"))
    date_order = fields.String(
        validate=validate.OneOf(["dmy", "mdy"]), load_default=None,
        **_doc("斜线日期（3/4/2026）中日与月的顺序", "day/month order of slashed dates"))


class PostResultSchema(Schema):
    created = fields.Integer(**_doc("新增条数", "observations added"))
    updated = fields.Integer(**_doc("修改条数", "observations whose value or details changed"))
    unchanged = fields.Integer(**_doc("未变条数（已存在且相同）", "already there, identical"))
