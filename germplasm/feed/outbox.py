"""Services note what they change; just before the commit the notes become rows of the feed,
in the same transaction, so a rolled-back change leaves nothing behind."""
from sqlalchemy import event, func, update
from sqlalchemy.orm import Session

from germplasm.bulk_insert import insert_rows
from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.feed.models import Change
from germplasm.feed.turns import members
from germplasm.feed.visibility import accession_rows, accession_states, linked_rows


def _pending(session: Session | None = None) -> dict:
    info = (session or db.session).info
    return info.setdefault("feed", {"accession": set(), "observation": {}, "summary": set(),
                                    "other": {}, "descriptor_ids": set(),
                                    "linked": {}})


def note_accessions(ids) -> None:
    """These accessions (their passport, names, pedigree, photos) changed or were deleted."""
    _pending()["accession"].update(ids)


def note_observations(pairs, op: str = "upsert", session: Session | None = None) -> None:
    """(observation id, accession id) of observations created, changed or deleted."""
    _pending(session)["observation"].update(dict.fromkeys(pairs, op))


def note_summaries(pairs) -> None:
    """(accession id, descriptor code) whose trait summaries were recomputed."""
    _pending()["summary"].update(pairs)


def note_descriptor_ids(ids, session: Session | None = None) -> None:
    _pending(session)["descriptor_ids"].update(ids)


def note_linked(entity: str, entity_id, accession_id: int, op: str = "upsert",
                session: Session | None = None) -> None:
    """A record that belongs to an accession without being part of its search document (a
    lot, a plant): seen by whoever may see the accession."""
    _pending(session)["linked"][(entity, str(entity_id), accession_id)] = op


def note(entity: str, entity_id, op: str = "upsert", session: Session | None = None) -> None:
    """A public record outside any accession (a descriptor, a campaign)."""
    _pending(session)["other"][(entity, str(entity_id))] = op


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop("feed", None)


def write_pending(session: Session, locked: bool) -> None:
    """Turn the notes into feed rows. The caller holds the catalogue version row's lock (or we
    take it here), so no transaction that commits later can get a smaller cursor."""
    pending = session.info.pop("feed", None)
    if not pending or not any(pending.values()):
        return
    rows = _rows(pending)
    if not rows:
        return
    if not locked:
        from search.state import SearchState

        session.execute(update(SearchState).where(SearchState.id == 1)
                        .values(version=SearchState.version))
    insert_rows(Change.__table__, rows)


def _rows(pending: dict) -> list[dict]:
    at = utcnow()
    for code in _codes(pending["descriptor_ids"]):
        pending["other"].setdefault(("descriptor", code), "upsert")
    observed = {a for _, a in pending["observation"]} | {a for a, _ in pending["summary"]}
    observed |= {a for _, _, a in pending["linked"]}
    states = accession_states(pending["accession"] | observed)
    rows, turns = accession_rows(pending["accession"], states)
    _follow(pending, turns)
    hidden = frozenset(a for a, op in turns.items() if op == "delete")
    rows += linked_rows("observation", sorted(pending["observation"].items()), states, hidden)
    rows += linked_rows("summary", [((f"{a}:{code}", a), "upsert")
                                    for a, code in sorted(pending["summary"])], states, hidden)
    rows += _linked(pending["linked"], states, hidden)
    rows += [{"entity": entity, "entity_id": entity_id, "op": op, "public_op": op,
              "accession_id": None, "instcode": None}
             for (entity, entity_id), op in sorted(pending["other"].items())]
    for row in rows:
        row["at"] = at
    return rows


def _follow(pending: dict, turns: dict) -> None:
    """The records of accessions that stopped or started being public follow them (a
    record changed or deleted in the same transaction keeps its own op)."""
    if not turns:
        return
    found = members(turns)
    for entity in ("lot", "plant"):
        for entity_id, accession_id in found[entity]:
            pending["linked"].setdefault((entity, entity_id, accession_id), "upsert")
    for entity_id, accession_id in found["observation"]:
        pending["observation"].setdefault((int(entity_id), accession_id), "upsert")
    pending["summary"].update((accession_id, code) for code, accession_id in found["summary"])


def _linked(linked: dict, states, hidden=frozenset()) -> list[dict]:
    rows = []
    for (entity, entity_id, accession_id), op in sorted(linked.items()):
        rows += linked_rows(entity, [((entity_id, accession_id), op)], states, hidden)
    for row in rows:
        row["accession_id"] = None  # not in the accession's search document: no reindexing
    return rows


def _codes(descriptor_ids) -> list[str]:
    from germplasm.evaluations.models import Descriptor

    if not descriptor_ids:
        return []
    return list(db.session.scalars(db.select(Descriptor.code).where(
        Descriptor.id.in_(sorted(descriptor_ids)))))


def latest_cursor() -> int:
    return db.session.scalar(db.select(func.max(Change.cursor))) or 0
