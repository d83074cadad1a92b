"""POST and PUT /brapi/v2/observations: staff with a write token record through the sheet
import's service (validated, audited, summaries current), all or nothing, every problem
named by item, field and reason in a BrAPI error frame; POST search/observations."""
import pytest
from sqlalchemy import func, select

from germplasm.accounts import tokens
from germplasm.accounts.services import create_user
from germplasm.audit.models import AuditEntry
from germplasm.evaluations.models import Observation, TraitSummary
from germplasm.extensions import db
from tests.brapi.conftest import study_ids

BASE = "/brapi/v2"


@pytest.fixture
def world(client, brapi_world):
    """The world, its studies' ids and each study's units by name; messages in English."""
    client.get(f"{BASE}/serverinfo?lang=en")
    studies = study_ids(client)
    units = {name: {u["observationUnitName"]: u["observationUnitDbId"] for u in client.get(
        f"{BASE}/observationunits?studyDbId={study}",
        headers=_bearer(brapi_world.staff_token)).get_json()["result"]["data"]}
        for name, study in studies.items()}
    return brapi_world, studies, units


def _bearer(token) -> dict:
    return {"Authorization": f"Bearer {token}"} if token else {}


def _token(username: str, role: str, scope: str) -> str:
    user = create_user(username, role, "orchard-2026", username)
    _record, secret = tokens.create(user, scope=scope)
    db.session.commit()
    return secret


def _count() -> int:
    return db.session.scalar(select(func.count(Observation.id)))


def _one(studies, units, study="2026 评价", unit="B003", variable="SSC", value="13.3", **more):
    return {"studyDbId": studies[study], "observationUnitDbId": units[study][unit],
            "observationVariableDbId": variable, "value": value} | more


def _messages(response) -> list[str]:
    assert response.status_code == 400, response.data
    status = response.get_json()["metadata"]["status"]
    assert {m["messageType"] for m in status} == {"ERROR"}
    return [m["message"] for m in status[1:]]  # after the summary


def test_only_staff_with_a_write_token_may_write(client, app, world):
    from tests.accounts.test_login import login

    brapi_world, studies, units = world
    body = [_one(studies, units)]
    read = _token("zhao.read", "staff", "read")
    researcher = _token("qian.researcher", "researcher", "write")
    before = _count()
    for method, url, data in (("POST", "observations", body), ("PUT", "observations", {}),
                              ("PUT", "observations/1", {})):
        assert client.open(f"{BASE}/{url}", method=method, json=data).status_code == 401
        for token in (read, researcher):
            refused = client.open(f"{BASE}/{url}", method=method, json=data,
                                  headers=_bearer(token))
            assert refused.status_code == 403, (url, refused.data)
            assert refused.get_json()["metadata"]["status"][0]["messageType"] == "ERROR"
    signed_in = app.test_client()  # a session cookie (no CSRF token here) does not write
    login(signed_in, "li.ming", "orchard-2026")
    assert signed_in.post(f"{BASE}/observations", json=body).status_code == 401
    assert _count() == before
    # Searching changes nothing: a read open to anyone, as GET /observations is.
    assert client.post(f"{BASE}/search/observations", json={}).status_code == 200
    assert client.post(f"{BASE}/search/observations", json={},
                       headers=_bearer(read)).status_code == 200


