"""/selection: the working selection; /selections: saved ones and shared links. Adding and
removing answer JSON to scripts (Accept: application/json) and redirect forms back."""
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from germplasm.accounts.permissions import restricted_scope
from germplasm.extensions import db
from germplasm.selections import saved, services
from germplasm.selections.models import Selection
from germplasm.selections.picks import picked_ids
from search.engine import find, page_of
from search.params import build_request
from search.query import QueryProblem

bp = Blueprint("selections", __name__)
PER_PAGE = 100


@bp.get("/selection")
def show_current():
    selection = services.current()
    return _page(selection, own=True)


@bp.get("/selections/<token>")
def show(token: str):
    try:
        selection = services.load(token)
    except QueryProblem:
        abort(404)
    return _page(selection, own=selection.token == (services.current() or Selection()).token)


def _page(selection: Selection | None, own: bool):
    result = None
    if selection is not None:
        search = build_request(selection=[selection.token], page=request.args.get("page", 1),
                               per_page=PER_PAGE, sort="accenumb")
        matches = find(search, can_see_restricted=restricted_scope())
        result = page_of(matches, search, str(get_locale()))
    mine = own or (selection is not None and selection.owner_id == getattr(current_user, "id", -1))
    return render_template("selections/show.html", selection=selection, result=result,
                           own=own, mine=mine, per_page=PER_PAGE,
                           endpoints=current_app.view_functions)


@bp.get("/selections")
@login_required
def mine():
    rows = [(s, services.count(s)) for s in saved.owned_by(current_user)]
    return render_template("selections/mine.html", rows=rows)


@bp.post("/selection/add")
def add():
    return _change(lambda ids: services.add(services.current(create=True), ids), "added")


@bp.post("/selection/remove")
def remove():
    return _change(lambda ids: services.remove(services.current(create=True), ids), "removed")


@bp.post("/selection/clear")
def clear():
    return _change(lambda _ids: services.clear(services.current(create=True)), "cleared")


def _change(apply, verb: str):
    try:
        changed = apply(picked_ids(request.form) if verb != "cleared" else [])
    except services.SelectionProblem as problem:
        db.session.rollback()
        return _answer(400, str(problem), "error")
    db.session.commit()
    size = services.count(services.current())
    messages = {"added": _("%(n)s added to the selection (%(total)s in all).", n=changed,
                           total=size),
                "removed": _("%(n)s removed from the selection (%(total)s left).", n=changed,
                             total=size),
                "cleared": _("The selection is empty now.")}
    return _answer(200, messages[verb], "ok", count=size, **{verb: changed or 0})


def _answer(status: int, message: str, category: str, **fields):
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"status": status, "message": message, **fields}), status
    flash(message, category)
    return redirect(_safe_next())


def _safe_next() -> str:
    """Only a path on this site: an open redirect would let a link send users elsewhere."""
    target = request.form.get("next") or request.args.get("next") or ""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("selections.show_current")
