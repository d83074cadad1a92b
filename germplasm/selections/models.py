"""A selection and its accessions. Every selection has an unguessable token: the link that
shares it. A selection without a name is a session's working selection."""
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.accounts.models import User
from germplasm.db import TimestampMixin, utcnow
from germplasm.extensions import db


class Selection(TimestampMixin, db.Model):
    __tablename__ = "selections"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                                 index=True)
    # Published by staff: a saved selection everyone sees as a BrAPI list.
    published: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    owner: Mapped[User | None] = relationship()

    @property
    def saved(self) -> bool:
        return self.name is not None


class SelectionItem(db.Model):
    __tablename__ = "selection_items"

    selection_id: Mapped[int] = mapped_column(
        ForeignKey("selections.id", ondelete="CASCADE"), primary_key=True)
    accession_id: Mapped[int] = mapped_column(
        ForeignKey("accessions.id", ondelete="CASCADE"), primary_key=True, index=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
