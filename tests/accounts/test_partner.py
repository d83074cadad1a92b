"""Partner data sharing: a partner of an institute sees that institute's restricted
accessions and exact wild collecting sites, on pages, in exports, on the map and through the
API with a token; other partners, researchers and the public do not; staff see everything."""
import csv
import io

import pytest

from germplasm.accessions.models import Accession
from germplasm.accounts.models import User
from germplasm.accounts.services import create_user
from germplasm.extensions import db
from search import accession_index
from tests.accounts.test_login import login

A, B = "CHN111", "CHN222"
EXACT = {"QA1R": "31.07512", "QA2": "30.12345", "QB1R": "29.54321", "QB2": "28.98765"}
ROUNDED = {"QA1R": "31.1", "QA2": "30.1", "QB1R": "29.5", "QB2": "29.0"}
PUBLIC = {"QA2", "QB2", "QX"}
SEES = {"anonymous": PUBLIC, "researcher": PUBLIC, "partner-a": PUBLIC | {"QA1R"},
        "partner-b": PUBLIC | {"QB1R"}, "staff": PUBLIC | {"QA1R", "QB1R"}}
EXACT_FOR = {"anonymous": set(), "researcher": set(), "partner-a": {"QA1R", "QA2"},
             "partner-b": {"QB1R", "QB2"}, "staff": set(EXACT)}
PASSWORD = "orchard-2026"


@pytest.fixture
def shared(make_accession, index_dir):
    """Wild accessions (SAMPSTAT 110) of two institutes, one of each restricted, and a public
    cultivar of ours whose parents are the two restricted ones."""
    wild = (("QA1R", A, "Y", "甲秘李"), ("QA2", A, "N", "甲野李"),
            ("QB1R", B, "Y", "乙秘李"), ("QB2", B, "N", "乙野李"))
    for number, instcode, restricted, name in wild:
        make_accession(accenumb=number, instcode=instcode, restricted=restricted, accename=name,
                       sampstat="110", declatitude=EXACT[number],
                       declongitude=str(100 + float(EXACT[number])))
    make_accession(accenumb="QX", accename="杂交李", sampstat="500", ancest="甲秘李 × 乙秘李")
    create_user("researcher", "researcher", PASSWORD, instcode=A)  # an institute, no partner
    create_user("partner-a", "partner", PASSWORD, instcode=A)
    create_user("partner-b", "partner", PASSWORD, instcode=B)
    create_user("staff", "staff", PASSWORD)
    db.session.commit()
    accession_index.rebuild()


def _token(cli, username: str) -> str:
    result = cli("tokens", "create", username)
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


@pytest.fixture
def visitors(app, shared):
    """A signed-in test client per user (and one for the public)."""
    clients = {"anonymous": app.test_client()}
    for who in SEES:
        if who != "anonymous":
            clients[who] = app.test_client()
            assert login(clients[who], who, PASSWORD).status_code == 302
    return clients


def _shown(text: str) -> set[str]:
    return {number for number in (*EXACT, "QX") if number in text}


@pytest.mark.parametrize("who", list(SEES))
def test_search_page_and_catalogue_show_what_the_user_may_see(visitors, who):
    page = visitors[who].get("/search?per_page=100&sort=accenumb").get_data(as_text=True)
    assert _shown(page) == SEES[who]
    catalogue = visitors[who].get("/catalogue?per_page=100").get_data(as_text=True)
    assert _shown(catalogue) == SEES[who]


@pytest.mark.parametrize("who", list(SEES))
def test_the_api_with_a_token_shows_what_the_user_may_see(client, cli, shared, who):
    headers = {} if who == "anonymous" else {"Authorization": f"Bearer {_token(cli, who)}"}
    answer = client.get("/api/v1/accessions?per_page=100", headers=headers)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    assert {item["accenumb"] for item in answer.json["items"]} == SEES[who]
    if SEES[who] != PUBLIC:  # the filter means nothing to those who see no restricted one
        restricted = client.get("/api/v1/accessions?restricted=true", headers=headers).json
        assert {item["accenumb"] for item in restricted["items"]} == SEES[who] - PUBLIC


@pytest.mark.parametrize("who", list(SEES))
def test_the_accession_page_of_a_restricted_accession(visitors, who):
    for number in ("QA1R", "QB1R"):
        answer = visitors[who].get(f"/accessions/{number}")
        assert answer.status_code == (200 if number in SEES[who] else 404), (who, number)


@pytest.mark.parametrize("who", list(SEES))
def test_wild_collecting_sites_exact_only_for_the_own_institute_and_staff(visitors, who):
    for number in sorted(SEES[who] - {"QX"}):
        page = visitors[who].get(f"/accessions/{number}").get_data(as_text=True)
        if number in EXACT_FOR[who]:
            assert EXACT[number] in page, (who, number)
        else:
            assert EXACT[number] not in page and ROUNDED[number] in page, (who, number)
    points = visitors[who].get("/map/points.json?per_page=100").get_json()["items"]
    latitudes = {p["accenumb"]: p["lat"] for p in points}
    assert set(latitudes) == SEES[who] - {"QX"}
    for number, lat in latitudes.items():
        wanted = EXACT[number] if number in EXACT_FOR[who] else ROUNDED[number]
        assert lat == pytest.approx(float(wanted)), (who, number)


@pytest.mark.parametrize("who", list(SEES))
def test_exports_follow_the_same_rule(visitors, who):
    table = visitors[who].get("/export/csv?per_page=100").get_data(as_text=True)
    assert _shown(table) == SEES[who]
    mcpd = visitors[who].get("/export/mcpd").get_data(as_text=True).lstrip("\ufeff")
    rows = {row["ACCENUMB"]: row for row in csv.DictReader(io.StringIO(mcpd))}
    assert set(rows) == SEES[who]
    for number in SEES[who] - {"QX"}:
        wanted = EXACT[number] if number in EXACT_FOR[who] else ROUNDED[number]
        assert float(rows[number]["DECLATITUDE"]) == pytest.approx(float(wanted)), (who, number)


