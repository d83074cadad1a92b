"""Fields shared by the API's schemas: times in and out as ISO 8601 with a zone."""
from datetime import UTC, datetime

from marshmallow import ValidationError, fields


class UtcDateTime(fields.DateTime):
    """A stored time, written ISO 8601 in UTC. SQLite hands back times without a zone (they
    are stored as UTC), PostgreSQL with one: both come out as `...+00:00`."""

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, datetime):
            value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class Instant(fields.DateTime):
    """A query's time, ISO 8601 (`2026-05-01`, `2026-05-01T08:00:00+08:00`, `...Z`); no zone
    means UTC."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            raise ValidationError("not an ISO 8601 date or time, e.g. 2026-05-01T08:00:00Z / "
                                  "不是 ISO 8601 日期或时间") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Computed(fields.Function):
    """fields.Function that calls its one-argument function directly: marshmallow's own asks
    inspect.signature on every value whether to pass the context too (a fifth of a record's
    dump with hundreds of trait cells)."""

    def _serialize(self, value, attr, obj, **kwargs):
        return self.serialize_func(obj)
