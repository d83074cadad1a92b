"""Saving, renaming, deleting and loading saved selections (signed-in owners)."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from germplasm.extensions import db
from germplasm.selections import saved, services
from germplasm.selections.views import bp
from search.query import QueryProblem


@bp.post("/selections")
@login_required
def save():
    working = services.current()
    if working is None or not services.count(working):
        flash(_("Your selection is empty."), "error")
        return redirect(url_for("selections.show_current"))
    return _apply(lambda: saved.save_as(working, request.form.get("name", ""), current_user),
                  _("Saved as “%(name)s”."))


@bp.post("/selections/<token>/rename")
@login_required
def rename(token: str):
    selection = _owned(token)
    return _apply(lambda: saved.rename(selection, request.form.get("name", ""), current_user)
                  or selection, _("Renamed to “%(name)s”."))


@bp.post("/selections/<token>/delete")
@login_required
def delete(token: str):
    saved.delete(_owned(token), current_user)
    db.session.commit()
    flash(_("The saved selection was deleted."), "ok")
    return redirect(url_for("selections.mine"))


@bp.post("/selections/<token>/publish")
@login_required
def publish(token: str):
    """Staff show a saved selection to everyone as a BrAPI list (`published=1`) or stop."""
    selection = _loaded(token)
    flag = request.form.get("published") == "1"
    try:
        saved.set_published(selection, flag, current_user)
    except PermissionError:
        abort(403)
    db.session.commit()
    flash(_("Published: everyone sees it as a BrAPI list.") if flag
          else _("No longer published."), "ok")
    return redirect(url_for("selections.show", token=selection.token))


@bp.post("/selections/<token>/use")
def use(token: str):
    added = saved.use(_loaded(token))
    db.session.commit()
    flash(_("%(n)s added to the selection (%(total)s in all).", n=added,
            total=services.count(services.current())), "ok")
    return redirect(url_for("selections.show_current"))


def _apply(change, message: str):
    try:
        selection = change()
    except services.SelectionProblem as problem:
        db.session.rollback()
        flash(str(problem), "error")
        return redirect(request.referrer or url_for("selections.show_current"))
    db.session.commit()
    flash(message % {"name": selection.name}, "ok")
    return redirect(url_for("selections.show", token=selection.token))


def _loaded(token: str):
    try:
        return services.load(token)
    except QueryProblem:
        abort(404)


def _owned(token: str):
    selection = _loaded(token)
    if selection.owner_id != current_user.id or not selection.saved:
        abort(403)
    return selection
