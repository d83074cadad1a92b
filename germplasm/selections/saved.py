"""Saved selections: a signed-in user names a copy of the working selection, renames or
deletes it, and anyone can load a shared one into their own working selection."""
import secrets

from flask_babel import gettext as _
from sqlalchemy import select

from germplasm.extensions import db
from germplasm.selections import services
from germplasm.selections.models import Selection

MAX_SAVED = 200  # per user


def owned_by(user) -> list[Selection]:
    query = (select(Selection).where(Selection.owner_id == user.id, Selection.name.is_not(None))
             .order_by(Selection.updated_at.desc()))
    return list(db.session.scalars(query))


def save_as(source: Selection, name: str, user) -> Selection:
    name = _checked_name(name)
    if len(owned_by(user)) >= MAX_SAVED:
        raise services.SelectionProblem(_("You can keep at most %(n)s saved selections.",
                                           n=MAX_SAVED))
    copy = Selection(token=secrets.token_urlsafe(16), name=name, owner_id=user.id)
    db.session.add(copy)
    db.session.flush()
    services.add(copy, services.visible_ids(source))
    return copy


def rename(selection: Selection, name: str, user) -> None:
    _check_owner(selection, user)
    selection.name = _checked_name(name)
    db.session.flush()


def delete(selection: Selection, user) -> None:
    _check_owner(selection, user)
    db.session.delete(selection)
    db.session.flush()


def use(selection: Selection) -> int:
    """Adds a (shared) selection's visible accessions to the caller's working selection."""
    return services.add(services.current(create=True), services.visible_ids(selection))


def choices_for(user) -> list[tuple[str, str, int]]:
    """(token, label, count) of the caller's working selection and saved selections, for
    pickers such as the new-campaign form."""
    found = []
    working = services.current()
    if working is not None:
        found.append((working.token, _("Current selection"), services.count(working)))
    if getattr(user, "is_authenticated", False):
        found += [(s.token, s.name, services.count(s)) for s in owned_by(user)]
    return found


def _checked_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise services.SelectionProblem(_("Give the selection a name."))
    if len(name) > services.MAX_NAME:
        raise services.SelectionProblem(_("A name has at most %(n)s characters.",
                                           n=services.MAX_NAME))
    if any(ord(c) < 32 for c in name):
        raise services.SelectionProblem(_("A name cannot hold control characters."))
    return name


def _check_owner(selection: Selection, user) -> None:
    if not selection.saved or selection.owner_id != getattr(user, "id", None):
        raise PermissionError
