"""Pages: the similarity search (paste a sequence or upload FASTA), and downloads of an
accession's sequences and of the search result set's, as FASTA or GenBank."""
from flask import Blueprint, Response, abort, render_template, request
from flask_babel import gettext as _

from germplasm.accessions import queries
from germplasm.accessions.search_views import current_search
from germplasm.accessions.visibility import visible_clause
from germplasm.accounts.permissions import restricted_scope
from germplasm.downloads import content_disposition, download_name
from germplasm.sequences import similarity
from loaders.sequence_export import SUFFIX, as_text, selected
from search.engine import find
from search.query import QueryProblem

bp = Blueprint("sequences", __name__)
MAX_UPLOAD = 2 * 2**20  # a FASTA query file; the query itself is at most 20 kb
MEDIA = {"fasta": "text/x-fasta", "genbank": "text/plain"}
MAX_EXPORT = 60_000  # accessions of a result set, as the search's own export


@bp.route("/sequences/search", methods=["GET", "POST"])
def search_page():
    text, hits, problem = request.form.get("sequence", ""), None, None
    upload = request.files.get("fasta")
    if upload and upload.filename:
        raw = upload.read(MAX_UPLOAD + 1)
        text = raw.decode("ascii", errors="replace") if len(raw) <= MAX_UPLOAD else ""
        if not text:
            problem = _("The file is too large.")
    if request.method == "POST" and not problem:
        try:
            hits = similarity.search(text, visible_clause(restricted_scope()))
        except similarity.QueryProblem as error:
            problem = str(error)
    return render_template("sequences/search.html", text=text, hits=hits,
                           problem=problem), 400 if problem else 200


@bp.get("/accessions/<path:accenumb>/sequences.<seq_format>")
def accession_download(accenumb: str, seq_format: str):
    accession = queries.find(accenumb, restricted_scope())
    if accession is None or seq_format not in SUFFIX:
        abort(404)
    rows = selected([accession.id])
    if not rows:
        abort(404)
    return _download(rows, seq_format, "sequences", [accession.accenumb])


@bp.get("/sequences/export/<seq_format>")
def results_download(seq_format: str):
    """The sequences of the search's result set (the search page's parameters)."""
    if seq_format not in SUFFIX:
        abort(404)
    try:
        matches = find(current_search(), can_see_restricted=restricted_scope())
    except QueryProblem as problem:
        abort(400, f"{problem.parameter}: {problem}")
    ids = [int(matches.snapshot.ids[p]) for p in matches.positions[:MAX_EXPORT]]
    words = [w for name in ("q", "species") for w in request.args.getlist(name)]
    return _download(selected(ids, visible_clause(restricted_scope())), seq_format,
                     "sequences", words)


def _download(rows, seq_format: str, kind: str, words: list[str]) -> Response:
    response = Response(as_text(rows, seq_format), mimetype=MEDIA[seq_format])
    response.headers["Content-Disposition"] = content_disposition(
        download_name(kind, words, SUFFIX[seq_format]))
    return response
