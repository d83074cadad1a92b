"""Serving a request's items from lots: the curator chooses a lot (the system proposes the
best one), and the stock is reserved through the ledger's single conditional update, so any
number of concurrent allocations against one lot never reserve more than it has available."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from germplasm.extensions import db
from germplasm.inventory import ledger
from germplasm.inventory.lots import available_milli, in_season
from germplasm.inventory.models import Lot
from germplasm.inventory.quantities import QuantityProblem, as_number, to_milli
from germplasm.requests import states
from germplasm.requests.models import Allocation, MaterialRequest, RequestItem
from germplasm.requests.problems import Conflict, RequestProblem


@dataclass(frozen=True)
class Allocated:
    allocation: Allocation
    created: bool  # False: a retry with the same idempotency key found the first one


def item_of(request: MaterialRequest, item_id) -> RequestItem:
    for item in request.items:
        if item.id == item_id:
            return item
    raise RequestProblem("item", f"request {request.number} has no item {item_id}")


def allocate(request: MaterialRequest, item: RequestItem, lot_number: str, quantity, *,
             actor: str, key: str | None = None, today: date | None = None) -> Allocated:
    """Reserve `quantity` of `lot_number` for `item`, or raise Conflict saying why not."""
    if key and (earlier := _by_key(key)) is not None:
        return Allocated(_same(earlier, item, lot_number, quantity), False)
    if request.status not in states.ALLOCATING:
        raise Conflict("status", f"a request that is {request.status} cannot be allocated "
                       f"(only while {', '.join(states.ALLOCATING)})", "not_allocating",
                       state=request.status)
    lot = _lot(lot_number, item)
    milli = _quantity(quantity, item)
    refuse_unfit(lot, today or date.today())
    allocation = Allocation(item_id=item.id, lot_id=lot.id, quantity_milli=milli,
                            status="reserved", actor=actor, idempotency_key=key)
    try:
        with db.session.begin_nested():
            db.session.add(allocation)
            db.session.flush()
            ledger.record(lot, "reserve", actor=actor, reserved=milli,
                          request_item_id=item.id, key=f"allocation:{allocation.id}:reserve",
                          note=f"request {request.number}")
    except ledger.LedgerProblem as problem:
        raise Conflict("quantity", str(problem), "not_enough", lot=lot.lot_number) from None
    except IntegrityError:  # a concurrent retry with the same key got there first
        if not key or (earlier := _by_key(key)) is None:
            raise
        return Allocated(_same(earlier, item, lot_number, quantity), False)
    item.allocations.append(allocation)
    return Allocated(allocation, True)


def release(allocation: Allocation, *, actor: str, note: str | None = None) -> None:
    """Give a reservation back to its lot."""
    if allocation.status != "reserved":
        raise Conflict("allocation", f"allocation {allocation.id} is {allocation.status}")
    ledger.record(allocation.lot, "release", actor=actor, reserved=-allocation.quantity_milli,
                  request_item_id=allocation.item_id, note=note,
                  key=f"allocation:{allocation.id}:release")
    allocation.status = "released"
    db.session.flush()


def refuse_unfit(lot: Lot, today: date) -> None:
    """Conflict when the lot may not be sent now, whatever the quantity."""
    if not lot.distributable:
        raise Conflict("lot", f"lot {lot.lot_number} is not distributable", "not_distributable",
                       lot=lot.lot_number)
    if lot.expires_on and lot.expires_on < today:
        raise Conflict("lot", f"lot {lot.lot_number} expired on {lot.expires_on}", "expired",
                       lot=lot.lot_number, day=lot.expires_on.isoformat())
    if lot.health_status == "infected":
        raise Conflict("lot", f"lot {lot.lot_number} failed its health test", "infected",
                       lot=lot.lot_number)
    if not in_season(lot, today):
        raise Conflict("lot", f"lot {lot.lot_number} is distributed only from "
                       f"{lot.available_from} to {lot.available_to}",
                       "out_of_season", lot=lot.lot_number, start=lot.available_from,
                       end=lot.available_to)


def proposals(item: RequestItem, today: date | None = None) -> list[Lot]:
    """The item's accession's lots of its material that could serve it now, best first:
    enough available for what is still unallocated, then the most available."""
    today = today or date.today()
    lots = db.session.scalars(select(Lot).where(
        Lot.accession_id == item.accession_id, Lot.material == item.material,
        Lot.unit == item.unit)).all()
    fit = [lot for lot in lots if _fits(lot, today)]
    missing = outstanding_milli(item)
    return sorted(fit, key=lambda lot: (available_milli(lot) < missing, -available_milli(lot),
                                        lot.lot_number))


def outstanding_milli(item: RequestItem) -> int:
    """What is asked for and not yet reserved or shipped."""
    return max(0, item.quantity_milli - item.milli_in("reserved") - item.milli_in("shipped"))


def _fits(lot: Lot, today: date) -> bool:
    try:
        refuse_unfit(lot, today)
    except Conflict:
        return False
    return available_milli(lot) > 0


def _lot(lot_number: str, item: RequestItem) -> Lot:
    lot = db.session.scalar(select(Lot).where(Lot.lot_number == (lot_number or "").strip()))
    if lot is None:
        raise RequestProblem("lot", f"there is no lot {lot_number!r}")
    if lot.accession_id != item.accession_id or lot.material != item.material:
        raise RequestProblem("lot", f"lot {lot.lot_number} holds {lot.material} of "
                             f"{lot.accession.accenumb}, not what item {item.id} asks for")
    if lot.unit != item.unit:
        raise RequestProblem("lot", f"lot {lot.lot_number} is counted in {lot.unit}, the item "
                             f"in {item.unit}")
    return lot


def _quantity(quantity, item: RequestItem) -> int:
    try:
        milli = to_milli(quantity, item.unit)
    except QuantityProblem as problem:
        raise RequestProblem("quantity", str(problem), code="bad_quantity",
                             unit=item.unit) from None
    if milli <= 0:
        raise RequestProblem("quantity", "allocate more than nothing", code="bad_quantity",
                             unit=item.unit)
    if milli > outstanding_milli(item):
        raise Conflict("quantity", f"item {item.id} still needs "
                       f"{as_number(outstanding_milli(item))} {item.unit}, not more",
                       "more_than_needed", needed=str(as_number(outstanding_milli(item))),
                       unit=item.unit)
    return milli


def _by_key(key: str) -> Allocation | None:
    return db.session.scalar(select(Allocation).where(Allocation.idempotency_key == key))


def _same(earlier: Allocation, item: RequestItem, lot_number: str, quantity) -> Allocation:
    try:
        milli = to_milli(quantity, item.unit)
    except QuantityProblem:
        milli = None
    if (earlier.item_id, earlier.lot.lot_number, earlier.quantity_milli) != (
            item.id, lot_number, milli):
        raise RequestProblem("idempotency_key", "this idempotency key was used for another "
                             "allocation")
    return earlier
