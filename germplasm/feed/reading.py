"""The feed as one caller may see it: staff see every change; the public see a record's
changes while it is public and one delete when it stops being public; a partner sees its own
institute's records as staff do."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_

from germplasm.accessions.visibility import institutes, sees_all
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

    `scope`: a visibility scope (germplasm.accessions.visibility): all, the public, or a
    partner's institutes.
    The newest cursor is read first: every change up to it has committed (cursors are
    given in commit order), so when fewer than `limit` visible changes are left the next
    cursor can skip past the hidden ones after them."""
    newest = latest_cursor()
    query = db.select(Change).where(Change.cursor > after).order_by(Change.cursor).limit(limit)
    if not sees_all(scope):
        query = query.where(or_(Change.public_op.is_not(None),
                                Change.instcode.in_(sorted(institutes(scope)))))
    rows = list(db.session.scalars(query))
    items = [_item(row, scope) for row in rows]
    if len(rows) == limit:
        return items, rows[-1].cursor
    return items, max([after, newest, *(r.cursor for r in rows)])


def _item(row: Change, scope) -> FeedItem:
    as_staff = sees_all(scope) or row.instcode in institutes(scope)
    identifier = int(row.entity_id) if row.entity in NUMERIC_IDS else row.entity_id
    return FeedItem(row.cursor, row.entity, identifier, row.op if as_staff else row.public_op,
                    row.at)
