"""Selections over HTTP: tick results, add a whole search, see, share, save and feed compare,
the calendar, exports and the search itself by `selection=TOKEN`."""
import csv
import io
import re

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.accounts.test_login import csrf_token, login


def _token(client, path="/"):
    return csrf_token(client, path)


def _add(client, **fields):
    return client.post("/selection/add", data={"csrf_token": _token(client), **fields},
                       headers={"Accept": "application/json"})


def _text(response) -> str:
    return re.sub(r"<[^>]+>", "", response.get_data(as_text=True))


def _selection_token(client) -> str:
    page = client.get("/selection").get_data(as_text=True)
    return re.search(r"/selections/([A-Za-z0-9_-]+)", page).group(1)


def test_ticked_results_go_into_the_session_selection(client, catalogue):
    ids = [catalogue["S001"].id, catalogue["S003"].id]
    answer = _add(client, accession=[str(i) for i in ids])
    assert answer.status_code == 200 and answer.json["count"] == 2 and answer.json["added"] == 2
    again = _add(client, accenumb="S001")  # already there: counted once
    assert again.json["added"] == 0 and again.json["count"] == 2
    page = client.get("/selection?lang=en").get_data(as_text=True)
    assert "S001" in page and "S003" in page and "S002" not in page
    assert "Selection (2)" in _text(client.get("/?lang=en"))


def test_all_results_of_a_search_are_added_and_restricted_ones_stay_hidden(client, catalogue):
    answer = _add(client, query="species=domestica")
    assert answer.json["count"] == 2  # S003, S004
    answer = _add(client, query="q=&origin=CHN")
    assert answer.json["count"] == 4  # S001, S005 (S006 is restricted)
    page = client.get("/selection").get_data(as_text=True)
    assert "S006" not in page and "青脆李" not in page


def test_a_restricted_or_unknown_accession_is_refused_by_name(client, catalogue):
    answer = _add(client, accenumb="S006")
    assert answer.status_code == 400 and "S006" in answer.json["message"]
    answer = _add(client, accession="999999")
    assert answer.status_code == 400 and "999999" in answer.json["message"]
    assert _add(client, query="sampstat=①").status_code == 400
    assert "选集 (0)" in _text(client.get("/"))


def test_forms_redirect_back_with_a_message(client, catalogue):
    response = client.post("/selection/add", data={
        "csrf_token": _token(client), "accession": str(catalogue["S002"].id), "next": "/?q=rosa"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/?q=rosa")
    evil = client.post("/selection/add", data={
        "csrf_token": _token(client), "accenumb": "S002", "next": "//evil.example/"})
    assert "evil" not in evil.headers["Location"]
    assert "已加入选集" in _text(client.get("/selection"))


def test_csrf_is_required(client, catalogue):
    assert client.post("/selection/add", data={"accenumb": "S001"}).status_code == 400


def test_the_selection_feeds_search_export_compare_and_calendar(client, catalogue):
    _add(client, accenumb=["S002", "S007"])
    token = _selection_token(client)
    page = client.get(f"/?selection={token}&lang=en").get_data(as_text=True)
    assert "2 accessions" in page and "S002" in page and "S001" not in page
    exported = client.get(f"/export/csv?selection={token}").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    assert sorted(r[0] for r in rows[1:]) == ["S002", "S007"]
    compared = client.get(f"/compare?selection={token}&lang=en").get_data(as_text=True)
    assert "Santa Rosa" in compared and "Rosa Negra" in compared
    assert client.get(f"/calendar?selection={token}").status_code == 200
    assert client.get("/?selection=nosuchlink").status_code == 400


def test_compare_refuses_a_selection_of_more_than_six(client, catalogue, make_accession):
    for n in range(7):
        make_accession(accenumb=f"C{n}")
    db.session.commit()
    _add(client, accenumb=[f"C{n}" for n in range(7)])
    token = _selection_token(client)
    assert client.get(f"/compare?selection={token}").status_code == 400


def test_a_shared_link_shows_only_what_the_viewer_may_see(client, app, catalogue):
    create_user("li.ming", "staff", "orchard-2026", "李明")
    db.session.commit()
    login(client, "li.ming", "orchard-2026")
    _add(client, accenumb=["S006", "S001"])
    token = _selection_token(client)
    stranger = app.test_client()
    shared = stranger.get(f"/selections/{token}").get_data(as_text=True)
    assert "S001" in shared and "S006" not in shared and "青脆李" not in shared
    stranger.post(f"/selections/{token}/use", data={"csrf_token": _token(stranger)})
    assert "S001" in stranger.get("/selection").get_data(as_text=True)
    assert "选集 (1)" in _text(stranger.get("/"))
    assert stranger.get("/selections/nosuch").status_code == 404


def test_signed_in_users_save_rename_and_delete(client, catalogue):
    create_user("wang.fang", "researcher", "orchard-2026", "王芳")
    db.session.commit()
    login(client, "wang.fang", "orchard-2026")
    _add(client, accenumb=["S001", "S005"])
    response = client.post("/selections", data={"csrf_token": _token(client), "name": "早熟候选"})
    assert response.status_code == 302
    token = response.headers["Location"].rsplit("/", 1)[1]
    assert "早熟候选" in client.get("/selections").get_data(as_text=True)
    client.post(f"/selections/{token}/rename", data={"csrf_token": _token(client),
                                                     "name": "脆李组"})
    assert "脆李组" in client.get("/selections").get_data(as_text=True)
    blank = client.post(f"/selections/{token}/rename", data={"csrf_token": _token(client),
                                                             "name": "  "})
    assert blank.status_code == 302 and "脆李组" in client.get("/selections").get_data(as_text=True)
    other = client.application.test_client()
    assert other.post(f"/selections/{token}/delete",
                      data={"csrf_token": _token(other)}).status_code == 302  # to login
    assert "脆李组" in client.get("/selections").get_data(as_text=True)
    client.post(f"/selections/{token}/delete", data={"csrf_token": _token(client)})
    assert "脆李组" not in client.get("/selections").get_data(as_text=True)


def test_anonymous_users_cannot_save(client, catalogue):
    _add(client, accenumb="S001")
    response = client.post("/selections", data={"csrf_token": _token(client), "name": "x"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_api_takes_a_selection_too(client, catalogue):
    _add(client, accenumb=["S003", "S005"])
    token = _selection_token(client)
    found = client.get(f"/api/v1/accessions?selection={token}").json
    assert sorted(i["accenumb"] for i in found["items"]) == ["S003", "S005"]
    assert client.get("/api/v1/accessions?selection=nosuch").status_code == 400


def test_staff_start_a_campaign_from_their_selection(client, catalogue):
    create_user("li.ming", "staff", "orchard-2026", "李明")
    db.session.commit()
    login(client, "li.ming", "orchard-2026")
    _add(client, accenumb=["S001", "S002"])
    token = _selection_token(client)
    page = client.get("/selection").get_data(as_text=True)
    assert f"/campaigns/new?selection={token}" in page and "用这些种质新建评价任务" in page
    form = client.get(f"/campaigns/new?selection={token}").get_data(as_text=True)
    assert re.search(rf'<option value="{token}"[^>]*selected', form)


def test_the_public_get_no_campaign_link(client, catalogue):
    _add(client, accenumb="S001")
    assert "/campaigns/new" not in client.get("/selection").get_data(as_text=True)
