"""Which accessions a caller may see, as one value: a visibility scope.

    True                 staff and above: every accession, exact collecting sites
    False                the public and researchers: unrestricted accessions, wild
                         collecting sites rounded to 0.1°
    frozenset(INSTCODEs) a partner: the unrestricted accessions and those institutes'
                         restricted ones, with exact sites for those institutes' accessions

germplasm.accounts.permissions.restricted_scope() gives the current user's scope; the
queries here, the search snapshot's mask and the coordinate rule all take it, so pages,
exports and the API apply one rule.
"""
from sqlalchemy import or_

from germplasm.accessions.models import Accession

Scope = bool | frozenset  # frozenset of INSTCODEs


def institutes(scope: Scope) -> frozenset:
    """The institutes a partner's scope opens (none for True or False)."""
    return frozenset(scope) if isinstance(scope, (set, frozenset)) else frozenset()


def sees_all(scope: Scope) -> bool:
    return not isinstance(scope, (set, frozenset)) and bool(scope)


def may_see(restricted: bool, instcode: str | None, scope: Scope) -> bool:
    return not restricted or sees_all(scope) or instcode in institutes(scope)


def exact_sites(instcode: str | None, scope: Scope) -> bool:
    """Whether an accession of this institute is shown with its exact collecting site."""
    return sees_all(scope) or instcode in institutes(scope)


def visible_clause(scope: Scope):
    """The SQL condition on Accession for this scope (None: no condition)."""
    if sees_all(scope):
        return None
    public = Accession.restricted.is_(False)
    opened = institutes(scope)
    return or_(public, Accession.instcode.in_(sorted(opened))) if opened else public
