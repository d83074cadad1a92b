"""Campaign management for staff: create and extend campaigns, download their Excel entry
sheet, and see their progress. Writes go through evaluations.campaign_setup, the service
`germplasm campaign create` uses, so both are checked and audited alike."""
from io import BytesIO

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accounts.permissions import role_required
from germplasm.downloads import content_disposition, download_name
from germplasm.evaluations import campaign_forms, campaign_progress, campaign_setup, queries
from germplasm.evaluations.campaign_edits import CampaignEditProblem
from germplasm.evaluations.models import Campaign, Descriptor
from germplasm.extensions import db
from loaders.campaign_template import write_template
from search.sync import commit

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SOURCE = "web form"  # as the audit trail names the entry form's changes
PER_PAGE = {"list": 100, "grid": 50}  # accessions per progress page


def _campaign(campaign_id: int) -> Campaign:
    return db.session.get(Campaign, campaign_id) or abort(404)


@bp.route("/new", methods=["GET", "POST"])
@role_required("staff")
def new():
    if request.method == "GET":
        return _form(None, {}, {})
    try:
        parsed = campaign_forms.read(request.form, None)
        campaign = campaign_setup.create(parsed.values, parsed.descriptors, parsed.accession_ids,
                                         current_user.username, SOURCE)
    except CampaignEditProblem as problem:
        db.session.rollback()
        return _form(None, request.form, problem.errors), 422
    commit()
    flash(_("Campaign %(name)s created with %(d)s descriptors and %(a)s accessions.",
            name=campaign.name, d=len(parsed.descriptors), a=len(parsed.accession_ids)), "success")
    return redirect(url_for(".progress", campaign_id=campaign.id))


@bp.route("/<int:campaign_id>/edit", methods=["GET", "POST"])
@role_required("staff")
def edit(campaign_id: int):
    campaign = _campaign(campaign_id)
    if request.method == "GET":
        return _form(campaign, {}, {})
    try:
        parsed = campaign_forms.read(request.form, campaign)
        _changes, added = campaign_setup.extend(campaign, parsed.values, parsed.descriptors,
                                                parsed.accession_ids, current_user.username, SOURCE)
    except CampaignEditProblem as problem:
        db.session.rollback()
        return _form(campaign, request.form, problem.errors), 422
    commit()
    flash(_("Campaign saved; %(n)s accessions added.", n=added), "success")
    return redirect(url_for(".progress", campaign_id=campaign.id))


def _form(campaign, form, errors):
    """The form as sent back (`form`), or else as the campaign stands."""
    if form:
        chosen = {int(i) for i in form.getlist("descriptor") if i.isdigit()}
    else:
        chosen = {d.id for d in campaign.descriptors} if campaign else set()
    recorded = campaign_progress.per_descriptor(campaign) if campaign else {}
    values = form or ({k: getattr(campaign, k) or "" for k in ("name", "year", "site",
                       "observers", "description")} if campaign else {})
    if not form and request.args.get("selection"):  # "new campaign from this selection"
        values = {**values, "selection": request.args["selection"]}
    return render_template("evaluations/campaign_form.html", campaign=campaign, values=values,
                           groups=_descriptor_groups(), chosen=chosen, recorded=recorded,
                           errors=errors, selections=campaign_forms.selection_choices(current_user))


def _descriptor_groups() -> dict[str, list[Descriptor]]:
    descriptors = db.session.scalars(db.select(Descriptor).where(Descriptor.active)
                                     .order_by(Descriptor.id))
    groups = {}
    for descriptor in sorted(descriptors, key=lambda d: queries.GROUP_ORDER.get(d.group, 9)):
        groups.setdefault(descriptor.group, []).append(descriptor)
    return groups


@bp.get("/<int:campaign_id>/template.xlsx")
@role_required("staff")
def template(campaign_id: int):
    """The entry sheet `germplasm campaign template` writes, named after the campaign."""
    campaign = _campaign(campaign_id)
    buffer = BytesIO()
    write_template(campaign, buffer)
    buffer.seek(0)
    response = send_file(buffer, mimetype=XLSX, as_attachment=True, download_name="template.xlsx")
    name = download_name("campaign", [campaign.name], ".xlsx")
    response.headers["Content-Disposition"] = content_disposition(name)
    return response


@bp.get("/<int:campaign_id>/progress")
@role_required("staff")
def progress(campaign_id: int):
    campaign = _campaign(campaign_id)
    view = "grid" if request.args.get("view") == "grid" else "list"
    page = request.args.get("page", "1")
    page = int(page) if page.isascii() and page.isdigit() and 0 < int(page) < 10**6 else 1
    rows, total = campaign_progress.worklist_page(campaign, page, PER_PAGE[view])
    ids = [row[1] for row in rows]
    return render_template(
        "evaluations/campaign_progress.html", campaign=campaign, view=view, page=page,
        pages=max(1, -(-total // PER_PAGE[view])), rows=rows, total=total,
        descriptors=campaign.descriptors, per_descriptor=campaign_progress.per_descriptor(campaign),
        per_accession=campaign_progress.per_accession(campaign),
        filled=campaign_progress.filled_cells(campaign, ids) if view == "grid" else set(),
        counts=campaign_progress.overview([campaign.id])[campaign.id])
