"""Accounts: creating users from the CLI, logging in, CSRF, and what staff may see."""
import re

import pytest

from germplasm.accounts.services import create_user


def csrf_token(client, path="/login") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def login(client, username, password):
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": csrf_token(client)})


@pytest.fixture
def staff_user():
    return create_user("li.ming", "staff", "orchard-2026", "李明")


def test_users_create_from_the_cli(cli):
    result = cli("users", "create", "wang", "--role", "curator", "--password", "secret-pass")
    assert result.exit_code == 0, result.output
    bad = cli("users", "create", "wang", "--role", "curator", "--password", "secret-pass")
    assert bad.exit_code == 2 and "already exists" in bad.output
    assert cli("users", "create", "x", "--role", "king", "--password", "p" * 8).exit_code == 2


def test_login_with_the_right_password(client, staff_user):
    response = login(client, "li.ming", "orchard-2026")
    assert response.status_code == 302
    assert "李明" in client.get("/").get_data(as_text=True)


def test_login_with_a_wrong_password_is_refused(client, staff_user):
    response = login(client, "li.ming", "wrong-password")
    assert response.status_code == 401
    assert "Log out" not in response.get_data(as_text=True)


def test_post_without_csrf_token_is_400(client, staff_user):
    response = client.post("/login", data={"username": "li.ming", "password": "orchard-2026"})
    assert response.status_code == 400


def test_staff_see_restricted_accessions_and_exact_wild_coordinates(client, staff_user,
                                                                    make_accession):
    make_accession(accenumb="R1", restricted="Y", sampstat="110", declatitude="31.07512",
                   declongitude="109.87643")
    assert client.get("/accessions/R1").status_code == 404
    login(client, "li.ming", "orchard-2026")
    page = client.get("/accessions/R1").get_data(as_text=True)
    assert "31.07512" in page and "109.87643" in page


def test_next_parameter_cannot_leave_the_site(client, staff_user):
    response = client.post("/login?next=https://evil.example/x", data={
        "username": "li.ming", "password": "orchard-2026", "csrf_token": csrf_token(client)})
    assert response.headers["Location"] == "/"
