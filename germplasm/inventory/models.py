"""The living collection: trees in the field genebank, lots of material, and the ledger that
is the only way a lot's stock changes.

Quantities are stored as whole thousandths of their unit (BigInteger "milli" columns): sums
are then exact on SQLite and PostgreSQL alike (SQLite has no decimal type), and grams of
pollen keep three decimals. germplasm.inventory.quantities converts."""
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.db import TimestampMixin, one_of, utcnow
from germplasm.extensions import db

# Material types and the units each may be counted in (the first is the default): counts
# for trees, scions and seedlings, grams or millilitres for pollen; never forced to weight.
MATERIAL_UNITS = {
    "tree": ("plant",), "scion": ("piece",), "budwood": ("piece",), "seedling": ("plant",),
    "rootstock": ("plant",), "pollen": ("g", "ml"), "seed": ("seed", "g"),
    "in_vitro": ("tube", "plant"),
}
MATERIALS = tuple(MATERIAL_UNITS)
UNITS = ("plant", "piece", "seed", "tube", "g", "ml")
COUNT_UNITS = ("plant", "piece", "seed", "tube")
KINDS = ("harvest", "propagate", "transfer", "reserve", "release", "ship", "loss", "adjust",
         "correction")
PLANT_STATUSES = ("living", "removed")
TRUENESS = ("unchecked", "true", "off_type")
HEALTH = ("untested", "healthy", "infected")
TEST_RESULTS = ("negative", "positive", "inconclusive")
VIABILITY_METHODS = ("germination", "graft_take", "stainability")



