"""POST /api/v1/core-collections: the body and the answer (the saved selection, its entries
and what the core keeps beside a random subset of the same size)."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from germplasm.core.services import SOURCES


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


class CoreIn(Schema):
    size = fields.Integer(validate=validate.Range(min=1, max=100_000), **_doc(
        "核心种质份数（与 percent 二选一；都不给时为 200）",
        "entries in the core (or percent; 200 when neither is given)"))
    percent = fields.Float(validate=validate.Range(min=0, max=100, min_inclusive=False),
                           **_doc("占候选种质的百分比", "percent of the candidates"))
    source = fields.String(load_default="both", validate=validate.OneOf(SOURCES), **_doc(
        "依据：性状、SSR 或两者", "from trait summaries, SSR alleles or both"))
    seed = fields.Integer(load_default=1, validate=validate.Range(min=0, max=2**31 - 1),
                          **_doc("随机种子（同一种子得同一结果）",
                                 "random seed (same seed, same core)"))
    name = fields.String(validate=validate.Length(min=1, max=200), **_doc(
        "保存的选集名称", "name of the saved selection"))

    @validates_schema
    def _one_size(self, data: dict, **_kwargs) -> None:
        if "size" in data and "percent" in data:
            raise ValidationError("give size or percent, not both", "percent")


class SavedSelectionSchema(Schema):
    name = fields.String(**_doc("选集名称", "selection name"))
    token = fields.String(**_doc("选集链接标识（检索 `selection=`、导出与申请车都用它）",
                                 "the selection's link token (search `selection=`, export "
                                 "and the request cart take it)"))
    url = fields.String(**_doc("选集页面", "the selection's page"))


class CoreOut(Schema):
    selection = fields.Nested(SavedSelectionSchema)
    accessions = fields.List(fields.String(), **_doc(
        "入选种质的编号，按入选顺序", "accession numbers in the order chosen"))
    represents = fields.List(fields.Integer(), **_doc(
        "每个入选种质代表的候选种质数（以它为最近入选者）",
        "per entry: the candidates whose nearest entry it is"))
    report = fields.Dict(**_doc(
        "与同样大小、同一种子的随机子集比较：candidates、size、nearest_distance（A-NE）、"
        "entry_distance（E-NE）、allele_coverage（%）、numeric（各数值性状的范围与均值）、"
        "categorical（各分类性状覆盖的类别数）、source、seed",
        "beside a random subset of the same size and seed: candidates, size, "
        "nearest_distance (A-NE), entry_distance (E-NE), allele_coverage (%), numeric "
        "(each numeric trait's range and mean), categorical (categories covered), source, "
        "seed"))
