"""Who may see a change, decided when it is written: the public see an accession's changes
while it is public, and one delete when it stops being public (restricted or deleted)."""
from dataclasses import dataclass

from sqlalchemy import func

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.feed.models import Change

CHUNK = 5_000


@dataclass(frozen=True)
class AccessionState:
    restricted: bool
    instcode: str


def accession_states(ids) -> dict[int, AccessionState]:
    """The current state of these accessions; deleted ones are absent."""
    states, ids = {}, sorted(ids)
    for start in range(0, len(ids), CHUNK):
        query = db.select(Accession.id, Accession.restricted, Accession.instcode).where(
            Accession.id.in_(ids[start:start + CHUNK]))
        states.update({i: AccessionState(r, c) for i, r, c in db.session.execute(query)})
    return states


def _was_public(ids: list[int]) -> dict[int, str | None]:
    """Each accession's last public op in the feed (None: it was never public). After a
    tombstone the id starts afresh: SQLite gives a deleted accession's id to the next one."""
    found = {}
    keys = [str(i) for i in ids]
    for start in range(0, len(keys), CHUNK):
        latest = (db.select(func.max(Change.cursor))
                  .where(Change.entity == "accession",
                         Change.entity_id.in_(keys[start:start + CHUNK]))
                  .group_by(Change.entity_id))
        query = db.select(Change.entity_id, Change.op, Change.public_op).where(
            Change.cursor.in_(latest))
        found.update({int(k): None if op == "delete" else public
                      for k, op, public in db.session.execute(query)})
    return found


def accession_rows(ids, states: dict[int, AccessionState]) -> tuple[list[dict], dict]:
    """The accessions' rows, and {accession id: "delete" | "upsert"} for those that stopped
    or started being public (and still exist): their records must follow them."""
    ids = sorted(ids)
    before = _was_public(ids)
    rows, turns = [], {}
    for accession_id in ids:
        state = states.get(accession_id)
        op = "upsert" if state is not None else "delete"
        public_now = state is not None and not state.restricted
        was_public = before.get(accession_id) == "upsert"
        public_op = "upsert" if public_now else ("delete" if was_public else None)
        if state is not None and accession_id in before and public_now != was_public:
            turns[accession_id] = public_op
        rows.append({"entity": "accession", "entity_id": str(accession_id), "op": op,
                     "public_op": public_op, "accession_id": accession_id,
                     "instcode": state.instcode if state else None})
    return rows, turns


def linked_rows(entity: str, items, states: dict[int, AccessionState],
                hidden=frozenset()) -> list[dict]:
    """Rows of records that belong to an accession, from ((entity id, accession id), op).
    A deleted accession's records go with its own tombstone; those of an accession that
    has just stopped being public (`hidden`) are a delete for the public."""
    rows = []
    for (entity_id, accession_id), op in items:
        state = states.get(accession_id)
        if state is None:
            continue
        public_op = ("delete" if accession_id in hidden else None) if state.restricted else op
        rows.append({"entity": entity, "entity_id": str(entity_id), "op": op,
                     "public_op": public_op,
                     "accession_id": accession_id, "instcode": state.instcode})
    return rows
