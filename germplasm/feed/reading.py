"""The feed as one caller may see it: staff see every change; the public see a record's
changes while it is public and one delete when it stops being public; a partner sees its own
institute's records as staff do."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_

from germplasm.extensions import db
from germplasm.feed.models import Change
from germplasm.feed.outbox import latest_cursor

NUMERIC_IDS = ("accession", "observation", "campaign", "plant")


@dataclass
class FeedItem:
    cursor: int
    entity: str
    id: int | str
    op: str
    at: datetime


def changes_after(after: int, limit: int, scope) -> tuple[list[FeedItem], int]:
    """Up to `limit` changes after `after`, oldest first, and the cursor to ask with next.

    `scope`: True (sees everything), False (the public), or a set of INSTCODEs (a partner).
    The newest cursor is read first: every change up to it has committed (cursors are
    given in commit order), so when fewer than `limit` visible changes are left the next
    cursor can skip past the hidden ones after them."""
    newest = latest_cursor()
    query = db.select(Change).where(Change.cursor > after).order_by(Change.cursor).limit(limit)
    if scope is not True:
        own = Change.instcode.in_(sorted(scope)) if scope else False
        query = query.where(or_(Change.public_op.is_not(None), own))
    rows = list(db.session.scalars(query))
    items = [_item(row, scope) for row in rows]
    if len(rows) == limit:
        return items, rows[-1].cursor
    return items, max([after, newest, *(r.cursor for r in rows)])


def _item(row: Change, scope) -> FeedItem:
    sees_all = scope is True or (scope and row.instcode in scope)
    identifier = int(row.entity_id) if row.entity in NUMERIC_IDS else row.entity_id
    return FeedItem(row.cursor, row.entity, identifier, row.op if sees_all else row.public_op,
                    row.at)
