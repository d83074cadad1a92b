"""Label sheets for staff (/labels/trees, /labels/lots) and the addresses their QR codes hold
(/q/t/<plant id>, /q/l/<lot number>): a scan opens the tree's accession page at the tree, or
the lot's page, under the accession page's rule (a restricted accession's tree or lot is a 404
for whoever may not see it)."""
from flask import Blueprint, abort, redirect, request, url_for
from flask_babel import gettext as _

from germplasm.accessions.visibility import visible_clause
from germplasm.accounts.permissions import restricted_scope, role_required
from germplasm.db import is_row_id
from germplasm.extensions import db
from germplasm.inventory import labels
from germplasm.inventory.models import Plant
from germplasm.inventory.queries import plant_query, visible_lot

bp = Blueprint("labels", __name__)


@bp.get("/labels/trees")
@role_required("staff")
def trees():
    """?accenumb=A&accenumb=B&block=K: the living trees of those accessions in that block."""
    accenumbs = [a.strip() for a in request.args.getlist("accenumb") if a.strip()]
    block = request.args.get("block", "").strip() or None
    if not accenumbs and not block:
        abort(400, _("Name an accession (accenumb=) or a block (block=) to print labels for."))
    found = labels.living_trees(accenumbs, block)
    title = labels.tree_sheet_title(accenumbs, block)
    back = url_for("accessions.detail", accenumb=accenumbs[0]) if len(accenumbs) == 1 else None
    return labels.render_sheet(labels.tree_labels(found), title, back)


@bp.get("/labels/lots")
@role_required("staff")
def lots():
    """?lot=L0001&lot=L0002:5&request=R2026-00012: one packet label per lot parameter."""
    try:
        pairs = labels.packets(request.args.getlist("lot"))
    except labels.LabelProblem as problem:
        abort(400, str(problem))
    number = request.args.get("request", "").strip() or None
    title = labels.packet_sheet_title(number)
    return labels.render_sheet(labels.packet_labels(pairs, number), title,
                               url_for("accessions.detail",
                                       accenumb=pairs[0][0].accession.accenumb))


@bp.get("/q/t/<int:plant_id>")
def scan_tree(plant_id: int):
    """A tree's QR code: its accession page, at the tree."""
    query = plant_query(visible_clause(restricted_scope())).where(Plant.id == plant_id)
    tree = db.session.scalar(query) if is_row_id(plant_id) else None
    if tree is None:
        abort(404)
    return redirect(url_for("accessions.detail", accenumb=tree.accession.accenumb,
                            _anchor=f"tree-{tree.id}"))


@bp.get("/q/l/<path:lot_number>")
def scan_lot(lot_number: str):
    """A packet's QR code: the lot's page."""
    if visible_lot(lot_number, visible_clause(restricted_scope())) is None:
        abort(404)
    return redirect(url_for("lots.show", lot_number=lot_number))
