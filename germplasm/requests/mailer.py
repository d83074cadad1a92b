"""Sending the notifications outbox by e-mail through GERMPLASM_SMTP_URL
(smtp://user:password@host:port, smtps://… for TLS from the start, ?starttls=1 to upgrade).
Without a server nothing is sent and the notifications stay readable in the app."""
import smtplib
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app, has_app_context
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.requests.models import Notification

MAX_ATTEMPTS = 5


@event.listens_for(Session, "after_commit")
def _send_after_commit(session: Session) -> None:
    """Notifications just committed go out in the background (a thread, or Celery when a
    broker is set) when a server is configured; `germplasm notifications send` retries."""
    if session.info.pop("notified", False) and has_app_context() and configured() and \
            current_app.config.get("GERMPLASM_JOB_RUNNER") != "inline":
        from germplasm import jobs

        jobs.submit("notifications.send", 0)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop("notified", None)


def send_job(_job_id: int) -> None:
    """germplasm.jobs' entry point (its jobs take an id; this one needs none)."""
    send_pending()


def configured() -> bool:
    return bool(current_app.config.get("GERMPLASM_SMTP_URL"))


def send_pending(limit: int = 200) -> tuple[int, int]:
    """Mail unsent notifications that have an address; (sent, failed). Each is claimed
    (its attempt counted and committed) before it is sent, so two senders at once — two
    workers' background jobs, or cron beside them — never mail one notification twice."""
    if not configured():
        return 0, 0
    pending = db.session.execute(select(Notification.id, Notification.attempts).where(
        Notification.sent_at.is_(None), Notification.email.is_not(None),
        Notification.attempts < MAX_ATTEMPTS).order_by(Notification.id).limit(limit)).all()
    db.session.commit()
    sent = failed = 0
    for notification_id, attempts in pending:
        if not _claim(notification_id, attempts):
            continue
        notification = db.session.get(Notification, notification_id)
        try:
            _send(notification)
            notification.sent_at = utcnow()
            sent += 1
        except (OSError, smtplib.SMTPException) as error:
            notification.last_error = f"{type(error).__name__}: {error}"[:500]
            failed += 1
        db.session.commit()
    return sent, failed


def _claim(notification_id: int, attempts: int) -> bool:
    claimed = db.session.execute(
        update(Notification).where(Notification.id == notification_id,
                                   Notification.attempts == attempts,
                                   Notification.sent_at.is_(None))
        .values(attempts=attempts + 1).execution_options(synchronize_session=False))
    db.session.commit()
    return claimed.rowcount == 1


def _send(notification: Notification) -> None:
    message = EmailMessage()
    message["From"] = current_app.config.get("GERMPLASM_MAIL_FROM", "germplasm@localhost")
    message["To"] = notification.email
    message["Subject"] = notification.subject
    message.set_content(notification.body)
    with _connect() as smtp:
        smtp.send_message(message)


def _connect() -> smtplib.SMTP:
    url = urlsplit(current_app.config["GERMPLASM_SMTP_URL"])
    secure = url.scheme == "smtps"
    factory = smtplib.SMTP_SSL if secure else smtplib.SMTP
    smtp = factory(url.hostname or "localhost", url.port or (465 if secure else 25), timeout=20)
    if parse_qs(url.query).get("starttls") == ["1"]:
        smtp.starttls()
    if url.username:
        smtp.login(unquote(url.username), unquote(url.password or ""))
    return smtp
