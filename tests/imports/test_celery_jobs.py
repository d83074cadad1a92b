"""With GERMPLASM_BROKER_URL set, a job runs on a real Celery worker (a subprocess) against
Redis: the web process only sends it, and the job's state comes back through the database."""
import os
import subprocess
import time
import uuid

import pytest
from werkzeug.datastructures import FileStorage

from germplasm import create_app
from germplasm.accessions.models import Accession
from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.imports import services
from germplasm.imports.models import ImportJob
from germplasm.jobs import submit
from germplasm.jobs.worker import celery
from tests.conftest import BIN, write
from tests.imports.conftest import GOOD

pytestmark = pytest.mark.no_db
BROKER = os.environ.get("GERMPLASM_TEST_BROKER_URL", "redis://127.0.0.1:6379/0")


def _redis_up() -> bool:
    import redis

    try:
        return redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def worker(fresh_db, tmp_path):
    if not _redis_up():
        pytest.fail(f"no Redis at {BROKER}: start redis-server to test the Celery runner")
    queue = f"germplasm-test-{uuid.uuid4().hex[:8]}"
    env = os.environ | {"GERMPLASM_DATABASE_URL": fresh_db, "GERMPLASM_BROKER_URL": BROKER,
                        "GERMPLASM_JOB_QUEUE": queue, "GERMPLASM_SECRET_KEY": "test",
                        "GERMPLASM_INDEX_DIR": str(tmp_path / "index")}
    log = (tmp_path / "worker.log").open("w+")
    process = subprocess.Popen(
        [str(BIN / "celery"), "-A", "germplasm.jobs.worker", "worker", "--pool", "solo",
         "--loglevel", "INFO", "-Q", queue, "--hostname", f"{queue}@%h"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield queue, log
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def wait_for(job_id: int, busy: str) -> ImportJob:
    """The job once it has left the `busy` status (the worker is given a generous while)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        db.session.rollback()  # a new snapshot: see what the worker committed
        job = db.session.get(ImportJob, job_id)
        if job.status != busy:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {busy!r}")


def test_a_job_runs_on_a_celery_worker(worker, fresh_db, tmp_path):
    queue, log = worker
    celery.conf.task_default_queue = queue
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_db, "GERMPLASM_BROKER_URL": BROKER,
                      "GERMPLASM_JOB_RUNNER": "celery", "SECRET_KEY": "test",
                      "GERMPLASM_UPLOAD_DIR": str(tmp_path / "uploads"),
                      "GERMPLASM_INDEX_DIR": str(tmp_path / "index")})
    with app.app_context(), write(tmp_path / "p.csv", GOOD).open("rb") as handle:
        user = create_user("celery.curator", "curator", "orchard-2026")
        upload = FileStorage(handle, filename="p.csv")
        job = services.create_job(kind="mcpd", filename="p.csv", stream=upload,
                                  campaign=None, user=user)
        db.session.commit()
        submit("imports.check", job.id)
        checked = wait_for(job.id, "checking")
        assert checked.status == "checked", checked.report
        assert services.report_of(checked)["created"] == 2
        assert db.session.scalar(db.select(db.func.count(Accession.id))) == 0
        assert services.claim_for_import(checked, skip_invalid=False)
        db.session.commit()
        submit("imports.run", job.id)
        done = wait_for(job.id, "importing")
        assert done.status == "done" and services.report_of(done)["written"]
        assert db.session.scalar(db.select(db.func.count(Accession.id))) == 2
        db.session.remove()
        db.engine.dispose()
    log.seek(0)
    assert log.read().count("germplasm.run_task") >= 2, "the worker ran both steps"
