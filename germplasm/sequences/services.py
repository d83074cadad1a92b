"""The one door for sequences: store (create or update, audited) and the visible queries.
Services flush; the command or request commits once."""
import json
from dataclasses import dataclass, field

from Bio.SeqUtils.CheckSum import seguid
from sqlalchemy import func, select

from germplasm.accessions.models import Accession
from germplasm.audit import services as audit
from germplasm.db import is_row_id
from germplasm.extensions import db
from germplasm.sequences.models import Sequence

# What a re-import compares: a record whose stored fields all agree is "unchanged".
COMPARED = ("accession_id", "version", "description", "molecule_type", "topology", "length",
            "checksum", "organism", "features_json")


@dataclass
class SequenceFields:
    record_id: str
    residues: str
    version: str | None = None
    description: str | None = None
    molecule_type: str | None = None
    topology: str | None = None
    organism: str | None = None
    features: list = field(default_factory=list)


def checksum(residues: str) -> str:
    return seguid(residues)


def get(record_id: str) -> Sequence | None:
    return db.session.scalar(select(Sequence).where(Sequence.record_id == record_id))


def store(accession: Accession, given: SequenceFields, *, user: str, source: str) -> str:
    """Create or update by record id: "created", "updated" or "unchanged"."""
    found = get(given.record_id)
    fresh = Sequence(record_id=given.record_id, accession_id=accession.id, source=source)
    _fill(fresh, given)
    if found is None:
        db.session.add(fresh)
        db.session.flush()
        audit.record(user, "sequence", fresh.id, "create", accession_id=accession.id,
                     new=f"{fresh.record_id} ({fresh.length} bp)", source=source)
        return "created"
    changed = {name: (getattr(found, name), getattr(fresh, name)) for name in COMPARED
               if getattr(found, name) != getattr(fresh, name)}
    if not changed:
        return "unchanged"
    for name in COMPARED:
        setattr(found, name, getattr(fresh, name))
    found.residues_z, found.source = fresh.residues_z, source
    db.session.flush()
    for name, (old, new) in changed.items():
        if name == "features_json":  # long: the audit trail keeps how many there are
            old, new = len(json.loads(old or "[]")), len(json.loads(new or "[]"))
        # Upper-case like the passport's MCPD columns: the history shows field names as codes.
        audit.record(user, "sequence", found.id, "update", accession_id=accession.id,
                     field=name.removesuffix("_json").upper(), old=old, new=new, source=source)
    return "updated"


def _fill(row: Sequence, given: SequenceFields) -> None:
    residues = given.residues.upper()
    row.residues, row.length, row.checksum = residues, len(residues), checksum(residues)
    row.version, row.description = given.version, given.description
    row.molecule_type, row.topology, row.organism = (given.molecule_type, given.topology,
                                                     given.organism)
    row.features = given.features


def visible_query(scope):
    """Sequences of the accessions `scope` (accession_scope()) lets the caller see."""
    query = select(Sequence).join(Accession, Sequence.accession_id == Accession.id)
    return query if scope is None else query.where(scope)


def visible(sequence_id: int, scope) -> Sequence | None:
    if not is_row_id(sequence_id):
        return None
    return db.session.scalar(visible_query(scope).where(Sequence.id == sequence_id))


def of_accession(accession_id: int) -> list[Sequence]:
    return list(db.session.scalars(select(Sequence).where(Sequence.accession_id == accession_id)
                                   .order_by(Sequence.record_id)))


def count_of(accession_id: int) -> int:
    return db.session.scalar(select(func.count()).where(
        Sequence.accession_id == accession_id)) or 0
