"""Descriptors for the API: the catalogue of traits, filtered by group or use."""
from germplasm.evaluations.models import Descriptor
from germplasm.extensions import db


def descriptors_query(group: str | None = None, active: bool | None = None):
    """Every descriptor, retired ones too (old observations still point at them), in the
    catalogue's order; a partner's filters narrow it."""
    query = db.select(Descriptor).order_by(Descriptor.id)
    if group is not None:
        query = query.where(Descriptor.group == group)
    if active is not None:
        query = query.where(Descriptor.active.is_(active))
    return query


def descriptor_by_code(code: str) -> Descriptor | None:
    """As the descriptor page finds it: codes are upper case, whatever the link said."""
    if len(code) > 60:
        return None
    return db.session.scalar(db.select(Descriptor).filter_by(code=code.upper()))
