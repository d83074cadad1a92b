"""/fingerprints/tree (a page), /fingerprints/tree.svg and /fingerprints/tree.nwk: the
dendrogram of a selection (`selection=TOKEN`, `current` for the working one), of named
accessions (`accessions=A,B,C`, or `a` repeated as the selection page's ticks send them) or
of every fingerprinted accession the visitor may see; `method=upgma|nj`."""
from flask import Response, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from germplasm.fingerprints import svg, tree
from germplasm.fingerprints.views import bp

LABELS = {"upgma": "UPGMA", "nj": "NJ"}


@bp.get("/fingerprints/tree")
def tree_page():
    args = _args()
    try:
        found = _build(args)
    except tree.TreeProblem as problem:
        return render_template("fingerprints/tree.html", found=None, drawing=None, args=args,
                               message=str(problem)), problem.status
    drawing = _svg(found).split("\n", 1)[1]  # inline: without the XML declaration
    return render_template("fingerprints/tree.html", found=found, drawing=Markup(drawing),
                           args=args, message=None, cap=tree.CAP)


@bp.get("/fingerprints/tree.svg")
def tree_svg():
    try:
        found = _build(_args())
    except tree.TreeProblem as problem:
        return _error(problem)
    return Response(_svg(found), mimetype="image/svg+xml")


@bp.get("/fingerprints/tree.nwk")
def tree_newick():
    try:
        found = _build(_args())
    except tree.TreeProblem as problem:
        return _error(problem)
    return Response(tree.newick(found), mimetype="text/plain", headers={
        "Content-Disposition": f"attachment; filename=fingerprints-{found.method}.nwk"})


def _args() -> dict:
    """The request's choice of accessions and method, as the page's links repeat it."""
    numbers = request.args.getlist("accessions") + request.args.getlist("a")
    return {"selection": request.args.get("selection") or None,
            "accessions": ",".join(n.strip() for n in numbers if n.strip()) or None,
            "method": request.args.get("method") or "upgma"}


def _build(args: dict) -> tree.Dendrogram:
    ids = tree.requested_ids(args["selection"], [args["accessions"] or ""])
    return tree.build(ids, args["method"])


def _svg(found: tree.Dendrogram) -> str:
    title = _("Dendrogram of SSR fingerprints (%(method)s)", method=LABELS[found.method])
    return svg.render(found.tree, title, lambda label: url_for(
        "accessions.detail", accenumb=found.accenumbs[label]))


def _error(problem: tree.TreeProblem):
    return render_template("errors/error.html", status=problem.status,
                           message=str(problem)), problem.status
