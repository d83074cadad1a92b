"""The forms that change a request: moving it (the requester may only cancel), allocating
lots and releasing them, shipping, confirming receipt and the usage report. Each calls one
service; a refusal re-renders the request's page with the error next to its field."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from germplasm.requests import allocations, receipt, shipping, workflow
from germplasm.requests.forms import (
    AllocationForm,
    ReceiptForm,
    ShipForm,
    TransitionForm,
    UsageForm,
)
from germplasm.requests.queries import sees_all
from germplasm.requests.views import bp, detail_page, visible
from germplasm.requests.web import attempt
from germplasm.requests.words import state_label


def _back(found, message: str):
    flash(message, "ok")
    return redirect(url_for(".show", request_id=found.id))


def _curated(request_id: int):
    found = visible(request_id)
    if not sees_all(current_user):
        abort(403)
    return found


@bp.post("/requests/<int:request_id>/transition")
@login_required
def transition(request_id: int):
    found = visible(request_id)
    form = TransitionForm()
    if form.validate():
        _moved, problem = attempt(lambda: workflow.move(
            found, form.to.data, actor=current_user.username, curator=sees_all(current_user),
            note=form.note.data), form, {"to": "note"})
        if problem is None:
            return _back(found, _("The request is now: %(state)s.",
                                  state=state_label(found.status)))
        return detail_page(found, problem.status, transition=form)
    return detail_page(found, 400, transition=form)


@bp.post("/requests/<int:request_id>/allocate")
@login_required
def allocate(request_id: int):
    found = _curated(request_id)
    form = AllocationForm()
    if form.validate():
        def run():
            item = allocations.item_of(found, form.item.data)
            return allocations.allocate(found, item, form.lot.data, form.quantity.data,
                                        actor=current_user.username)
        _made, problem = attempt(run, form, {"item": "lot", "status": "lot",
                                             "allocation": "lot"})
        if problem is None:
            return _back(found, _("Lot %(lot)s was reserved.", lot=form.lot.data))
        return detail_page(found, problem.status, allocation=form)
    return detail_page(found, 400, allocation=form)


@bp.post("/requests/<int:request_id>/allocations/<int:allocation_id>/release")
@login_required
def release(request_id: int, allocation_id: int):
    found = _curated(request_id)
    chosen = next((a for item in found.items for a in item.allocations
                   if a.id == allocation_id), None)
    if chosen is None:
        abort(404)
    _done, problem = attempt(lambda: allocations.release(chosen, actor=current_user.username))
    if problem is not None:
        flash(str(problem), "error")
        return redirect(url_for(".show", request_id=found.id))
    return _back(found, _("The reservation was released."))


@bp.post("/requests/<int:request_id>/ship")
@login_required
def ship(request_id: int):
    found = _curated(request_id)
    form = ShipForm()
    if form.validate():
        dispatch = shipping.Dispatch(carrier=form.carrier.data,
                                     shipped_on=form.shipped_on.data,
                                     tracking_number=form.tracking_number.data,
                                     phyto_certificate=form.phyto_certificate.data)
        _sent, problem = attempt(lambda: shipping.ship(found, dispatch,
                                                       actor=current_user.username),
                                 form, {"status": "carrier", "allocations": "carrier"})
        if problem is None:
            return _back(found, _("The shipment was recorded."))
        return detail_page(found, problem.status, ship=form)
    return detail_page(found, 400, ship=form)


@bp.post("/requests/<int:request_id>/receipt")
@login_required
def confirm_receipt(request_id: int):
    found = visible(request_id)
    form = ReceiptForm()
    if form.validate():
        _done, problem = attempt(lambda: receipt.confirm_receipt(
            found, actor=current_user.username, received_on=form.received_on.data,
            note=form.note.data), form, {"to": "received_on"})
        if problem is None:
            return _back(found, _("Receipt was confirmed; the usage report is due by "
                                  "%(day)s.", day=found.feedback_due_on))
        return detail_page(found, problem.status, receipt=form)
    return detail_page(found, 400, receipt=form)


@bp.post("/requests/<int:request_id>/feedback")
@login_required
def feedback(request_id: int):
    found = visible(request_id)
    form = UsageForm()
    if form.validate():
        _done, problem = attempt(lambda: receipt.report_usage(
            found, author=current_user.username, usage=form.usage.data,
            results=form.results.data), form, {"status": "usage"})
        if problem is None:
            return _back(found, _("Thank you: the usage report was recorded."))
        return detail_page(found, problem.status, usage=form)
    return detail_page(found, 400, usage=form)
