"""The admin at /admin: who may enter, and edits that go through the services."""
import html
import re

import pytest

from germplasm.accessions.models import Accession
from germplasm.accounts.models import User
from germplasm.accounts.services import create_user
from germplasm.audit.services import history
from germplasm.evaluations.models import Descriptor, DescriptorRevision
from germplasm.extensions import db
from tests.accounts.test_login import login


def page_token(client, path: str) -> str:
    """The CSRF token from a page's hidden input (flask-admin writes type= before name=)."""
    page = client.get(path).get_data(as_text=True)
    tag = re.search(r'<input[^>]*name="csrf_token"[^>]*>', page).group(0)
    return re.search(r'value="([^"]+)"', tag).group(1)


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))



def log_out(client) -> None:
    # The same client throughout: the test's app context keeps Flask-WTF's token in `g`,
    # so a second client would be handed the first one's token.
    assert client.post("/logout", data={"csrf_token": page_token(client, "/")}).status_code == 302


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("path", ["/admin/", "/admin/accessions/", "/admin/users/"])
def test_staff_are_refused(client, as_role, path):
    as_role("staff")
    assert client.get(path).status_code == 403


def test_curator_lists_and_searches_accessions(client, as_role, make_accession):
    make_accession(accenumb="CHN-PL-1", accename="槜李;Zuìlǐ")
    make_accession(accenumb="CHN-PL-2", accename="红心李")
    as_role("curator")
    assert client.get("/admin/").status_code == 200
    listing = text(client.get("/admin/accessions/"))
    assert "CHN-PL-1" in listing and "CHN-PL-2" in listing
    found = text(client.get("/admin/accessions/?search=槜李"))
    assert "CHN-PL-1" in found and "CHN-PL-2" not in found


def test_the_admin_speaks_chinese_by_default(client, as_role):
    as_role("curator")
    assert "种质" in text(client.get("/admin/accessions/"))
    assert "Accessions" in text(client.get("/admin/accessions/?lang=en"))


def edit(client, accession, **fields):
    """Post the edit form as a browser does: with its CSRF token and the version shown."""
    path = f"/admin/accessions/edit/?id={accession.id}"
    page = client.get(path).get_data(as_text=True)
    version = re.search(r'<input[^>]*name="version"[^>]*value="(\d+)"', page).group(1)
    return client.post(path, data={"csrf_token": page_token(client, path), "version": version,
                                   **fields})


def test_an_edit_of_an_accession_changed_meanwhile_is_refused(client, as_role,
                                                               make_accession, cli, tmp_path):
    accession = make_accession(accenumb="E9", collsite="巫山县")
    as_role("curator")
    path = f"/admin/accessions/edit/?id={accession.id}"
    page = client.get(path).get_data(as_text=True)  # the curator opens the form ...
    version = re.search(r'<input[^>]*name="version"[^>]*value="(\d+)"', page).group(1)
    sheet = tmp_path / "a.csv"  # ... an import changes the accession meanwhile ...
    sheet.write_text("INSTCODE,ACCENUMB,GENUS,SPECIES,COLLSITE\n"
                     "CHN385,E9,Prunus,salicina,奉节县\n", encoding="utf-8")
    assert cli("import", "mcpd", sheet).exit_code == 0
    response = client.post(path, data={  # ... and the curator saves what the form showed
        "csrf_token": page_token(client, path), "version": version, "COLLSITE": "巫山县曲尺乡"})
    assert "changed by someone else" in text(response)
    db.session.expire_all()
    assert accession.collsite == "奉节县"
    assert not [e for e in history(accession.id) if e.source == "admin"]
    assert edit(client, accession, COLLSITE="巫山县曲尺乡").status_code == 302  # reloaded


def test_an_edit_without_the_forms_version_is_refused(client, as_role, make_accession):
    accession = make_accession(accenumb="E10", collsite="巫山县")
    as_role("curator")
    path = f"/admin/accessions/edit/?id={accession.id}"
    response = client.post(path, data={"csrf_token": page_token(client, path),
                                       "COLLSITE": "别处"})
    assert "the form has no version" in text(response)


def test_curator_edit_goes_through_the_passport_service(client, as_role, make_accession):
    accession = make_accession(accenumb="E1", collsite="巫山县", storage="20")
    as_role("curator")
    response = edit(client, accession, COLLSITE="重庆市巫山县", STORAGE="20;30", HISTORIC="y")
    assert response.status_code == 302
    assert accession.collsite == "重庆市巫山县" and accession.multi("STORAGE") == ["20", "30"]
    assert accession.historic is True
    entries = [e for e in history(accession.id) if e.action == "update" and e.source == "admin"]
    assert {(e.user, e.field) for e in entries} == {
        ("curator.user", "COLLSITE"), ("curator.user", "STORAGE"), ("curator.user", "HISTORIC")}


