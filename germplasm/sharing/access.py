"""What a caller of /api/v1 may see, as conditions on Accession that the queries apply: the
same rules as the pages and their exports (restricted accessions for staff and above; wild
collecting sites exact for them, rounded to 0.1° for everyone else)."""
from sqlalchemy import ColumnElement

from germplasm.accessions.models import Accession
from germplasm.accounts.permissions import is_staff


def public_scope() -> ColumnElement:
    """What anonymous visitors and researchers see (also `germplasm export ... --public`)."""
    return Accession.restricted.is_(False)


def accession_scope() -> ColumnElement | None:
    """The current caller's accessions; None: all of them."""
    return None if is_staff() else public_scope()


def rounds_wild_sites() -> bool:
    return not is_staff()


def feed_scope():
    """Whose changes the feed shows the caller: True (all), False (public records only)."""
    return is_staff()
