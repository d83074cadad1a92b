"""What a caller of /api/v1 may see, as conditions on Accession that the queries apply: the
same rules as the pages and their exports (germplasm.accounts.permissions.restricted_scope:
restricted accessions for staff and above, and a partner's own institute's for the partner;
wild collecting sites exact for them, rounded to 0.1° for everyone else)."""
from sqlalchemy import ColumnElement

from germplasm.accessions.visibility import exact_sites, visible_clause
from germplasm.accounts.permissions import restricted_scope


def public_scope() -> ColumnElement:
    """What anonymous visitors and researchers see (also `germplasm export ... --public`)."""
    return visible_clause(False)


def accession_scope() -> ColumnElement | None:
    """The current caller's accessions; None: all of them."""
    return visible_clause(restricted_scope())


def rounds_wild_sites():
    """Whether an accession's wild collecting site is rounded for the caller: a function of
    the accession (a partner sees their own institute's sites exactly)."""
    scope = restricted_scope()
    return lambda accession: not exact_sites(accession.instcode, scope)

