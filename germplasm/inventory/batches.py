"""Propagation batches: the service every door (CLI, web page, demo) writes them through.

Counts only move forward (see germplasm.inventory.batch_models): survivors only go down,
losses, ready and dispatched plants only go up. Plants that become ready enter the batch's
seedling lot through the ledger (a `propagate` entry), so requests can draw on them; plants
dispatched from the batch leave that lot by a `ship` entry. The year's figure of seedlings
raised is the sum of the ready counts moved that year."""
from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select

from germplasm import locking
from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.inventory import ledger, lots
from germplasm.inventory.batch_models import METHODS, STAGES, BatchCount, PropagationBatch
from germplasm.inventory.quantities import MILLI, FieldProblem

DEFAULT_PLAN = 50_000  # seedlings a year, the nursery's plan
MOST = 1_000_000  # plants in one batch; more is a typing error


class BatchProblem(FieldProblem):
    """A batch or a count that cannot be stored as given; `field` names the culprit."""


@dataclass
class BatchFields:
    method: str
    started_on: date
    started: int
    rootstock: str | None = None  # an accession number of the catalogue, or free text
    notes: str | None = None
    batch_number: str | None = None  # None: the next PB<year>-<nnnn>


def get(batch_number: str) -> PropagationBatch | None:
    return db.session.scalar(select(PropagationBatch)
                             .where(PropagationBatch.batch_number == batch_number))


def accession_of(accenumb: str, instcode: str | None = None) -> Accession:
    """The accession of that number (and institute): one, or BatchProblem."""
    query = select(Accession).where(Accession.accenumb == (accenumb or "").strip())
    if instcode:
        query = query.where(Accession.instcode == instcode)
    found = list(db.session.scalars(query.limit(2)))
    if not found:
        raise BatchProblem("accenumb", f"no accession {accenumb} in the catalogue")
    if len(found) > 1:
        raise BatchProblem("instcode", f"{accenumb} is held by several institutes: name one")
    return found[0]


