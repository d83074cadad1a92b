"""Create and update accessions from validated MCPD rows; flush, never commit."""
from dataclasses import dataclass, field

from germplasm import locking
from germplasm.accessions import bulk, pedigree
from germplasm.accessions.bulk import Subject
from germplasm.accessions.mcpd_fields import FLAG_FIELDS, MULTI_VALUED, SCALAR_FIELDS
from germplasm.accessions.models import Accession, AccessionMultiValue, AccessionName
from germplasm.accessions.names import classify, split_accename
from germplasm.accessions.taxa import ReferenceCache
from germplasm.audit import services as audit
from germplasm.db import utcnow
from germplasm.extensions import db
from search.state import mark_changed


@dataclass
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (row number, message)


def upsert_rows(rows: list[tuple[int, dict]], user: str, source: str,
                is_demo: bool = False) -> UpsertResult:
    """Insert or update by (INSTCODE, ACCENUMB); rows are (spreadsheet row, loaded dict).

    Imports take turns (locking.serialise) and lock the accessions they update before
    reading them, so two overlapping files give one file's values or the other's."""
    locking.serialise("accession-upsert")
    batch = _Batch(user, source, is_demo, {(r["instcode"], r["accenumb"]) for _, r in rows})
    # No autoflush: thousands of pending rows would otherwise be flushed at every lookup.
    with db.session.no_autoflush:
        for number, row in rows:
            batch.add(number, row)
    db.session.flush()
    created = batch.insert_created()
    touched = [Subject.of(a) for a in batch.touched] + [s for s in created if s.ancest]
    for accession in batch.touched:
        db.session.expire(accession, ["parent_links"])
    _update_pedigree(touched, created, batch.row_of, batch.result)
    mark_changed([s.id for s in created] + [a.id for a in batch.changed])
    return batch.result


class _Batch:
    def __init__(self, user: str, source: str, is_demo: bool, keys: set[tuple[str, str]]):
        self.user, self.source, self.is_demo = user, source, is_demo
        self.result, self.cache, self.existing = UpsertResult(), ReferenceCache(), _existing(keys)
        self.pending, self.touched, self.changed, self.row_of = [], [], [], {}

    def add(self, number: int, row: dict) -> None:
        warnings = list(row.get("warnings", []))
        key = (row["instcode"], row["accenumb"])
        self.row_of[key] = number
        accession = self.existing.get(key)
        if accession is None:
            self.pending.append((row, warnings))  # reported once inserted: more may come
            return
        changes = apply_row(accession, row, self.cache, warnings)
        _count_update(self.result, changes)
        audit.record_changes(self.user, accession, changes, self.source)
        if changes:
            self.changed.append(accession)
        if "ANCEST" in changes:
            self.touched.append(accession)
        self.result.warnings += [(number, w) for w in warnings]

    def insert_created(self) -> list[Subject]:
        created = bulk.insert_new(self.pending, self.cache, self.is_demo, self.user, self.source)
        for row, warnings in self.pending:
            number = self.row_of[(row["instcode"], row["accenumb"])]
            self.result.warnings += [(number, w) for w in warnings]
        self.result.created = len(created)
        return created


def apply_row(accession: Accession, row: dict, cache: ReferenceCache, warnings) -> dict:
    """Set the columns present in `row`; return {field: (old, new)} for what changed."""
    changes = {}
    for column in SCALAR_FIELDS + FLAG_FIELDS:
        key = column.lower()
        if key in row:
            new = bool(row[key]) if column in FLAG_FIELDS else row[key]
            if getattr(accession, key) != new:
                changes[column] = (getattr(accession, key), new)
                setattr(accession, key, new)
    taxon = cache.taxon(_taxon_fields(accession, row), warnings)
    if accession.taxon is not taxon:
        old = accession.taxon.scientific_name if accession.taxon else None
        changes["TAXON"] = (old, taxon.scientific_name)
        accession.taxon = taxon
    if "accename" in row:
        _set_names(accession, split_accename(row["accename"]), changes)
    for column in MULTI_VALUED:
        if column.lower() in row:
            _set_multi(accession, column, row[column.lower()] or [], changes)
    if changes:  # names and codes live in other tables: the row itself must change too,
        accession.updated_at = utcnow()  # so that its version moves on
    return changes


def _taxon_fields(accession: Accession, row: dict) -> dict:
    """Taxon columns from the row; those it lacks keep the accession's current values."""
    current = accession.taxon
    return {key: row[key] if key in row else (getattr(current, key) if current else None)
            for key in ("genus", "species", "spauthor", "subtaxa", "subtauthor")}


