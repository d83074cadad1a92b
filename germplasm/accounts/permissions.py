"""What the current user may see; anonymous visitors are the public."""
from flask_login import current_user


def is_staff() -> bool:
    """Staff and above see restricted accessions and exact coordinates of wild material."""
    return bool(getattr(current_user, "is_staff", False))


def load_user(_user_id: str):
    """No accounts table exists yet (issue 5 adds users and roles): everyone is public."""
    return None
