"""Lots and plants as a caller may see them: `scope` is a condition on Accession (None: all),
as germplasm.sharing.access gives it."""
from datetime import date

from sqlalchemy import and_, func, not_, or_, select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.inventory.models import Lot, LotTransaction, Plant
from germplasm.inventory.seasons import in_window_sql


def _of_visible_accessions(model, scope, accenumb: str | None):
    query = select(model).join(Accession, Accession.id == model.accession_id)
    if scope is not None:
        query = query.where(scope)
    if accenumb:
        query = query.where(Accession.accenumb == accenumb)
    return query


def distributable_on(day: date):
    """A lot that can be sent on `day`: distributable, something available (on hand less
    reserved less the critical quantity), not expired, and in its season window."""
    spare = Lot.on_hand_milli - Lot.reserved_milli - Lot.critical_milli
    return and_(Lot.distributable.is_(True), spare > 0,
                or_(Lot.expires_on.is_(None), Lot.expires_on >= day),
                in_window_sql(Lot.available_from, Lot.available_to, day))


def lot_query(scope, accenumb: str | None = None, material: str | None = None,
              available: bool | None = None, day: date | None = None):
    query = _of_visible_accessions(Lot, scope, accenumb)
    if material:
        query = query.where(Lot.material == material)
    if available is not None:
        sendable = distributable_on(day or date.today())
        query = query.where(sendable if available else not_(sendable))
    return query


def plant_query(scope, accenumb: str | None = None, status: str | None = None):
    query = _of_visible_accessions(Plant, scope, accenumb)
    if status:
        query = query.where(Plant.status == status)
    return query


def page(query, order, page: int, per_page: int) -> tuple[int, list]:
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.scalars(query.order_by(*order).limit(per_page)
                              .offset((page - 1) * per_page)).all()
    return total, rows


def visible_lot(lot_number: str, scope) -> Lot | None:
    return db.session.scalar(lot_query(scope).where(Lot.lot_number == lot_number))


def ledger_query(lot: Lot):
    return select(LotTransaction).where(LotTransaction.lot_id == lot.id)


def newest_entries(lot: Lot, limit: int) -> tuple[list[LotTransaction], int]:
    """The newest `limit` ledger entries, oldest first, and how many the lot has in all."""
    total, rows = page(ledger_query(lot), (LotTransaction.id.desc(),), 1, limit)
    return list(reversed(rows)), total
