"""Writers that touch the same records take turns, so no change is lost between them.

Every door that changes an accession or its observations (imports, the entry form, the
admin, the API) locks what it will change before it reads it, always in the same order:
campaign, then accessions by id (their rows for passport writers, an advisory lock per
accession for observation writers), then the catalogue version row (search.state, at commit).
Reads made after the lock see what the previous writer committed, so the result is one
writer's values or the other's, and the audit trail's old values are the true ones.

PostgreSQL: row locks (SELECT ... FOR UPDATE) and a transaction-level advisory lock for
whole-catalogue imports. SQLite has one writer at a time already; taking the write lock
before the first read keeps a second writer waiting (busy_timeout) instead of failing on
a stale snapshot.
"""
import zlib

from sqlalchemy import text

from germplasm.extensions import db

CHUNK = 1000


def is_postgresql() -> bool:
    return db.session.get_bind().dialect.name == "postgresql"


def serialise(name: str) -> None:
    """One transaction at a time may hold `name` (e.g. "mcpd-import"), until it ends."""
    if is_postgresql():
        key = zlib.crc32(name.encode())  # stable across processes, unlike hash()
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    else:
        take_write_lock()


def take_write_lock() -> None:
    """SQLite: become the writer now (a no-op write), before this transaction reads."""
    if not is_postgresql():
        db.session.execute(text("UPDATE search_state SET version = version WHERE id = 1"))


def lock_rows(model, ids) -> None:
    """Lock these rows of `model` (PostgreSQL), in id order so two writers never deadlock.

    FOR NO KEY UPDATE, the lock an UPDATE itself takes: writers of the same rows wait for
    each other, but rows elsewhere that only refer to them (an observation's foreign key
    check) do not wait for a long import that updates the accessions' passports."""
    if not is_postgresql():
        return
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        db.session.execute(db.select(model.id).where(model.id.in_(ordered[start:start + CHUNK]))
                           .order_by(model.id).with_for_update(key_share=True))


OBSERVATIONS = zlib.crc32(b"observations") & 0x7FFFFFFF  # first key of (class, accession id)


def lock_observations_of(accession_ids) -> None:
    """Writers of these accessions' observations take turns (PostgreSQL), in id order.

    Advisory locks, not the accession rows: recording observations does not change the
    accession, so an entry form need not wait for an MCPD import updating its passport."""
    if not is_postgresql():
        return
    ordered = sorted(set(accession_ids))
    db.session.execute(text("SELECT count(pg_advisory_xact_lock(:class, id)) "
                            "FROM unnest(CAST(:ids AS integer[])) AS id"),
                       {"class": OBSERVATIONS, "ids": ordered})


def limit_lock_waits() -> None:
    """A web request that changes data waits at most GERMPLASM_LOCK_TIMEOUT seconds for
    another writer (a long import) and then answers 503 "try again" (germplasm.errors),
    instead of holding a worker indefinitely. Imports from the command line may wait."""
    from flask import current_app, request

    if request.method in ("GET", "HEAD", "OPTIONS") or not is_postgresql():
        return
    seconds = int(current_app.config["GERMPLASM_LOCK_TIMEOUT"])
    db.session.execute(text(f"SET LOCAL lock_timeout = '{seconds}s'"))
