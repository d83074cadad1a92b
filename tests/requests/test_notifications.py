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
    runner = app.config["GERMPLASM_JOB_RUNNER"]
    app.config["GERMPLASM_JOB_RUNNER"] = "inline"  # no sending threads on the tests' session
    yield inbox
    app.config["GERMPLASM_SMTP_URL"] = ""
    app.config["GERMPLASM_JOB_RUNNER"] = runner
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



@pytest.mark.no_db
def test_committed_notifications_go_out_by_themselves(fresh_db, tmp_path):
    """With a server configured, the commit of a request hands the outbox to a background
    job of the app server: the mail arrives without anyone running the command."""
    import time

    import requests

    from tests.requests.conftest import body
    from tests.requests.live import Server, setup_hot_lot, write_token

    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    setup_hot_lot(fresh_db, tmp_path, 10)
    asker = {"Authorization": f"Bearer {write_token(fresh_db, 'asker', 'researcher')}"}
    server = Server(fresh_db, tmp_path, GERMPLASM_SMTP_URL=f"smtp://127.0.0.1:{port}")
    try:
        made = requests.post(f"{server.base}/api/v1/requests", headers=asker, timeout=30,
                             json=body(("HOT1", "scion", 2)))
        assert made.status_code == 201, made.text
        for _ in range(200):
            if inbox.messages:
                break
            time.sleep(0.1)
    finally:
        server.stop()
        controller.stop()
    assert [rcpt for rcpt, _body in inbox.messages] == [["li@example.edu.cn"]]
    assert made.json()["number"] in inbox.messages[0][1]
