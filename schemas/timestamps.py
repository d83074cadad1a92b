"""Times in API output: ISO 8601 in UTC, whatever the engine hands back. SQLite returns the
naive datetimes it stored (they were written in UTC); PostgreSQL returns aware ones."""
from datetime import UTC, datetime

from marshmallow import fields


def as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UtcDateTime(fields.DateTime):
    """2026-07-12T08:30:00Z: one form for every engine, so clients can compare strings."""

    def _serialize(self, value, attr, obj, **kwargs):
        value = as_utc(value)
        if value is None:
            return None
        return value.isoformat(timespec="seconds").replace("+00:00", "Z")
