"""A catalogue version number: bumped in every transaction that changes what search shows,
so each worker process knows when its in-memory snapshot is stale."""
from sqlalchemy import update
from sqlalchemy.orm import Mapped, mapped_column

from germplasm.extensions import db


class SearchState(db.Model):
    __tablename__ = "search_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0)


def mark_changed(accession_ids) -> None:
    """Note accessions whose documents must be rebuilt once this transaction commits."""
    ids = set(accession_ids)
    if not ids:
        return
    db.session.info.setdefault("search_ids", set()).update(ids)
    bump_version()


def bump_version() -> None:
    """Tell every worker its snapshot is stale (also when descriptors change, which no
    document holds but filters and facets read)."""
    db.session.execute(update(SearchState).where(SearchState.id == 1)
                       .values(version=SearchState.version + 1))


def ensure_state() -> None:
    """The single version row, created by `germplasm init`."""
    if db.session.get(SearchState, 1) is None:
        db.session.add(SearchState(id=1, version=0))
        db.session.flush()


def current_version() -> int:
    return db.session.scalar(db.select(SearchState.version).where(SearchState.id == 1)) or 0
