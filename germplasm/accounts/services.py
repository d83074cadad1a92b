"""Create users, check their passwords, change them; flush, never commit."""
from datetime import datetime
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

from germplasm.accessions.models import Institute
from germplasm.accounts import throttle
from germplasm.accounts.models import ROLES, User
from germplasm.extensions import db

MIN_PASSWORD = 8


@cache
def _dummy_hash() -> str:
    """Checked against when the user name is unknown, so that a wrong name costs the same
    hashing time as a wrong password and timing does not tell which names exist."""
    return generate_password_hash("not the password of anyone")


class AccountError(ValueError):
    pass


class LoginLocked(Exception):
    """Too many failed logins for this user name; `until` is when it may try again."""

    def __init__(self, until: datetime):
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until


def create_user(username: str, role: str, password: str, display_name: str | None = None,
                instcode: str | None = None) -> User:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    _check_password(password)
    if find(username) is not None:
        raise AccountError(f"user {username!r} already exists")
    user = User(username=username, role=role, display_name=display_name,
                instcode=_known_institute(instcode))
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def create_without_password(username: str, role: str,
                            display_name: str | None = None) -> User:
    """An account nobody can sign in to until an admin sets its password (the demo's
    requesters): no password hash to compute, so a demo of many users stays fast."""
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if find(username) is not None:
        raise AccountError(f"user {username!r} already exists")
    # Not a hash any method produces: check_password_hash refuses every password.
    user = User(username=username, role=role, display_name=display_name, password_hash="!")
    db.session.add(user)
    db.session.flush()
    return user


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")


def find(username: str) -> User | None:
    return db.session.scalar(db.select(User).filter_by(username=username))


def authenticate(username: str, password: str) -> User | None:
    """The user, or None for a wrong name or password; LoginLocked while the name is locked."""
    if until := throttle.locked_until(username):
        raise LoginLocked(until)
    user = find(username)
    matches = check_password_hash(user.password_hash if user else _dummy_hash(), password)
    if user is None or not user.active or not matches:
        throttle.record_failure(username)
        return None
    throttle.clear(username)
    return user


def revoke_sessions(user: User) -> None:
    """End every session of this user: their cookies carry the old session version."""
    user.session_version += 1
    db.session.flush()


def change_password(user: User, password: str) -> None:
    _check_password(password)
    user.set_password(password)
    revoke_sessions(user)


def change_role(user: User, role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if role != user.role:
        user.role = role
        revoke_sessions(user)


def change_institute(user: User, instcode: str | None) -> None:
    """Affiliate the user with an institute (an INSTCODE of the institutes table), or with
    none. A partner sees that institute's restricted accessions, so sessions opened under
    the old affiliation end, as with a new role."""
    instcode = _known_institute(instcode)
    if instcode != user.instcode:
        user.instcode = instcode
        revoke_sessions(user)


def _known_institute(instcode: str | None) -> str | None:
    code = (instcode or "").strip().upper() or None
    if code is not None and db.session.scalar(
            db.select(Institute.code).where(Institute.code == code)) is None:
        raise AccountError(f"unknown institute {code!r}: add it to the institutes first")
    return code


def deactivate(user: User) -> None:
    if user.active:
        user.active = False
        revoke_sessions(user)
