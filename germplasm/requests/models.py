"""Requests for material and everything recorded about them. A request's items name what was
asked for; allocations tie an item to the lot it is served from, and every allocation's stock
moves through the inventory ledger (reserve, release, ship) with the item's id on the entry."""
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.db import TimestampMixin, one_of, utcnow
from germplasm.extensions import db
from germplasm.inventory.models import MATERIALS
from germplasm.requests.states import STATES

RECIPIENT_KINDS = ("research", "university", "enterprise", "cooperative", "farmer")
INTENDED_USES = ("research", "teaching", "breeding", "production", "conservation", "other")
ALLOCATION_STATES = ("reserved", "released", "shipped")



class MaterialRequest(TimestampMixin, db.Model):
    __tablename__ = "material_requests"
    __table_args__ = (
        CheckConstraint(one_of("status", STATES), "status"),
        CheckConstraint(one_of("recipient_kind", RECIPIENT_KINDS), "recipient_kind"),
        CheckConstraint(one_of("intended_use", INTENDED_USES), "intended_use"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(20), unique=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="submitted", index=True)
    recipient_name: Mapped[str] = mapped_column(String(200))
    institution: Mapped[str] = mapped_column(String(300))
    recipient_kind: Mapped[str] = mapped_column(String(12))
    address: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(String(3))
    province: Mapped[str | None] = mapped_column(String(60))
    email: Mapped[str] = mapped_column(String(200))
    final_recipient: Mapped[str | None] = mapped_column(String(300))
    intended_use: Mapped[str] = mapped_column(String(12))
    use_note: Mapped[str | None] = mapped_column(Text)
    mta_version: Mapped[str] = mapped_column(String(40))
    mta_accepted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Why a curator should look twice (first request, many accessions, restricted material);
    # a flag never rejects anything by itself.
    review_flags: Mapped[str | None] = mapped_column(String(200))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    received_on: Mapped[date | None] = mapped_column(Date)
    feedback_due_on: Mapped[date | None] = mapped_column(Date, index=True)

    requester = relationship("User", lazy="joined")
    items: Mapped[list["RequestItem"]] = relationship(
        back_populates="request", order_by="RequestItem.id", lazy="selectin",
        cascade="all, delete-orphan")
    transitions: Mapped[list["RequestTransition"]] = relationship(
        order_by="RequestTransition.id", lazy="selectin", cascade="all, delete-orphan")
    shipments: Mapped[list["Shipment"]] = relationship(
        order_by="Shipment.id", lazy="selectin", cascade="all, delete-orphan")
    feedback: Mapped[list["UsageReport"]] = relationship(
        order_by="UsageReport.id", lazy="selectin", cascade="all, delete-orphan")

    @property
    def flags(self) -> list[str]:
        return [f for f in (self.review_flags or "").split(",") if f]


class RequestItem(db.Model):
    __tablename__ = "request_items"
    __table_args__ = (
        CheckConstraint(one_of("material", MATERIALS), "material"),
        CheckConstraint("quantity_milli > 0", "positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("material_requests.id", ondelete="CASCADE"), index=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id"), index=True)
    material: Mapped[str] = mapped_column(String(12))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str] = mapped_column(String(8))

    request = relationship("MaterialRequest", back_populates="items")
    accession = relationship("Accession", lazy="joined")
    allocations: Mapped[list["Allocation"]] = relationship(
        order_by="Allocation.id", lazy="selectin", back_populates="item")

    def milli_in(self, state: str) -> int:
        return sum(a.quantity_milli for a in self.allocations if a.status == state)


class Allocation(db.Model):
    """Part of an item served from one lot: reserved, then shipped or released."""

    __tablename__ = "request_allocations"
    __table_args__ = (
        CheckConstraint(one_of("status", ALLOCATION_STATES), "status"),
        CheckConstraint("quantity_milli > 0", "positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("request_items.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10), default="reserved")
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A client's retry of the same allocation (Idempotency-Key) finds this row again.
    idempotency_key: Mapped[str | None] = mapped_column(String(100), unique=True)

    item = relationship("RequestItem", back_populates="allocations")
    lot = relationship("Lot", lazy="joined")


class RequestTransition(db.Model):
    """One move of a request's state: who, when, why. Never changed afterwards."""

    __tablename__ = "request_transitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("material_requests.id", ondelete="CASCADE"), index=True)
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)


class Shipment(db.Model):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("material_requests.id", ondelete="CASCADE"), index=True)
    carrier: Mapped[str] = mapped_column(String(100))
    tracking_number: Mapped[str | None] = mapped_column(String(100))
    shipped_on: Mapped[date] = mapped_column(Date)
    phyto_certificate: Mapped[str | None] = mapped_column(String(100))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    allocations: Mapped[list[Allocation]] = relationship(lazy="selectin")


class UsageReport(db.Model):
    """The recipient's usage report (利用反馈): what was done with the material, results."""

    __tablename__ = "usage_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("material_requests.id", ondelete="CASCADE"), index=True)
    usage: Mapped[str] = mapped_column(Text)
    results: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CartItem(db.Model):
    """What a signed-in user means to request, kept until submitted or removed."""

    __tablename__ = "cart_items"
    __table_args__ = (UniqueConstraint("user_id", "accession_id", "material"),
                      CheckConstraint("quantity_milli > 0", "positive"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         index=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id", ondelete="CASCADE"))
    material: Mapped[str] = mapped_column(String(12))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    accession = relationship("Accession", lazy="joined")


class Notification(db.Model):
    """The outbox: written with the change it tells about, e-mailed later when an SMTP
    server is configured, and shown in the app either way."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    event: Mapped[str] = mapped_column(String(20))
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("material_requests.id", ondelete="CASCADE"), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    read: Mapped[bool] = mapped_column(Boolean, default=False)
