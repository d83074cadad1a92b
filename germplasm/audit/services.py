"""Record changes for the audit trail; callers flush and commit."""
from sqlalchemy import func

from germplasm.audit.models import AuditEntry
from germplasm.extensions import db


def record(user: str, entity: str, entity_id: int, action: str, *, accession_id=None,
           field=None, old=None, new=None, source=None) -> None:
    db.session.add(AuditEntry(
        user=user, entity=entity, entity_id=entity_id, accession_id=accession_id,
        action=action, field=field, old_value=_text(old), new_value=_text(new), source=source,
    ))


def record_changes(user: str, accession, changes: dict, source: str | None = None) -> None:
    """One entry per changed field: {field: (old, new)}."""
    for field, (old, new) in changes.items():
        record(user, "accession", accession.id, "update", accession_id=accession.id,
               field=field, old=old, new=new, source=source)


def history(accession_id: int) -> list[AuditEntry]:
    return db.session.scalars(
        db.select(AuditEntry).where(AuditEntry.accession_id == accession_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    ).all()


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return str(value)


def recent(accession_id: int, limit: int = 50) -> tuple[list[AuditEntry], int]:
    """The newest `limit` entries of an accession's history, newest first, and how many
    there are in all (an accession imported every year gathers hundreds)."""
    where = AuditEntry.accession_id == accession_id
    total = db.session.scalar(db.select(func.count()).select_from(AuditEntry).where(where))
    entries = db.session.scalars(db.select(AuditEntry).where(where)
                                 .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                                 .limit(limit)).all()
    return entries, total
