"""The two steps of an upload, run as background jobs (germplasm.jobs): the pre-check is the
CLI's dry run (nothing kept), the import the CLI's import, committed once."""
import logging
from collections.abc import Iterable

from flask_babel import force_locale
from sqlalchemy.exc import SQLAlchemyError

from germplasm.extensions import db
from germplasm.imports import progress as progress_store
from germplasm.imports.models import ImportJob
from germplasm.imports.services import finish, source_of
from loaders.mcpd import import_mcpd
from loaders.observations import import_observations
from loaders.report import ImportReport
from loaders.tabular import FileProblem
from search.sync import commit

log = logging.getLogger(__name__)
VALIDATION_SHARE = 0.8  # of the bar: reading and checking rows; the rest is writing


def check(job_id: int) -> None:
    """The pre-check: the loader's dry run, rolled back; the report is kept on the job."""
    _execute(job_id, dry_run=True)


def run(job_id: int) -> None:
    """The confirmed import: the same loader and services as the CLI, one commit."""
    _execute(job_id, dry_run=False)


def _execute(job_id: int, dry_run: bool) -> None:
    job = db.session.get(ImportJob, job_id)
    if job is None or job.status != ("checking" if dry_run else "importing"):
        log.warning("import job %s is gone or not waiting for this step; skipped", job_id)
        return db.session.rollback()
    params = _parameters(job, dry_run)
    db.session.rollback()  # no transaction (and no SQLite read snapshot) held over the work
    try:
        # The report is the CLI's, in English whichever thread runs it (an inline job runs
        # inside the upload's request); the page translates its reasons when it shows them.
        with force_locale("en"):
            report = _load(params)
    except FileProblem as problem:
        db.session.rollback()
        return finish(job_id, "failed", {"error": str(problem).replace(params["path"],
                                                                        params["filename"])})
    except SQLAlchemyError as error:
        db.session.rollback()
        log.exception("import job %s failed", job_id)
        return finish(job_id, "failed", {"error": f"database error, nothing written: {error}"})
    _end_transaction(report)
    finish(job_id, "checked" if dry_run else "done", _as_dict(report))


def _parameters(job: ImportJob, dry_run: bool) -> dict:
    return {"kind": job.kind, "path": job.path, "filename": job.filename,
            "campaign": job.campaign, "user": job.user.username, "dry_run": dry_run,
            "skip_invalid": job.skip_invalid and not dry_run, "source": source_of(job),
            "job_id": job.id}


def _load(params: dict) -> ImportReport:
    common = {"user": params["user"], "dry_run": params["dry_run"],
              "skip_invalid": params["skip_invalid"], "source": params["source"]}
    if params["kind"] == "mcpd":
        return import_mcpd(params["path"], progress=_progress(params["job_id"]), **common)
    return import_observations(params["path"], campaign=params["campaign"], **common)


def _end_transaction(report: ImportReport) -> None:
    if report.written:
        commit()  # search.sync.commit: the index follows, after the commit
    else:
        db.session.rollback()


def _progress(job_id: int):
    def track(rows: list) -> Iterable:
        step = max(1, len(rows) // 20)
        for number, row in enumerate(rows, 1):
            if number % step == 0:
                progress_store.record(job_id, VALIDATION_SHARE * number / len(rows))
            yield row
    return track


def _as_dict(report: ImportReport) -> dict:
    from dataclasses import asdict

    return asdict(report)
