"""GET /api/v1/sequences, /api/v1/sequences/{id} and POST /api/v1/sequences/search: the
sequences of the accessions the caller may see (restricted ones: staff, and a partner for
its own institute's)."""
from flask import abort
from flask_babel import gettext as _

from germplasm.accessions.models import Accession
from germplasm.extensions import csrf
from germplasm.inventory.queries import page
from germplasm.sequences import services, similarity
from germplasm.sequences.models import Sequence
from germplasm.sharing.access import accession_scope
from germplasm.sharing.openapi import ApiBlueprint
from germplasm.sharing.paging import LINK_HEADERS, paged
from schemas.sequence import (
    SequenceDetailSchema,
    SequencePage,
    SequenceQuery,
    SimilarityIn,
    SimilarityOut,
)

bp = ApiBlueprint("api_sequences", __name__, url_prefix="/api/v1",
                  description="核苷酸序列与相似性检索 / Nucleotide sequences and similarity search")
csrf.exempt(bp)  # the search only reads; scripts post JSON without a form token


@bp.get("/sequences")
@bp.arguments(SequenceQuery, location="query")
@bp.response(200, SequencePage, headers=LINK_HEADERS)
def sequences(args):
    """序列列表 / Sequences

    可按种质筛选；限制访问种质的序列只对可见该种质的调用者列出。

    Filter by accession; sequences of restricted accessions are listed only for callers who
    may see the accession."""
    query = services.visible_query(accession_scope())
    if args.get("accenumb"):
        query = query.where(Accession.accenumb == args["accenumb"])
    total, rows = page(query, (Accession.accenumb, Sequence.record_id), args["page"],
                       args["per_page"])
    return paged(rows, total, args["page"], args["per_page"])


@bp.get("/sequences/<int:sequence_id>", parameters=[{
    "in": "path", "name": "sequence_id", "description": "序列编号 / sequence id"}])
@bp.response(200, SequenceDetailSchema)
def sequence(sequence_id: int):
    """一条序列，含特征与序列本身 / One sequence with its features and residues

    看不到其种质的调用者得到 404，与不存在的编号相同。

    Callers who may not see its accession get 404, as for an id that does not exist."""
    found = services.visible(sequence_id, accession_scope())
    if found is None:
        abort(404, _("There is no sequence with this id."))
    return found


@bp.post("/sequences/search")
@bp.arguments(SimilarityIn)
@bp.response(200, SimilarityOut)
def search(args):
    """相似性检索 / Similarity search

    按局部比对（Bio.Align.PairwiseAligner）的一致度排列最相近的序列，先以两条链上的 11-mer
    预筛；只检索调用者可见的种质的序列。

    The closest sequences ranked by identity of a local alignment (Bio.Align.PairwiseAligner),
    after an 11-mer prefilter on both strands; only sequences of accessions the caller may
    see are searched."""
    try:
        residues = similarity.clean_query(args["sequence"])
        hits = similarity.search(residues, accession_scope(), args["limit"],
                                 args["min_coverage"])
    except similarity.QueryProblem as problem:
        abort(400, str(problem))
    return {"query_length": len(residues), "hits": hits}
