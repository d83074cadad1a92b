"""Staff keep the field genebank's trees on the web (the nursery works here, not in the CLI):
add a tree from the accession page, edit or remove it, add a virus test. Every change goes
through germplasm.inventory.plants (validated, audited, in the change feed); a refusal is
shown beside its field and nothing is saved."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accessions.models import Accession
from germplasm.accounts.permissions import is_staff
from germplasm.db import is_row_id
from germplasm.extensions import db
from germplasm.inventory import plants
from germplasm.inventory.forms import HealthTestForm, RemoveTreeForm, TreeForm
from germplasm.inventory.models import Plant
from germplasm.inventory.quantities import FieldProblem

bp = Blueprint("inventory", __name__)
SOURCE = "accession page"


def staff_only() -> None:
    """Below staff there is no form to have come from: 403, signed in or not."""
    if not is_staff():
        abort(403)


def found(model, record_id: int):
    record = db.session.get(model, record_id) if is_row_id(record_id) else None
    if record is None:
        abort(404)
    return record


def refused(form, problem: FieldProblem) -> None:
    """The service's refusal beside its field (or above the form when no field matches)."""
    db.session.rollback()
    field = getattr(form, problem.field, None) if problem.field in form else None
    if field is not None:
        field.errors = [*field.errors, str(problem)]
    else:
        form.form_errors.append(str(problem))


def saved(accession: Accession, message: str):
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("accessions.detail", accenumb=accession.accenumb,
                            _anchor="inventory"), code=303)


def who() -> dict:
    return {"user": current_user.username, "source": SOURCE}


def tree_fields(form: TreeForm) -> plants.PlantFields:
    return plants.PlantFields(
        form.block.data, form.row.data, form.position.data, planted_on=form.planted_on.data,
        grafted_on=form.grafted_on.data, notes=(form.notes.data or "").strip() or None,
        source_lot_id=None, **plants.rootstock_fields(form.rootstock.data))


@bp.route("/accessions/<int:accession_id>/trees/new", methods=["GET", "POST"])
def new_tree(accession_id: int):
    staff_only()
    accession, form = found(Accession, accession_id), TreeForm()
    if form.validate_on_submit():
        try:
            tree = plants.plant(accession.id, tree_fields(form), **who())
            return saved(accession, _("Tree %(place)s added.", place=tree.place))
        except plants.PlantProblem as problem:
            refused(form, problem)
    status = 422 if form.errors or form.form_errors else 200
    return render_template("inventory/tree_new.html", accession=accession, form=form), status


@bp.get("/trees/<int:tree_id>")
def tree_page(tree_id: int):
    staff_only()
    return render_tree(found(Plant, tree_id))


def render_tree(tree: Plant, status: int = 200, **forms):
    edit = forms.get("edit") or TreeForm(formdata=None, obj=tree,
                                         rootstock=tree.rootstock or "")
    return render_template(
        "inventory/tree.html", tree=tree, accession=tree.accession, edit=edit,
        remove=forms.get("remove") or RemoveTreeForm(formdata=None),
        test=forms.get("test") or HealthTestForm(formdata=None)), status


@bp.post("/trees/<int:tree_id>")
def edit_tree(tree_id: int):
    staff_only()
    tree, form = found(Plant, tree_id), TreeForm()
    if form.validate_on_submit():
        try:
            changed = plants.update(tree, tree_fields(form), **who())
            return saved(tree.accession, _("Tree %(place)s saved.", place=tree.place)
                         if changed else _("Nothing was changed."))
        except plants.PlantProblem as problem:
            refused(form, problem)
    return render_tree(found(Plant, tree_id), 422, edit=form)


@bp.post("/trees/<int:tree_id>/remove")
def remove_tree(tree_id: int):
    staff_only()
    tree, form = found(Plant, tree_id), RemoveTreeForm()
    if form.validate_on_submit():
        try:
            plants.remove(tree, form.removed_reason.data, form.removed_on.data, **who())
            return saved(tree.accession, _("Tree %(place)s removed.", place=tree.place))
        except plants.PlantProblem as problem:
            refused(form, problem)
    return render_tree(found(Plant, tree_id), 422, remove=form)


@bp.post("/trees/<int:tree_id>/tests")
def add_tree_test(tree_id: int):
    staff_only()
    tree, form = found(Plant, tree_id), HealthTestForm()
    if form.validate_on_submit():
        try:
            plants.add_health_test(tree, form.pathogen.data, form.method.data,
                                   form.result.data, form.tested_on.data, **who())
            return saved(tree.accession, _("Virus test of tree %(place)s added.",
                                           place=tree.place))
        except plants.PlantProblem as problem:
            refused(form, problem)
    return render_tree(found(Plant, tree_id), 422, test=form)