class Plant(TimestampMixin, db.Model):
    """One tree of the field genebank."""

    __tablename__ = "plants"
    __table_args__ = (
        CheckConstraint(one_of("status", PLANT_STATUSES), "status"),
        CheckConstraint(one_of("trueness", TRUENESS), "trueness"),
        CheckConstraint("status = 'living' OR removed_on IS NOT NULL", "removed_has_date"),
        # Two living trees never stand in one place; removed ones leave it free.
        Index("uq_plants_living_position", "block", "row", "position", unique=True,
              sqlite_where=text("status = 'living'"),
              postgresql_where=text("status = 'living'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id"), index=True)
    block: Mapped[str] = mapped_column(String(20))
    row: Mapped[str] = mapped_column(String(20))
    position: Mapped[str] = mapped_column(String(20))
    planted_on: Mapped[date | None] = mapped_column(Date)
    grafted_on: Mapped[date | None] = mapped_column(Date)
    rootstock_accession_id: Mapped[int | None] = mapped_column(ForeignKey("accessions.id"))
    rootstock_text: Mapped[str | None] = mapped_column(String(200))
    source_lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id", use_alter=True))
    status: Mapped[str] = mapped_column(String(10), default="living", index=True)
    removed_on: Mapped[date | None] = mapped_column(Date)
    removed_reason: Mapped[str | None] = mapped_column(String(300))
    trueness: Mapped[str] = mapped_column(String(10), default="unchecked")
    trueness_checked_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    accession = relationship("Accession", foreign_keys=[accession_id], lazy="joined")
    rootstock_accession = relationship("Accession", foreign_keys=[rootstock_accession_id])
    health_tests: Mapped[list["PlantHealthTest"]] = relationship(
        cascade="all, delete-orphan", order_by="PlantHealthTest.tested_on", lazy="selectin")

    @property
    def rootstock(self) -> str | None:
        """The rootstock's accession number, or the free text."""
        if self.rootstock_accession_id:
            return self.rootstock_accession.accenumb
        return self.rootstock_text

    @property
    def place(self) -> str:
        return f"{self.block}-{self.row}-{self.position}"


class PlantHealthTest(db.Model):
    """A virus (or other pathogen) test of one tree."""

    __tablename__ = "plant_health_tests"
    __table_args__ = (CheckConstraint(one_of("result", TEST_RESULTS), "result"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plant_id: Mapped[int] = mapped_column(ForeignKey("plants.id", ondelete="CASCADE"),
                                          index=True)
    pathogen: Mapped[str] = mapped_column(String(60))
    method: Mapped[str] = mapped_column(String(40))
    result: Mapped[str] = mapped_column(String(12))
    tested_on: Mapped[date] = mapped_column(Date)


class Lot(TimestampMixin, db.Model):
    """A quantity of one kind of material of one accession, kept in one place."""

    __tablename__ = "lots"
    __table_args__ = (
        CheckConstraint(one_of("material", MATERIALS), "material"),
        CheckConstraint(one_of("unit", UNITS), "unit"),
        CheckConstraint(one_of("health_status", HEALTH), "health_status"),
        # The cached balances (kept equal to the ledger's sums by germplasm.inventory.ledger)
        # can never show more reserved than held, nor less than nothing.
        CheckConstraint("reserved_milli >= 0 AND reserved_milli <= on_hand_milli", "balances"),
        CheckConstraint("critical_milli >= 0", "critical"),
        CheckConstraint("available_from IS NULL OR length(available_from) = 5", "from_mmdd"),
        CheckConstraint("available_to IS NULL OR length(available_to) = 5", "to_mmdd"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_number: Mapped[str] = mapped_column(String(40), unique=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id"), index=True)
    material: Mapped[str] = mapped_column(String(12), index=True)
    unit: Mapped[str] = mapped_column(String(8))
    source_plant_id: Mapped[int | None] = mapped_column(ForeignKey("plants.id"))
    parent_lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    on_hand_milli: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    reserved_milli: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    critical_milli: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    distributable: Mapped[bool] = mapped_column(default=False)
    available_from: Mapped[str | None] = mapped_column(String(5))  # MM-DD
    available_to: Mapped[str | None] = mapped_column(String(5))  # MM-DD, may wrap the year
    expires_on: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str | None] = mapped_column(String(200))
    health_status: Mapped[str] = mapped_column(String(10), default="untested")
    notes: Mapped[str | None] = mapped_column(Text)

    accession = relationship("Accession", lazy="joined")
    viability_tests: Mapped[list["ViabilityTest"]] = relationship(
        cascade="all, delete-orphan", order_by="ViabilityTest.tested_on", lazy="selectin")
    # For reading only: entries are added by germplasm.inventory.ledger.record.
    transactions: Mapped[list["LotTransaction"]] = relationship(
        order_by="LotTransaction.id", foreign_keys="LotTransaction.lot_id", viewonly=True)


class ViabilityTest(db.Model):
    """Pollen germination, graft take: the percentage of n that lived, on a day."""

    __tablename__ = "viability_tests"
    __table_args__ = (
        CheckConstraint(one_of("method", VIABILITY_METHODS), "method"),
        CheckConstraint("percent BETWEEN 0 AND 100", "percent_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(12))
    percent: Mapped[int] = mapped_column(Integer)
    n: Mapped[int | None] = mapped_column(Integer)
    tested_on: Mapped[date] = mapped_column(Date)


class LotTransaction(db.Model):
    """One entry of the append-only ledger: never updated, never deleted (a correction is a
    new entry). A lot's on-hand and reserved quantities are the sums of its entries."""

    __tablename__ = "lot_transactions"
    __table_args__ = (CheckConstraint(one_of("kind", KINDS), "kind"),)

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    on_hand_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    reserved_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    plant_id: Mapped[int | None] = mapped_column(ForeignKey("plants.id"))
    other_lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    # The request item this entry serves (material requests come later; no foreign key yet).
    request_item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(100), unique=True)


class LedgerIsAppendOnly(Exception):
    """Raised when anything tries to change or delete a ledger entry."""


@event.listens_for(LotTransaction, "before_update")
@event.listens_for(LotTransaction, "before_delete")
def _append_only(_mapper, _connection, entry: LotTransaction) -> None:
    raise LedgerIsAppendOnly(f"ledger entry {entry.id} cannot be changed or deleted; "
                             "record a correction instead")
