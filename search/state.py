"""A catalogue version number, bumped in every transaction that changes what search shows,
and the accessions each version changed, so each worker process can bring its in-memory
snapshot up to date by patching a few rows instead of rebuilding it."""
from sqlalchemy import Text, delete, event, insert, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from germplasm.extensions import db

MAX_LISTED = 10_000  # more changed accessions than this are recorded as "everything"
KEPT_VERSIONS = 1_000  # a worker further behind than this rebuilds its snapshot


class SearchState(db.Model):
    __tablename__ = "search_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0)


class SearchChange(db.Model):
    """What one version changed: accession ids (comma-separated), or NULL for anything
    (descriptors, a large import)."""

    __tablename__ = "search_changes"

    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    accession_ids: Mapped[str | None] = mapped_column(Text)


def mark_changed(accession_ids) -> None:
    """Note accessions whose documents must be rebuilt once this transaction commits."""
    ids = set(accession_ids)
    if not ids:
        return
    from germplasm.feed import outbox

    outbox.note_accessions(ids)
    bump_version(ids)


def bump_version(accession_ids=None) -> None:
    """Tell every worker its snapshot is stale, and what changed: these accessions, or
    anything (None: descriptors, which no document holds but filters and facets read).

    The version row is written just before the commit (write_version): it is the one row
    every writer updates, so holding its lock from the first change of a long import to
    its commit would keep every entry form waiting for the whole import."""
    info = db.session.info
    if accession_ids is None:
        info["search_bump_all"] = True
    info.setdefault("search_bump", set()).update(accession_ids or ())


@event.listens_for(Session, "before_commit")
def _write_pending_version(session: Session) -> None:
    """The version row first (its lock orders the commits), then the change feed's rows."""
    from germplasm.feed import outbox

    session.flush()  # changes still pending would otherwise flush after the feed is written
    locked = "search_bump" in session.info
    if locked:
        everything = session.info.pop("search_bump_all", False)
        write_version(session, None if everything else session.info.pop("search_bump"))
        session.info.pop("search_bump", None)
    outbox.write_pending(session, locked)


@event.listens_for(Session, "after_rollback")
def _drop_pending_version(session: Session) -> None:
    session.info.pop("search_bump", None)
    session.info.pop("search_bump_all", None)


def write_version(session: Session, accession_ids) -> None:
    version = session.scalar(update(SearchState).where(SearchState.id == 1)
                             .values(version=SearchState.version + 1)
                             .returning(SearchState.version))
    listed = accession_ids is not None and len(accession_ids) <= MAX_LISTED
    session.execute(insert(SearchChange).values(
        version=version, accession_ids=",".join(map(str, sorted(accession_ids)))
        if listed else None))
    session.execute(delete(SearchChange).where(
        SearchChange.version <= version - KEPT_VERSIONS))


def changes_since(version: int, current: int) -> list[tuple[int, str | None]]:
    """(version, accession ids) of every version after `version` up to `current`."""
    query = db.select(SearchChange.version, SearchChange.accession_ids).where(
        SearchChange.version > version, SearchChange.version <= current).order_by(
        SearchChange.version)
    return list(db.session.execute(query))


def ensure_state() -> None:
    """The single version row, created by `germplasm init`."""
    if db.session.get(SearchState, 1) is None:
        db.session.add(SearchState(id=1, version=0))
        db.session.flush()


def current_version() -> int:
    return db.session.scalar(db.select(SearchState.version).where(SearchState.id == 1)) or 0
