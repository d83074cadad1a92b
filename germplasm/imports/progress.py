"""A job's progress, written beside the job's own transaction so other requests see it.

The bar is a courtesy: when the database is busy with the job's own writes (SQLite has one
writer), a step is skipped rather than waited for."""
import logging

from flask import current_app
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from germplasm.extensions import db
from germplasm.imports.models import ImportJob

log = logging.getLogger(__name__)


def record(job_id: int, fraction: float) -> None:
    if current_app.config["GERMPLASM_JOB_RUNNER"] == "inline":
        return  # the job runs inside the request's transaction: nobody could see it
    try:
        with db.engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                connection.exec_driver_sql("PRAGMA busy_timeout=0")
            try:
                with connection.begin():
                    connection.execute(update(ImportJob).where(ImportJob.id == job_id)
                                       .values(progress=round(min(fraction, 1.0), 3)))
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA busy_timeout=10000")
    except OperationalError as error:
        log.debug("progress of job %s not recorded now: %s", job_id, error.orig)
