"""/pollinizers?for=ACCENUMB (the advice page), the S-allele section of the accession page,
and the curators' form that sets an accession's S-genotype (through services, audited)."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accessions import queries
from germplasm.accounts.permissions import restricted_scope
from germplasm.pollination import rules, services
from germplasm.pollination.advice import pollinizers
from germplasm.sharing.access import accession_scope
from search.sync import commit

bp = Blueprint("pollination", __name__)


@bp.get("/pollinizers")
def pollinizers_page():
    key = (request.args.get("for") or "").strip()[:300]
    if not key:
        return render_template("pollination/pollinizers.html", key="", female=None)
    found = services.find_accession(key, accession_scope())
    if len(found) != 1:
        message = (_("There is no accession %(key)s.", key=key) if not found else
                   _("%(key)s names several accessions: give the accession number.", key=key))
        return render_template("pollination/pollinizers.html", key=key, female=None,
                               message=message), 404 if not found else 400
    female = found[0]
    genotype = services.genotype_of(female)
    return render_template(
        "pollination/pollinizers.html", key=key, female=female, genotype=genotype,
        self_compatible=rules.self_compatible(genotype),
        items=pollinizers(female, genotype, accession_scope()),
        conflicts=services.parent_conflicts(accession_scope(), female))


@bp.post("/accessions/<path:accenumb>/s-genotype")
def edit_genotype(accenumb: str):
    if not getattr(current_user, "is_curator", False):
        abort(403)
    accession = queries.find(accenumb, restricted_scope())
    if accession is None:
        abort(404)
    try:
        outcome = services.set_genotype(
            accession, request.form.get("s_genotype", "")[:100],
            source=request.form.get("source", "")[:300], user=current_user.username)
    except rules.GenotypeProblem as problem:
        flash(_("S-genotype not saved: %(reason)s", reason=str(problem)), "error")
    else:
        commit()
        flash(_("S-genotype saved.") if outcome != "unchanged" else _("Nothing changed."),
              "success")
    return redirect(url_for("accessions.detail", accenumb=accession.accenumb,
                            _anchor="s-alleles"), code=303)
