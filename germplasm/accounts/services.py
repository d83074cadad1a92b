"""Create users and check their passwords; flush, never commit."""
from germplasm.accounts.models import ROLES, User
from germplasm.extensions import db


class AccountError(ValueError):
    pass


def create_user(username: str, role: str, password: str, display_name: str | None = None) -> User:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise AccountError("the password must have at least 8 characters")
    if find(username) is not None:
        raise AccountError(f"user {username!r} already exists")
    user = User(username=username, role=role, display_name=display_name)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def find(username: str) -> User | None:
    return db.session.scalar(db.select(User).filter_by(username=username))


def authenticate(username: str, password: str) -> User | None:
    user = find(username)
    if user is None or not user.active or not user.check_password(password):
        return None
    return user
