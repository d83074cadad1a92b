"""The import's limits are the model's limits: nothing the schema accepts is refused (or
silently truncated) by PostgreSQL."""
import pytest
from marshmallow import ValidationError

from germplasm.accessions.models import Accession
from schemas.accession import McpdRowSchema

INT_MAX = 2**31 - 1  # PostgreSQL's integer
BASE = {"INSTCODE": "CHN385", "ACCENUMB": "L1", "GENUS": "Prunus"}


def refused(column: str, value: str) -> bool:
    try:
        McpdRowSchema().load(BASE | {column: value})
    except ValidationError as error:
        return column in error.messages
    return False


@pytest.mark.no_db
def test_no_text_longer_than_its_column_is_accepted():
    columns = Accession.__table__.c
    for name in McpdRowSchema().fields:
        column = columns.get(name.lower())
        length = getattr(column.type, "length", None) if column is not None else None
        if length is not None:
            assert refused(name, "a" * (length + 1)), name


@pytest.mark.no_db
def test_no_integer_beyond_the_databases_integer_is_accepted():
    columns = Accession.__table__.c
    for name in McpdRowSchema().fields:
        column = columns.get(name.lower())
        if column is not None and column.type.python_type is int:
            assert refused(name, str(INT_MAX + 1)), name
