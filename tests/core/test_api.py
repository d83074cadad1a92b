"""POST /api/v1/core-collections over HTTP: a staff write token builds and saves a core (the
selection then answers in search's API), the same seed gives the same core, and readers,
read tokens, bad bodies and impossible sizes are refused without saving anything."""
from sqlalchemy import func, select

from germplasm.accounts import tokens
from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.selections.models import Selection
from search import accession_index

URL = "/api/v1/core-collections"


def _token(role: str, scope: str = "write") -> dict:
    user = create_user(f"{role}.{scope}", role, "orchard-2026", f"{role} 用户")
    _record, secret = tokens.create(user, scope=scope)
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def _selections() -> int:
    return db.session.scalar(select(func.count()).select_from(Selection))


def test_staff_build_and_save_a_core(client, collection, index_dir):
    accession_index.rebuild()  # the API lists a selection's accessions from the index
    staff = _token("staff")
    answer = client.post(URL, json={"size": 8, "source": "ssr", "name": "API 核心"},
                         headers=staff)
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert set(body) == {"selection", "accessions", "represents", "report"}
    assert body["selection"]["name"] == "API 核心" and len(body["accessions"]) == 8
    assert set(body["accessions"]) <= set(collection)
    assert sum(body["represents"]) == body["report"]["candidates"]
    coverage = body["report"]["allele_coverage"]
    assert coverage["core"] >= coverage["random"]
    token = body["selection"]["token"]
    assert body["selection"]["url"].endswith(f"/selections/{token}")
    listed = client.get(f"/api/v1/accessions?selection={token}&per_page=100",
                        headers=staff).get_json()
    assert sorted(i["accenumb"] for i in listed["items"]) == sorted(body["accessions"])
    again = client.post(URL, json={"size": 8, "source": "ssr"}, headers=staff).get_json()
    assert again["accessions"] == body["accessions"]  # same seed, same core


def test_a_percentage_of_both_sources(client, collection):
    body = client.post(URL, json={"percent": 25}, headers=_token("staff")).get_json()
    assert body["report"]["source"] == "both" and len(body["accessions"]) == 10  # 25 % of 40


def test_refusals_save_nothing(client, collection):
    before = _selections()
    assert client.post(URL, json={"size": 5}).status_code == 401
    assert client.post(URL, json={"size": 5},
                       headers=_token("staff", "read")).status_code == 403
    assert client.post(URL, json={"size": 5},
                       headers=_token("researcher")).status_code == 403
    staff = _token("curator")
    too_many = client.post(URL, json={"size": 500}, headers=staff)
    assert too_many.status_code == 400 and too_many.get_json()["message"]
    both = client.post(URL, json={"size": 5, "percent": 10}, headers=staff)
    assert both.status_code == 400
    assert "percent" in {e["field"] for e in both.get_json()["errors"]}
    assert client.post(URL, json={"source": "dna"}, headers=staff).status_code == 400
    assert _selections() == before


def test_documented(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"][URL]["post"]
    assert {"201", "400", "401", "403"} <= set(operation["responses"])
    assert set(spec["components"]["schemas"]["CoreOut"]["properties"]) == {
        "selection", "accessions", "represents", "report"}
