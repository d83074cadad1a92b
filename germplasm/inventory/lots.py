"""Lots of material: the service every door (CLI, imports, API, admin, demo) writes through.
Stock moves only through germplasm.inventory.ledger."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from germplasm.extensions import db
from germplasm.feed import outbox
from germplasm.inventory import ledger
from germplasm.inventory.models import (
    HEALTH,
    MATERIAL_UNITS,
    VIABILITY_METHODS,
    Lot,
    ViabilityTest,
)
from germplasm.inventory.quantities import FieldProblem, QuantityProblem, from_milli, to_milli
from germplasm.inventory.seasons import in_window, parse_mmdd


class LotProblem(FieldProblem):
    """A lot that cannot be stored as given."""


@dataclass
class LotFields:
    """What a lot is, apart from its stock (quantities as written: '12', '0.5')."""

    material: str
    unit: str | None = None
    critical: str | int = 0
    distributable: bool = False
    available_from: str | None = None
    available_to: str | None = None
    expires_on: date | None = None
    location: str | None = None
    health_status: str = "untested"
    notes: str | None = None
    source_plant_id: int | None = None
    parent_lot_id: int | None = None


def get(lot_number: str) -> Lot | None:
    return db.session.scalar(select(Lot).where(Lot.lot_number == lot_number))


def fields_of(lot: Lot) -> LotFields:
    return LotFields(
        material=lot.material, unit=lot.unit, critical=from_milli(lot.critical_milli),
        distributable=lot.distributable, available_from=lot.available_from,
        available_to=lot.available_to, expires_on=lot.expires_on, location=lot.location,
        health_status=lot.health_status, notes=lot.notes,
        source_plant_id=lot.source_plant_id, parent_lot_id=lot.parent_lot_id)


def checked(fields: LotFields) -> dict:
    """The lot's columns, or LotProblem naming the first field that is wrong."""
    if fields.material not in MATERIAL_UNITS:
        raise LotProblem("material", f"unknown material {fields.material!r}; one of "
                         f"{', '.join(MATERIAL_UNITS)}")
    units = MATERIAL_UNITS[fields.material]
    unit = fields.unit or units[0]
    if unit not in units:
        raise LotProblem("unit", f"{fields.material} is counted in {' or '.join(units)}, "
                         f"not {unit!r}")
    if fields.health_status not in HEALTH:
        raise LotProblem("health_status", f"one of {', '.join(HEALTH)}")
    try:
        window = parse_mmdd(fields.available_from), parse_mmdd(fields.available_to)
    except QuantityProblem as problem:
        raise LotProblem("available_from", str(problem)) from None
    if (window[0] is None) != (window[1] is None):
        raise LotProblem("available_to", "give both ends of the availability window or none")
    critical = _milli("critical", fields.critical, unit)
    if critical < 0:
        raise LotProblem("critical", "the critical quantity cannot be negative")
    return {"material": fields.material, "unit": unit, "critical_milli": critical,
            "distributable": fields.distributable, "available_from": window[0],
            "available_to": window[1], "expires_on": fields.expires_on,
            "location": fields.location, "health_status": fields.health_status,
            "notes": fields.notes, "source_plant_id": fields.source_plant_id,
            "parent_lot_id": fields.parent_lot_id}


def create(accession_id: int, lot_number: str, fields: LotFields, *, actor: str,
           quantity: str | int = 0, kind: str = "adjust", note: str | None = None) -> Lot:
    """A new lot; its first stock enters through the ledger (`kind`: adjust or harvest)."""
    lot_number = (lot_number or "").strip()
    if not lot_number or len(lot_number) > 40:
        raise LotProblem("lot_number", "a lot number of 1 to 40 characters is required")
    if get(lot_number) is not None:
        raise LotProblem("lot_number", f"lot {lot_number} exists already")
    values = checked(fields)
    if _milli("quantity", quantity, values["unit"]) < 0:  # refused before anything is added
        raise LotProblem("quantity", "a quantity cannot be negative")
    lot = Lot(lot_number=lot_number, accession_id=accession_id, **values)
    db.session.add(lot)
    db.session.flush()
    count_to(lot, quantity, actor=actor, kind=kind, note=note)
    outbox.note_linked("lot", lot.lot_number, lot.accession_id)
    return lot


def update(lot: Lot, fields: LotFields) -> bool:
    """Change what the lot is (not its stock); True when anything changed."""
    values = checked(fields)
    changed = {k: v for k, v in values.items() if getattr(lot, k) != v}
    if "unit" in changed and (lot.on_hand_milli or lot.reserved_milli):
        raise LotProblem("unit", f"lot {lot.lot_number} holds stock in {lot.unit}; its unit "
                         "cannot change")
    for name, value in changed.items():
        setattr(lot, name, value)
    if changed:
        db.session.flush()
        outbox.note_linked("lot", lot.lot_number, lot.accession_id)
    return bool(changed)


def count_to(lot: Lot, quantity, *, actor: str, kind: str = "adjust",
             note: str | None = None, key: str | None = None) -> bool:
    """A stock count: one ledger entry for the difference to `quantity`; True if any."""
    target = _milli("quantity", quantity, lot.unit)
    if target < 0:
        raise LotProblem("quantity", "a quantity cannot be negative")
    difference = target - lot.on_hand_milli
    if difference == 0:
        return False
    if difference < 0 and kind == "harvest":
        kind = "adjust"
    try:
        ledger.record(lot, kind, actor=actor, on_hand=difference, note=note, key=key)
    except ledger.LedgerProblem as problem:
        raise LotProblem("quantity", str(problem)) from None
    return True


def add_viability_test(lot: Lot, method: str, percent: int, tested_on: date,
                       n: int | None = None) -> ViabilityTest:
    if method not in VIABILITY_METHODS:
        raise LotProblem("method", f"one of {', '.join(VIABILITY_METHODS)}")
    if not isinstance(percent, int) or not 0 <= percent <= 100:
        raise LotProblem("percent", "a whole percentage from 0 to 100")
    if n is not None and n < 1:
        raise LotProblem("n", "the number tested is at least 1")
    test = ViabilityTest(lot_id=lot.id, method=method, percent=percent, n=n,
                         tested_on=tested_on)
    lot.viability_tests.append(test)
    db.session.flush()
    outbox.note_linked("lot", lot.lot_number, lot.accession_id)
    return test


def record_loss(lot: Lot, quantity, *, actor: str, note: str | None = None) -> None:
    """Stock lost (dead, mouldy, eaten): one ledger entry taking `quantity` off hand."""
    lost = _milli("quantity", quantity, lot.unit)
    if lost <= 0:
        raise LotProblem("quantity", "a loss is a positive quantity")
    try:
        ledger.record(lot, "loss", actor=actor, on_hand=-lost, note=note)
    except ledger.LedgerProblem as problem:
        raise LotProblem("quantity", str(problem)) from None


def available_milli(lot: Lot) -> int:
    """What can still be promised: on hand less reserved less the critical quantity."""
    return max(0, lot.on_hand_milli - lot.reserved_milli - lot.critical_milli)


def in_season(lot: Lot, day: date) -> bool:
    return in_window(lot.available_from, lot.available_to, day)


def _milli(field: str, value, unit: str) -> int:
    try:
        return to_milli(value if value not in (None, "") else 0, unit)
    except QuantityProblem as problem:
        raise LotProblem(field, str(problem)) from None
