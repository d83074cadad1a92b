"""The index's life: open, rebuild from the database, update documents after a commit."""
import logging
import os
import shutil
from pathlib import Path

from flask import current_app
from whoosh import index as whoosh_index
from whoosh.writing import AsyncWriter

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from search import segment_arrays
from search.documents import DocumentBuilder
from search.schema import build_schema

log = logging.getLogger(__name__)


class IndexUnavailable(Exception):
    pass


def index_dir() -> Path:
    return Path(current_app.config["GERMPLASM_INDEX_DIR"])


def open_index():
    path = index_dir()
    try:
        if not whoosh_index.exists_in(path):
            raise IndexUnavailable(f"no search index in {path}; run `germplasm reindex`")
        return whoosh_index.open_dir(path)
    except (OSError, whoosh_index.IndexError, ValueError, EOFError) as error:
        raise IndexUnavailable(f"the search index in {path} cannot be opened: {error}") from error


def rebuild(release=lambda: None) -> int:
    """Write a complete new index beside the old one, then swap it in.

    `release` runs between batches of documents; the reindex command passes
    session.expunge_all to keep memory flat (never do that under a live request)."""
    path = index_dir()
    fresh = path.with_name(f"{path.name}.new-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    ix = whoosh_index.create_in(fresh, build_schema())
    _hold_feed_cursor(fresh)  # before reading: what changes meanwhile is applied again later
    ids = list(db.session.scalars(db.select(Accession.id).order_by(Accession.id)))
    # Two writer processes halve a large build; for a small one, forking costs more. Each
    # writer keeps its postings in memory up to limitmb (about 25,000 accessions' worth in
    # 300 MB): spilling them to disk and merging them back cost a fifth of the build.
    writer = ix.writer(procs=2, limitmb=512, multisegment=True) if len(ids) > 2000 else (
        ix.writer(limitmb=512))
    for document in DocumentBuilder().documents(ids, release=release):
        writer.add_document(**document)
    writer.commit()
    segment_arrays.write_missing(ix)
    _swap(fresh, path)
    return len(ids)


def _hold_feed_cursor(path: Path) -> None:
    from germplasm.feed.outbox import latest_cursor
    from search.feed_follow import hold_cursor

    hold_cursor(path, latest_cursor())


def _swap(fresh: Path, path: Path) -> None:
    old = path.with_name(f"{path.name}.old-{os.getpid()}")
    if path.exists():
        path.rename(old)
    fresh.rename(path)
    shutil.rmtree(old, ignore_errors=True)


def update(accession_ids: set[int], wait: bool = False) -> None:
    """Re-index these accessions (deleted ones leave the index); build it if missing.
    `wait`: commit here, waiting for another writer's lock, rather than in a thread."""
    try:
        ix = open_index()
    except IndexUnavailable as problem:
        log.warning("%s; building it now", problem)
        rebuild()
        return
    present = set(db.session.scalars(db.select(Accession.id).where(
        Accession.id.in_(sorted(accession_ids)))))
    writer = ix.writer(timeout=60, delay=0.05) if wait else _Writer(ix)
    for accession_id in accession_ids - present:
        writer.delete_by_term("key", str(accession_id))
    for document in DocumentBuilder().documents(sorted(present)):
        writer.update_document(**document)
    writer.commit()
    if wait or not writer.is_alive():  # committed here, not in a thread waiting for the lock
        segment_arrays.write_missing(ix)


class _Writer(AsyncWriter):
    """Waits for the lock in a thread when another worker is writing; whoever commits
    then writes the arrays file of any large segment the commit made (by merging)."""

    def run(self):
        super().run()
        segment_arrays.write_missing(self.index)
