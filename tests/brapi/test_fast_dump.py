"""The compiled germplasm dump (schemas.brapi_fast) gives exactly what GermplasmSchema's own
dump gives: over HTTP for every record of the world, key order included, and for records
with keys missing, values None and values of other types."""
import pytest
from marshmallow import Schema, fields

from germplasm.brapi import germplasm_calls, germplasm_records
from schemas.brapi_fast import compiled
from schemas.brapi_fields import RecordSchema, many, text
from schemas.brapi_germplasm import GermplasmSchema


def test_every_record_of_the_world_dumps_as_the_schema_does(app, brapi_world):
    with app.test_request_context("/brapi/v2/germplasm"):
        rows = germplasm_records.page_rows(sorted(brapi_world.ids.values()))
        records = germplasm_calls._germplasm(rows)
    assert len(records) == len(brapi_world.ids)
    dump = compiled(GermplasmSchema)
    for record in records:
        expected = GermplasmSchema().dump(record)
        assert dump(record) == expected
        assert list(dump(record)) == list(expected)  # the schema's order


def test_served_pages_use_it(client, brapi_world):
    served = client.get("/brapi/v2/germplasm").get_json()["result"]["data"]
    assert served and all(list(r) == list(GermplasmSchema().dump({})) for r in served)


def test_missing_none_and_other_types_dump_as_marshmallow_does():
    dump = compiled(GermplasmSchema)
    for record in ({}, {"germplasmDbId": 7, "synonyms": None, "donors": [{}]},
                   {"accessionNumber": "A1", "germplasmOrigin": [{"coordinates": {"a": 1}}],
                    "taxonIds": [{"sourceName": "NCBI"}], "additionalInfo": None}):
        assert dump(record) == GermplasmSchema().dump(record)
        assert list(dump(record)) == list(GermplasmSchema().dump(record))


def test_list_defaults_are_new_lists_each_time():
    dump = compiled(GermplasmSchema)
    first, second = dump({}), dump({})
    first["synonyms"].append({"synonym": "x"})
    assert second["synonyms"] == []


class _Nested(RecordSchema):
    names = many(fields.String())
    label = text()


def test_lists_of_plain_values_and_nested_schemas():
    record = {"names": ["a", 2], "label": 3.5}
    assert compiled(_Nested)(record) == _Nested().dump(record) == {"names": ["a", "2"],
                                                                     "label": "3.5"}


def test_a_field_kind_it_does_not_know_is_refused_when_built():
    class Dated(Schema):
        day = fields.Date()

    with pytest.raises(TypeError, match="Date"):
        compiled(Dated)
