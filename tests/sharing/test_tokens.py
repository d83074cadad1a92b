"""Personal access tokens: made on the command line (shown once), used as a Bearer header with
the user's role, refused with 401 when unknown, expired or revoked."""
from datetime import timedelta

from germplasm.accounts.models import ApiToken
from germplasm.accounts.services import create_user
from germplasm.db import utcnow
from germplasm.extensions import db


def _token(cli, *args) -> str:
    result = cli("tokens", "create", *args)
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def _numbers(client, token=None) -> set[str]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    answer = client.get("/api/v1/accessions?per_page=50", headers=headers)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return {item["accenumb"] for item in answer.json["items"]}


def test_a_staff_token_sees_what_staff_see(cli, client, catalogue):
    create_user("li.ming", "staff", "orchard-2026")
    db.session.commit()
    secret = _token(cli, "li.ming", "--name", "nightly sync", "--expires-days", "30")
    assert secret.startswith("gpt_") and len(secret) > 40
    assert "S006" in _numbers(client, secret) and "S006" not in _numbers(client)
    stored = db.session.scalars(db.select(ApiToken)).one()
    assert stored.token_hash != secret and secret not in stored.token_hash
    listed = cli("tokens", "list", "li.ming").output
    assert "nightly sync" in listed and "active" in listed and secret not in listed


def test_unknown_expired_and_revoked_tokens_get_401(cli, client, catalogue):
    create_user("wang.fang", "researcher", "orchard-2026")
    db.session.commit()
    secret = _token(cli, "wang.fang")
    assert _numbers(client, secret)
    for bad in ("gpt_nosuchtoken", "", secret[:-2]):
        answer = client.get("/api/v1/accessions", headers={"Authorization": f"Bearer {bad}"})
        assert answer.status_code == 401 and answer.json["status"] == 401
    token = db.session.scalars(db.select(ApiToken)).one()
    assert cli("tokens", "revoke", str(token.id)).exit_code == 0
    assert "revoked" in cli("tokens", "list").output
    revoked = client.get("/api/v1/accessions", headers={"Authorization": f"Bearer {secret}"})
    assert revoked.status_code == 401 and "吊销" in revoked.json["message"]
    other = _token(cli, "wang.fang", "--expires-days", "1")
    expiring = db.session.scalars(db.select(ApiToken).order_by(ApiToken.id.desc())).first()
    expiring.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client.get("/api/v1/accessions",
                      headers={"Authorization": f"Bearer {other}"}).status_code == 401


def test_the_command_line_refuses_bad_requests(cli):
    assert cli("tokens", "create", "nobody").exit_code == 2
    create_user("zhao.lei", "researcher", "orchard-2026")
    db.session.commit()
    assert cli("tokens", "create", "zhao.lei", "--expires-days", "0").exit_code == 2
    assert cli("tokens", "create", "zhao.lei", "--scope", "admin").exit_code == 2
    assert cli("tokens", "revoke", "99999").exit_code == 2


def _form_token(client) -> str:
    import re

    page = client.get("/account/tokens").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_users_make_and_revoke_their_own_tokens_on_the_web(client, app, catalogue):
    from tests.accounts.test_login import login

    create_user("chen.jing", "researcher", "orchard-2026")
    create_user("li.ming", "staff", "orchard-2026")
    db.session.commit()
    login(client, "chen.jing", "orchard-2026")
    refused = client.post("/account/tokens", data={"csrf_token": _form_token(client),
                                                   "name": "x", "scope": "write",
                                                   "expires_days": "30"})
    assert refused.status_code == 400 and "工作人员" in refused.get_data(as_text=True)
    made = client.post("/account/tokens", data={"csrf_token": _form_token(client),
                                                "name": "每晚同步", "expires_days": "30"})
    page = made.get_data(as_text=True)
    secret = page.split('class="share" readonly value="', 1)[1].split('"', 1)[0]
    assert secret.startswith("gpt_") and "只显示这一次" in page
    assert secret not in client.get("/account/tokens").get_data(as_text=True)  # shown once
    stranger = app.test_client()
    assert _numbers(stranger, secret)  # works without the session
    token = db.session.scalars(db.select(ApiToken)).one()
    assert token.expires_at is not None and token.scope == "read"
    other = app.test_client()
    login(other, "li.ming", "orchard-2026")
    assert other.post(f"/account/tokens/{token.id}/revoke",
                      data={"csrf_token": _form_token(other)}).status_code == 404
    client.post(f"/account/tokens/{token.id}/revoke", data={"csrf_token": _form_token(client)})
    assert "已吊销" in client.get("/account/tokens").get_data(as_text=True)
    assert stranger.get("/api/v1/accessions",
                        headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_the_tokens_page_needs_a_login(client):
    assert client.get("/account/tokens").status_code == 302
