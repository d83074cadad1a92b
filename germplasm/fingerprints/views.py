"""/fingerprints: the duplicate and mislabel report as a page, over the accessions the
visitor may see; `?kind=snp` for the SNP matrices (SSR by default)."""
from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from germplasm.fingerprints import report
from germplasm.sharing.access import accession_scope

bp = Blueprint("fingerprints", __name__)
KINDS = ("ssr", "snp")


@bp.get("/fingerprints")
def report_page():
    kind = request.args.get("kind") or "ssr"
    try:
        threshold = float(request.args.get("threshold") or 0)
        min_markers = int(request.args.get("min_markers") or 1)
        if not (0 <= threshold <= 1 and min_markers >= 1 and kind in KINDS):
            raise ValueError
    except ValueError:
        return render_template("fingerprints/report.html", found=None, threshold=0,
                               min_markers=1, kind="ssr", message=_(
                                   "The threshold is a distance from 0 to 1, the markers "
                                   "compared a whole number of at least 1 and the kind SSR "
                                   "or SNP.")), 400
    found = report.build(threshold, min_markers, accession_scope(), kind)
    return render_template("fingerprints/report.html", found=found, threshold=threshold,
                           min_markers=min_markers, kind=kind, message=None)
