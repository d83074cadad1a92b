"""One row per changed record. The cursor is allocated while the committing transaction holds
the catalogue's version row (see outbox.write_pending), so cursors are in commit order: a
reader who has seen cursor N never later finds a new row below N."""
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from germplasm.db import utcnow
from germplasm.extensions import db

ENTITIES = ("accession", "observation", "summary", "descriptor", "campaign", "lot", "plant")
OPERATIONS = ("upsert", "delete")


class Change(db.Model):
    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_entity_entity_id", "entity", "entity_id"),)

    cursor: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(6))
    # What the public (and researchers) see of this change: the same op, "delete" when the
    # record stopped being public, or NULL when it was never public.
    public_op: Mapped[str | None] = mapped_column(String(6))
    # The owning institute of an accession's record: its partners see what staff see.
    instcode: Mapped[str | None] = mapped_column(String(16))
    # The accession whose search document this change touches (no foreign key: a tombstone
    # outlives its accession).
    accession_id: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
