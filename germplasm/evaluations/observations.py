"""Record observations (insert or update by their natural key) and keep summaries current."""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import tuple_

from germplasm import locking
from germplasm.audit import services as audit
from germplasm.bulk_insert import insert_rows
from germplasm.evaluations import campaigns, summaries
from germplasm.evaluations.models import Campaign, Descriptor, Observation
from germplasm.evaluations.values import Value
from germplasm.extensions import db
from germplasm.feed import outbox
from search.state import mark_changed

COMPARED = ("value_num", "value_text", "value_date", "observed_on", "observer", "notes")


@dataclass
class NewObservation:
    accession_id: int
    descriptor: Descriptor
    value: Value
    replicate: int = 1
    plant: str = ""
    observed_on: date | None = None
    observer: str | None = None
    notes: str | None = None

    @property
    def key(self) -> tuple[int, int, str, int]:
        return (self.accession_id, self.descriptor.id, self.plant, self.replicate)


@dataclass
class RecordResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changed_keys: list = field(default_factory=list)


def record(campaign: Campaign, items: list[NewObservation], user: str, source: str) -> RecordResult:
    """Upsert by (campaign, accession, descriptor, plant, replicate); refresh summaries.

    The campaign and the accessions are locked first (see germplasm.locking): an entry form
    and a sheet recording the same accession take turns, and summaries count both."""
    locking.lock_rows(Campaign, [campaign.id])
    locking.lock_observations_of(i.accession_id for i in items)
    result, existing = RecordResult(), _existing(campaign, [i.key for i in items])
    new_rows = []
    for item in items:
        columns = _columns(item)
        current = existing.get(item.key)
        if current is None:
            new_rows.append(columns | {"campaign_id": campaign.id, "source": source})
            result.created += 1
        elif _apply(current, columns, user, source):
            result.updated += 1
        else:
            result.unchanged += 1
            continue
        result.changed_keys.append(item.key)
    _insert(new_rows)
    campaigns.add_descriptors(campaign, {i.descriptor.id: i.descriptor for i in items}.values())
    campaigns.add_to_worklist(campaign, [i.accession_id for i in items])
    db.session.flush()
    if result.created:  # one entry per batch: new values have no old value to keep
        audit.record(user, "campaign", campaign.id, "create", field="observations",
                     new=f"{result.created} observations", source=source)
    summaries.refresh({(k[0], k[1]) for k in result.changed_keys})
    mark_changed({k[0] for k in result.changed_keys})
    outbox.note_observations(_ids_of(campaign, result.changed_keys))
    return result


def _ids_of(campaign: Campaign, keys: list) -> list[tuple[int, int]]:
    """(observation id, accession id) of these keys: rows inserted in bulk have no objects."""
    wanted, found = set(keys), []
    accession_ids = sorted({k[0] for k in keys})
    for start in range(0, len(accession_ids), 5_000):
        query = db.select(Observation.id, Observation.accession_id, Observation.descriptor_id,
                          Observation.plant, Observation.replicate).where(
            Observation.campaign_id == campaign.id,
            Observation.accession_id.in_(accession_ids[start:start + 5_000]))
        found += [(i, a) for i, a, d, p, r in db.session.execute(query) if (a, d, p, r) in wanted]
    return found


def _insert(rows: list[dict]) -> None:
    # Rows, not ORM objects: a sheet brings thousands of observations that need no ids.
    insert_rows(Observation.__table__, rows)


def _columns(item: NewObservation) -> dict:
    return {
        "accession_id": item.accession_id, "descriptor_id": item.descriptor.id,
        "descriptor_version": item.descriptor.version, "plant": item.plant,
        "replicate": item.replicate, "value_num": item.value.num, "value_text": item.value.text,
        "value_date": item.value.date, "day_of_year": item.value.day_of_year,
        "observed_on": item.observed_on, "observer": item.observer, "notes": item.notes,
    }


def _apply(observation: Observation, columns: dict, user: str, source: str) -> bool:
    changes = {k: (getattr(observation, k), columns[k]) for k in COMPARED
               if getattr(observation, k) != columns[k]}
    if not changes:
        return False
    for key, (old, new) in changes.items():
        audit.record(user, "observation", observation.id, "update",
                     accession_id=observation.accession_id, field=key, old=old, new=new,
                     source=source)
    for key, value in columns.items():
        setattr(observation, key, value)
    observation.source = source
    return True


def _existing(campaign: Campaign, keys: list[tuple]) -> dict[tuple, Observation]:
    found, keys = {}, sorted(set(keys))
    if not db.session.scalar(db.select(Observation.id).filter_by(campaign_id=campaign.id)
                             .limit(1)):
        return found  # a new or empty campaign: nothing to look up
    columns = (Observation.accession_id, Observation.descriptor_id, Observation.plant,
               Observation.replicate)
    for start in range(0, len(keys), 400):
        query = db.select(Observation).where(Observation.campaign_id == campaign.id,
                                             tuple_(*columns).in_(keys[start:start + 400]))
        for o in db.session.scalars(query):
            found[(o.accession_id, o.descriptor_id, o.plant, o.replicate)] = o
    return found
