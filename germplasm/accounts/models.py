"""Users and their roles; passwords are stored only as salted hashes."""
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from germplasm.db import utcnow
from germplasm.extensions import db

# Each role can do what the previous can. A partner is a researcher who also sees the
# restricted accessions and exact collecting sites of their own institute (`instcode`).
ROLES = ("researcher", "partner", "staff", "curator", "admin")


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('researcher', 'partner', 'staff', 'curator', 'admin')",
                        "role_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    display_name: Mapped[str | None] = mapped_column(String(120))
    # The institute the user works for (an INSTCODE); what a partner may see follows it.
    instcode: Mapped[str | None] = mapped_column(ForeignKey("institutes.code"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Part of the session cookie's user id: raising it ends every session of the user
    # (logout, a new password, a new role), even one whose cookie was copied.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")

    def get_id(self) -> str:
        return f"{self.id}.{self.session_version}"

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def has_role(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_staff(self) -> bool:
        return self.has_role("staff")

    @property
    def is_curator(self) -> bool:
        return self.has_role("curator")

    def __str__(self) -> str:
        return self.username


class LoginThrottle(db.Model):
    """Failed logins per user name (known or not, so the lock itself reveals nothing)."""

    __tablename__ = "login_throttles"

    username: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    first_failure_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ApiToken(db.Model):
    """A personal access token for scripts (`Authorization: Bearer …`). Only a hash of the
    token is kept; the token itself is shown once, when it is made."""
    __tablename__ = "api_tokens"
    __table_args__ = (CheckConstraint("scope IN ('read', 'write')", "scope_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))  # the start of the token, to recognise it
    scope: Mapped[str] = mapped_column(String(10), default="read")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()
