"""A job's progress, written beside the job's own transaction so other requests see it.

The bar is a courtesy: when the database is busy with the job's own writes (SQLite has one
writer), a step is skipped rather than waited for, and no failure here stops the job."""
import logging

from flask import current_app
from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError

from germplasm.extensions import db
from germplasm.imports.models import ImportJob

log = logging.getLogger(__name__)
SQLITE_WAIT_MS = 10000  # the busy_timeout germplasm sets on every SQLite connection


def record(job_id: int, fraction: float) -> None:
    if current_app.config["GERMPLASM_JOB_RUNNER"] == "inline":
        return  # the job runs inside the request's transaction: nobody could see it
    try:
        with db.engine.connect() as connection:
            _write(connection, job_id, round(min(fraction, 1.0), 3))
    except SQLAlchemyError as error:
        log.debug("progress of job %s not recorded now: %s", job_id, error)


def _write(connection, job_id: int, fraction: float) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _busy_timeout(connection, 0)
    try:
        connection.execute(update(ImportJob).where(ImportJob.id == job_id)
                           .values(progress=fraction))
        connection.commit()
    finally:
        connection.rollback()
        if sqlite:
            _busy_timeout(connection, SQLITE_WAIT_MS)


def _busy_timeout(connection, milliseconds: int) -> None:
    connection.exec_driver_sql(f"PRAGMA busy_timeout={int(milliseconds)}")
    connection.commit()
