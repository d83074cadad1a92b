"""An uploaded sheet and what became of it: checked, then (once confirmed) imported."""
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.accounts.models import User
from germplasm.db import utcnow
from germplasm.extensions import db

KINDS = ("mcpd", "observations")
STATUSES = ("checking", "checked", "importing", "done", "failed")


class ImportJob(db.Model):
    __tablename__ = "import_jobs"
    __table_args__ = (
        CheckConstraint(f"kind IN {KINDS}", name="kind"),
        CheckConstraint(f"status IN {STATUSES}", name="status"),
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="checking", index=True)
    progress: Mapped[float] = mapped_column(default=0.0)
    filename: Mapped[str] = mapped_column(String(255))  # as the user named it
    path: Mapped[str] = mapped_column(String(1000))  # the stored copy, in the instance folder
    campaign: Mapped[str | None] = mapped_column(String(200))
    skip_invalid: Mapped[bool] = mapped_column(default=False)
    report: Mapped[str | None] = mapped_column(Text)  # the import report as JSON
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()
