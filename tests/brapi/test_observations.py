"""/brapi/v2/observationunits and /observations: trees (and worklist accessions without a
tree) as units, observations naming their unit and their descriptor code, every filter,
and restricted accessions' trees and observations only for staff."""
from urllib.parse import quote

from tests.brapi.conftest import study_ids

BASE = "/brapi/v2"


def _staff(world) -> dict:
    return {"Authorization": f"Bearer {world.staff_token}"}


def _data(client, url, headers=None):
    response = client.get(f"{BASE}/{url}", headers=headers or {})
    assert response.status_code == 200, response.data
    return response.get_json()["result"]["data"]


def _units(client, url, headers=None) -> list[str]:
    return [u["observationUnitName"] for u in _data(client, url, headers)]


def test_trees_are_units_with_their_place(client, brapi_world):
    units = _data(client, "observationunits")
    tree = next(u for u in units if u["germplasmName"] == "野李")
    assert tree["observationUnitName"] == "西区-1-1"
    assert tree["germplasmDbId"] == str(brapi_world.ids["B002"])
    assert tree["locationDbId"] == "block:西区" and tree["studyDbId"] is None
    position = tree["observationUnitPosition"]
    assert position["observationLevel"] == {"levelName": "plant", "levelCode": "西区-1-1",
                                            "levelOrder": 3}
    assert [(r["levelName"], r["levelCode"]) for r in
            position["observationLevelRelationships"]] == [("block", "西区"), ("row", "1")]
    assert (position["positionCoordinateX"], position["positionCoordinateXType"],
            position["positionCoordinateY"], position["positionCoordinateYType"]) == \
        ("1", "PLANTED_INDIVIDUAL", "1", "PLANTED_ROW")
    # B003 has no tree but is on a worklist: one unit for the accession.
    entry = next(u for u in units if u["germplasmName"] == "Santa Rosa")
    assert entry["observationUnitDbId"] == f"accession:{brapi_world.ids['B003']}"
    assert entry["observationUnitPosition"]["observationLevel"]["levelName"] == "entry"


def test_a_studys_units_are_its_worklists_trees_then_its_entries(client, brapi_world):
    ids = study_ids(client)
    first, second = ids["2025 评价"], ids["2026 评价"]
    assert _units(client, f"observationunits?studyDbId={first}") == ["东区-1-1", "西区-1-1"]
    assert _units(client, f"observationunits?studyDbId={first}", _staff(brapi_world)) == \
        ["东区-1-1", "东区-2-1", "西区-1-1"]  # B004 is restricted
    units = _data(client, f"observationunits?studyDbId={second}")
    assert [u["observationUnitName"] for u in units] == ["东区-1-1", "B003"]
    assert {u["studyDbId"] for u in units} == {second}
    assert {u["trialDbId"] for u in units} == {"2026"}
    assert _units(client, "observationunits?studyDbId=999999") == []
    page = client.get(f"{BASE}/observationunits?studyDbId={second}&pageSize=1&page=1")
    assert page.get_json()["metadata"]["pagination"]["totalCount"] == 2
    assert [u["observationUnitName"] for u in page.get_json()["result"]["data"]] == ["B003"]


def test_the_observation_unit_filters(client, brapi_world):
    ids = brapi_world.ids
    assert _units(client, f"observationunits?germplasmDbId={ids['B001']}") == ["东区-1-1"]
    assert _units(client, f"observationunits?germplasmDbId={ids['B004']}") == []
    assert _units(client, f"observationunits?germplasmDbId={ids['B004']}",
                  _staff(brapi_world)) == ["东区-2-1"]
    tree = _data(client, f"observationunits?germplasmDbId={ids['B002']}")[0]
    assert _units(client, f"observationunits?observationUnitDbId="
                          f"{tree['observationUnitDbId']}") == ["西区-1-1"]
    assert _units(client, f"observationunits?observationUnitDbId=accession:{ids['B003']}") \
        == ["B003"]
    assert _units(client, f"observationunits?observationUnitDbId=accession:{ids['B001']}") \
        == []  # B001 has a living tree: its unit is the tree
    assert _units(client, "observationunits?locationDbId=" + quote("block:西区")) == \
        ["西区-1-1"]
    assert _units(client, "observationunits?locationDbId=nursery") == ["东区-1-1", "西区-1-1"]
    assert _units(client, "observationunits?locationDbId=" + quote("site:巫山")) == []
    assert _units(client, "observationunits?observationUnitDbId=zz") == []