def test_invalid_edit_is_refused_with_the_message(client, as_role, make_accession):
    accession = make_accession(accenumb="E2", acqdate="2019----", collsite="巫山县")
    as_role("curator")
    response = edit(client, accession, ACQDATE="20191399", COLLSITE="别处")
    assert response.status_code == 200
    assert "month 13 does not exist" in text(response)
    db.session.expire_all()
    assert accession.acqdate == "2019----" and accession.collsite == "巫山县"
    assert not [e for e in history(accession.id) if e.source == "admin"]


def test_post_without_csrf_token_is_400(client, as_role, make_accession):
    accession = make_accession(accenumb="E3", collsite="巫山县")
    as_role("curator")
    response = client.post(f"/admin/accessions/edit/?id={accession.id}",
                           data={"COLLSITE": "别处"})
    assert response.status_code == 400
    assert accession.collsite == "巫山县"


def delete(client, accession):
    token = page_token(client, f"/admin/accessions/edit/?id={accession.id}")
    return client.post("/admin/accessions/delete/", data={"id": accession.id, "csrf_token": token})


def test_only_admins_delete_accessions_and_the_deletion_is_audited(client, as_role,
                                                                   make_accession):
    accession = make_accession(accenumb="D1")
    accession_id = accession.id
    as_role("curator")
    assert "/admin/accessions/delete/" not in text(client.get("/admin/accessions/"))
    delete(client, accession)
    assert db.session.get(Accession, accession_id) is not None
    log_out(client)
    as_role("admin")
    assert delete(client, accession).status_code == 302
    assert db.session.get(Accession, accession_id) is None
    [entry] = [e for e in history(accession_id) if e.action == "delete"]
    assert (entry.user, entry.old_value) == ("admin.user", "D1")


def test_users_view_is_for_admins_only(client, as_role):
    as_role("curator")
    response = client.get("/admin/users/")
    assert response.status_code == 403
    assert "您没有权限打开此页面" in text(response) and "Forbidden" not in text(response)
    english = client.get("/admin/users/?lang=en")
    assert "You do not have permission to open this page." in text(english)


def test_admin_creates_a_user_who_can_log_in(client, as_role):
    as_role("admin")
    page = text(client.get("/admin/users/new/"))
    assert "password_hash" not in page
    response = client.post("/admin/users/new/", data={
        "csrf_token": page_token(client, "/admin/users/new/"), "username": "zhao",
        "display_name": "赵", "role": "staff", "active": "y", "password": "plum-blossom"})
    assert response.status_code == 302
    user = db.session.scalar(db.select(User).filter_by(username="zhao"))
    assert user.role == "staff" and user.password_hash != "plum-blossom"
    assert user.password_hash not in text(client.get("/admin/users/"))
    log_out(client)
    assert login(client, "zhao", "plum-blossom").status_code == 302


def test_admin_changes_role_and_password(client, as_role):
    user = create_user("qian", "researcher", "first-pass", None)
    as_role("admin")
    path = f"/admin/users/edit/?id={user.id}"
    response = client.post(path, data={"csrf_token": page_token(client, path), "role": "curator",
                                       "active": "y", "password": "second-pass"})
    assert response.status_code == 302
    assert user.role == "curator" and user.check_password("second-pass")


def test_an_admin_cannot_demote_themselves(client, as_role):
    admin = as_role("admin")
    path = f"/admin/users/edit/?id={admin.id}"
    response = client.post(path, data={"csrf_token": page_token(client, path), "role": "curator",
                                       "active": "y"})
    assert response.status_code == 200 and admin.role == "admin"


def test_descriptor_definition_edit_makes_a_new_version(client, as_role):
    descriptor = db.session.scalar(db.select(Descriptor).filter_by(code="TREE_GROWTH_HABIT"))
    version = descriptor.version
    as_role("curator")
    path = f"/admin/descriptors/edit/?id={descriptor.id}"
    form = {"csrf_token": page_token(client, path), "active": "y"} | {
        k: "" if v is None else v for k, v in _descriptor_form(descriptor).items()}
    assert client.post(path, data=form | {"name_en": "Growth habit"}).status_code == 302
    assert (descriptor.name_en, descriptor.version) == ("Growth habit", version)
    client.post(path, data=form | {"definition_en": "Angle of the main branches."})
    assert descriptor.version == version + 1
    assert db.session.scalar(db.select(DescriptorRevision).filter_by(
        descriptor_id=descriptor.id, version=version)) is not None


def _descriptor_form(descriptor) -> dict:
    from germplasm.admin_views import REVISABLE

    return {k: getattr(descriptor, k) for k in REVISABLE}
