"""Staff pages: campaigns, their worklist with progress, and the fast entry form."""
import json
from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accessions.models import Accession
from germplasm.accounts.permissions import role_required
from germplasm.evaluations import campaign_progress, campaigns, limits
from germplasm.evaluations.entry import current_values, save_entry
from germplasm.evaluations.models import Campaign, WorklistEntry
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
def worklist(campaign_id: int):
    campaign = _campaign(campaign_id)
    done = campaigns.progress(campaign)
    complete = sum(1 for e in campaign.worklist
                   if done.get(e.accession_id, 0) >= len(campaign.descriptors))
    return render_template("evaluations/worklist.html", campaign=campaign, done=done,
                           complete=complete)


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
    except limits.FieldProblem as problem:
        abort(400, f"replicate: {problem}")
    return _form(campaign, entries, index, replicate,
                 current_values(campaign, accession.id, replicate), {})


def _route(campaign) -> list:
    """The worklist as (accession_id, accenumb) rows in order: a form needs only its own
    accession and its neighbours' numbers, not 500 accessions with their names loaded."""
    return list(db.session.execute(
        db.select(WorklistEntry.accession_id, Accession.accenumb).join(Accession)
        .where(WorklistEntry.campaign_id == campaign.id)
        .order_by(WorklistEntry.position, WorklistEntry.id)))


def _entry_meta(form) -> tuple[dict, dict]:
    """(replicate, observer, observed_on) from the form, and {field: message} for bad ones."""
    meta, errors = {}, {}
    checks = {"replicate": lambda: limits.replicate(form.get("replicate")),
              "observer": lambda: limits.text("OBSERVER", form.get("observer") or _me()),
              "observed_on": lambda: _date(form.get("observed_on"))}
    for name, check in checks.items():
        try:
            meta[name] = check()
        except (limits.FieldProblem, ValueError) as problem:
            errors[name] = str(problem)
    return meta, errors


def _me() -> str:
    return current_user.display_name or current_user.username


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("%(value)s is not a date (YYYY-MM-DD)", value=text[:20])) from None


def _save(campaign, entries, index):
    accession = db.session.get(Accession, entries[index].accession_id)
    meta, errors = _entry_meta(request.form)
    replicate = meta.get("replicate", 1)
    result = save_entry(campaign, accession.id, request.form, current_user.username,
                        meta.get("observer"), meta.get("observed_on"), replicate,
                        _shown(request.form))
    errors |= result.errors
    if errors:
        db.session.rollback()
        shown = current_values(campaign, accession.id, replicate)  # the next save's baseline
        return _form(campaign, entries, index, replicate, request.form, errors, shown), 422
    commit()
    flash(_("Saved %(n)s values for %(accession)s.", n=result.saved,
            accession=accession.accenumb), "success")
    target = index + 1 if "save_next" in request.form and index + 1 < len(entries) else index
    return redirect(url_for(".entry", campaign_id=campaign.id,
                            accenumb=entries[target].accenumb, replicate=replicate))


def _shown(form) -> dict | None:
    """The values the form displayed when opened (a JSON object in a hidden field)."""
    try:
        shown = json.loads(form.get("shown") or "null")
    except ValueError:
        return None
    return shown if isinstance(shown, dict) else None


def _form(campaign, entries, index, replicate, values, errors, shown=None):
    shown = values if shown is None else shown
    return render_template(
        "evaluations/entry.html", campaign=campaign,
        accession=db.session.get(Accession, entries[index].accession_id),
        previous=entries[index - 1] if index else None,
        next=entries[index + 1] if index + 1 < len(entries) else None,
        position=index + 1, total=len(entries), replicate=replicate, values=values,
        errors=errors, today=date.today().isoformat(), locale=str(get_locale()),
        shown=json.dumps({k: v for k, v in shown.items() if k.isupper()}, ensure_ascii=False))
