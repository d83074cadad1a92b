"""The one door through which a lot's stock changes: an entry in the append-only ledger and,
in the same statement's transaction, the lot's cached balances. The balances move by a
single conditional UPDATE, so concurrent writers can never take a lot below nothing nor
reserve more than it holds (PostgreSQL re-checks the condition on the row a concurrent
writer committed; SQLite has one writer at a time)."""
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from germplasm import locking
from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.feed import outbox
from germplasm.inventory.models import KINDS, Lot, LotTransaction

# What each kind of entry may do: (on-hand sign, reserved sign); 0 must be zero, "+"/"-"
# strictly that sign, "~" anything (but not both zero), "-<" not above zero.
SIGNS = {
    "harvest": ("+", "0"), "propagate": ("~", "0"), "transfer": ("~", "0"),
    "reserve": ("0", "+"), "release": ("0", "-"), "ship": ("-", "-<"), "loss": ("-", "0"),
    "adjust": ("~", "0"), "correction": ("~", "~"),
}


class LedgerProblem(ValueError):
    """An entry the ledger refuses; `field` names what is wrong."""

    def __init__(self, message: str, field: str = "quantity"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Entry:
    transaction: LotTransaction
    created: bool  # False: the idempotency key had been used for this very entry before


def record(lot: Lot, kind: str, *, actor: str, on_hand: int = 0, reserved: int = 0,
           note: str | None = None, key: str | None = None, request_item_id: int | None = None,
           plant_id: int | None = None, other_lot_id: int | None = None) -> Entry:
    """Add one entry (quantities in thousandths) and move the lot's balances by it.
    Repeating a key returns the first entry and changes nothing."""
    _check_signs(kind, on_hand, reserved)
    locking.take_write_lock()  # SQLite: wait for another writer now, not fail mid-way
    if key and (earlier := _by_key(key)) is not None:
        return Entry(_same(earlier, lot, kind, on_hand, reserved), False)
    entry = LotTransaction(lot_id=lot.id, kind=kind, on_hand_milli=on_hand,
                           reserved_milli=reserved, actor=actor, note=note,
                           idempotency_key=key, request_item_id=request_item_id,
                           plant_id=plant_id, other_lot_id=other_lot_id, at=utcnow())
    try:
        with db.session.begin_nested():
            db.session.add(entry)
            db.session.flush()
            _move(lot, kind, on_hand, reserved)
    except IntegrityError:
        earlier = _by_key(key) if key else None
        if earlier is None:
            raise
        return Entry(_same(earlier, lot, kind, on_hand, reserved), False)
    db.session.expire(lot, ["on_hand_milli", "reserved_milli", "updated_at"])
    outbox.note_linked("lot", lot.lot_number, lot.accession_id)
    return Entry(entry, True)


def transfer(source: Lot, target: Lot, quantity: int, *, actor: str, note: str | None = None,
             key: str | None = None) -> None:
    """Move stock from one lot to another of the same accession and unit: two entries,
    each naming the other lot."""
    if (source.accession_id, source.unit) != (target.accession_id, target.unit) or \
            source.id == target.id:
        raise LedgerProblem("a transfer is between two lots of one accession and unit", "lot")
    if quantity <= 0:
        raise LedgerProblem("a transfer moves a positive quantity")
    record(source, "transfer", actor=actor, on_hand=-quantity, note=note,
           key=key and f"{key}:out", other_lot_id=target.id)
    record(target, "transfer", actor=actor, on_hand=quantity, note=note,
           key=key and f"{key}:in", other_lot_id=source.id)


def harvest(tree, lot: Lot, quantity: int, *, actor: str, note: str | None = None,
            key: str | None = None) -> Entry:
    """Scions, budwood or pollen cut from a tree into a lot of its accession."""
    if tree.accession_id != lot.accession_id:
        raise LedgerProblem("a tree's harvest goes into a lot of its own accession", "lot")
    return record(lot, "harvest", actor=actor, on_hand=quantity, note=note, key=key,
                  plant_id=tree.id)


def _check_signs(kind: str, on_hand: int, reserved: int) -> None:
    if kind not in KINDS:
        raise LedgerProblem(f"unknown kind {kind!r}; one of {', '.join(KINDS)}", "kind")
    if on_hand == 0 and reserved == 0:
        raise LedgerProblem("an entry must change the quantity on hand or reserved")
    for value, sign, name in zip((on_hand, reserved), SIGNS[kind], ("on hand", "reserved"),
                                 strict=True):
        wrong = {"0": value != 0, "+": value <= 0, "-": value >= 0, "-<": value > 0,
                 "~": False}[sign]
        if wrong:
            raise LedgerProblem(f"a {kind} entry cannot change the quantity {name} by that")
    if kind == "ship" and -reserved > -on_hand:
        raise LedgerProblem("a shipment cannot release more reserved stock than it sends")


def _move(lot: Lot, kind: str, on_hand: int, reserved: int) -> None:
    new_on_hand = Lot.on_hand_milli + on_hand
    new_reserved = Lot.reserved_milli + reserved
    # A reservation never reaches into the critical quantity; nothing goes below zero.
    ceiling = new_on_hand - Lot.critical_milli if kind == "reserve" else new_on_hand
    result = db.session.execute(
        update(Lot)
        .where(Lot.id == lot.id, new_on_hand >= 0, new_reserved >= 0, new_reserved <= ceiling)
        .values(on_hand_milli=new_on_hand, reserved_milli=new_reserved, updated_at=utcnow())
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise LedgerProblem(_refusal(lot, kind))


def _refusal(lot: Lot, kind: str) -> str:
    if kind == "reserve":
        return (f"lot {lot.lot_number} has not enough available to reserve that "
                "(on hand less reserved and the critical quantity)")
    return (f"lot {lot.lot_number} cannot go below nothing on hand, nor hold more reserved "
            "than on hand")


def _by_key(key: str) -> LotTransaction | None:
    return db.session.scalar(select(LotTransaction).where(LotTransaction.idempotency_key == key))


def _same(earlier: LotTransaction, lot: Lot, kind: str, on_hand: int, reserved: int):
    if (earlier.lot_id, earlier.kind, earlier.on_hand_milli, earlier.reserved_milli) != (
            lot.id, kind, on_hand, reserved):
        raise LedgerProblem(f"idempotency key {earlier.idempotency_key!r} was used for "
                            "another entry", "idempotency_key")
    return earlier


def sums(lot_ids=None):
    """{lot id: (on hand, reserved)} as the ledger adds them up."""
    query = select(LotTransaction.lot_id, func.coalesce(func.sum(LotTransaction.on_hand_milli), 0),
                   func.coalesce(func.sum(LotTransaction.reserved_milli), 0)
                   ).group_by(LotTransaction.lot_id)
    if lot_ids is not None:
        query = query.where(LotTransaction.lot_id.in_(list(lot_ids)))
    return {lot_id: (int(h), int(r)) for lot_id, h, r in db.session.execute(query)}


@dataclass(frozen=True)
class Difference:
    lot_number: str
    cached: tuple[int, int]
    ledger: tuple[int, int]


def differences() -> list[Difference]:
    """Every lot whose cached on-hand or reserved differ from its ledger's sums."""
    totals = sums()
    rows = db.session.execute(select(Lot.id, Lot.lot_number, Lot.on_hand_milli,
                                     Lot.reserved_milli).order_by(Lot.lot_number))
    found = []
    for lot_id, number, on_hand, reserved in rows:
        ledger = totals.get(lot_id, (0, 0))
        if (on_hand, reserved) != ledger:
            found.append(Difference(number, (on_hand, reserved), ledger))
    return found


def entries(lot: Lot) -> list[LotTransaction]:
    return list(db.session.scalars(select(LotTransaction).where(LotTransaction.lot_id == lot.id)
                                   .order_by(LotTransaction.id)))
