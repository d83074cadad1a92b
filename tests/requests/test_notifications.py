"""Notifications are written with the change they tell about and mailed by `germplasm
notifications send` through a real SMTP server (aiosmtpd on a local port); without a server
they stay in the app."""
import socket

import pytest
from aiosmtpd.controller import Controller

from germplasm.extensions import db
from germplasm.requests.models import Notification
from tests.requests.conftest import move


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(app):
    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    app.config["GERMPLASM_SMTP_URL"] = f"smtp://127.0.0.1:{port}"
    yield inbox
    app.config["GERMPLASM_SMTP_URL"] = ""
    controller.stop()


def test_without_a_server_nothing_is_sent(client, tokens, submitted, cli):
    made, _lot = submitted()
    result = cli("notifications", "send")
    assert result.exit_code == 0 and "no SMTP server" in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
        Notification.request_id == made["id"], Notification.sent_at.is_not(None))) == 0


def test_received_approved_are_mailed_once(client, tokens, submitted, cli, smtp):
    made, _lot = submitted()
    move(client, tokens, made["id"], "in_review", "approved")
    result = cli("notifications", "send")
    assert result.exit_code == 0, result.output
    to_requester = [body for rcpt, body in smtp.messages if rcpt == ["li@example.edu.cn"]]
    assert len(to_requester) == 2  # received, approved
    assert any(made["number"] in body for body in to_requester)
    sent = db.session.scalars(db.select(Notification).where(
        Notification.request_id == made["id"], Notification.email.is_not(None))).all()
    assert all(n.sent_at is not None for n in sent)
    assert cli("notifications", "send").output.strip() == "sent 0, failed 0"
    assert len(smtp.messages) == 2


def test_a_server_that_refuses_is_reported_and_retried(app, client, tokens, submitted, cli):
    made, _lot = submitted()
    app.config["GERMPLASM_SMTP_URL"] = f"smtp://127.0.0.1:{_free_port()}"  # nobody listens
    try:
        result = cli("notifications", "send")
    finally:
        app.config["GERMPLASM_SMTP_URL"] = ""
    assert result.exit_code == 1 and "failed 1" in result.output
    waiting = db.session.scalar(db.select(Notification).where(
        Notification.request_id == made["id"], Notification.email.is_not(None)))
    assert waiting.sent_at is None and waiting.attempts == 1 and waiting.last_error
