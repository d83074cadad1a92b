"""Lots and plants as a caller may see them: `scope` is a condition on Accession (None: all),
as germplasm.sharing.access gives it."""
from sqlalchemy import func, select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.inventory.models import Lot, Plant


def _of_visible_accessions(model, scope, accenumb: str | None):
    query = select(model).join(Accession, Accession.id == model.accession_id)
    if scope is not None:
        query = query.where(scope)
    if accenumb:
        query = query.where(Accession.accenumb == accenumb)
    return query


def lot_query(scope, accenumb: str | None = None, material: str | None = None,
              available: bool | None = None):
    query = _of_visible_accessions(Lot, scope, accenumb)
    if material:
        query = query.where(Lot.material == material)
    spare = Lot.on_hand_milli - Lot.reserved_milli - Lot.critical_milli
    if available is True:
        query = query.where(Lot.distributable.is_(True), spare > 0)
    elif available is False:
        query = query.where((Lot.distributable.is_(False)) | (spare <= 0))
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
