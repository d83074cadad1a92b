"""Seedling production: propagation batches (grafting or seed sowing) and the history of
their stage counts.

A batch's counts are cumulative milestones that only move forward: `started` plants were
grafted or sown; `lost` of them died or were discarded before they were ready, the rest
(`surviving` = started - lost) still live; `ready` of the survivors went into the batch's
seedling lot; `dispatched` of those left that lot. Once a plant is ready it belongs to the
lot: its later fate is written in the lot's ledger, not in the batch."""
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.db import TimestampMixin, utcnow
from germplasm.extensions import db

METHODS = ("grafting", "sowing")
STAGES = ("started", "surviving", "ready", "dispatched", "lost")


class PropagationBatch(TimestampMixin, db.Model):
    """Plants of one accession grafted or sown together on one day."""

    __tablename__ = "propagation_batches"
    __table_args__ = (
        CheckConstraint("method IN ('grafting', 'sowing')", "method"),
        CheckConstraint("started > 0", "started_positive"),
        CheckConstraint("lost >= 0 AND surviving >= 0 AND surviving + lost = started",
                        "surviving_plus_lost"),
        CheckConstraint("ready >= 0 AND ready <= surviving", "ready_of_surviving"),
        CheckConstraint("dispatched >= 0 AND dispatched <= ready", "dispatched_of_ready"),
        CheckConstraint("ready = 0 OR lot_id IS NOT NULL", "ready_has_lot"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_number: Mapped[str] = mapped_column(String(40), unique=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    rootstock_accession_id: Mapped[int | None] = mapped_column(ForeignKey("accessions.id"))
    rootstock_text: Mapped[str | None] = mapped_column(String(200))
    started_on: Mapped[date] = mapped_column(Date, index=True)
    started: Mapped[int] = mapped_column(Integer)
    surviving: Mapped[int] = mapped_column(Integer)
    ready: Mapped[int] = mapped_column(Integer, default=0)
    dispatched: Mapped[int] = mapped_column(Integer, default=0)
    lost: Mapped[int] = mapped_column(Integer, default=0)
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    accession = relationship("Accession", foreign_keys=[accession_id], lazy="joined")
    rootstock_accession = relationship("Accession", foreign_keys=[rootstock_accession_id])
    lot = relationship("Lot")
    # For reading only: rows are added by germplasm.inventory.batches.
    history: Mapped[list["BatchCount"]] = relationship(
        order_by="BatchCount.id", viewonly=True)

    @property
    def rootstock(self) -> str | None:
        """The rootstock's accession number, or the free text."""
        if self.rootstock_accession_id:
            return self.rootstock_accession.accenumb
        return self.rootstock_text

    def counts(self) -> dict[str, int]:
        return {stage: getattr(self, stage) for stage in STAGES}


class BatchCount(db.Model):
    """One change of a batch's counts (its start included), before and after: append-only,
    so that "counts only move forward" can be checked afterwards."""

    __tablename__ = "propagation_batch_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("propagation_batches.id"), index=True)
    counted_on: Mapped[date] = mapped_column(Date, index=True)  # the day in the nursery
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    started_from: Mapped[int] = mapped_column(Integer)
    started_to: Mapped[int] = mapped_column(Integer)
    surviving_from: Mapped[int] = mapped_column(Integer)
    surviving_to: Mapped[int] = mapped_column(Integer)
    ready_from: Mapped[int] = mapped_column(Integer)
    ready_to: Mapped[int] = mapped_column(Integer)
    dispatched_from: Mapped[int] = mapped_column(Integer)
    dispatched_to: Mapped[int] = mapped_column(Integer)
    lost_from: Mapped[int] = mapped_column(Integer)
    lost_to: Mapped[int] = mapped_column(Integer)

    def changes(self) -> dict[str, tuple[int, int]]:
        """{stage: (from, to)} of the stages this entry moved."""
        pairs = {s: (getattr(self, f"{s}_from"), getattr(self, f"{s}_to")) for s in STAGES}
        return {stage: pair for stage, pair in pairs.items() if pair[0] != pair[1]}


class BatchHistoryIsAppendOnly(Exception):
    """Raised when anything tries to change or delete a count entry."""


@event.listens_for(BatchCount, "before_update")
@event.listens_for(BatchCount, "before_delete")
def _append_only(_mapper, _connection, entry: BatchCount) -> None:
    raise BatchHistoryIsAppendOnly(f"count entry {entry.id} cannot be changed or deleted")
