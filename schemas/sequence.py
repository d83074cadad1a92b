"""The API's sequences (GET /api/v1/sequences, /sequences/{id}, POST /sequences/search):
query, body and dump schemas."""
from marshmallow import Schema, fields, validate

from germplasm.sequences.similarity import MAX_QUERY, MIN_QUERY
from germplasm.sharing.paging import PageArgs, PageSchema
from schemas.api_fields import UtcDateTime


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


class SequenceQuery(PageArgs):
    accenumb = fields.String(**_doc("种质库编号", "accession number"))


class FeatureSchema(Schema):
    type = fields.String(**_doc("特征类型", "feature type", example="gene"))
    gene = fields.String(**_doc("基因名", "gene name", example="matK"))
    location = fields.String(allow_none=True, **_doc(
        "位置（GenBank 写法，从 1 起）", "location as GenBank writes it (1-based)",
        example="complement(1983..3497)"))


class SequenceSchema(Schema):
    id = fields.Integer(**_doc("序列编号", "sequence id"))
    record_id = fields.String(**_doc("记录号（含版本）", "record id with version",
                                     example="PQ871803.1"))
    version = fields.String(allow_none=True, **_doc("版本", "version", example="1"))
    accenumb = fields.Function(lambda s: s.accession.accenumb,
                               **_doc("种质库编号", "accession number", type="string"))
    description = fields.String(allow_none=True, **_doc("描述", "description"))
    molecule_type = fields.String(allow_none=True, **_doc("分子类型", "molecule type",
                                                          example="DNA"))
    topology = fields.String(allow_none=True, **_doc("拓扑", "topology", example="circular"))
    length = fields.Integer(**_doc("长度（bp）", "length (bp)"))
    checksum = fields.String(**_doc("SEGUID 校验和", "SEGUID checksum"))
    organism = fields.String(allow_none=True, **_doc("物种", "organism"))
    updated_at = UtcDateTime(**_doc("最后修改时间（UTC）", "last change (UTC)"))


class SequenceDetailSchema(SequenceSchema):
    features = fields.List(fields.Nested(FeatureSchema), **_doc(
        "关注的特征（基因名与位置）", "features of interest (gene names and locations)"))
    residues = fields.String(**_doc("序列", "the sequence"))


class SequencePage(PageSchema):
    items = fields.List(fields.Nested(SequenceSchema))


class SimilarityIn(Schema):
    sequence = fields.String(required=True, validate=validate.Length(max=MAX_QUERY + 10_000),
                             **_doc(f"查询序列（{MIN_QUERY}–{MAX_QUERY} bp），纯序列或 FASTA",
                                    f"the query ({MIN_QUERY}–{MAX_QUERY} bp), bare or FASTA"))
    limit = fields.Integer(load_default=10, validate=validate.Range(1, 50),
                           **_doc("最多返回条数", "most hits returned"))
    min_coverage = fields.Float(load_default=0.3, validate=validate.Range(0, 1), **_doc(
        "最低覆盖度（查询序列在比对中的比例）", "least coverage (share of the query aligned)"))


class HitSchema(Schema):
    sequence = fields.Nested(SequenceSchema)
    identity = fields.Float(**_doc("一致度：相同列 / 比对列", "identity: identical columns / "
                                   "alignment columns"))
    coverage = fields.Float(**_doc("覆盖度：比对中的查询碱基 / 查询长度",
                                   "coverage: query bases aligned / query length"))
    score = fields.Float(**_doc("局部比对得分", "local alignment score"))
    shared_kmers = fields.Integer(**_doc("共有 11-mer 数（预筛）", "11-mers shared (prefilter)"))
    strand = fields.String(**_doc("匹配链（- 为反向互补）", "strand (-: reverse complement)",
                                  enum=["+", "-"]))
    query_start = fields.Integer(**_doc("查询起点（从 0 起）", "query start (0-based)"))
    query_end = fields.Integer(**_doc("查询终点", "query end"))
    subject_start = fields.Integer(**_doc("目标序列起点（从 0 起）", "subject start (0-based)"))
    subject_end = fields.Integer(**_doc("目标序列终点", "subject end"))
    alignment = fields.String(**_doc("比对文本", "the alignment as text"))


class SimilarityOut(Schema):
    query_length = fields.Integer(**_doc("查询长度", "query length"))
    hits = fields.List(fields.Nested(HitSchema))
