"""Field makers for the BrAPI dump schemas: the validator's schemas require every property
of a response object, null when there is no value, so every field here dumps None for a
missing key instead of leaving the key out."""
from marshmallow import Schema, fields


def text(**kwargs) -> fields.String:
    return fields.String(dump_default=None, allow_none=True, **kwargs)


def integer(**kwargs) -> fields.Integer:
    return fields.Integer(dump_default=None, allow_none=True, **kwargs)


def number(**kwargs) -> fields.Raw:
    """A number as given: whole counts stay whole (12 pieces, not 12.0), grams keep decimals."""
    return fields.Raw(dump_default=None, allow_none=True, **kwargs)


def mapping(**kwargs) -> fields.Dict:
    """additionalInfo and GeoJSON objects: free-form, null when empty."""
    return fields.Dict(dump_default=None, allow_none=True, **kwargs)


def many(schema, **kwargs) -> fields.List:
    """A list of objects (or of strings, given a field), an empty list when there are none."""
    item = schema if isinstance(schema, fields.Field) else fields.Nested(schema)
    return fields.List(item, dump_default=list, allow_none=True, **kwargs)


class RecordSchema(Schema):
    """A schema dumping the dicts that germplasm.brapi's record builders make: a value is
    read with dict.get, without marshmallow's general look-up (dotted names, attributes,
    indexes), a third of the dump of a page of 1,000 germplasm (benchmarks/brapi.py)."""

    def get_attribute(self, obj, attr: str, default):
        if type(obj) is dict:
            return obj.get(attr, default)
        return super().get_attribute(obj, attr, default)


class ExternalReferenceSchema(RecordSchema):
    referenceId = text()
    referenceSource = text()


def external_references() -> fields.List:
    return many(ExternalReferenceSchema)
