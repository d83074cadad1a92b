"""Campaigns and descriptors are written through the ORM by several doors (the CLI, the
campaign pages, the admin, the descriptor import); noting them at flush catches every door."""
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from germplasm.evaluations.models import (
    Campaign,
    Descriptor,
    DescriptorCategory,
    DescriptorRevision,
    Observation,
    WorklistEntry,
)
from germplasm.feed import outbox


@event.listens_for(Session, "before_flush")
def _campaigns_going(session: Session, _context, _instances) -> None:
    """A deleted campaign takes its observations with it: leave their tombstones."""
    gone = [c.id for c in session.deleted if isinstance(c, Campaign) and c.id is not None]
    if gone:
        rows = session.execute(select(Observation.id, Observation.accession_id).where(
            Observation.campaign_id.in_(gone)))
        outbox.note_observations([tuple(r) for r in rows], "delete", session)


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context) -> None:
    for obj, op in _touched(session):
        if isinstance(obj, Campaign):
            outbox.note("campaign", obj.id, op, session)
        elif isinstance(obj, WorklistEntry):
            outbox.note("campaign", obj.campaign_id, "upsert", session)
        elif isinstance(obj, Descriptor):
            outbox.note("descriptor", obj.code, op, session)
        elif isinstance(obj, (DescriptorCategory, DescriptorRevision)):
            outbox.note_descriptor_ids([obj.descriptor_id], session)
        elif isinstance(obj, Observation):
            outbox.note_observations([(obj.id, obj.accession_id)], op, session)


def _touched(session: Session):
    for obj in session.new:
        yield obj, "upsert"
    for obj in session.dirty:
        if session.is_modified(obj):
            yield obj, "upsert"
    for obj in session.deleted:
        yield obj, "delete"
