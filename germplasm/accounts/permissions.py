"""What the current user may see and do; anonymous visitors are the public."""
from functools import wraps

from flask import abort
from flask_login import current_user

from germplasm.accessions.visibility import Scope, exact_sites
from germplasm.db import is_row_id
from germplasm.extensions import db, login_manager


def is_staff() -> bool:
    """Staff and above: editing, staff pages, and every accession (see restricted_scope)."""
    return bool(getattr(current_user, "is_staff", False))


def restricted_scope() -> Scope:
    """What the current user (or the user of the request's token) may see of restricted
    accessions: True for staff and above (all), a frozenset of INSTCODEs for a partner with
    an institute (that institute's), False for everyone else, a partner without an
    institute included. See germplasm.accessions.visibility."""
    if is_staff():
        return True
    if getattr(current_user, "role", None) == "partner" and current_user.instcode:
        return frozenset({current_user.instcode})
    return False


def exact_coordinates(accession_or_instcode) -> bool:
    """Whether the current user sees this accession's (or an accession of this institute)
    wild collecting site exactly rather than rounded to 0.1°."""
    instcode = getattr(accession_or_instcode, "instcode", accession_or_instcode)
    return exact_sites(instcode, restricted_scope())


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
    user = db.session.get(User, int(number)) if is_row_id(int(number)) else None
    if user is None or str(user.session_version) != version or not user.active:
        return None
    return user
