"""/cart: what a signed-in user means to ask for, filled from the accession page, the search
results and the comparison; /cart/submit turns it into a request under the MTA."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from germplasm.accessions import queries
from germplasm.accounts.permissions import restricted_scope
from germplasm.requests import cart, presenters, settings
from germplasm.requests.forms import AddForm, QuantityForm, SubmitForm
from germplasm.requests.submission import Recipient, Submission, submit
from germplasm.requests.views import bp
from germplasm.requests.web import attach, attempt, explain, item_index, safe_next
from germplasm.selections import services as selection_services
from germplasm.selections.picks import picked_ids
from germplasm.selections.services import SelectionProblem
from search.query import QueryProblem


@bp.get("/cart")
@login_required
def cart_page():
    return _cart_page()


def _cart_page(status: int = 200, errors: dict | None = None, typed: dict | None = None):
    return render_template("requests/cart.html", lines=presenters.cart_lines(current_user.id),
                           errors=errors or {}, typed=typed or {}), status


@bp.post("/cart/add")
@login_required
def cart_add():
    """Accessions named by the form (one row's button, the ticked ones, or compare's
    numbers) go into the cart with the material and quantity chosen."""
    one = request.form.get("one")
    return _fill(lambda: picked_ids(MultiDict({"accession": one}) if one else request.form),
                 safe_next(url_for(".cart_page")))


@bp.post("/cart/selection/<token>")
@login_required
def cart_from_selection(token: str):
    """A (saved or shared) selection used as a request cart: the accessions of it the caller
    may see go in with the material and quantity chosen (the form's defaults: 10 scions)."""
    try:
        selection = selection_services.load(token)
    except QueryProblem:
        abort(404)
    return _fill(lambda: selection_services.visible_ids(selection),
                 safe_next(url_for("selections.show", token=selection.token)))


def _fill(pick, back: str):
    form = AddForm()
    if not form.validate():
        problems = [f"{field.label.text}: {messages[0]}" for field, messages in
                    ((getattr(form, n), m) for n, m in form.errors.items() if n != "csrf_token")]
        flash(_("Nothing was added to the request cart: %(reason)s",
                reason="; ".join(problems) or _("the form has expired; try again")), "error")
        return redirect(back)
    try:
        ids = pick()
    except SelectionProblem as problem:
        flash(str(problem), "error")
        return redirect(back)
    if not ids:
        flash(_("Tick at least one accession first."), "error")
        return redirect(back)
    added, problem = attempt(lambda: _put_all(ids, form.material.data, form.quantity.data))
    if problem is not None:
        flash(_("Nothing was added to the request cart: %(reason)s", reason=explain(problem)),
              "error")
    else:
        flash(_("%(n)s added to the request cart (%(total)s lines in all).", n=added,
                total=len(cart.items(current_user.id))), "ok")
    return redirect(back)


def _put_all(ids: list[int], material: str, quantity: str) -> int:
    scope = restricted_scope()
    accessions = [queries.find_by_id(i, scope) for i in dict.fromkeys(ids)]
    return cart.put_many(current_user.id, accessions, material, quantity, scope)


@bp.post("/cart/update")
@login_required
def cart_update():
    form = QuantityForm()
    line = _line(form.item.data) if form.validate() else None
    if line is None:
        return _cart_page(400, {form.item.data: _("Give a quantity.")},
                          {form.item.data: form.quantity.data})
    _done, problem = attempt(lambda: cart.put(current_user.id, line.accession, line.material,
                                              form.quantity.data, restricted_scope()))
    if problem is not None:
        return _cart_page(problem.status, {line.id: explain(problem)},
                          {line.id: form.quantity.data})
    flash(_("The quantity was changed."), "ok")
    return redirect(url_for(".cart_page"))


@bp.post("/cart/<int:item_id>/remove")
@login_required
def cart_remove(item_id: int):
    attempt(lambda: cart.remove(current_user.id, item_id))
    return redirect(url_for(".cart_page"))


def _line(item_id):
    return next((i for i in cart.items(current_user.id) if i.id == item_id), None)


@bp.route("/cart/submit", methods=["GET", "POST"])
@login_required
def cart_submit():
    lines = presenters.cart_lines(current_user.id)
    if not lines:
        flash(_("The request cart is empty: add accessions first."), "error")
        return redirect(url_for(".cart_page"))
    version, text = settings.mta()
    form = SubmitForm(data=presenters.last_recipient(current_user.id)
                      if request.method == "GET" else None)
    if request.method == "GET":
        form.mta_version.data = version
    status, line_errors = 200, {}
    if form.validate_on_submit():
        made, problem = attempt(lambda: _submit(form))
        if problem is None:
            flash(_("Request %(number)s was submitted.", number=made.number), "ok")
            return redirect(url_for(".show", request_id=made.id))
        status = problem.status
        index = item_index(problem)
        if index is not None and index < len(lines):
            line_errors[lines[index]["item"].id] = _line_error(problem)
        else:
            attach(form, problem, {})
    elif request.method == "POST":
        status = 400
    return render_template("requests/submit.html", form=form, lines=lines, mta_text=text,
                           mta_version=version, line_errors=line_errors), status


def _line_error(problem) -> str:
    if (problem.field or "").endswith(".accenumb"):
        return _("This accession cannot be requested: it does not exist or is not open to "
                 "you.")
    return explain(problem)


def _submit(form: SubmitForm):
    data = form.data
    recipient = Recipient(name=data["name"], institution=data["institution"], kind=data["kind"],
                          address=data["address"], country=data["country"],
                          email=data["email"], province=data["province"],
                          final_recipient=data["final_recipient"])
    made = submit(current_user, Submission(
        recipient=recipient, intended_use=data["intended_use"],
        mta_accepted=bool(data["mta_accepted"]), items=cart.as_asks(current_user.id),
        use_note=data["use_note"], mta_version=data["mta_version"] or None),
        restricted_scope())
    cart.empty(current_user.id)
    return made
