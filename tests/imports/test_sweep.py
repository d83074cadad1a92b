"""`germplasm sweep`: old uploads go, imported jobs keep their report but not their file,
jobs a stopped server left half-way are marked interrupted, forgotten selections go."""
from datetime import timedelta
from pathlib import Path

from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.imports.models import ImportJob
from germplasm.selections.models import Selection
from tests.imports.conftest import GOOD
from tests.imports.test_upload import confirm, job_of, upload


def _job(url: str) -> ImportJob:
    return db.session.get(ImportJob, int(url.rsplit("/", 1)[1]))


def _age(job: ImportJob, days: float) -> None:
    job.created_at = utcnow() - timedelta(days=days)
    if job.finished_at is not None:
        job.finished_at = job.created_at
    db.session.commit()


def test_sweep_clears_old_uploads_and_marks_interrupted_jobs(curator, cli):
    unconfirmed = _job(job_of(upload(curator, GOOD)))
    imported_url = job_of(upload(curator, GOOD.replace("UP000", "UQ000")))
    confirm(curator, imported_url)
    imported = _job(imported_url)
    recent = _job(job_of(upload(curator, GOOD.replace("UP000", "UR000"))))
    stuck = _job(job_of(upload(curator, GOOD.replace("UP000", "US000"))))
    stuck.status = "importing"
    for job, days in ((unconfirmed, 8), (imported, 8), (stuck, 1), (recent, 2)):
        _age(job, days)
    paths = {job.id: Path(job.path) for job in (unconfirmed, imported, recent, stuck)}
    ids = {name: job.id for name, job in
           (("unconfirmed", unconfirmed), ("imported", imported), ("recent", recent),
            ("stuck", stuck))}

    result = cli("sweep", "--upload-days", "7", "--stuck-hours", "6")
    assert result.exit_code == 0, result.output
    assert "interrupted: 1" in result.output and "unconfirmed dropped: 1" in result.output
    db.session.expire_all()
    assert db.session.get(ImportJob, ids["unconfirmed"]) is None
    assert not paths[ids["unconfirmed"]].exists()
    kept = db.session.get(ImportJob, ids["imported"])
    assert kept.status == "done" and kept.report and not paths[ids["imported"]].exists()
    assert curator.get(imported_url).status_code == 200  # the report page without its file
    assert db.session.get(ImportJob, ids["recent"]).status == "checked"
    assert paths[ids["recent"]].exists()
    interrupted = curator.get(f"{imported_url.rsplit('/', 1)[0]}/{ids['stuck']}.json").json
    assert interrupted["status"] == "failed" and "interrupted" in interrupted["report"]["error"]


def test_sweep_drops_forgotten_session_selections_only(client, cli, catalogue):
    client.post("/selection/add", data={"csrf_token": _csrf(client), "accenumb": "S001"})
    old_unsaved = Selection(token="old-unsaved", updated_at=utcnow() - timedelta(days=40))
    old_saved = Selection(token="old-saved", name="留着", updated_at=utcnow() - timedelta(days=40))
    db.session.add_all([old_unsaved, old_saved])
    db.session.commit()
    result = cli("sweep", "--selection-days", "30")
    assert "selections dropped: 1" in result.output, result.output
    tokens = set(db.session.scalars(db.select(Selection.token)))
    assert "old-saved" in tokens and "old-unsaved" not in tokens and len(tokens) == 2


def _csrf(client) -> str:
    from tests.accounts.test_login import csrf_token

    return csrf_token(client, "/")
