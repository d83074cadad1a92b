"""Declarative base, constraint naming convention and shared column helpers."""
from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints make alembic migrations portable between SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


def one_of(column: str, values) -> str:
    """A CHECK constraint's text: `column` holds one of `values`."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


# Row ids are 32-bit integers: a larger number in a URL is no row of ours, and PostgreSQL
# refuses to compare an integer column with it (a 500 instead of a 404).
LARGEST_ID = 2**31 - 1


def is_row_id(number: int) -> bool:
    return 0 < number <= LARGEST_ID


def row_id(text: str) -> int | None:
    """A row id written as text (BrAPI's DbIds are strings); None for anything else."""
    return int(text) if text.isascii() and text.isdigit() and is_row_id(int(text)) else None
