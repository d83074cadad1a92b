"""Failed logins per user name: after too many in a window the name is locked for a while,
for everyone, right password or not, until the time passes or an admin unlocks it.

Unknown names are counted like known ones, so the lock message reveals nothing.
"""
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy.dialects import postgresql, sqlite

from germplasm import locking
from germplasm.accounts.models import LoginThrottle
from germplasm.db import utcnow
from germplasm.extensions import db


def _key(username: str) -> str:
    return username.strip().lower()[:80]


def _setting(name: str) -> int:
    return int(current_app.config[name])


def locked_until(username: str) -> datetime | None:
    """When the lock on this name ends, or None when it may try now."""
    row = db.session.get(LoginThrottle, _key(username))
    if row is None or row.locked_until is None:
        return None
    until = _aware(row.locked_until)
    return until if until > utcnow() else None


def record_failure(username: str) -> None:
    now = utcnow()
    row = _locked_row(_key(username), now)
    window = timedelta(minutes=_setting("GERMPLASM_LOGIN_WINDOW_MINUTES"))
    if now - _aware(row.first_failure_at) > window:  # an old streak: start counting again
        row.failures, row.first_failure_at, row.locked_until = 0, now, None
    row.failures += 1
    if row.failures >= _setting("GERMPLASM_LOGIN_MAX_FAILURES"):
        row.locked_until = now + timedelta(minutes=_setting("GERMPLASM_LOGIN_LOCK_MINUTES"))
    db.session.flush()


def _locked_row(key: str, now: datetime) -> LoginThrottle:
    """The name's row, created if missing, locked: two workers counting failures of the
    same name at once must neither collide on the insert nor lose a count."""
    insert = (postgresql.insert if locking.is_postgresql() else sqlite.insert)(LoginThrottle)
    db.session.execute(insert.values(username=key, failures=0, first_failure_at=now)
                       .on_conflict_do_nothing())
    query = (db.select(LoginThrottle).where(LoginThrottle.username == key).with_for_update()
             .execution_options(populate_existing=True))
    return db.session.scalars(query).one()


def clear(username: str) -> bool:
    """Forget the failures of this name (a successful login, or an admin's unlock)."""
    row = db.session.get(LoginThrottle, _key(username))
    if row is not None:
        db.session.delete(row)
        db.session.flush()
    return row is not None


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes for timezone-aware columns; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)
