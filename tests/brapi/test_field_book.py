"""A Field Book round trip over BrAPI v2, with the JSON Field Book sends
(PhenoApps/Field-Book, BrAPIServiceV2: observations POSTed as a list of BrAPIObservation with
collector, observationDbId null, observationTimeStamp with the tablet's offset,
observationUnitDbId, studyDbId, observationVariableDbId and Name, value, and an external
reference to its own row; edits PUT as {observationDbId: observation}). The recorded values
reach the accession's trait summaries and `germplasm export observations`."""
import csv

from tests.brapi.conftest import study_ids

BASE = "/brapi/v2"
STAMP = "2026-08-01T09:15:30.123+08:00"
VALUES = {"SSC": "13.9", "FLESH_COLOR": "3"}


def _get(client, url, headers) -> dict:
    response = client.get(f"{BASE}/{url}", headers=headers)
    assert response.status_code == 200, response.data
    return response.get_json()


def _pull(client, headers, study: str) -> tuple[list[dict], list[str]]:
    """The study's units, page by page as Field Book asks for them, and its variables
    (Field Book's getTraits: GET variables?studyDbId=)."""
    units, page = [], 0
    while True:
        answer = _get(client, f"observationunits?studyDbId={study}&page={page}&pageSize=1",
                      headers)
        units += answer["result"]["data"]
        page += 1
        if page >= answer["metadata"]["pagination"]["totalPages"]:
            break
    variables = _get(client, f"variables?studyDbId={study}", headers)["result"]["data"]
    assert sorted(v["observationVariableDbId"] for v in variables) == sorted(
        _get(client, f"studies/{study}", headers)["result"]["observationVariableDbIds"])
    return units, [v["observationVariableDbId"] for v in variables]


def _field_book_observation(study, unit, variable, row_id) -> dict:
    return {"collector": "李明", "observationDbId": None, "observationTimeStamp": STAMP,
            "observationUnitDbId": unit["observationUnitDbId"], "studyDbId": study,
            "observationVariableDbId": variable, "observationVariableName": variable,
            "value": VALUES[variable],
            "externalReferences": [{"referenceId": str(row_id), "referenceID": str(row_id),
                                    "referenceSource": "Field Book Upload"}]}


def _exported(cli, tmp_path) -> list[dict]:
    path = tmp_path / "observations.csv"
    result = cli("export", "observations", path)
    assert result.exit_code == 0, result.output
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_field_book_pulls_a_study_and_pushes_what_was_recorded(cli, client, brapi_world,
                                                               tmp_path):
    headers = {"Authorization": f"Bearer {brapi_world.staff_token}"}
    study = study_ids(client)["2026 评价"]
    units, variables = _pull(client, headers, study)
    assert [u["observationUnitName"] for u in units] == ["东区-1-1", "B003"]
    assert sorted(variables) == ["FLESH_COLOR", "SSC"]

    sent = [_field_book_observation(study, unit, variable, row_id)
            for row_id, (unit, variable) in enumerate(
                ((u, v) for u in units for v in sorted(variables)), start=1)]
    answer = client.post(f"{BASE}/observations", json=sent, headers=headers)
    assert answer.status_code == 200, answer.data
    made = answer.get_json()["result"]["data"]
    # Field Book matches each answer to its row by unit and variable (and its reference).
    assert [(o["observationUnitDbId"], o["observationVariableDbId"], o["value"],
             o["externalReferences"][0]["referenceId"]) for o in made] == \
        [(s["observationUnitDbId"], s["observationVariableDbId"], s["value"],
          s["externalReferences"][0]["referenceId"]) for s in sent]
    assert all(o["observationDbId"] for o in made)

    # The same observations come back when Field Book imports the study's observations.
    listed = _get(client, f"observations?studyDbId={study}", headers)["result"]["data"]
    assert {o["observationDbId"] for o in made} <= {o["observationDbId"] for o in listed}

    b001, b003 = brapi_world.ids["B001"], brapi_world.ids["B003"]
    summaries = {(s["accession_id"], s["descriptor"]): s for s in client.get(
        "/api/v1/summaries?year=2026&per_page=100", headers=headers).get_json()["items"]}
    assert summaries[(b001, "SSC")]["mean"] == 13.9
    assert summaries[(b003, "SSC")]["mean"] == 13.9
    assert summaries[(b003, "FLESH_COLOR")]["mode"] == "3"

    rows = [r for r in _exported(cli, tmp_path) if r["CAMPAIGN"] == "2026 评价"]
    assert sorted((r["ACCENUMB"], r["DESCRIPTOR"], r["VALUE"], r["PLANT"], r["OBSERVED_ON"],
                   r["OBSERVER"]) for r in rows) == [
        ("B001", "FLESH_COLOR", "3", "东区-1-1", "2026-08-01", "李明"),
        ("B001", "SSC", "13.9", "东区-1-1", "2026-08-01", "李明"),
        ("B003", "FLESH_COLOR", "3", "", "2026-08-01", "李明"),
        ("B003", "SSC", "13.9", "", "2026-08-01", "李明")]

    # A value corrected on the tablet is synced as Field Book does: PUT by observationDbId.
    fix = made[1] | {"value": "14.4"}
    edited = client.put(f"{BASE}/observations", json={fix["observationDbId"]: fix},
                        headers=headers)
    assert edited.status_code == 200, edited.data
    assert edited.get_json()["result"]["data"][0]["value"] == "14.4"
    rows = _exported(cli, tmp_path)
    assert ("B001", "SSC", "14.4") in {(r["ACCENUMB"], r["DESCRIPTOR"], r["VALUE"])
                                       for r in rows if r["CAMPAIGN"] == "2026 评价"}
