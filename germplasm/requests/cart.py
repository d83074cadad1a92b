"""The request cart of a signed-in user: what they mean to ask for, with what is available
now and when the season window opens for what is not."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.accessions.visibility import Scope, may_see
from germplasm.extensions import db
from germplasm.inventory.lots import available_milli, in_season
from germplasm.inventory.models import MATERIAL_UNITS, Lot
from germplasm.inventory.quantities import QuantityProblem, to_milli
from germplasm.requests.models import CartItem
from germplasm.requests.problems import RequestProblem
from germplasm.requests.submission import Ask


@dataclass(frozen=True)
class Availability:
    now_milli: int  # available in distributable, healthy, unexpired lots in season today
    later_milli: int  # the same, but out of season today
    opens: str | None  # MM-DD the earliest out-of-season window opens


def items(user_id: int) -> list[CartItem]:
    return list(db.session.scalars(select(CartItem).where(CartItem.user_id == user_id)
                                   .order_by(CartItem.id)))


def put(user_id: int, accession: Accession, material: str, quantity, scope: Scope) -> CartItem:
    """Add to the cart, or set the quantity of what is there already."""
    if not may_see(accession.restricted, accession.instcode, scope):
        raise RequestProblem("accession", "there is no such accession")
    if material not in MATERIAL_UNITS:
        raise RequestProblem("material", f"one of {', '.join(MATERIAL_UNITS)}")
    try:
        milli = to_milli(quantity, MATERIAL_UNITS[material][0])
    except QuantityProblem as problem:
        raise RequestProblem("quantity", str(problem), code="bad_quantity",
                             unit=MATERIAL_UNITS[material][0]) from None
    if milli <= 0:
        raise RequestProblem("quantity", "ask for more than nothing", code="bad_quantity",
                             unit=MATERIAL_UNITS[material][0])
    item = db.session.scalar(select(CartItem).where(
        CartItem.user_id == user_id, CartItem.accession_id == accession.id,
        CartItem.material == material))
    if item is None:
        item = CartItem(user_id=user_id, accession_id=accession.id, material=material)
        db.session.add(item)
    item.quantity_milli = milli
    db.session.flush()
    return item


def put_many(user_id: int, accessions: list[Accession], material: str, quantity,
             scope: Scope) -> int:
    """Puts each accession in the cart (a list, a search's ticked rows); all or nothing, as
    the caller rolls back on the first refusal."""
    for accession in accessions:
        put(user_id, accession, material, quantity, scope)
    return len(accessions)


def remove(user_id: int, item_id: int) -> None:
    item = db.session.get(CartItem, item_id)
    if item is not None and item.user_id == user_id:
        db.session.delete(item)
        db.session.flush()


def empty(user_id: int) -> None:
    for item in items(user_id):
        db.session.delete(item)
    db.session.flush()


def as_asks(user_id: int) -> list[Ask]:
    from germplasm.inventory.quantities import from_milli

    return [Ask(accenumb=i.accession.accenumb, instcode=i.accession.instcode,
                material=i.material, quantity=from_milli(i.quantity_milli))
            for i in items(user_id)]


def availability(accession_id: int, material: str, today: date | None = None) -> Availability:
    today = today or date.today()
    lots = db.session.scalars(select(Lot).where(
        Lot.accession_id == accession_id, Lot.material == material,
        Lot.distributable.is_(True), Lot.health_status != "infected")).all()
    usable = [lot for lot in lots if not (lot.expires_on and lot.expires_on < today)]
    now = [lot for lot in usable if in_season(lot, today)]
    later = [lot for lot in usable if not in_season(lot, today)]
    opens = sorted(lot.available_from for lot in later if lot.available_from)
    return Availability(sum(map(available_milli, now)), sum(map(available_milli, later)),
                        _next_opening(opens, today))


def _next_opening(days: list[str], today: date) -> str | None:
    """The first MM-DD after today among `days` (wrapping into next year)."""
    mmdd = f"{today.month:02d}-{today.day:02d}"
    upcoming = [d for d in days if d > mmdd] or days
    return upcoming[0] if upcoming else None
