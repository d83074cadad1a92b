"""Material request pages: /requests (mine, or all for curators), one request with what may
be done to it, its dispatch note, the usage reports falling due and the notifications.
The cart is in cart_views, the forms that change a request in action_views."""
from datetime import date

from flask import Blueprint, abort, render_template, request
from flask_login import current_user, login_required

from germplasm import locking
from germplasm.accounts.permissions import role_required
from germplasm.extensions import db
from germplasm.inventory.queries import page
from germplasm.inventory.words import material_label, unit_label
from germplasm.requests import notices, presenters, words
from germplasm.requests.forms import (
    AllocationForm,
    PlainForm,
    ReceiptForm,
    ShipForm,
    TransitionForm,
    UsageForm,
)
from germplasm.requests.models import MaterialRequest
from germplasm.requests.queries import sees_all, visible_request, visible_requests
from germplasm.requests.receipt import falling_due
from germplasm.requests.states import STATES
from search.sync import commit

bp = Blueprint("requests", __name__)
PER_PAGE = 25

for _name, _function in (("state", words.state_label), ("recipient_kind", words.kind_label),
                         ("intended_use", words.use_label), ("flag", words.flag_label),
                         ("health", words.health_label), ("material", material_label),
                         ("allocation", words.allocation_label), ("unit_word", unit_label)):
    bp.add_app_template_filter(_function, _name)
bp.add_app_template_global(presenters.amount, "amount")


@bp.app_context_processor
def _counts() -> dict:
    from germplasm.requests import nav

    return {"cart_size": nav.cart_size, "unread_notices": nav.unread,
            "cart_materials": nav.materials}


@bp.before_request
def _writer_first() -> None:
    """SQLite: a form's POST starts afresh as the writer, so it waits its turn instead of
    failing when another writer overtook the transaction it began reading in."""
    if request.method == "POST" and not locking.is_postgresql():
        db.session.commit()
        locking.take_write_lock()


@bp.get("/requests")
@login_required
def index():
    status = request.args.get("status") if request.args.get("status") in STATES else None
    number = request.args.get("page", "1")
    current = int(number) if number.isascii() and number.isdigit() and 0 < int(number) < 10**6 \
        else 1
    total, rows = page(visible_requests(current_user, status), (MaterialRequest.id.desc(),),
                       current, PER_PAGE)
    return render_template("requests/index.html", rows=rows, total=total, status=status,
                           states=STATES, page=current, pages=max(1, -(-total // PER_PAGE)),
                           curator=sees_all(current_user))


@bp.get("/requests/<int:request_id>")
@login_required
def show(request_id: int):
    return detail_page(visible(request_id))


def visible(request_id: int) -> MaterialRequest:
    """The request if the signed-in user may see it; 404 otherwise (someone else's request
    is not admitted to exist). A POST locks it: two curators moving one request take turns."""
    found = visible_request(current_user, request_id, lock=request.method == "POST")
    if found is None:
        abort(404)
    return found


def detail_page(found: MaterialRequest, status: int = 200, **forms):
    """The request's page; `forms` are the ones just posted, with their errors."""
    curator = sees_all(current_user)
    blank = {"transition": TransitionForm(formdata=None), "ship": ShipForm(formdata=None),
             "receipt": ReceiptForm(formdata=None), "usage": UsageForm(formdata=None),
             "plain": PlainForm(formdata=None)}
    allowed = presenters.may(found, curator)
    items = [presenters.item_lots(item) if allowed["allocate"] else {"item": item}
             for item in found.items]
    failed = forms.pop("allocation", None)
    allocation_forms = {row["item"].id: _allocation_form(row, failed) for row in items
                        if allowed["allocate"]}
    moves = presenters.moves(found, curator)
    shown = {"transition": bool(moves), "ship": allowed["ship"], "receipt": allowed["confirm"],
             "usage": allowed["report"], "allocation": allowed["allocate"]}
    if failed is not None:
        forms["allocation"] = failed
    # A refusal whose form the page no longer shows (the state moved on) is said at the top.
    stray = [message for name, form in forms.items() if not shown.get(name)
             for message in _messages(form)]
    forms.pop("allocation", None)
    return render_template("requests/show.html", req=found, curator=curator, items=items,
                           moves=moves, may=allowed, stray=stray,
                           packet_labels=presenters.packet_labels_url(found),
                           allocation_forms=allocation_forms, **(blank | forms)), status


def _messages(form) -> list[str]:
    return [*form.form_errors, *(m for name, messages in form.errors.items()
                                 if name not in (None, "csrf_token") for m in messages)]


def _allocation_form(row: dict, failed: AllocationForm | None) -> AllocationForm:
    if failed is not None and failed.item.data == row["item"].id:
        return failed
    return AllocationForm(formdata=None, item=row["item"].id, lot=row["proposed"],
                          quantity=row["quantity"])


@bp.get("/requests/<int:request_id>/dispatch-note")
@login_required
def dispatch_note(request_id: int):
    found = visible(request_id)
    return render_template("requests/dispatch_note.html", req=found,
                           rows=presenters.shipped_or_reserved(found), today=date.today())


@bp.get("/requests/feedback-due")
@role_required("curator")
def feedback_due():
    return render_template("requests/feedback_due.html", rows=falling_due(), today=date.today())


@bp.get("/notifications")
@login_required
def notifications():
    rows = notices.for_user(current_user.id)
    fresh = {n.id for n in rows if not n.read}
    notices.mark_read(current_user.id, fresh)  # seen now
    commit()
    return render_template("requests/notifications.html", rows=rows, fresh=fresh)
