"""Saved selections: a signed-in user names a copy of the working selection, renames or
deletes it, and anyone can load a shared one into their own working selection."""
import secrets

from flask_babel import gettext as _
from sqlalchemy import false, or_, select

from germplasm.extensions import db
from germplasm.selections import services
from germplasm.selections.models import Selection

MAX_SAVED = 200  # per user


def owned_by(user) -> list[Selection]:
    query = (select(Selection).where(Selection.owner_id == user.id, Selection.name.is_not(None))
             .order_by(Selection.updated_at.desc()))
    return list(db.session.scalars(query))


def save_as(source: Selection, name: str, user) -> Selection:
    return create(name, user, services.visible_ids(source))


def create(name: str, owner, accession_ids, published: bool = False) -> Selection:
    """A new saved selection of these accessions (the caller checked they may see them);
    `owner` None: the genebank's own (the demo's published lists)."""
    name = _checked_name(name)
    if owner is not None and len(owned_by(owner)) >= MAX_SAVED:
        raise services.SelectionProblem(_("You can keep at most %(n)s saved selections.",
                                           n=MAX_SAVED))
    made = Selection(token=secrets.token_urlsafe(16), name=name, published=published,
                     owner_id=owner.id if owner is not None else None)
    db.session.add(made)
    db.session.flush()
    services.add(made, accession_ids)
    return made


def set_published(selection: Selection, published: bool, user) -> None:
    """Staff publish a saved selection (everyone then sees it as a BrAPI list) or take it
    back; its owner keeps it either way."""
    if not selection.saved or not getattr(user, "is_staff", False):
        raise PermissionError
    selection.published = published
    db.session.flush()


def shown_to(user):
    """select(Selection) of the saved selections listed to `user` (None: anonymous): their
    own and the published ones."""
    own = Selection.owner_id == user.id if user is not None else false()
    return select(Selection).where(Selection.name.is_not(None),
                                   or_(Selection.published.is_(True), own))


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
