"""Keep the index behind the database: only committed changes reach it.

Services call search.state.mark_changed(); these hooks move the marked ids aside when the
transaction commits (and drop them when it rolls back); commit() then re-indexes them.
"""
import logging

from sqlalchemy import event
from sqlalchemy.orm import Session

from germplasm.extensions import db
from search import accession_index

log = logging.getLogger(__name__)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    ids = session.info.pop("search_ids", None)
    if ids:
        session.info.setdefault("search_committed", set()).update(ids)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop("search_ids", None)


def commit() -> None:
    """Commit the request's or command's transaction, then bring the index up to date."""
    db.session.commit()
    index_committed()


def index_committed() -> None:
    ids = db.session.info.pop("search_committed", None)
    if not ids:
        return
    try:
        accession_index.update(ids)
    except Exception:  # the data is safe; a stale index is repaired by `germplasm reindex`
        log.exception("search index update failed for %d accessions", len(ids))
