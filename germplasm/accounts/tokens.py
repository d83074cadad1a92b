"""Personal access tokens: made for a user (shown once), listed, revoked, and read from an
`Authorization: Bearer` header. A token acts with its user's role; a read token cannot write."""
import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from germplasm.accounts.models import ApiToken, User
from germplasm.db import is_row_id, utcnow
from germplasm.extensions import db

PREFIX = "gpt_"  # recognisable in logs and by secret scanners
SCOPES = ("read", "write")
MAX_DAYS = 3650


class TokenProblem(ValueError):
    """A token that cannot be made, or a header that names no valid token."""


def create(user: User, name: str | None = None, expires_days: int | None = None,
           scope: str = "read") -> tuple[ApiToken, str]:
    """The new token's record and the token itself, which is not stored and cannot be shown
    again."""
    if scope not in SCOPES:
        raise TokenProblem(f"scope must be read or write, not {scope!r}")
    if expires_days is not None and not 1 <= expires_days <= MAX_DAYS:
        raise TokenProblem(f"expiry must be 1 to {MAX_DAYS} days")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=(name or "token").strip()[:120] or "token",
                     token_hash=_hash(secret), prefix=secret[:12], scope=scope,
                     expires_at=utcnow() + timedelta(days=expires_days) if expires_days else None)
    db.session.add(token)
    db.session.flush()
    return token, secret


def listed(user: User | None = None) -> list[ApiToken]:
    query = select(ApiToken).order_by(ApiToken.id)
    if user is not None:
        query = query.where(ApiToken.user_id == user.id)
    return list(db.session.scalars(query))


def revoke(token_id: int, owner: User | None = None) -> ApiToken:
    """Revokes a token (only the owner's, when `owner` is given); revoking twice is harmless."""
    token = db.session.get(ApiToken, token_id) if is_row_id(token_id) else None
    if token is None or (owner is not None and token.user_id != owner.id):
        raise TokenProblem(f"no token with id {token_id}")
    token.revoked_at = token.revoked_at or utcnow()
    db.session.flush()
    return token


def state(token: ApiToken) -> str:
    if token.revoked_at is not None:
        return "revoked"
    if token.expires_at is not None and _aware(token.expires_at) <= utcnow():
        return "expired"
    return "active"


def from_header(header: str) -> ApiToken:
    """The valid token an `Authorization: Bearer …` header carries (TokenProblem otherwise)."""
    kind, _, secret = header.strip().partition(" ")
    if kind.lower() != "bearer" or not secret.strip():
        raise TokenProblem("use Authorization: Bearer <token>")
    token = db.session.scalars(select(ApiToken).where(
        ApiToken.token_hash == _hash(secret.strip()))).first()
    if token is None or state(token) != "active" or not token.user.active:
        raise TokenProblem("the token is unknown, expired or revoked")
    return token


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite drops the zone
