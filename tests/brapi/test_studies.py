"""/brapi/v2/studies and /trials: evaluation campaigns as studies (their year as season and
trial, their site as location, their descriptors as variables), the campaigns of a year as
a trial; the studies filters."""
from tests.brapi.conftest import study_ids

BASE = "/brapi/v2"


def _data(client, url):
    response = client.get(f"{BASE}/{url}")
    assert response.status_code == 200, response.data
    return response.get_json()["result"]["data"]


def test_each_campaign_is_a_study_with_its_year_site_and_descriptors(client, brapi_world):
    studies = {s["studyName"]: s for s in _data(client, "studies")}
    assert set(studies) == {"2025 评价", "2026 评价"}
    first = studies["2025 评价"]
    assert first["seasons"] == ["2025"] and first["trialDbId"] == "2025"
    assert first["locationDbId"] == "site:巫山" and first["locationName"] == "巫山"
    assert sorted(first["observationVariableDbIds"]) == ["FRUIT_WEIGHT", "SSC"]
    assert sorted(studies["2026 评价"]["observationVariableDbIds"]) == ["FLESH_COLOR", "SSC"]
    assert first["commonCropName"] == "plum" and first["studyType"] == "Phenotyping"
    # What a study names exists where BrAPI clients look it up.
    assert "site:巫山" in {x["locationDbId"] for x in _data(client, "locations")}
    assert "2025" in {x["seasonDbId"] for x in _data(client, "seasons")}
    one = client.get(f"{BASE}/studies/{first['studyDbId']}").get_json()["result"]
    assert one == first


def test_the_studies_filters(client, brapi_world):
    ids = study_ids(client)
    names = lambda url: sorted(s["studyName"] for s in _data(client, url))  # noqa: E731
    assert names("studies?seasonDbId=2025") == ["2025 评价"]
    assert names("studies?trialDbId=2026") == ["2026 评价"]
    assert names("studies?locationDbId=site:北碚") == ["2026 评价"]
    assert names(f"studies?studyDbId={ids['2025 评价']}") == ["2025 评价"]
    assert names(f"studies?studyDbId={ids['2025 评价']}&seasonDbId=2026") == []
    for nothing in ("seasonDbId=1999", "locationDbId=nursery", "locationDbId=site:",
                    "studyDbId=abc", "trialDbId=-1", f"studyDbId={2**40}"):
        assert names(f"studies?{nothing}") == [], nothing
    page = client.get(f"{BASE}/studies?pageSize=1&page=1").get_json()
    assert page["metadata"]["pagination"]["totalCount"] == 2
    assert [s["studyName"] for s in page["result"]["data"]] == ["2026 评价"]


def test_unknown_studies_and_trials_are_404_in_brapi_frames(client, brapi_world):
    for url in ("studies/999999", "studies/abc", "trials/1999", "trials/abc"):
        response = client.get(f"{BASE}/{url}")
        assert response.status_code == 404, url
        assert response.get_json()["metadata"]["status"][0]["messageType"] == "ERROR"


def test_a_trial_is_a_year_of_campaigns(client, brapi_world):
    trials = _data(client, "trials")
    assert [t["trialDbId"] for t in trials] == ["2025", "2026"]
    one = client.get(f"{BASE}/trials/2026").get_json()["result"]
    assert "2026 评价" in one["trialDescription"]
    assert (one["startDate"], one["endDate"]) == ("2026-01-01", "2026-12-31")
