"""The Celery side of germplasm.jobs: `celery -A germplasm.jobs.worker worker`.

The broker is GERMPLASM_BROKER_URL (redis://… or amqp://…), the queue GERMPLASM_JOB_QUEUE
(default `germplasm`). Each worker process builds
the Flask app once and runs every task in a fresh application context.
"""
import os

from celery import Celery

celery = Celery("germplasm", broker=os.environ.get("GERMPLASM_BROKER_URL"))
celery.conf.update(task_acks_late=False, worker_prefetch_multiplier=1,
                   broker_connection_retry_on_startup=True,
                   task_default_queue=os.environ.get("GERMPLASM_JOB_QUEUE", "germplasm"))
_app = None


def send(task: str, job_id: int) -> None:
    from flask import current_app

    celery.conf.broker_url = current_app.config["GERMPLASM_BROKER_URL"]
    run_task.apply_async(args=(task, job_id))


@celery.task(name="germplasm.run_task")
def run_task(task: str, job_id: int) -> None:
    from germplasm import create_app
    from germplasm.extensions import db
    from germplasm.jobs import call

    global _app
    _app = _app or create_app()
    with _app.app_context():
        try:
            call(task, job_id)
        finally:
            db.session.remove()
