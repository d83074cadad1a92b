"""What taxon and institute edits share: their refusal, and the checks every text passes."""
from flask_babel import gettext as _

from schemas.text_checks import CONTROL, column_length


class ReferenceProblem(ValueError):
    """A refused edit of a taxon or an institute; `errors` maps each field to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))


def cleaned(values: dict, fields: tuple[str, ...], blank_as_empty: tuple[str, ...]) -> dict:
    """The known fields, stripped; an empty box is "" where the column keeps "" (so that a
    unique constraint holds on every engine) and None elsewhere."""
    result = {}
    for field in fields:
        if field not in values:
            continue
        value = (values[field] or "").strip()
        result[field] = value if value or field in blank_as_empty else None
    return result


def text_errors(model, values: dict) -> dict[str, list[str]]:
    """Control characters and lengths beyond the column's, per field."""
    errors = {}
    for field, value in values.items():
        limit = column_length(model.__table__.c[field])
        if value and CONTROL.search(value):
            errors[field] = [_("contains a control character; remove it")]
        elif value and limit and len(value) > limit:
            errors[field] = [_("at most %(n)s characters", n=limit)]
    return errors


def changed(obj, values: dict) -> dict:
    """{field: (old, new)} for the values that differ from the object's."""
    return {k: (getattr(obj, k), v) for k, v in values.items() if getattr(obj, k) != v}
