"""Staff keep lots of material on the web: add a lot from the accession page, edit what it
is, record a stock count or a loss (ledger entries, never edits of stock), add a viability
test. Every change goes through germplasm.inventory.lots and the ledger."""
from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accessions.models import Accession
from germplasm.inventory import ledger, lots
from germplasm.inventory.forms import LotFieldsForm, NewLotForm, StockForm, ViabilityForm
from germplasm.inventory.models import Lot
from germplasm.inventory.quantities import from_milli
from germplasm.inventory.views import bp, found, refused, saved, staff_only


def lot_fields(form: LotFieldsForm, lot: Lot | None = None) -> lots.LotFields:
    kept = lots.fields_of(lot) if lot else lots.LotFields(material=form.material.data)
    return lots.LotFields(
        material=form.material.data, unit=form.unit.data or None,
        critical=(form.critical.data or "0").strip(), distributable=form.distributable.data,
        available_from=form.available_from.data, available_to=form.available_to.data,
        expires_on=form.expires_on.data, location=(form.location.data or "").strip() or None,
        health_status=form.health_status.data, notes=(form.notes.data or "").strip() or None,
        source_plant_id=kept.source_plant_id, parent_lot_id=kept.parent_lot_id)


@bp.route("/accessions/<int:accession_id>/lots/new", methods=["GET", "POST"])
def new_lot(accession_id: int):
    staff_only()
    accession, form = found(Accession, accession_id), NewLotForm()
    if form.validate_on_submit():
        try:
            lot = lots.create(accession.id, form.lot_number.data, lot_fields(form),
                              actor=current_user.username,
                              quantity=(form.quantity.data or "0").strip(),
                              note=_("added on the accession page"))
            return saved(accession, _("Lot %(number)s added.", number=lot.lot_number))
        except lots.LotProblem as problem:
            refused(form, problem)
    status = 422 if form.errors or form.form_errors else 200
    return render_template("inventory/lot_new.html", accession=accession, form=form), status


@bp.get("/inventory/lots/<int:lot_id>")
def lot_page(lot_id: int):
    staff_only()
    return render_lot(found(Lot, lot_id))


def render_lot(lot: Lot, status: int = 200, **forms):
    current = lots.fields_of(lot)
    edit = forms.get("edit") or LotFieldsForm(formdata=None, obj=current,
                                              critical=str(current.critical))
    return render_template(
        "inventory/lot_edit.html", lot=lot, accession=lot.accession, edit=edit,
        stock=forms.get("stock") or StockForm(formdata=None),
        viability=forms.get("viability") or ViabilityForm(formdata=None),
        on_hand=from_milli(lot.on_hand_milli), reserved=from_milli(lot.reserved_milli),
        available=from_milli(lots.available_milli(lot)),
        entries=ledger.entries(lot)[-20:][::-1]), status


@bp.post("/inventory/lots/<int:lot_id>")
def edit_lot(lot_id: int):
    staff_only()
    lot, form = found(Lot, lot_id), LotFieldsForm()
    if form.validate_on_submit():
        try:
            changed = lots.update(lot, lot_fields(form, lot))
            return saved(lot.accession, _("Lot %(number)s saved.", number=lot.lot_number)
                         if changed else _("Nothing was changed."))
        except lots.LotProblem as problem:
            refused(form, problem)
    return render_lot(found(Lot, lot_id), 422, edit=form)


@bp.post("/inventory/lots/<int:lot_id>/stock")
def lot_stock(lot_id: int):
    staff_only()
    lot, form = found(Lot, lot_id), StockForm()
    if form.validate_on_submit():
        note = (form.note.data or "").strip() or None
        try:
            if form.kind.data == "loss":
                lots.record_loss(lot, form.quantity.data.strip(), actor=current_user.username,
                                 note=note)
            else:
                lots.count_to(lot, form.quantity.data.strip(), actor=current_user.username,
                              note=note)
            return saved(lot.accession, _("Stock of lot %(number)s recorded.",
                                          number=lot.lot_number))
        except lots.LotProblem as problem:
            refused(form, problem)
    return render_lot(found(Lot, lot_id), 422, stock=form)


@bp.post("/inventory/lots/<int:lot_id>/viability")
def lot_viability(lot_id: int):
    staff_only()
    lot, form = found(Lot, lot_id), ViabilityForm()
    if form.validate_on_submit():
        try:
            lots.add_viability_test(lot, form.method.data, form.percent.data,
                                    form.tested_on.data, form.n.data)
            return saved(lot.accession, _("Viability test of lot %(number)s added.",
                                          number=lot.lot_number))
        except lots.LotProblem as problem:
            refused(form, problem)
    return render_lot(found(Lot, lot_id), 422, viability=form)