def _set_names(accession: Accession, names: list[str], changes: dict) -> None:
    old = [n.name for n in accession.names]
    if old == names:
        return
    changes["ACCENAME"] = (old, names)
    for position, name in enumerate(names):
        name_type, lang = classify(name, position)
        if position < len(accession.names):
            current = accession.names[position]
            current.name, current.name_type, current.lang = name, name_type, lang
        else:
            accession.names.append(AccessionName(
                name=name, name_type=name_type, lang=lang, position=position))
    del accession.names[len(names):]


def _set_multi(accession: Accession, column: str, values: list[str], changes: dict) -> None:
    current = [mv for mv in accession.multi_values if mv.field == column]
    if [mv.value for mv in current] == values:
        return
    changes[column] = ([mv.value for mv in current], values)
    # Reuse rows by position: deleting and re-inserting the same (field, position) in one
    # flush would trip the unique constraint, since inserts run before deletes.
    for position, value in enumerate(values):
        if position < len(current):
            current[position].value = value
        else:
            accession.multi_values.append(
                AccessionMultiValue(field=column, position=position, value=value))
    for surplus in current[len(values):]:
        accession.multi_values.remove(surplus)


def _existing(keys: set[tuple[str, str]]) -> dict[tuple[str, str], Accession]:
    ids = sorted(bulk.ids_by_key(keys).values())
    locking.lock_rows(Accession, ids)
    found = {}
    for start in range(0, len(ids), 1000):
        query = db.select(Accession).where(Accession.id.in_(ids[start:start + 1000]))
        found.update({(a.instcode, a.accenumb): a for a in db.session.scalars(query)})
    return found


def _count_update(result: UpsertResult, changes: dict) -> None:
    if changes:
        result.updated += 1
    else:
        result.unchanged += 1


def _update_pedigree(touched, created, row_of, result: UpsertResult) -> None:
    warnings_by_id: dict[int, list[str]] = {}
    pedigree.rebuild_links(touched, {a.id for a in created}, warnings_by_id)
    pedigree.link_waiting_children(created)
    db.session.flush()
    by_id = {a.id: row_of[(a.instcode, a.accenumb)] for a in touched}
    for acc_id, messages in warnings_by_id.items():
        result.warnings += [(by_id[acc_id], m) for m in messages]


def get_by_number(accenumb: str, instcode: str | None = None) -> Accession | None:
    query = db.select(Accession).where(Accession.accenumb == accenumb)
    if instcode:
        query = query.where(Accession.instcode == instcode)
    return db.session.scalars(query.order_by(Accession.id)).first()


class PassportProblem(ValueError):
    """Invalid passport values: {MCPD column: [messages]}."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {', '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class VersionConflict(PassportProblem):
    """The accession changed since the caller read it (another user, an import)."""

    def __init__(self, accession: Accession, seen: int):
        super().__init__({"": [
            f"{accession.accenumb} was changed by someone else (version {seen} was edited, "
            f"it is now version {accession.version}); nothing was saved: reload and edit "
            "again"]})
        self.current = accession.version


def lock_current(accession: Accession) -> Accession:
    """Lock the row, then re-read it and its names and codes as last committed."""
    locking.lock_rows(Accession, [accession.id])
    db.session.refresh(accession)
    db.session.expire(accession, ["names", "multi_values", "taxon", "parent_links"])
    return accession


def update_passport(accession: Accession, values: dict[str, str | None], user: str,
                    source: str = "web form", expected_version: int | None = None) -> dict:
    """Validate MCPD columns (text as typed) and apply them, audited; {} when nothing changed.

    The admin and any edit form use this, so edits get the same checks as an import. With
    `expected_version` (what the form showed), a change made meanwhile is a VersionConflict.
    """
    from marshmallow import ValidationError

    from schemas.accession import McpdRowSchema

    lock_current(accession)
    if expected_version is not None and accession.version != expected_version:
        raise VersionConflict(accession, expected_version)

    row = {"INSTCODE": accession.instcode, "ACCENUMB": accession.accenumb,
           "GENUS": accession.taxon.genus} | {k.upper(): (v.strip() if isinstance(v, str)
                                                          else v) or None
                                              for k, v in values.items()}
    try:
        loaded = McpdRowSchema().load(row)
    except ValidationError as error:
        raise PassportProblem(error.messages) from None
    warnings: list[str] = []
    changes = apply_row(accession, loaded, ReferenceCache(), warnings)
    audit.record_changes(user, accession, changes, source)
    if "ANCEST" in changes:
        db.session.flush()
        _update_pedigree([Subject.of(accession)], [], {(accession.instcode,
                         accession.accenumb): 0}, UpsertResult())
        db.session.expire(accession, ["parent_links"])
    if changes:
        mark_changed([accession.id])
    db.session.flush()
    return changes