@pytest.mark.parametrize("who", list(SEES))
def test_pedigree_links_only_to_parents_the_user_may_see(visitors, who):
    page = visitors[who].get("/accessions/QX").get_data(as_text=True)
    for parent in ("QA1R", "QB1R"):
        assert (f'href="/accessions/{parent}"' in page) == (parent in SEES[who]), (who, parent)


def test_a_partner_without_an_institute_sees_what_a_researcher_sees(client, cli, shared):
    assert cli("users", "create", "partner-x", "--role", "partner",
               "--password", PASSWORD).exit_code == 0
    headers = {"Authorization": f"Bearer {_token(cli, 'partner-x')}"}
    items = client.get("/api/v1/accessions?per_page=100", headers=headers).json["items"]
    assert {item["accenumb"] for item in items} == PUBLIC


def test_granting_on_the_command_line_ends_sessions(app, cli, shared):
    result = cli("users", "create", "zhou", "--role", "partner", "--institute", "chn222",
                 "--password", PASSWORD)
    assert result.exit_code == 0, result.output
    assert db.session.scalar(db.select(User.instcode).filter_by(username="zhou")) == B
    browser = app.test_client()
    login(browser, "zhou", PASSWORD)
    assert browser.get("/accessions/QB1R").status_code == 200
    assert cli("users", "set-institute", "zhou", A).exit_code == 0
    assert browser.get("/accessions/QB1R").status_code == 404  # signed out
    login(browser, "zhou", PASSWORD)
    assert browser.get("/accessions/QA1R").status_code == 200
    assert browser.get("/accessions/QB1R").status_code == 404
    assert cli("users", "set-role", "zhou", "researcher").exit_code == 0
    login(browser, "zhou", PASSWORD)
    assert browser.get("/accessions/QA1R").status_code == 404
    assert cli("users", "set-institute", "zhou", "--clear").exit_code == 0
    assert db.session.scalar(db.select(User.instcode).filter_by(username="zhou")) is None
    unknown = cli("users", "set-institute", "zhou", "XYZ999")
    assert unknown.exit_code == 2 and "unknown institute" in unknown.output
    assert cli("users", "set-institute", "nobody", A).exit_code == 2
    assert cli("users", "create", "wu", "--role", "partner", "--institute", "XYZ999",
               "--password", PASSWORD).exit_code == 2


def test_the_admin_grants_a_partner_role_and_an_institute(app, client, shared):
    from tests.test_admin import page_token, text

    create_user("boss", "admin", PASSWORD)
    db.session.commit()
    login(client, "boss", PASSWORD)
    page = text(client.get("/admin/users/new/"))
    assert "合作单位" in page and "所属单位" in page
    response = client.post("/admin/users/new/", data={
        "csrf_token": page_token(client, "/admin/users/new/"), "username": "sun",
        "role": "partner", "instcode": A, "active": "y", "password": PASSWORD})
    assert response.status_code == 302, text(response)
    sun = db.session.scalar(db.select(User).filter_by(username="sun"))
    browser = app.test_client()
    login(browser, "sun", PASSWORD)
    assert browser.get("/accessions/QA1R").status_code == 200
    path = f"/admin/users/edit/?id={sun.id}"
    refused = client.post(path, data={"csrf_token": page_token(client, path), "role": "partner",
                                      "instcode": "XYZ999", "active": "y"})
    assert refused.status_code == 200 and "XYZ999" in text(refused) and sun.instcode == A
    moved = client.post(path, data={"csrf_token": page_token(client, path), "role": "partner",
                                    "instcode": B, "active": "y"})
    assert moved.status_code == 302 and sun.instcode == B
    assert browser.get("/accessions/QA1R").status_code == 404  # the old session ended
    login(browser, "sun", PASSWORD)
    assert browser.get("/accessions/QB1R").status_code == 200
    assert browser.get("/accessions/QA1R").status_code == 404


@pytest.mark.parametrize("who", list(SEES))
def test_api_records_exports_and_the_feed_follow_the_same_rule(client, cli, shared, who):
    headers = {} if who == "anonymous" else {"Authorization": f"Bearer {_token(cli, who)}"}
    ids = {number: db.session.scalar(db.select(Accession.id).filter_by(accenumb=number))
           for number in (*EXACT, "QX")}
    for number in EXACT:
        record = client.get(f"/api/v1/accessions/{ids[number]}", headers=headers)
        assert record.status_code == (200 if number in SEES[who] else 404), (who, number)
        if record.status_code == 200:
            wanted = EXACT[number] if number in EXACT_FOR[who] else ROUNDED[number]
            assert record.json["mcpd"]["DECLATITUDE"] == pytest.approx(float(wanted))
    download = client.get("/api/v1/exports/mcpd.csv", headers=headers)
    assert download.status_code == 200
    rows = {row["ACCENUMB"]: row for row in csv.DictReader(
        io.StringIO(download.get_data(as_text=True).lstrip("\ufeff")))}
    assert set(rows) == SEES[who]
    for number in SEES[who] - {"QX"}:
        wanted = EXACT[number] if number in EXACT_FOR[who] else ROUNDED[number]
        assert float(rows[number]["DECLATITUDE"]) == pytest.approx(float(wanted)), (who, number)
    feed = client.get("/api/v1/changes?after=0&limit=1000", headers=headers).json["changes"]
    upserted = {c["id"] for c in feed if c["entity"] == "accession" and c["op"] == "upsert"}
    assert upserted == {ids[number] for number in SEES[who]}
