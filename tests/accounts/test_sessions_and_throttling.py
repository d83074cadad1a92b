"""Sessions end with logout and with a new password or role; logins are throttled per user
name and per address; a wrong user name costs what a wrong password costs."""
import pytest

from germplasm.accounts.models import User
from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.accounts.test_login import csrf_token, login


@pytest.fixture
def admin(client):
    user = create_user("root.admin", "admin", "orchard-2026")
    db.session.commit()
    assert login(client, "root.admin", "orchard-2026").status_code == 302
    return user


def captured_cookie(client) -> str:
    return client.get_cookie("session").value


def replay(app, cookie: str, path: str):
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief.get(path)


def test_a_captured_cookie_dies_with_logout(app, client, admin):
    cookie = captured_cookie(client)
    assert replay(app, cookie, "/admin/users/").status_code == 200
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert replay(app, cookie, "/admin/users/").status_code == 302  # to the login page


@pytest.mark.parametrize("change", ["password", "role"])
def test_a_new_password_or_role_ends_the_users_other_sessions(app, client, admin, change):
    victim = create_user("li.ming", "curator", "orchard-2026")
    db.session.commit()
    other = app.test_client()
    assert login(other, "li.ming", "orchard-2026").status_code == 302
    cookie = captured_cookie(other)
    assert replay(app, cookie, "/admin/").status_code == 200
    path = f"/admin/users/edit/?id={victim.id}"
    form = {"csrf_token": csrf_token(client, path), "display_name": "", "active": "y",
            "role": "curator" if change == "password" else "staff",
            "password": "new-password-2026" if change == "password" else ""}
    assert client.post(path, data=form).status_code == 302
    assert replay(app, cookie, "/admin/").status_code == 302
    assert client.get("/admin/users/").status_code == 200  # the admin's own session goes on


def test_wrong_passwords_lock_the_user_name_until_an_admin_unlocks_it(app, client, cli):
    create_user("wang.wu", "staff", "orchard-2026")
    db.session.commit()
    for _ in range(5):
        assert login(client, "wang.wu", "wrong-password").status_code == 401
    locked = login(client, "wang.wu", "orchard-2026")  # the right one no longer works
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.get_data(as_text=True)
    assert cli("users", "unlock", "wang.wu").output.startswith("wang.wu unlocked")
    assert login(client, "wang.wu", "orchard-2026").status_code == 302


def test_an_unknown_user_name_is_locked_the_same_way(client):
    for _ in range(5):
        assert login(client, "nobody.here", "wrong-password").status_code == 401
    assert login(client, "nobody.here", "wrong-password").status_code == 429


def test_many_failures_from_one_address_are_refused(app, client):
    app.config["GERMPLASM_LOGIN_RATE"] = "3 per minute"
    try:
        statuses = [login(client, f"user{i}", "wrong-password").status_code for i in range(5)]
    finally:
        app.config["GERMPLASM_LOGIN_RATE"] = "20 per minute"
    assert statuses[:3] == [401, 401, 401] and statuses[3:] == [429, 429]


def test_an_unknown_user_name_costs_what_a_wrong_password_costs(client, monkeypatch):
    """Both hash the password once (before: 78 ms for a known name, 3 ms for an unknown)."""
    from germplasm.accounts import services

    hashed = []
    real = services.check_password_hash
    monkeypatch.setattr(services, "check_password_hash",
                        lambda stored, password: hashed.append(stored) or real(stored, password))
    create_user("zhao.liu", "staff", "orchard-2026")
    db.session.commit()
    login(client, "zhao.liu", "wrong-password")
    login(client, "ghost.user", "wrong-password")
    assert len(hashed) == 2
    assert hashed[0].split("$")[0] == hashed[1].split("$")[0]  # same method and work factor


def test_every_response_carries_the_security_headers(client, catalogue):
    for path in ("/", "/accessions/S001", "/api/v1/accessions", "/static/site.css", "/nope"):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split(
            "script-src")[1].split(";")[0], path
        assert "frame-ancestors 'none'" in policy and headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_admin_pages_get_a_nonce_for_flask_admins_scripts(client, admin):
    response = client.get("/admin/users/")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.get_data(as_text=True)
    assert db.session.get(User, admin.id).session_version == 1