def test_posting_records_through_the_service_and_answers_the_stored_observations(
        client, world):
    brapi_world, studies, units = world
    staff = _bearer(brapi_world.staff_token)
    before = _count()
    body = [_one(studies, units, unit="东区-1-1", value="13.3", collector="李明",
                 observationTimeStamp="2026-07-20T18:30:00.000-05:00",
                 externalReferences=[{"referenceId": "7", "referenceSource": "Field Book"}]),
            _one(studies, units, unit="B003", variable="FLESH_COLOR", value="3")]
    answer = client.post(f"{BASE}/observations", json=body, headers=staff)
    assert answer.status_code == 200, answer.data
    made = answer.get_json()["result"]["data"]
    assert [(o["observationUnitDbId"], o["observationVariableDbId"], o["value"]) for o in made] \
        == [(units["2026 评价"]["东区-1-1"], "SSC", "13.3"),
            (units["2026 评价"]["B003"], "FLESH_COLOR", "3")]
    assert made[0]["collector"] == "李明"
    assert made[0]["observationTimeStamp"].startswith("2026-07-20")  # the collector's day
    assert made[0]["externalReferences"] == [{"referenceId": "7", "referenceSource":
                                              "Field Book"}]
    # B001's tree had SSC 15 in 2026 (replaced), B003's colour 5 (replaced): nothing added.
    assert _count() == before
    stored = client.get(f"{BASE}/observations/{made[0]['observationDbId']}").get_json()
    assert stored["result"]["value"] == "13.3"
    assert db.session.scalar(select(Observation.plant).where(
        Observation.id == int(made[0]["observationDbId"]))) == "东区-1-1"
    summary = db.session.scalar(select(TraitSummary).where(
        TraitSummary.accession_id == brapi_world.ids["B001"], TraitSummary.year == 2026))
    assert summary.mean == pytest.approx(13.3)
    assert db.session.scalar(select(func.count(AuditEntry.id)).where(
        AuditEntry.source == "brapi")) >= 1
    new = client.post(f"{BASE}/observations", headers=staff, json=[
        _one(studies, units, study="2025 评价", unit="西区-1-1", variable="FRUIT_WEIGHT",
             value="28")])
    assert new.status_code == 200 and _count() == before + 1
    assert new.get_json()["result"]["data"][0]["observationDbId"] not in \
        {o["observationDbId"] for o in made}


def test_every_problem_is_named_and_nothing_is_written(client, world):
    brapi_world, studies, units = world
    staff = _bearer(brapi_world.staff_token)
    before = _count()
    good = _one(studies, units, study="2025 评价", unit="东区-1-1", value="11")
    body = [good, {},
            _one(studies, units, unit="B003", value="abc"),
            _one(studies, units, study="2025 评价", unit="西区-1-1", variable="NOPE",
                 observationTimeStamp="yesterday"),
            {"studyDbId": studies["2025 评价"], "observationUnitDbId":
             units["2026 评价"]["B003"], "observationVariableDbId": "SSC", "value": "12"},
            {"studyDbId": "999999", "observationUnitDbId": "zz",
             "observationVariableDbId": "SSC", "value": "12"},
            "not an object"]
    messages = _messages(client.post(f"{BASE}/observations", json=body, headers=staff))
    assert "item 1, studyDbId: is missing" in messages
    assert "item 1, observationUnitDbId: is missing" in messages
    assert any(m.startswith("item 2, value: ") and "abc" in m for m in messages)
    assert "item 3, observationVariableDbId: there is no variable NOPE" in messages
    assert "item 3, observationTimeStamp: is not an ISO 8601 date and time" in messages
    assert any(m.startswith("item 4, observationUnitDbId: ") and "B003" in m and
               "worklist" in m for m in messages)
    assert "item 5, studyDbId: there is no study 999999" in messages
    assert "item 5, observationUnitDbId: there is no observation unit zz" in messages
    assert "item 6: must be an object" in messages
    assert not any(m.startswith("item 0") for m in messages)
    assert _count() == before
    assert client.get(f"{BASE}/observations?observationVariableDbId=SSC&seasonDbId=2025"
                      f"&germplasmDbId={brapi_world.ids['B001']}").get_json()[
        "result"]["data"][0]["value"] == "14.5"  # the good item was not written either


def test_all_or_nothing_across_studies_and_bad_bodies(client, world):
    brapi_world, studies, units = world
    staff = _bearer(brapi_world.staff_token)
    before = _count()
    body = [_one(studies, units, study="2025 评价", unit="西区-1-1", variable="FRUIT_WEIGHT",
                 value="30"),
            _one(studies, units, unit="B003", variable="SSC", value="99")]  # out of range
    messages = _messages(client.post(f"{BASE}/observations", json=body, headers=staff))
    assert len(messages) == 1 and messages[0].startswith("item 1, value: ")
    assert _count() == before
    for bad in ({"observations": []}, "text", 3):
        refused = client.post(f"{BASE}/observations", json=bad, headers=staff)
        assert refused.status_code == 400 and "JSON list" in \
            refused.get_json()["metadata"]["status"][0]["message"]
    broken = client.post(f"{BASE}/observations", data="[{not json", headers=staff,
                         content_type="application/json")
    assert broken.status_code == 400 and broken.mimetype == "application/json"
    empty = client.post(f"{BASE}/observations", json=[], headers=staff)
    assert empty.status_code == 200 and empty.get_json()["result"]["data"] == []


