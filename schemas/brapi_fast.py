"""A RecordSchema's dump compiled into plain Python, for the one call where marshmallow's
per-field machinery is most of the time: GET /brapi/v2/germplasm pages of 1,000 records
(benchmarks/brapi.py). The schema stays the one statement of the shape: the dumper is built
from its declared fields, knows only the field kinds brapi_fields makes (anything else fails
when it is built), and tests/brapi/test_fast_dump.py checks it gives what the schema's own
dump gives."""
from collections.abc import Callable

from marshmallow import Schema, fields

Dumper = Callable[[dict], dict]


def compiled(schema: type[Schema]) -> Dumper:
    """dict → dict, as `schema().dump` would (missing keys get their dump_default)."""
    parts = [(name, field.data_key or name, _value_of(field), _default_of(field))
             for name, field in schema().dump_fields.items()]

    def dump(record: dict) -> dict:
        out = {}
        for name, key, convert, default in parts:
            value = record.get(name, _ABSENT)
            if value is not _ABSENT:
                out[key] = convert(value)
            elif default is not None:  # marshmallow leaves out a field without a default
                out[key] = default()
        return out

    return dump


_ABSENT = object()


def _default_of(field: fields.Field) -> Callable | None:
    """What a missing key dumps as, as a maker (a list default is a new list each time)."""
    default = field.dump_default
    if default is fields.missing_:
        return None
    return default if callable(default) else lambda: default


def _value_of(field: fields.Field) -> Callable:
    """How one present value is dumped, by field kind (order matters: Integer is a Number)."""
    if isinstance(field, fields.String):
        return _text
    if isinstance(field, fields.Integer):
        return _whole
    if isinstance(field, fields.Dict):
        return _mapping
    if isinstance(field, fields.List):
        return _list_of(field.inner)
    if type(field) is fields.Raw:
        return _same
    raise TypeError(f"no compiled dump for {type(field).__name__}")


def _text(value):
    return None if value is None else str(value)


def _whole(value):
    return None if value is None else int(value)


def _mapping(value):
    return None if value is None else dict(value)


def _same(value):
    return value


def _list_of(inner: fields.Field) -> Callable:
    item = compiled(type(inner.schema)) if isinstance(inner, fields.Nested) \
        else _value_of(inner)
    return lambda value: None if value is None else [item(each) for each in value]
