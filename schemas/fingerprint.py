"""The API's SSR and SNP fingerprints (GET /api/v1/fingerprints/report, /fingerprints/tree,
/accessions/{accenumb}/fingerprint and /markers): query and dump schemas."""
from marshmallow import Schema, fields, validate

from germplasm.fingerprints.tree import CAP, METHODS

KINDS = ["ssr", "snp"]


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


class ReportQuery(Schema):
    kind = fields.String(load_default="ssr", validate=validate.OneOf(KINDS),
                         **_doc("标记类型：SSR 或 SNP", "kind of marker: SSR or SNP"))
    threshold = fields.Float(load_default=0.0, validate=validate.Range(0, 1), **_doc(
        "判为重复的最大距离（1 − 共有等位基因比例）",
        "largest distance (1 − proportion of shared alleles) for a duplicate"))
    min_markers = fields.Integer(load_default=1, validate=validate.Range(min=1), **_doc(
        "判为重复前两者至少共同检测的标记数",
        "markers typed in both before two accessions can be called duplicates"))


class ParentConflictSchema(Schema):
    accenumb = fields.String(**_doc("种质库编号", "accession number"))
    parent = fields.String(**_doc("记录的亲本的种质库编号", "the recorded parent's number"))
    markers = fields.List(fields.String(), **_doc(
        "亲子间没有共同等位基因的标记（SNP：纯合于相反等位基因，最多列 20 个）",
        "markers at which they share no allele (SNPs: homozygous for opposite alleles, "
        "the first 20)"))
    count = fields.Integer(**_doc("SNP：冲突 SNP 的总数（仅 SNP）",
                                  "SNPs only: how many SNPs conflict in all"))


class NameConflictSchema(Schema):
    name = fields.String(**_doc("共同的名称", "the name they share"))
    accessions = fields.List(fields.String(), **_doc("两份种质的种质库编号",
                                                     "the two accession numbers"))
    distance = fields.Float(**_doc("指纹距离", "fingerprint distance"))
    markers_compared = fields.Integer(**_doc("比较的标记数", "markers compared"))


class ReportSchema(Schema):
    duplicates = fields.List(fields.List(fields.String()), **_doc(
        "指纹相同或几乎相同的种质组（可能重复或同物异名）",
        "groups of accessions with identical or near-identical fingerprints"))
    parent_conflicts = fields.List(fields.Nested(ParentConflictSchema), **_doc(
        "与记录的亲本在某标记上没有共同等位基因的种质",
        "accessions sharing no allele with a recorded parent at some marker"))
    name_conflicts = fields.List(fields.Nested(NameConflictSchema), **_doc(
        "同名（或同义名）而指纹距离大于阈值的种质对：可能错名",
        "pairs of accessions sharing a name or synonym whose fingerprints are farther apart "
        "than the threshold: possible mislabels"))


class MarkerSchema(Schema):
    name = fields.String(**_doc("标记名", "marker name", example="CPPCT022"))
    linkage_group = fields.String(allow_none=True, **_doc("连锁群", "linkage group",
                                                          example="LG7"))
    motif = fields.String(allow_none=True, **_doc("重复基序", "repeat motif", example="(CT)n"))
    min_size = fields.Integer(**_doc("最小片段（bp）", "smallest size (bp)"))
    max_size = fields.Integer(**_doc("最大片段（bp）", "largest size (bp)"))


class MarkerListSchema(Schema):
    items = fields.List(fields.Nested(MarkerSchema))


class MarkerAllelesSchema(Schema):
    marker = fields.String(**_doc("标记名", "marker name"))
    linkage_group = fields.String(allow_none=True, **_doc("连锁群", "linkage group"))
    alleles = fields.List(fields.Integer(), **_doc("等位基因片段大小（bp），升序",
                                                   "allele sizes (bp), ascending"))


class FingerprintSchema(Schema):
    accenumb = fields.String(**_doc("种质库编号", "accession number"))
    markers = fields.List(fields.Nested(MarkerAllelesSchema), **_doc(
        "已检测的标记，按标记名排序", "the markers typed, by name"))


class TreeQuery(Schema):
    method = fields.String(load_default="upgma", validate=validate.OneOf(METHODS), **_doc(
        "建树方法：UPGMA 或邻接法", "UPGMA or neighbour joining"))
    accessions = fields.String(validate=validate.Length(max=60_000), **_doc(
        f"逗号分隔的种质库编号；省略则为全部已检测指纹的种质（至多 {CAP} 份）",
        f"accession numbers, comma separated; omitted: every fingerprinted accession (the "
        f"first {CAP} by number)"))
    selection = fields.String(validate=validate.Length(max=40), **_doc(
        "选集的链接码（代替 accessions）", "a selection's link token (instead of accessions)"))


class TreeSchema(Schema):
    method = fields.String(**_doc("建树方法", "method", enum=list(METHODS)))
    newick = fields.String(**_doc("Newick 格式的树，叶为“种质库编号 名称”",
                                  "the tree in Newick, leaves labelled 'accenumb name'"))
    leaves = fields.Integer(**_doc("树中的种质数", "accessions in the tree"))
    left_out = fields.List(fields.String(), **_doc(
        "未入树的种质：无指纹，或与其中某份种质没有共同检测的标记（距离未知）",
        "accessions left out: no fingerprint, or no marker typed in common with some other "
        "(distance unknown)"))
    capped_from = fields.Integer(allow_none=True, **_doc(
        f"只画了前 {CAP} 份时的总数，否则为 null",
        f"how many there were when only the first {CAP} are drawn; else null"))
