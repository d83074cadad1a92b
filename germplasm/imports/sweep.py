"""Clearing up after uploads: files of finished jobs, jobs never confirmed, and jobs a stopped
server left half-way (their state is in the database, so they would wait for ever)."""
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.imports.models import ImportJob

INTERRUPTED = ("interrupted: the server stopped during this step. A check wrote nothing; an "
               "import writes all or nothing, so look for source '{source}' in the change "
               "history before uploading again")


def sweep(keep_days: int, stuck_hours: int) -> dict[str, int]:
    """Counts of what was done. Flushes; the command commits."""
    now = utcnow()
    return {"interrupted": _interrupted(now - timedelta(hours=stuck_hours)),
            "unconfirmed_dropped": _unconfirmed(now - timedelta(days=keep_days)),
            "files_removed": _finished_files(now - timedelta(days=keep_days))}


def _interrupted(before) -> int:
    from germplasm.imports.services import finish_interrupted

    stuck = _jobs(ImportJob.status.in_(("checking", "importing")), ImportJob.created_at < before)
    for job in stuck:
        finish_interrupted(job, INTERRUPTED)
    return len(stuck)


def _unconfirmed(before) -> int:
    """Checked or failed uploads nobody confirmed: their file and job go, as a cancel does."""
    from germplasm.imports.services import cancel

    old = _jobs(ImportJob.status.in_(("checked", "failed")), ImportJob.created_at < before)
    return sum(1 for job in old if cancel(job))


def _finished_files(before) -> int:
    """Imported jobs keep their report as history; the uploaded copy is no longer needed."""
    removed = 0
    for job in _jobs(ImportJob.status == "done", ImportJob.finished_at < before):
        path = Path(job.path)
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def _jobs(*conditions) -> list[ImportJob]:
    return list(db.session.scalars(select(ImportJob).where(*conditions).order_by(ImportJob.id)))
