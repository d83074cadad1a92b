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
import threading
from pathlib import Path

from flask import current_app
from whoosh import index as whoosh_index

from germplasm.extensions import db
from germplasm.feed.models import Change
from germplasm.feed.outbox import latest_cursor
from search import accession_index

log = logging.getLogger(__name__)
CURSOR_FILE = "feed_cursor"
BATCH = 50_000  # changed accessions re-indexed per writer commit
_background = threading.Lock()  # one catching-up thread per process


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


def follow(inline_limit: int | None = None, wait: bool = False) -> int:
    """Apply the feed to this node's index; returns how many accessions were re-indexed.
    With `inline_limit`, a larger catch-up (another node's big import, a restore) runs in a
    thread while the search goes on with the index as it is."""
    if current_app.config.get("GERMPLASM_INDEX_FOLLOWS_FEED") is False:
        return 0
    path = accession_index.index_dir()
    newest = latest_cursor()
    held = held_cursor(path)
    if held is not None and held == newest:
        return 0
    if not whoosh_index.exists_in(path) and inline_limit is not None:
        _catch_up_in_background()  # no index yet (a new node, a fresh database): build it
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with _node_lock(path, wait) as locked:
        if not locked:
            return 0  # another process of this node is applying the feed right now
        return _apply(path, newest, inline_limit)


def _apply(path: Path, newest: int, inline_limit: int | None = None) -> int:
    if not whoosh_index.exists_in(path):
        log.warning("no search index in %s: building it", path)
        return accession_index.rebuild()
    held = held_cursor(path)
    if held is None:  # an index built before the feed existed was kept current by commits
        log.info("search index %s starts following the change feed at %d", path, newest)
        hold_cursor(path, newest)
        return 0
    if held == newest:
        return 0
    ids = changed_accessions(held, newest) if held < newest else None
    if inline_limit is not None and (ids is None or len(ids) > inline_limit):
        _catch_up_in_background()
        return 0
    if held > newest:  # the database went back in time (a restore): nothing here to replay
        log.warning("search index %s is ahead of the change feed (%d > %d): rebuilding it",
                    path, held, newest)
        return accession_index.rebuild()
    for start in range(0, len(ids), BATCH):
        accession_index.update(set(ids[start:start + BATCH]), wait=True)
    hold_cursor(path, newest)
    return len(ids)


def changed_accessions(after: int, upto: int) -> list[int]:
    query = (db.select(Change.accession_id).distinct()
             .where(Change.cursor > after, Change.cursor <= upto,
                    Change.accession_id.is_not(None)))
    return sorted(db.session.scalars(query))


def _catch_up_in_background() -> None:
    if not current_app.config.get("GERMPLASM_INDEX_BACKGROUND", True):
        return  # the test suite: every session shares one connection, threads must not
    if not _background.acquire(blocking=False):
        return  # this process is catching up already
    app = current_app._get_current_object()

    def run():
        try:
            with app.app_context():
                follow(wait=True)
        except Exception:
            log.exception("search index could not follow the change feed")
        finally:
            _background.release()

    threading.Thread(target=run, name="index-follows-feed", daemon=True).start()


class _node_lock:
    """An exclusive lock on the index folder's lock file; `wait`: block until it is free."""

    def __init__(self, path: Path, wait: bool = False):
        self.file = open(path.parent / f".{path.name}.feed.lock", "a")  # noqa: SIM115
        self.wait = wait

    def __enter__(self) -> bool:
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
            return True
        except BlockingIOError:
            return False

    def __exit__(self, *exc) -> None:
        self.file.close()  # closing releases the lock


def inline_limit() -> int:
    return current_app.config.get("GERMPLASM_INDEX_INLINE_LIMIT", 2000)


def follow_quietly(inline_limit: int | None = None) -> None:
    """After a commit: the data is safe; an index that could not follow now catches up on
    the next search (or `germplasm reindex`)."""
    try:
        follow(inline_limit)
    except Exception:
        log.exception("search index could not follow the change feed")
