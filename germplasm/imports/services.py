"""Import jobs: create one from an upload, claim it for the import once, end it, drop it.

Services flush or commit only the job's own row: the data a sheet brings is written by the
loaders (germplasm.imports.work), never here."""
import json
import uuid
from pathlib import Path

from flask import current_app
from sqlalchemy import update

from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.imports.models import KINDS, ImportJob

SUFFIXES = (".csv", ".tsv", ".xlsx")
ROLE_FOR_KIND = {"mcpd": "curator", "observations": "staff"}


class UploadProblem(Exception):
    """The upload form was filled wrongly; `field` names the field, the message says why."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def create_job(*, kind: str, filename: str, stream, campaign: str | None, user) -> ImportJob:
    """Keep the uploaded file in the instance folder and record a job that checks it."""
    _check_form(kind, filename, campaign, user)
    folder = Path(current_app.config["GERMPLASM_UPLOAD_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}{Path(filename).suffix.lower()}"
    stream.save(str(path))
    job = ImportJob(kind=kind, status="checking", progress=0.0, filename=filename[-255:],
                    path=str(path), campaign=campaign if kind == "observations" else None,
                    skip_invalid=False, user_id=user.id)
    db.session.add(job)
    db.session.flush()
    return job


def _check_form(kind: str, filename: str, campaign: str | None, user) -> None:
    if kind not in KINDS:
        raise UploadProblem("kind", "choose MCPD passport data or an observation sheet")
    if not user.has_role(ROLE_FOR_KIND[kind]):
        raise PermissionError(kind)
    if not filename:
        raise UploadProblem("file", "choose a file to upload")
    if Path(filename).suffix.lower() not in SUFFIXES:
        raise UploadProblem("file", "only .csv, .tsv and .xlsx files can be imported")
    if kind == "observations" and not (campaign or "").strip():
        raise UploadProblem("campaign", "name the campaign the observations belong to")


def claim_for_import(job: ImportJob, skip_invalid: bool) -> bool:
    """Move a checked job to "importing", once: a second confirmation (another tab, a double
    click, a replayed request) finds it claimed and changes nothing."""
    claimed = db.session.execute(
        update(ImportJob).where(ImportJob.id == job.id, ImportJob.status == "checked")
        .values(status="importing", progress=0.0, skip_invalid=skip_invalid)
        .execution_options(synchronize_session=False))
    db.session.refresh(job)
    return claimed.rowcount == 1


def cancel(job: ImportJob) -> bool:
    """Drop a checked job and its file; nothing of it was ever imported."""
    if job.status not in ("checked", "failed"):
        return False
    Path(job.path).unlink(missing_ok=True)
    db.session.delete(job)
    db.session.flush()
    return True


def finish(job_id: int, status: str, report: dict) -> None:
    """Record the outcome of a step and commit it (the job's own row only)."""
    job = db.session.get(ImportJob, job_id)
    job.status, job.progress = status, 1.0
    job.report = json.dumps(report, ensure_ascii=False)
    if status in ("done", "failed"):
        job.finished_at = utcnow()
    db.session.commit()


def finish_interrupted(job: ImportJob, message: str) -> None:
    """A job whose worker stopped: failed, saying what may have been written and where to look."""
    job.status, job.progress, job.finished_at = "failed", 1.0, utcnow()
    job.report = json.dumps({"error": message.format(source=source_of(job))}, ensure_ascii=False)
    db.session.flush()


def source_of(job: ImportJob) -> str:
    """What the audit trail records as the origin of the job's changes."""
    return f"web upload: {job.filename}"[:200]


def rejections(job: ImportJob) -> list[dict]:
    return report_of(job).get("rejected", [])


def report_of(job: ImportJob) -> dict:
    return json.loads(job.report) if job.report else {}


def as_json(job: ImportJob) -> dict:
    return {"id": job.id, "kind": job.kind, "status": job.status,
            "progress": round(job.progress, 3), "report": report_of(job)}
