"""GET /api/v1/compatibility, /api/v1/pollinizers and /api/v1/s-genotypes: query and dump
schemas."""
from marshmallow import Schema, fields, validate

from germplasm.sharing.paging import PageArgs, PageSchema

CLASSES = ["compatible", "half", "incompatible", "unknown"]


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


class CompatibilityQuery(Schema):
    female = fields.String(required=True, validate=validate.Length(min=1, max=300), **_doc(
        "母本（受粉品种）的种质库编号或名称",
        "the female (seed) cultivar: accession number or name"))
    male = fields.String(required=True, validate=validate.Length(min=1, max=300), **_doc(
        "父本（授粉品种）的种质库编号或名称", "the pollen cultivar: accession number or name"))


class CompatibilitySchema(Schema):
    female = fields.String(**_doc("母本种质库编号", "female accession number"))
    male = fields.String(**_doc("父本种质库编号", "pollen accession number"))
    compatibility = fields.String(**_doc(
        "配子体自交不亲和：父本的两个 S 等位基因都不在母本中为亲和（compatible），一个在为半亲和"
        "（half），两个都在为不亲和（incompatible）；任一方基因型缺失或含未知等位基因为 unknown",
        "gametophytic self-incompatibility: compatible when neither of the pollen's S-alleles "
        "is in the female, half when one is, incompatible when both are; unknown when either "
        "S-genotype is missing or has an unidentified allele", enum=CLASSES))
    reason = fields.String(**_doc("依据", "why"))


class PollinizerQuery(Schema):
    for_ = fields.String(data_key="for", required=True,
                         validate=validate.Length(min=1, max=300),
                         **_doc("母本的种质库编号或名称", "the cultivar to pollinate: accession "
                                "number or name"))
    top = fields.Integer(validate=validate.Range(min=1, max=1000),
                         **_doc("最多列出几个", "at most this many"))


class PollinizerItemSchema(Schema):
    accenumb = fields.String(**_doc("授粉品种的种质库编号", "pollinizer's accession number"))
    compatibility = fields.String(**_doc("亲和性", "compatibility",
                                         enum=["compatible", "half"]))
    bloom_overlap_days = fields.Float(allow_none=True, **_doc(
        "与母本同时开花的天数（初花到盛花），按双方都有观测的年份平均；无共同观测年份为 null",
        "days both are in bloom (first to full bloom), averaged over the years both were "
        "observed; null when no year observed both"))
    years = fields.Integer(**_doc("上述平均所依据的年数", "years behind that figure"))


class PollinizerPageSchema(Schema):
    for_ = fields.String(data_key="for", **_doc("母本种质库编号", "female accession number"))
    items = fields.List(fields.Nested(PollinizerItemSchema), **_doc(
        "亲和的在前，其次半亲和；各按同期开花天数排序",
        "compatible first, then half compatible, each by days in bloom together"))


class SGenotypeQuery(PageArgs):
    accenumb = fields.String(validate=validate.Length(min=1, max=100),
                             **_doc("种质库编号", "accession number"))
    group = fields.String(validate=validate.Length(min=1, max=40), **_doc(
        "不亲和群（两个等位基因，如 S1S3）", "incompatibility group (both alleles, e.g. S1S3)"))


class SGenotypeSchema(Schema):
    accenumb = fields.Function(lambda g: g.accession.accenumb,
                               **_doc("种质库编号", "accession number", type="string"))
    name = fields.Function(lambda g: g.accession.display_name,
                           **_doc("名称", "name", type="string"))
    s_genotype = fields.String(attribute="genotype", **_doc(
        "S 基因型（规范写法；S? 为未鉴定的等位基因）",
        "S-genotype as normalised (S? an unidentified allele)", example="S1S3"))
    group = fields.String(allow_none=True, **_doc(
        "不亲和群；有未鉴定等位基因时为 null", "incompatibility group; null while an allele "
        "is unidentified"))
    self_compatible = fields.Boolean(**_doc("自交亲和", "self-compatible"))
    source = fields.String(allow_none=True, **_doc("来源", "source"))


class SGenotypePage(PageSchema):
    items = fields.List(fields.Nested(SGenotypeSchema))