def test_put_changes_values_and_keeps_what_the_body_leaves_out(client, world):
    brapi_world, studies, units = world
    staff = _bearer(brapi_world.staff_token)
    ours = client.get(f"{BASE}/observations?germplasmDbId={brapi_world.ids['B002']}")
    stored = ours.get_json()["result"]["data"][0]
    url = f"{BASE}/observations/{stored['observationDbId']}"
    unchanged = client.put(url, json={}, headers=staff)
    assert unchanged.status_code == 200 and unchanged.get_json()["result"] == stored
    changed = client.put(url, json={"value": "12.8"}, headers=staff).get_json()["result"]
    assert changed == stored | {"value": "12.8"}  # collector, day, unit kept
    both = client.put(f"{BASE}/observations", headers=staff, json={
        stored["observationDbId"]: {"value": "13", "collector": "李明",
                                    "observationUnitDbId": stored["observationUnitDbId"]}})
    assert both.status_code == 200, both.data
    [after] = both.get_json()["result"]["data"]
    assert (after["value"], after["collector"]) == ("13", "李明")
    summary = db.session.scalar(select(TraitSummary).where(
        TraitSummary.accession_id == brapi_world.ids["B002"], TraitSummary.year == 2025))
    assert summary.mean == pytest.approx(13)
    assert client.put(f"{BASE}/observations", json={}, headers=staff).status_code == 200
    messages = _messages(client.put(f"{BASE}/observations", headers=staff, json={
        stored["observationDbId"]: {"value": "abc"},
        "999999": {"value": "1"},
        "abc": {"studyDbId": studies["2026 评价"]}}))
    assert any(m.startswith(f"observation {stored['observationDbId']}, value: ")
               for m in messages)
    assert "observation 999999: There is no observation with this id." in messages
    assert "observation abc: There is no observation with this id." in messages
    moved = client.put(url, json={"studyDbId": studies["2026 评价"]}, headers=staff)
    assert _messages(moved) == [f"observation {stored['observationDbId']}, studyDbId: "
                                "cannot be changed; post a new observation instead"]
    assert client.get(url).get_json()["result"]["value"] == "13"
    assert client.put(f"{BASE}/observations/999999", json={}, headers=staff).status_code == 404


def test_search_observations_takes_lists_and_pages_by_the_body(client, world):
    brapi_world, studies, units = world
    staff = _bearer(brapi_world.staff_token)

    def search(body):
        answer = client.post(f"{BASE}/search/observations", json=body, headers=staff)
        assert answer.status_code == 200, answer.data
        return answer.get_json()

    found = search({"observationVariableDbIds": ["SSC"], "seasonDbIds": ["2025", "2026"]})
    assert sorted(o["value"] for o in found["result"]["data"]) == ["12", "14.5", "15", "16.1"]
    page = search({"studyDbIds": [studies["2025 评价"]], "page": 1, "pageSize": 3})
    assert page["metadata"]["pagination"] == {"currentPage": 1, "pageSize": 3,
                                              "totalCount": 4, "totalPages": 2}
    assert len(page["result"]["data"]) == 1
    units_found = search({"observationUnitDbIds": [units["2026 评价"]["B003"]]})
    assert [o["value"] for o in units_found["result"]["data"]] == ["5"]
    for bad in ({"studyDbIds": "1"}, {"pageSize": "x"}, {"page": -1}, [1]):
        answer = client.post(f"{BASE}/search/observations", json=bad, headers=staff)
        assert answer.status_code == 400, bad


def test_problems_are_named_in_chinese_for_chinese_callers(client, brapi_world):
    studies = study_ids(client)
    answer = client.post(f"{BASE}/observations?lang=zh", json=[{"studyDbId": studies[
        "2025 评价"]}], headers=_bearer(brapi_world.staff_token))
    messages = [m["message"] for m in answer.get_json()["metadata"]["status"]]
    assert "第 0 条, observationUnitDbId: 缺失" in messages