def next_number(year: int) -> str:
    prefix = f"PB{year}-"
    taken = db.session.scalars(select(PropagationBatch.batch_number)
                               .where(PropagationBatch.batch_number.startswith(prefix)))
    numbers = [int(n[len(prefix):]) for n in taken if n[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def create(accession_id: int, fields: BatchFields, *, actor: str) -> PropagationBatch:
    """A new batch of `started` plants; its start is the first entry of its history."""
    number = _number(fields)
    if fields.method not in METHODS:
        raise BatchProblem("method", f"one of {', '.join(METHODS)}, not {fields.method!r}")
    if not isinstance(fields.started, int) or not 0 < fields.started <= MOST:
        raise BatchProblem("started", f"the number started is a whole number from 1 to {MOST}")
    if fields.started_on is None or fields.started_on > date.today():
        raise BatchProblem("started_on", "the day the batch was started (not in the future)")
    batch = PropagationBatch(
        batch_number=number, accession_id=accession_id, method=fields.method,
        started_on=fields.started_on, started=fields.started, surviving=fields.started,
        ready=0, dispatched=0, lost=0, notes=(fields.notes or "").strip() or None,
        **_rootstock(fields.method, fields.rootstock))
    db.session.add(batch)
    db.session.flush()
    _history(batch, dict.fromkeys(STAGES, 0), fields.started_on, actor, None)
    return batch


def record_counts(batch: PropagationBatch, *, actor: str, counted_on: date | None = None,
                  surviving: int | None = None, ready: int | None = None,
                  dispatched: int | None = None, lost: int | None = None,
                  note: str | None = None) -> BatchCount | None:
    """A count in the nursery: the new totals (None: unchanged). Refused with BatchProblem
    naming the field when any count would move backwards; None when nothing changed."""
    locking.take_write_lock()  # SQLite: wait for another writer now, not fail mid-way
    # PostgreSQL: one counter at a time; the counts are read again once the row is ours.
    db.session.execute(select(PropagationBatch.id).where(PropagationBatch.id == batch.id)
                       .with_for_update())
    db.session.refresh(batch)
    before = batch.counts()
    after = _forward(before, surviving, ready, dispatched, lost)
    if after == before:
        return None
    counted_on = counted_on or date.today()
    _check_day(batch, counted_on)
    with db.session.begin_nested():  # the lot and the batch move together or not at all
        _move_stock(batch, before, after, actor)
        for stage in STAGES:
            setattr(batch, stage, after[stage])
        db.session.flush()
        return _history(batch, before, counted_on, actor, note)


def _forward(before: dict, surviving, ready, dispatched, lost) -> dict:
    """The new counts, or BatchProblem for the first one that would go backwards."""
    started = before["started"]
    for name, value in (("surviving", surviving), ("ready", ready),
                        ("dispatched", dispatched), ("lost", lost)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise BatchProblem(name, f"{name} is a whole number of plants, not {value!r}")
    if surviving is not None and lost is not None and surviving + lost != started:
        raise BatchProblem("lost", f"surviving ({surviving}) and lost ({lost}) must add up to "
                           f"the {started} started")
    if surviving is None:
        surviving = started - lost if lost is not None else before["surviving"]
    lost = started - surviving
    after = {"started": started, "surviving": surviving, "lost": lost,
             "ready": before["ready"] if ready is None else ready,
             "dispatched": before["dispatched"] if dispatched is None else dispatched}
    if after["surviving"] > before["surviving"]:
        raise BatchProblem("surviving", f"surviving can only go down: {before['surviving']} "
                           f"survive, not {after['surviving']} (lost plants do not come back)")
    if after["ready"] < before["ready"]:
        raise BatchProblem("ready", f"ready can only go up: {before['ready']} plants are in "
                           f"the seedling lot already, not {after['ready']}")
    if after["dispatched"] < before["dispatched"]:
        raise BatchProblem("dispatched", f"dispatched can only go up: {before['dispatched']} "
                           f"left already, not {after['dispatched']}")
    if after["ready"] > after["surviving"]:
        field = "ready" if after["ready"] != before["ready"] else "surviving"
        raise BatchProblem(field, f"ready ({after['ready']}) cannot exceed surviving "
                           f"({after['surviving']}); ready plants that die are a loss of "
                           "the seedling lot, recorded in its ledger")
    if after["dispatched"] > after["ready"]:
        raise BatchProblem("dispatched", f"dispatched ({after['dispatched']}) cannot exceed "
                           f"ready ({after['ready']})")
    return after


def _check_day(batch: PropagationBatch, day: date) -> None:
    last = db.session.scalar(select(BatchCount.counted_on).where(BatchCount.batch_id == batch.id)
                             .order_by(BatchCount.id.desc()).limit(1))
    if day > date.today():
        raise BatchProblem("counted_on", "a count cannot be dated in the future")
    if day < batch.started_on or (last and day < last):
        raise BatchProblem("counted_on", f"a count cannot be dated before the batch's last "
                           f"count or its start ({max(filter(None, (last, batch.started_on)))})")


def _move_stock(batch: PropagationBatch, before: dict, after: dict, actor: str) -> None:
    newly_ready = after["ready"] - before["ready"]
    leaving = after["dispatched"] - before["dispatched"]
    if newly_ready:
        lot = batch.lot or _seedling_lot(batch, actor)
        ledger.record(lot, "propagate", actor=actor, on_hand=newly_ready * MILLI,
                      note=f"batch {batch.batch_number}: {newly_ready} ready",
                      key=f"batch {batch.batch_number} ready {after['ready']}")
    if leaving:
        try:
            ledger.record(batch.lot, "ship", actor=actor, on_hand=-leaving * MILLI,
                          note=f"batch {batch.batch_number}: {leaving} dispatched",
                          key=f"batch {batch.batch_number} dispatched {after['dispatched']}")
        except ledger.LedgerProblem:
            raise BatchProblem("dispatched", f"lot {batch.lot.lot_number} has not {leaving} "
                               "unreserved plants on hand to dispatch") from None


def note_shipped(lot, plants: int, *, actor: str, shipped_on: date, note: str) -> None:
    """Plants of a batch's seedling lot sent with a material request (the shipment made the
    ledger entry): the batch's dispatched count follows, with a line in its history."""
    batch = db.session.scalar(select(PropagationBatch).where(PropagationBatch.lot_id == lot.id))
    if batch is None:
        return
    before = batch.counts()
    dispatched = min(before["ready"], before["dispatched"] + plants)
    if dispatched != before["dispatched"]:
        batch.dispatched = dispatched
        db.session.flush()
        _history(batch, before, shipped_on, actor, note)


def _seedling_lot(batch: PropagationBatch, actor: str):
    """The batch's lot of seedlings, numbered like the batch, distributable."""
    fields = lots.LotFields("seedling", "plant", distributable=True,
                            notes=f"seedlings of propagation batch {batch.batch_number}")
    try:
        lot = lots.create(batch.accession_id, batch.batch_number, fields, actor=actor)
    except lots.LotProblem as problem:
        raise BatchProblem("batch_number", str(problem)) from None
    batch.lot_id = lot.id
    batch.lot = lot
    return lot


def _history(batch: PropagationBatch, before: dict, counted_on: date, actor: str,
             note: str | None) -> BatchCount:
    values = {}
    for stage in STAGES:
        values[f"{stage}_from"], values[f"{stage}_to"] = before[stage], getattr(batch, stage)
    entry = BatchCount(batch_id=batch.id, counted_on=counted_on, actor=actor,
                       note=(note or "").strip() or None, **values)
    db.session.add(entry)
    db.session.flush()
    return entry


def _number(fields: BatchFields) -> str:
    number = (fields.batch_number or "").strip() or next_number(
        (fields.started_on or date.today()).year)
    if len(number) > 40 or "/" in number or len(number.split()) != 1:
        raise BatchProblem("batch_number", "a batch number has at most 40 characters, "
                           "without spaces or slashes")
    if get(number) is not None:
        raise BatchProblem("batch_number", f"batch {number} exists already")
    if lots.get(number) is not None:  # its seedling lot will bear the batch's number
        raise BatchProblem("batch_number", f"lot {number} exists already; choose another "
                           "batch number")
    return number


def _rootstock(method: str, text: str | None) -> dict:
    """An accession number of the catalogue becomes a link; anything else stays as text."""
    text = (text or "").strip()
    if not text:
        return {}
    if method == "sowing":
        raise BatchProblem("rootstock", "sown seedlings grow on their own roots: no rootstock")
    if len(text) > 200:
        raise BatchProblem("rootstock", "at most 200 characters")
    found = db.session.scalars(select(Accession.id).where(Accession.accenumb == text)
                               .limit(2)).all()
    if len(found) == 1:
        return {"rootstock_accession_id": found[0]}
    return {"rootstock_text": text}


def plan() -> int:
    return int(current_app.config.get("GERMPLASM_SEEDLING_PLAN", DEFAULT_PLAN))
