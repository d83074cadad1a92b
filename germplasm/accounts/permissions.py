"""What the current user may see and do; anonymous visitors are the public."""
from functools import wraps

from flask import abort
from flask_login import current_user

from germplasm.extensions import db, login_manager


def is_staff() -> bool:
    """Staff and above see restricted accessions and exact coordinates of wild material."""
    return bool(getattr(current_user, "is_staff", False))


def role_required(role: str):
    """Send anonymous visitors to the login page; refuse logged-in users below `role`."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def load_user(session_id: str):
    """The user of a session cookie ("id.session_version"), or None once that session was
    revoked (logout, a new password or role) or the id is malformed."""
    from germplasm.accounts.models import User

    number, _, version = session_id.partition(".")
    if not (number.isascii() and number.isdigit() and version.isascii() and version.isdigit()):
        return None
    user = db.session.get(User, int(number)) if int(number) < 2**31 else None
    if user is None or str(user.session_version) != version or not user.active:
        return None
    return user
