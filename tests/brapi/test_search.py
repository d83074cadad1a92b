"""POST /brapi/v2/search/germplasm (a bearer token of any scope) answers 202 with a
searchResultsDbId; GET search/germplasm/{id} runs the stored search anew for whoever asks,
paged, with the GermplasmSearchRequest fields that map to the catalogue. Bad bodies are 400
naming the field."""
from datetime import timedelta

import pytest

from germplasm.accounts import tokens
from germplasm.accounts.services import create_user
from germplasm.brapi.search_models import BrapiSearch
from germplasm.db import utcnow
from germplasm.extensions import db

BASE = "/brapi/v2"


@pytest.fixture
def reader(brapi_world) -> dict:
    """A researcher's read-only token: enough to search."""
    user = create_user("zhao.lei", "researcher", "orchard-2026", "赵磊")
    _record, secret = tokens.create(user, scope="read")
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def _search(client, body, headers) -> str:
    response = client.post(f"{BASE}/search/germplasm", json=body, headers=headers)
    assert response.status_code == 202, response.data
    return response.get_json()["result"]["searchResultsDbId"]


def _results(client, search_id, query="", headers=None) -> dict:
    response = client.get(f"{BASE}/search/germplasm/{search_id}{query}", headers=headers or {})
    assert response.status_code == 200, response.data
    return response.get_json()


def _numbers(client, body, headers) -> list[str]:
    found = _results(client, _search(client, body, headers))
    return [row["accessionNumber"] for row in found["result"]["data"]]


def test_a_stored_search_is_answered_with_the_rules_of_whoever_asks(client, brapi_world):
    staff = {"Authorization": f"Bearer {brapi_world.staff_token}"}
    search_id = _search(client, {}, staff)  # made by staff...
    assert len(search_id) >= 32
    anonymous = _results(client, search_id)  # ...read by the public: no restricted B004
    assert [r["accessionNumber"] for r in anonymous["result"]["data"]] == [
        "B001", "B002", "B003"]
    assert anonymous["result"]["data"][1]["germplasmOrigin"][0]["coordinates"][
        "geometry"]["coordinates"] == [109.9, 31.1]  # wild site rounded for the public
    everything = _results(client, search_id, headers=staff)["result"]["data"]
    assert [r["accessionNumber"] for r in everything] == ["B001", "B002", "B003", "B004"]
    stored = db.session.get(BrapiSearch, search_id)
    assert stored.user_id is not None and stored.body == {}


def test_a_search_is_a_read_open_to_anyone(client, brapi_world, reader):
    """As GET /germplasm: no token needed, and an anonymous caller's search is no one's."""
    made = client.post(f"{BASE}/search/germplasm", json={"accessionNumbers": ["B004", "B001"]})
    assert made.status_code == 202
    search_id = made.get_json()["result"]["searchResultsDbId"]
    assert db.session.get(BrapiSearch, search_id).user_id is None
    found = client.get(f"{BASE}/search/germplasm/{search_id}").get_json()["result"]["data"]
    assert [r["accessionNumber"] for r in found] == ["B001"]  # B004 is restricted
    assert _search(client, {}, reader)  # a token of any scope too


def test_the_search_fields_that_map_to_the_catalogue(client, brapi_world, reader):
    ids, r = brapi_world.ids, reader
    assert _numbers(client, {"accessionNumbers": ["B003", "B001"]}, r) == ["B001", "B003"]
    assert _numbers(client, {"germplasmDbIds": [str(ids["B002"]), "nonsense"]}, r) == ["B002"]
    assert _numbers(client, {"germplasmNames": ["Santa Rosa", "野李"]}, r) == ["B002", "B003"]
    assert _numbers(client, {"synonyms": ["Wushan Crisp"]}, r) == ["B001"]
    assert _numbers(client, {"synonyms": ["巫山脆李"]}, r) == []  # the accepted name
    assert _numbers(client, {"species": ["domestica"]}, r) == ["B003"]
    assert _numbers(client, {"binomialNames": ["Prunus domestica"]}, r) == ["B003"]
    assert _numbers(client, {"genus": ["prunus"], "instituteCodes": ["CHN004"]}, r) == ["B003"]
    assert _numbers(client, {"programDbIds": ["CHN004"]}, r) == ["B003"]
    assert _numbers(client, {"germplasmPUIs": ["10.18730/B001"]}, r) == ["B001"]
    assert _numbers(client, {"commonCropNames": ["plum"], "accessionNumbers": ["B004"]}, r) == []
    # Fields AND-ed, values of one field OR-ed; an empty list asks nothing.
    assert _numbers(client, {"accessionNumbers": ["B001", "B002"],
                             "germplasmNames": ["野李"], "studyDbIds": []}, r) == ["B002"]


def test_results_are_paged_by_the_body_or_the_query(client, brapi_world, reader):
    search_id = _search(client, {"pageSize": 2}, reader)
    first = _results(client, search_id)
    assert first["metadata"]["pagination"] == {"currentPage": 0, "pageSize": 2,
                                               "totalCount": 3, "totalPages": 2}
    second = _results(client, search_id, "?page=1")
    assert [r["accessionNumber"] for r in second["result"]["data"]] == ["B003"]
    whole = _results(client, search_id, "?pageSize=10")["result"]["data"]
    assert len(whole) == 3
    later = _results(client, _search(client, {"page": 1, "pageSize": 1}, reader))
    assert [r["accessionNumber"] for r in later["result"]["data"]] == ["B002"]


def test_bad_bodies_are_refused_naming_the_field(client, brapi_world, reader):
    for body, field in (([], "JSON"), ({"germplasmDbIds": "1"}, "germplasmDbIds"),
                        ({"accessionNumbers": [1, 2]}, "accessionNumbers"),
                        ({"studyDbIds": ["1"]}, "studyDbIds"), ({"color": ["red"]}, "color"),
                        ({"pageSize": 0}, "pageSize"), ({"page": "1"}, "page"),
                        ({"page": True}, "page")):
        response = client.post(f"{BASE}/search/germplasm", json=body, headers=reader)
        assert response.status_code == 400, body
        message = response.get_json()["metadata"]["status"][0]["message"]
        assert field in message, (body, message)
    assert db.session.scalar(db.select(db.func.count()).select_from(BrapiSearch)) == 0


def test_unknown_and_expired_searches_are_404_and_old_ones_are_purged(client, brapi_world,
                                                                       reader):
    assert client.get(f"{BASE}/search/germplasm/nothing-here").status_code == 404
    old = _search(client, {}, reader)
    db.session.get(BrapiSearch, old).created_at = utcnow() - timedelta(days=2)
    db.session.commit()
    response = client.get(f"{BASE}/search/germplasm/{old}")
    assert response.status_code == 404
    assert response.get_json()["metadata"]["status"][0]["messageType"] == "ERROR"
    fresh = _search(client, {}, reader)
    assert db.session.get(BrapiSearch, old) is None
    assert db.session.get(BrapiSearch, fresh) is not None