def _observations(client, query="", headers=None) -> list[tuple]:
    return sorted((o["germplasmName"], o["observationVariableDbId"], o["value"],
                   o["seasonDbId"] if "seasonDbId" in o else o["season"]["seasonDbId"])
                  for o in _data(client, f"observations?{query}", headers))


def test_observations_name_their_unit_variable_study_and_season(client, brapi_world):
    ids = study_ids(client)
    data = _data(client, f"observations?germplasmDbId={brapi_world.ids['B002']}")
    assert len(data) == 1
    seen = data[0]
    assert (seen["observationVariableDbId"], seen["value"], seen["collector"]) == \
        ("SSC", "12", "王芳")
    assert seen["studyDbId"] == ids["2025 评价"]
    assert seen["season"] == {"seasonDbId": "2025", "seasonName": "2025", "year": 2025}
    assert seen["observationTimeStamp"].startswith("2025-07-10T00:00:00")
    units = _data(client, f"observationunits?studyDbId={ids['2025 评价']}")
    tree = next(u for u in units if u["observationUnitName"] == "西区-1-1")
    assert seen["observationUnitDbId"] == tree["observationUnitDbId"]
    entry = _data(client, f"observations?germplasmDbId={brapi_world.ids['B003']}")[0]
    assert entry["observationUnitDbId"] == f"accession:{brapi_world.ids['B003']}"
    one = client.get(f"{BASE}/observations/{seen['observationDbId']}").get_json()["result"]
    assert one == seen


def _values(client, query) -> list[str]:
    return sorted(o[2] for o in _observations(client, query))


def test_the_observation_filters(client, brapi_world):
    ids, b = study_ids(client), brapi_world.ids
    everything = _observations(client)
    assert len(everything) == 5 and len(_observations(client, headers=_staff(brapi_world))) == 6
    assert _observations(client, f"germplasmDbId={b['B001']}") == [
        ("巫山脆李", "FRUIT_WEIGHT", "35.2", "2025"), ("巫山脆李", "SSC", "14.5", "2025"),
        ("巫山脆李", "SSC", "15", "2026")]
    assert _values(client, "observationVariableDbId=ssc") == ["12", "14.5", "15"]
    assert _values(client, f"studyDbId={ids['2026 评价']}") == ["15", "5"]
    assert _values(client, "seasonDbId=2025") == ["12", "14.5", "35.2"]
    assert _values(
        client, f"seasonDbId=2026&observationVariableDbId=SSC&germplasmDbId={b['B001']}") \
        == ["15"]
    tree = _data(client, f"observationunits?germplasmDbId={b['B001']}")[0]
    assert len(_observations(client, f"observationUnitDbId={tree['observationUnitDbId']}")) \
        == 3
    assert _values(client, f"observationUnitDbId=accession:{b['B003']}") \
        == ["5"]
    assert _observations(client, f"observationUnitDbId=accession:{b['B001']}") == []
    first = _data(client, "observations")[0]
    assert [o["observationDbId"] for o in _data(
        client, f"observations?observationDbId={first['observationDbId']}")] == \
        [first["observationDbId"]]
    for nothing in ("observationVariableDbId=NOPE", "studyDbId=abc", "seasonDbId=1999",
                    "observationDbId=999999", "germplasmDbId=x", "observationUnitDbId=0"):
        assert _observations(client, nothing) == [], nothing


def test_restricted_observations_only_for_staff(client, brapi_world):
    query = f"observations?germplasmDbId={brapi_world.ids['B004']}"
    assert _data(client, query) == []
    hidden = _data(client, query, _staff(brapi_world))[0]
    url = f"{BASE}/observations/{hidden['observationDbId']}"
    assert client.get(url).status_code == 404
    assert client.get(url, headers=_staff(brapi_world)).status_code == 200
    assert client.get(f"{BASE}/observations/abc").status_code == 404
