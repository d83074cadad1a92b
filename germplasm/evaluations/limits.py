"""What every observation's own fields must satisfy, from a sheet or the entry form alike.

The limits come from the model's columns, so a 5,000-character observer is refused with a
message on SQLite as it would be by PostgreSQL, instead of being stored or crashing.
"""
from germplasm.evaluations.models import Observation
from schemas.text_checks import column_length, length_problem, text_problem

MAX_REPLICATE = 999
MAX_NOTES = 4000
_columns = Observation.__table__.c
LIMITS = {"OBSERVER": column_length(_columns.observer), "PLANT": column_length(_columns.plant),
          "NOTES": MAX_NOTES}


class FieldProblem(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def replicate(raw) -> int:
    """A whole number from 1 to MAX_REPLICATE; empty means 1."""
    text = str(raw).strip() if raw is not None else ""
    if not text:
        return 1
    try:
        number = float(text)
    except ValueError:
        number = 0.0
    if not number.is_integer() or not 1 <= number <= MAX_REPLICATE:
        raise FieldProblem("REPLICATE", f"must be a whole number from 1 to {MAX_REPLICATE}")
    return int(number)


def text(field: str, raw: str | None) -> str | None:
    """A stored text field (OBSERVER, PLANT, NOTES, a text VALUE), checked; None if empty."""
    value = (raw or "").strip()
    problem = text_problem(value) or length_problem(
        value, LIMITS[field])
    if problem:
        raise FieldProblem(field, problem)
    return value or None


def check(field: str, raw):
    """The stored form of one of the observation's own fields (REPLICATE or a text field)."""
    return replicate(raw) if field == "REPLICATE" else text(field, raw)
