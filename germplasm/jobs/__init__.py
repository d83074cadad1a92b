"""Background jobs: a thread of this process by default, Celery when a broker is configured.

A job is a function named in TASKS, called with one integer (the id of the row that holds
its state), inside an application context with its own database session. Whatever runs it,
the state lives in the database, so any app node can show it.
"""
import threading

from flask import Flask, current_app

from germplasm.extensions import db

TASKS = {
    "imports.check": "germplasm.imports.work:check",
    "imports.run": "germplasm.imports.work:run",
    "notifications.send": "germplasm.requests.mailer:send_job",
}


def submit(task: str, job_id: int) -> None:
    """Run `task` for `job_id` after the caller's transaction committed the job's row."""
    runner = current_app.config["GERMPLASM_JOB_RUNNER"]
    if runner == "celery":
        from germplasm.jobs.worker import send

        send(task, job_id)
    elif runner == "inline":  # tests: the same request, the same session
        call(task, job_id)
    else:
        app = current_app._get_current_object()
        threading.Thread(target=_in_thread, args=(app, task, job_id), daemon=True,
                         name=f"{task}-{job_id}").start()


def call(task: str, job_id: int) -> None:
    module, _, name = TASKS[task].partition(":")
    function = getattr(__import__(module, fromlist=[name]), name)
    function(job_id)


def _in_thread(app: Flask, task: str, job_id: int) -> None:
    with app.app_context():  # a new context: a session of its own
        try:
            call(task, job_id)
        finally:
            db.session.remove()
