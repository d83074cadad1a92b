"""Which requests a user sees: their own; curators and above see every request."""
from sqlalchemy import select

from germplasm.db import is_row_id
from germplasm.extensions import db
from germplasm.requests.models import MaterialRequest


def sees_all(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role("curator")


def visible_requests(user, status: str | None = None):
    query = select(MaterialRequest)
    if not sees_all(user):
        query = query.where(MaterialRequest.requester_id == user.id)
    if status:
        query = query.where(MaterialRequest.status == status)
    return query


def visible_request(user, request_id: int, lock: bool = False) -> MaterialRequest | None:
    """The request if `user` may see it; `lock`: to change it (two curators moving one
    request at once take turns, the second sees the first's state)."""
    if not getattr(user, "is_authenticated", False) or not is_row_id(request_id):
        return None
    query = visible_requests(user).where(MaterialRequest.id == request_id)
    if lock:
        query = query.with_for_update(of=MaterialRequest)
    return db.session.scalar(query)
