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


def load_user(user_id: str):
    from germplasm.accounts.models import User

    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
