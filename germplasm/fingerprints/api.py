"""GET /api/v1/fingerprints/report, /fingerprints/tree, /accessions/{accenumb}/fingerprint and
/markers: SSR fingerprints over the accessions the caller may see (restricted ones: staff,
and a partner for its own institute's; others get 404 as for an unknown number)."""
from flask_babel import gettext as _
from flask_smorest import abort
from sqlalchemy import select

from germplasm.accessions import queries
from germplasm.accounts.permissions import restricted_scope
from germplasm.extensions import db
from germplasm.fingerprints import report, services, tree
from germplasm.fingerprints.models import SsrGenotype, SsrMarker
from germplasm.sharing.access import accession_scope
from germplasm.sharing.openapi import ApiBlueprint
from schemas.fingerprint import (
    FingerprintSchema,
    MarkerListSchema,
    ReportQuery,
    ReportSchema,
    TreeQuery,
    TreeSchema,
)

bp = ApiBlueprint("api_fingerprints", __name__, url_prefix="/api/v1",
                  description="SSR 与 SNP 指纹：重复、错名与聚类树 / SSR and SNP fingerprints: "
                              "duplicates, mislabels and dendrograms")


@bp.get("/fingerprints/report")
@bp.arguments(ReportQuery, location="query")
@bp.response(200, ReportSchema)
def fingerprint_report(args):
    """重复与错名报告 / The duplicate and mislabel report

    指纹距离（1 − 共有等位基因比例，只计两者都检测的标记）不大于 `threshold`、且至少共同检测
    `min_markers` 个标记的种质归为一组；记录的亲子在某标记上没有共同等位基因者列为冲突。

    Accessions within `threshold` of each other (1 − the proportion of shared alleles, over
    the markers typed in both) over at least `min_markers` markers are grouped; a recorded
    parent and offspring sharing no allele at a marker are a conflict. `kind=snp`: the SNP
    matrices, distance 1 − mean (1 − |g1 − g2| / 2) over SNPs called in both, a parent and
    offspring homozygous for opposite alleles a conflict (with `count`)."""
    return report.build(args["threshold"], args["min_markers"], accession_scope(), args["kind"])


@bp.get("/fingerprints/tree")
@bp.arguments(TreeQuery, location="query")
@bp.response(200, TreeSchema)
@bp.alt_response(404, response="NOT_FOUND")
def fingerprint_tree(args):
    """指纹聚类树 / A dendrogram of fingerprints

    以 Bio.Phylo 的 UPGMA 或邻接法（`nj`）由指纹距离建树，Newick 格式。与树中某份种质没有共同
    检测标记的种质（距离未知）不入树，列于 `left_out`；未知或不可见的种质库编号为 404。

    UPGMA or neighbour joining (`nj`, Bio.Phylo) on the fingerprint distances, as Newick.
    Accessions with no marker typed in common with some other (an unknown distance) are
    left out and listed in `left_out`; an unknown or hidden accession number is 404."""
    try:
        ids = tree.requested_ids(args.get("selection"), [args.get("accessions") or ""])
        found = tree.build(ids, args["method"])
    except tree.TreeProblem as problem:
        abort(problem.status, message=str(problem))
    return {"method": found.method, "newick": tree.newick(found).strip(),
            "leaves": len(found.accenumbs), "left_out": found.left_out,
            "capped_from": found.capped_from}


@bp.get("/accessions/<path:accenumb>/fingerprint", parameters=[{
    "in": "path", "name": "accenumb", "description": "种质库编号 / accession number"}])
@bp.response(200, FingerprintSchema)
def fingerprint(accenumb: str):
    """一份种质的 SSR 指纹 / One accession's SSR fingerprint

    没有指纹、不存在或不可见的种质得到 404。

    404 for an accession without a fingerprint, unknown, or not visible to the caller."""
    accession = queries.find(accenumb, restricted_scope())
    rows = [] if accession is None else list(db.session.execute(
        select(SsrMarker.name, SsrMarker.linkage_group, SsrGenotype.alleles)
        .join(SsrGenotype.marker).where(SsrGenotype.accession_id == accession.id)
        .order_by(SsrMarker.name)))
    if not rows:
        abort(404, message=_("There is no fingerprint of accession %(key)s.", key=accenumb))
    return {"accenumb": accession.accenumb, "markers": [
        {"marker": name, "linkage_group": group, "alleles": [int(s) for s in text.split("/")]}
        for name, group, text in rows]}


@bp.get("/markers")
@bp.response(200, MarkerListSchema)
def markers():
    """SSR 标记目录 / The SSR marker catalogue

    标记名、连锁群、重复基序与片段大小范围（bp）。

    Name, linkage group, repeat motif and size range (bp) of each marker."""
    return {"items": services.markers()}
