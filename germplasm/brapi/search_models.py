"""A stored BrAPI search (POST search/germplasm): its body and who asked, under an
unguessable id. Only the question is kept, never the answer: GET re-runs it with the access
rules of whoever asks, so a search made by staff shows the public nothing more."""
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from germplasm.db import utcnow
from germplasm.extensions import db


class BrapiSearch(db.Model):
    __tablename__ = "brapi_searches"

    id: Mapped[str] = mapped_column(String(43), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # "germplasm"
    body: Mapped[dict] = mapped_column(JSON)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
