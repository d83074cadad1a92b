"""Sending the notifications outbox by e-mail through GERMPLASM_SMTP_URL
(smtp://user:password@host:port, smtps://… for TLS from the start, ?starttls=1 to upgrade).
Without a server nothing is sent and the notifications stay readable in the app."""
import smtplib
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app
from sqlalchemy import select

from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.requests.models import Notification

MAX_ATTEMPTS = 5


def configured() -> bool:
    return bool(current_app.config.get("GERMPLASM_SMTP_URL"))


def send_pending(limit: int = 200) -> tuple[int, int]:
    """Mail unsent notifications that have an address; (sent, failed). Each is committed as
    it goes, so a failure halfway sends nothing twice."""
    if not configured():
        return 0, 0
    pending = db.session.scalars(select(Notification).where(
        Notification.sent_at.is_(None), Notification.email.is_not(None),
        Notification.attempts < MAX_ATTEMPTS).order_by(Notification.id).limit(limit)).all()
    sent = failed = 0
    for notification in pending:
        try:
            _send(notification)
            notification.sent_at = utcnow()
            sent += 1
        except (OSError, smtplib.SMTPException) as error:
            notification.last_error = f"{type(error).__name__}: {error}"[:500]
            failed += 1
        notification.attempts += 1
        db.session.commit()
    return sent, failed


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
