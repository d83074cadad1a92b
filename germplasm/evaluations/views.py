"""Staff pages: campaigns, their worklist with progress, and the fast entry form."""
import json
from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accessions.models import Accession
from germplasm.accounts.permissions import role_required
from germplasm.evaluations import campaign_progress, campaigns, entry_photo, limits
from germplasm.evaluations import worklist as walk
from germplasm.evaluations.entry import current_values, save_entry
from germplasm.evaluations.entry_fields import EntryProblem, locale, read_meta
from germplasm.evaluations.models import GROUPS, Campaign, WorklistEntry
from germplasm.extensions import db
from search.sync import commit

bp = Blueprint("evaluations", __name__, url_prefix="/campaigns")


def _campaign(campaign_id: int) -> Campaign:
    return db.session.get(Campaign, campaign_id) or abort(404)


@bp.get("/")
@role_required("staff")
def index():
    items = db.session.scalars(db.select(Campaign).order_by(Campaign.year.desc(), Campaign.name))
    items = items.all()
    counts = campaign_progress.overview([c.id for c in items])
    return render_template("evaluations/index.html", campaigns=items, counts=counts)


@bp.get("/<int:campaign_id>")
@role_required("staff")
def worklist(campaign_id: int, found=None, wanted=""):
    campaign = _campaign(campaign_id)
    done = campaigns.progress(campaign)
    open_ones = walk.unfinished(campaign, done)
    only_unfinished = request.args.get("unfinished") == "1"
    rows = found if found is not None else open_ones if only_unfinished else campaign.worklist
    return render_template("evaluations/worklist.html", campaign=campaign, done=done,
                           complete=len(campaign.worklist) - len(open_ones),
                           unfinished=len(open_ones), only_unfinished=only_unfinished,
                           rows=rows, found=found, wanted=wanted)


@bp.get("/<int:campaign_id>/jump")
@role_required("staff")
def jump(campaign_id: int):
    """Go to the form of the accession typed (number or name) in the worklist's jump box."""
    campaign = _campaign(campaign_id)
    wanted = (request.args.get("to") or "").strip()[:200]
    found = walk.find(campaign, wanted)
    if len(found) == 1:
        return redirect(url_for(".entry", campaign_id=campaign.id,
                                accenumb=found[0].accession.accenumb))
    if not found:
        flash(_("No accession of this campaign's worklist is numbered or named “%(text)s”.",
                text=wanted), "error")
    return worklist(campaign_id, found=found, wanted=wanted), 200 if found else 404


@bp.route("/<int:campaign_id>/entry/<path:accenumb>", methods=["GET", "POST"])
@role_required("staff")
def entry(campaign_id: int, accenumb: str):
    campaign = _campaign(campaign_id)
    entries = _route(campaign)
    index = next((i for i, e in enumerate(entries) if e.accenumb == accenumb), None)
    if index is None:
        abort(404)
    accession = db.session.get(Accession, entries[index].accession_id)
    if request.method == "POST":
        return _save(campaign, entries, index)
    try:
        replicate = limits.replicate(request.args.get("replicate"))
        plant = limits.text("PLANT", request.args.get("plant")) or ""
    except limits.FieldProblem as problem:
        abort(400, f"{problem.field.lower()}: {problem}")
    values = current_values(campaign, accession.id, replicate, plant)
    return _form(campaign, entries, index, values | {"plant": plant, "replicate": replicate}, {},
                 values, (replicate, plant))


def _route(campaign) -> list:
    """The worklist as (accession_id, accenumb) rows in order: a form needs only its own
    accession and its neighbours' numbers, not 500 accessions with their names loaded."""
    return list(db.session.execute(
        db.select(WorklistEntry.accession_id, Accession.accenumb).join(Accession)
        .where(WorklistEntry.campaign_id == campaign.id)
        .order_by(WorklistEntry.position, WorklistEntry.id)))


def _me() -> str:
    return current_user.display_name or current_user.username


def _save(campaign, entries, index):
    accession = db.session.get(Accession, entries[index].accession_id)
    meta, errors = read_meta(request.form, campaign.year, _me())
    result = save_entry(campaign, accession.id, request.form, current_user.username, meta,
                        _shown(request.form, meta))
    errors |= result.errors
    photo = request.files.get("photo")
    if not errors and photo and photo.filename:
        try:
            entry_photo.store(accession, photo, current_user.username, campaign.name,
                              meta.observed_on.isoformat() if meta.observed_on else None)
        except EntryProblem as problem:
            errors["photo"] = str(problem)
    if errors:
        db.session.rollback()  # nothing of a form with a wrong field is kept, photo included
        shown = current_values(campaign, accession.id, meta.replicate, meta.plant)
        return _form(campaign, entries, index, request.form, errors, shown,
                     (meta.replicate, meta.plant)), 422
    commit()
    flash(_("Saved %(n)s values for %(accession)s.", n=result.saved,
            accession=accession.accenumb), "success")
    if photo and photo.filename:
        flash(_("The photo was added to %(accession)s.", accession=accession.accenumb),
              "success")
    if "save_next" in request.form and index + 1 < len(entries):
        return redirect(url_for(".entry", campaign_id=campaign.id,
                                accenumb=entries[index + 1].accenumb, replicate=meta.replicate))
    return redirect(url_for(".entry", campaign_id=campaign.id, accenumb=entries[index].accenumb,
                            replicate=meta.replicate, plant=meta.plant or None))


def _shown(form, meta) -> dict | None:
    """The values the form displayed when opened (a JSON object in a hidden field); none
    when the user has since switched to another tree or replicate, whose values they never
    saw (an empty tree is then no conflict, a recorded one is)."""
    if form.get("shown_for") is not None and form["shown_for"] != _key(meta.replicate,
                                                                          meta.plant):
        return {}
    try:
        shown = json.loads(form.get("shown") or "null")
    except ValueError:
        return None
    return shown if isinstance(shown, dict) else None


def _groups(campaign) -> list[tuple[str, list]]:
    """The campaign's descriptors by group, in the catalogue's order of groups."""
    return [(g, [d for d in campaign.descriptors if d.group == g]) for g in GROUPS
            if any(d.group == g for d in campaign.descriptors)]


def _key(replicate, plant) -> str:
    return json.dumps([replicate, plant], ensure_ascii=False)


def _form(campaign, entries, index, values, errors, shown, shown_for):
    return render_template(
        "evaluations/entry.html", campaign=campaign,
        accession=db.session.get(Accession, entries[index].accession_id),
        previous=entries[index - 1] if index else None,
        next=entries[index + 1] if index + 1 < len(entries) else None,
        position=index + 1, total=len(entries), values=values, groups=_groups(campaign),
        errors=errors, today=date.today().isoformat(), locale=locale(),
        shown=json.dumps({k: v for k, v in shown.items() if k.isupper()}, ensure_ascii=False),
        shown_for=_key(*shown_for))
