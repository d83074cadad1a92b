"""When an accession stops being public (restricted) its lots, trees, observations and trait
summaries stop being public with it, and when it becomes public again they come back: the
public feed must say so for each of them, not only for the accession, or a partner's copy
keeps (or never regains) records it may no longer (or may again) see."""
from sqlalchemy import select

from germplasm.extensions import db

CHUNK = 5_000


def members(accession_ids) -> dict[str, list[tuple[str, int]]]:
    """{entity: [(key, accession id)]} of the feed records that belong to these accessions:
    the key is a lot's number, a tree's or an observation's id (as text), a summary's
    descriptor code."""
    from germplasm.evaluations.models import Descriptor, Observation, TraitSummary
    from germplasm.inventory.models import Lot, Plant

    queries = {
        "lot": select(Lot.lot_number, Lot.accession_id),
        "plant": select(Plant.id, Plant.accession_id),
        "observation": select(Observation.id, Observation.accession_id),
        "summary": select(TraitSummary.accession_id, Descriptor.code).join(
            Descriptor, Descriptor.id == TraitSummary.descriptor_id).distinct(),
    }
    columns = {"lot": Lot.accession_id, "plant": Plant.accession_id,
               "observation": Observation.accession_id, "summary": TraitSummary.accession_id}
    ids, found = sorted(accession_ids), {entity: [] for entity in queries}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for entity, query in queries.items():
            rows = db.session.execute(query.where(columns[entity].in_(chunk))).all()
            if entity == "summary":
                rows = [(code, a) for a, code in rows]
            found[entity] += [(str(key), accession) for key, accession in rows]
    return found
