"""/seedlings: propagation batches for staff. The list shows a year's batches with their
stage counts and the year's seedlings against the plan; each batch's page shows its history
and takes a count. Staff only, like the lots they feed: production and stock are internal
(researchers see what is distributable through the lots API and, later, the request cart)."""
from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accounts.permissions import role_required
from germplasm.extensions import db
from germplasm.inventory import batch_figures, batches
from germplasm.inventory.batch_forms import METHOD_LABELS, STAGE_LABELS, BatchForm, CountForm
from search.sync import commit

bp = Blueprint("seedlings", __name__, url_prefix="/seedlings")


def _year() -> int:
    text = request.args.get("year", "")
    return int(text) if text.isascii() and text.isdigit() and 1900 <= int(text) <= 2999 \
        else date.today().year


@bp.get("")
@role_required("staff")
def index(form: BatchForm | None = None, status: int = 200):
    year = _year()
    found = batch_figures.batches_in(year)
    return render_template(
        "seedlings/index.html", year=year, years=batch_figures.years(), batches=found,
        totals=batch_figures.totals(found), raised=batch_figures.raised_in(year),
        form=form or BatchForm(), methods=METHOD_LABELS, stages=STAGE_LABELS), status


@bp.post("")
@role_required("staff")
def create():
    form = BatchForm()
    if not form.validate_on_submit():
        return index(form, 422)
    fields = batches.BatchFields(form.method.data, form.started_on.data, form.started.data,
                                 rootstock=form.rootstock.data, notes=form.notes.data,
                                 batch_number=form.batch_number.data)
    try:
        accession = batches.accession_of(form.accenumb.data)
        batch = batches.create(accession.id, fields, actor=current_user.username)
    except batches.BatchProblem as problem:
        db.session.rollback()
        _show(form, problem)
        return index(form, 422)
    commit()
    flash(_("Batch %(number)s started.", number=batch.batch_number), "success")
    return redirect(url_for(".show", batch_number=batch.batch_number), code=303)


@bp.get("/<batch_number>")
@role_required("staff")
def show(batch_number: str, form: CountForm | None = None, status: int = 200):
    batch = batches.get(batch_number) or abort(404)
    return render_template("seedlings/batch.html", batch=batch, form=form or CountForm(),
                           methods=METHOD_LABELS, stages=STAGE_LABELS), status


@bp.post("/<batch_number>/counts")
@role_required("staff")
def count(batch_number: str):
    batch = batches.get(batch_number) or abort(404)
    form = CountForm()
    if not form.validate_on_submit():
        return show(batch_number, form, 422)
    try:
        entry = batches.record_counts(
            batch, actor=current_user.username, counted_on=form.counted_on.data,
            surviving=form.surviving.data, ready=form.ready.data,
            dispatched=form.dispatched.data, lost=form.lost.data, note=form.note.data)
    except batches.BatchProblem as problem:
        db.session.rollback()
        _show(form, problem)
        return show(batch_number, form, 422)
    commit()
    flash(_("Count recorded.") if entry else _("Nothing changed."), "success")
    return redirect(url_for(".show", batch_number=batch_number), code=303)


def _show(form, problem: batches.BatchProblem) -> None:
    """The problem under the form's field it names (the accession's for an ambiguous
    number), or at the top of the page."""
    name = {"instcode": "accenumb"}.get(problem.field, problem.field)
    if name in form:
        form[name].errors = [*form[name].errors, str(problem)]
    else:
        flash(f"{problem.field}: {problem}", "error")
