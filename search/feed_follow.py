"""Every process brings its node's index up to date from the change feed.

The index folder remembers the last feed cursor it holds (`feed_cursor`). Before a text
search, and after a commit, a process compares it with the feed's newest cursor and
re-indexes the accessions changed since. So a change made by another process, another
node sharing the database, or a process killed between its commit and its index update
reaches the index all the same. One process per node writes at a time (a file lock); the
others search the index as it is and catch up on their next turn."""
import fcntl
import logging
import os
from pathlib import Path

from flask import current_app

from germplasm.extensions import db
from germplasm.feed.models import Change
from germplasm.feed.outbox import latest_cursor
from search import accession_index

log = logging.getLogger(__name__)
CURSOR_FILE = "feed_cursor"
BATCH = 50_000  # changed accessions re-indexed per writer commit


def held_cursor(path: Path) -> int | None:
    try:
        return int((path / CURSOR_FILE).read_text().strip())
    except (OSError, ValueError):
        return None


def hold_cursor(path: Path, cursor: int) -> None:
    """Written atomically: a reader never sees half a number."""
    partial = path / f"{CURSOR_FILE}.{os.getpid()}"
    partial.write_text(str(cursor))
    partial.replace(path / CURSOR_FILE)


def follow() -> int:
    """Apply the feed to this node's index; returns how many accessions were re-indexed."""
    if current_app.config.get("GERMPLASM_INDEX_FOLLOWS_FEED") is False:
        return 0
    path = accession_index.index_dir()
    newest = latest_cursor()
    held = held_cursor(path)
    if held is not None and held == newest:
        return 0
    if not path.exists():
        return 0  # no index yet: the first search builds it (accession_index.update)
    with _node_lock(path) as locked:
        if not locked:
            return 0  # another process of this node is applying the feed right now
        return _apply(path, newest)


def _apply(path: Path, newest: int) -> int:
    held = held_cursor(path)
    if held is None:  # an index built before the feed existed was kept current by commits
        log.info("search index %s starts following the change feed at %d", path, newest)
        hold_cursor(path, newest)
        return 0
    if held == newest:
        return 0
    if held > newest:  # the database went back in time (a restore): nothing here to replay
        log.warning("search index %s is ahead of the change feed (%d > %d): rebuilding it",
                    path, held, newest)
        return accession_index.rebuild()
    ids = changed_accessions(held, newest)
    for start in range(0, len(ids), BATCH):
        accession_index.update(set(ids[start:start + BATCH]), wait=True)
    hold_cursor(path, newest)
    return len(ids)


def changed_accessions(after: int, upto: int) -> list[int]:
    query = (db.select(Change.accession_id).distinct()
             .where(Change.cursor > after, Change.cursor <= upto,
                    Change.accession_id.is_not(None)))
    return sorted(db.session.scalars(query))


class _node_lock:
    """A non-blocking exclusive lock on the index folder's lock file."""

    def __init__(self, path: Path):
        self.file = open(path.parent / f".{path.name}.feed.lock", "a")  # noqa: SIM115

    def __enter__(self) -> bool:
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def __exit__(self, *exc) -> None:
        self.file.close()  # closing releases the lock


def follow_quietly() -> None:
    """After a commit: the data is safe; an index that could not follow now catches up on
    the next search (or `germplasm reindex`)."""
    try:
        follow()
    except Exception:
        log.exception("search index could not follow the change feed")
