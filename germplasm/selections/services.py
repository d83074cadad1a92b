"""The one door for writing selections. The working selection of a browser session is found
through the session's token; saved selections belong to a user. Visibility is applied when
a selection is read, so a shared link never shows a restricted accession to the public."""
import secrets

from flask import session
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from germplasm.accessions.models import Accession
from germplasm.accessions.queries import visible
from germplasm.accounts.permissions import restricted_scope
from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.selections.models import Selection, SelectionItem
from search.query import QueryProblem

SESSION_KEY = "selection"
CURRENT = "current"  # `selection=current`: the caller's working selection
MAX_ITEMS = 60_000  # as many as an export holds
MAX_NAME = 200


class SelectionProblem(ValueError):
    """A refused change, with a message for the user."""


def current(create: bool = False) -> Selection | None:
    """The session's working selection (made on first use when `create`)."""
    token = session.get(SESSION_KEY)
    found = _by_token(token) if isinstance(token, str) else None
    if found is None and create:
        found = Selection(token=secrets.token_urlsafe(16))
        db.session.add(found)
        db.session.flush()
        session[SESSION_KEY] = found.token
    return found


def load(token: str) -> Selection:
    """A selection by its token (or `current`); QueryProblem when there is none."""
    found = current() if token == CURRENT else _by_token(token)
    if found is None:
        if token == CURRENT:
            raise QueryProblem("selection", _("Your selection is empty."))
        raise QueryProblem("selection", _("No selection has the link '%(token)s'.",
                                          token=str(token)[:40]))
    return found


def _by_token(token: str | None) -> Selection | None:
    if not token or len(token) > 32:
        return None
    return db.session.scalars(select(Selection).where(Selection.token == token)).first()


def accession_ids_of(token: str) -> list[int]:
    """The accessions of a selection that the caller may see, in the order they were added."""
    return visible_ids(load(token))


def visible_ids(selection: Selection) -> list[int]:
    query = (select(SelectionItem.accession_id)
             .join(Accession, Accession.id == SelectionItem.accession_id)
             .where(SelectionItem.selection_id == selection.id)
             .order_by(SelectionItem.added_at, SelectionItem.accession_id))
    return list(db.session.scalars(visible(query, restricted_scope())))


def count(selection: Selection | None) -> int:
    if selection is None:
        return 0
    query = (select(func.count()).select_from(SelectionItem)
             .join(Accession, Accession.id == SelectionItem.accession_id)
             .where(SelectionItem.selection_id == selection.id))
    return db.session.scalar(visible(query, restricted_scope())) or 0


def add(selection: Selection, accession_ids) -> int:
    """Adds the accessions not yet in it; returns how many were new."""
    have = set(db.session.scalars(select(SelectionItem.accession_id)
                                  .where(SelectionItem.selection_id == selection.id)))
    new = [i for i in dict.fromkeys(accession_ids) if i not in have]
    if len(have) + len(new) > MAX_ITEMS:
        raise SelectionProblem(_("A selection holds at most %(n)s accessions.", n=MAX_ITEMS))
    db.session.add_all(SelectionItem(selection_id=selection.id, accession_id=i) for i in new)
    _touch(selection)
    return len(new)


def remove(selection: Selection, accession_ids) -> int:
    ids = list(dict.fromkeys(accession_ids))
    result = db.session.execute(delete(SelectionItem).where(
        SelectionItem.selection_id == selection.id, SelectionItem.accession_id.in_(ids)))
    _touch(selection)
    return result.rowcount or 0


def clear(selection: Selection) -> None:
    db.session.execute(delete(SelectionItem).where(SelectionItem.selection_id == selection.id))
    _touch(selection)


def _touch(selection: Selection) -> None:
    selection.updated_at = utcnow()
    db.session.flush()


def choices_for(user) -> list[tuple[str, str, int]]:
    from germplasm.selections.saved import choices_for as saved_choices

    return saved_choices(user)


def size_for_header() -> int:
    """The working selection's size for the page header; no query for sessions without one."""
    return count(current()) if session.get(SESSION_KEY) else 0


def contains(accession_id: int) -> bool:
    """Whether the working selection holds the accession (no query without a selection)."""
    if not session.get(SESSION_KEY):
        return False
    working = current()
    return working is not None and db.session.get(SelectionItem, (working.id, accession_id)) \
        is not None


def selection_label(token: str) -> str:
    """How a filter chip names a selection: its name, "my selection" or "shared selection"."""
    working = current()
    if token == CURRENT or (working is not None and working.token == token):
        return _("my selection")
    found = _by_token(token)
    if found is None:
        return _("unknown link")
    return found.name or _("shared selection")


def sweep(days: int) -> int:
    """Drops working selections (never saved) untouched for `days`; returns how many."""
    from datetime import timedelta

    old = delete(Selection).where(Selection.name.is_(None),
                                  Selection.updated_at < utcnow() - timedelta(days=days))
    return db.session.execute(old).rowcount or 0
