"""Insert new accessions in bulk: thousands of rows from one file need no ORM objects."""
from dataclasses import dataclass

from germplasm.accessions.mcpd_fields import FLAG_FIELDS, MULTI_VALUED, SCALAR_FIELDS
from germplasm.accessions.models import Accession, AccessionMultiValue, AccessionName
from germplasm.accessions.names import classify, split_accename
from germplasm.audit.models import AuditEntry
from germplasm.bulk_insert import insert_rows, is_postgresql, reserve_ids
from germplasm.db import utcnow
from germplasm.extensions import db


@dataclass
class Subject:
    """What the pedigree linker needs of an accession, new or existing."""

    id: int
    instcode: str
    accenumb: str
    ancest: str | None
    names: list[str]

    @classmethod
    def of(cls, accession: Accession) -> "Subject":
        return cls(accession.id, accession.instcode, accession.accenumb, accession.ancest,
                   [n.name for n in accession.names])


def insert_new(pending: list[tuple[dict, list[str]]], cache, is_demo: bool, user: str,
               source: str) -> list[Subject]:
    """Insert (row, warnings) pairs as new accessions with names, codes and an audit entry."""
    taxa = [cache.taxon(row, warnings) for row, warnings in pending]
    for row, warnings in pending:
        cache.institute(row["instcode"], warnings)
    db.session.flush()  # new taxa and institutes get their ids
    now = utcnow()
    records = [_accession(row, taxon.id, is_demo, now) for (row, _), taxon in zip(
        pending, taxa, strict=True)]
    ids = _insert_returning_ids(records)
    subjects = [Subject(i, r["instcode"], r["accenumb"], r["ancest"],
                        split_accename(row.get("accename")))
                for i, r, (row, _) in zip(ids, records, pending, strict=True)]
    _insert_children(subjects, [row for row, _ in pending], user, source, now)
    return subjects


def _accession(row: dict, taxon_id: int, is_demo: bool, now) -> dict:
    record = {c.lower(): row.get(c.lower()) for c in SCALAR_FIELDS}
    record |= {c.lower(): bool(row.get(c.lower())) for c in FLAG_FIELDS}
    return record | {"instcode": row["instcode"], "accenumb": row["accenumb"],
                     "taxon_id": taxon_id, "is_demo": is_demo, "created_at": now,
                     "updated_at": now}


def _insert_returning_ids(records: list[dict]) -> list[int]:
    """PostgreSQL: ids reserved from the sequence, then COPY. SQLite: executemany, then the
    ids by natural key, because RETURNING in order degrades to one statement per row there
    (and on PostgreSQL the look-up is planned badly on a table grown mid-transaction)."""
    if not records:
        return []
    table = Accession.__table__
    if is_postgresql():
        ids = reserve_ids(table, len(records))
        insert_rows(table, [record | {"id": i} for record, i in zip(records, ids, strict=True)])
        return ids
    db.session.execute(table.insert(), records)
    ids = ids_by_key({(r["instcode"], r["accenumb"]) for r in records})
    return [ids[(r["instcode"], r["accenumb"])] for r in records]


def ids_by_key(keys: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """{(INSTCODE, ACCENUMB): id}, one institute at a time.

    `instcode = ? AND accenumb IN (...)` rather than a row-value IN: PostgreSQL plans the
    latter badly on a table whose statistics predate the import (seconds per chunk).
    """
    by_institute, ids = {}, {}
    for instcode, accenumb in keys:
        by_institute.setdefault(instcode, []).append(accenumb)
    for instcode, numbers in by_institute.items():
        numbers.sort()
        for start in range(0, len(numbers), 1000):
            query = db.select(Accession.accenumb, Accession.id).where(
                Accession.instcode == instcode, Accession.accenumb.in_(numbers[start:start + 1000]))
            ids.update({(instcode, n): i for n, i in db.session.execute(query)})
    return ids


def _insert_children(subjects, rows, user: str, source: str, now) -> None:
    names, values, audits = [], [], []
    for subject, row in zip(subjects, rows, strict=True):
        for position, name in enumerate(subject.names):
            name_type, lang = classify(name, position)
            names.append({"accession_id": subject.id, "name": name, "name_type": name_type,
                          "lang": lang, "position": position})
        for column in MULTI_VALUED:
            values += [{"accession_id": subject.id, "field": column, "position": p, "value": v}
                       for p, v in enumerate(row.get(column.lower()) or [])]
        audits.append({"user": user, "entity": "accession", "entity_id": subject.id,
                       "accession_id": subject.id, "action": "create",
                       "new_value": subject.accenumb, "source": source, "at": now})
    for model, batch in ((AccessionName, names), (AccessionMultiValue, values),
                         (AuditEntry, audits)):
        insert_rows(model.__table__, batch)
