"""Deleting an accession: the one door the admin (and any other face) goes through.

Its trees and lots are not deleted with it: the lot ledger is append-only, and a tree's
record is the collection's history. An accession that still has any (or is the rootstock of
a tree) is refused with a message that says how many, never a database error."""
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from germplasm.accessions.models import Accession
from germplasm.accessions.services import PassportProblem, lock_current
from germplasm.audit import services as audit
from germplasm.extensions import db
from search.messages import gettext as _
from search.state import mark_changed


class AccessionInUse(PassportProblem):
    """The accession still has trees or lots (or stands as a tree's rootstock)."""


def holdings(accession_id: int) -> tuple[int, int, int]:
    """(its trees, its lots, trees grafted on it as rootstock): removed trees count too."""
    from germplasm.inventory.models import Lot, Plant

    def count(column) -> int:
        return db.session.scalar(select(func.count()).where(column == accession_id)) or 0

    return (count(Plant.accession_id), count(Lot.accession_id),
            count(Plant.rootstock_accession_id))


def delete_accession(accession: Accession, user: str, source: str = "admin") -> None:
    """Audited; the search index and the change feed drop it after the commit."""
    lock_current(accession)
    trees, lots, grafted = holdings(accession.id)
    if trees or lots:
        raise AccessionInUse({"": [_(
            "%(accenumb)s has %(trees)s trees and %(lots)s lots in the living collection: "
            "remove its trees and lots first (their records and the lot ledger are kept, so "
            "the accession cannot be deleted while it has any)",
            accenumb=accession.accenumb, trees=trees, lots=lots)]})
    if grafted:
        raise AccessionInUse({"": [_(
            "%(accenumb)s is the rootstock of %(n)s trees: change their rootstock first",
            accenumb=accession.accenumb, n=grafted)]})
    audit.record(user, "accession", accession.id, "delete", accession_id=accession.id,
                 old=accession.accenumb, source=source)
    mark_changed([accession.id])  # after the commit the index drops the deleted document
    try:
        with db.session.begin_nested():
            db.session.delete(accession)
            db.session.flush()
    except IntegrityError:  # another record still names it (a material request's item)
        raise AccessionInUse({"": [_(
            "%(accenumb)s is still referred to by other records (material requests, for "
            "example); it cannot be deleted", accenumb=accession.accenumb)]}) from None
