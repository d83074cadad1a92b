"""Keep the index behind the database: only committed changes reach it, through the change
feed (germplasm.feed), which every process follows (search.feed_follow)."""
from sqlalchemy import event
from sqlalchemy.orm import Session

from germplasm.extensions import db
from search import feed_follow


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    session.info["feed_committed"] = True


def commit() -> None:
    """Commit the request's or command's transaction, then bring the index up to date."""
    db.session.commit()
    index_committed()


def index_committed() -> None:
    """After this process committed: bring the index up to date (from the feed, so what
    other processes committed comes along)."""
    if db.session.info.pop("feed_committed", False):
        feed_follow.follow_quietly()
