"""The envelope, paging and errors of /brapi/v2, and the Core calls' records."""
BASE = "/brapi/v2"


def test_a_list_is_paged_from_zero_with_its_totals(client, brapi_world):
    whole = client.get(f"{BASE}/locations").get_json()
    assert whole["@context"] == ["https://brapi.org/jsonld/context/metadata.jsonld"]
    assert whole["metadata"]["datafiles"] == [] and whole["metadata"]["status"] == []
    everything = [row["locationDbId"] for row in whole["result"]["data"]]
    assert whole["metadata"]["pagination"] == {
        "currentPage": 0, "pageSize": 1000, "totalCount": len(everything), "totalPages": 1}
    pages = []
    for page in range(3):
        body = client.get(f"{BASE}/locations?page={page}&pageSize=2").get_json()
        assert body["metadata"]["pagination"] == {
            "currentPage": page, "pageSize": 2, "totalCount": 5, "totalPages": 3}
        pages += [row["locationDbId"] for row in body["result"]["data"]]
    assert pages == everything
    beyond = client.get(f"{BASE}/locations?page=7&pageSize=2").get_json()
    assert beyond["result"]["data"] == []


def test_bad_paging_and_unknown_ids_are_json_errors_in_brapi_style(client, brapi_world):
    for query, words in (("page=-1", "page"), ("pageSize=0", "pageSize"),
                         ("pageSize=ten", "pageSize")):
        response = client.get(f"{BASE}/programs?{query}")
        assert response.status_code == 400 and response.mimetype == "application/json"
        body = response.get_json()
        assert body["result"] is None
        status = body["metadata"]["status"][0]
        assert status["messageType"] == "ERROR" and words in status["message"]
    for path in ("programs/XXX999", "seasons/1850", "people/999999", "no-such-call"):
        response = client.get(f"{BASE}/{path}")
        assert response.status_code == 404, path
        assert response.get_json()["metadata"]["status"][0]["messageType"] == "ERROR"


def test_a_token_that_is_not_valid_is_refused_in_brapi_style(client, brapi_world):
    response = client.get(f"{BASE}/germplasm", headers={"Authorization": "Bearer nonsense"})
    assert response.status_code == 401
    assert response.get_json()["metadata"]["status"][0]["messageType"] == "ERROR"


def test_programs_are_the_holding_institutes_and_seasons_the_years(client, brapi_world):
    programs = client.get(f"{BASE}/programs").get_json()["result"]["data"]
    assert [p["programDbId"] for p in programs] == ["CHN004", "CHN385"]
    assert programs[0]["programName"] == "中国农业科学院果树研究所"
    english = client.get(f"{BASE}/programs/CHN004?lang=en").get_json()["result"]
    assert english["programName"] == "Research Institute of Pomology, CAAS"
    seasons = client.get(f"{BASE}/seasons").get_json()["result"]["data"]
    assert [s["year"] for s in seasons] == [2025, 2026]


def test_locations_are_the_genebank_its_blocks_and_the_evaluation_sites(client, brapi_world):
    rows = client.get(f"{BASE}/locations").get_json()["result"]["data"]
    assert [r["locationDbId"] for r in rows] == [
        "nursery", "block:东区", "block:西区", "site:北碚", "site:巫山"]
    assert rows[1]["parentLocationDbId"] == "nursery"
    one = client.get(f"{BASE}/locations/block:%E4%B8%9C%E5%8C%BA").get_json()["result"]
    assert one["locationDbId"] == "block:东区"


def test_people_are_the_staff_with_user_names_only_for_staff(client, brapi_world):
    public = client.get(f"{BASE}/people").get_json()["result"]["data"]
    assert [p["firstName"] for p in public] == ["王芳", "李明"]
    assert {p["userID"] for p in public} == {None}
    bearer = {"Authorization": f"Bearer {brapi_world.staff_token}"}
    inside = client.get(f"{BASE}/people", headers=bearer).get_json()["result"]["data"]
    assert [p["userID"] for p in inside] == ["wang.fang", "li.ming"]


# Issue 13's calls, in its order: each with its methods, nothing more.
READ = ["GET"]
CALLS = {
    # Core (each list with its single-record call)
    "serverinfo": READ, "commoncropnames": READ,
    "programs": READ, "programs/{programDbId}": READ,
    "locations": READ, "locations/{locationDbId}": READ,
    "seasons": READ, "seasons/{seasonDbId}": READ,
    "studies": READ, "studies/{studyDbId}": READ,
    "trials": READ, "trials/{trialDbId}": READ,
    "people": READ, "people/{personDbId}": READ,
    "lists": ["GET", "POST"], "lists/{listDbId}": READ,
    # Germplasm
    "germplasm": READ, "germplasm/{germplasmDbId}": READ,
    "germplasm/{germplasmDbId}/mcpd": READ, "germplasm/{germplasmDbId}/progeny": READ,
    "pedigree": READ,
    "search/germplasm": ["POST"], "search/germplasm/{searchResultsDbId}": READ,
    "breedingmethods": READ,
    "attributes": READ, "attributes/{attributeDbId}": READ, "attributes/categories": READ,
    "attributevalues": READ, "attributevalues/{attributeValueDbId}": READ,
    "seedlots": READ, "seedlots/{seedLotDbId}": READ,
    "seedlots/transactions": READ, "seedlots/{seedLotDbId}/transactions": READ,
    # Phenotyping
    "variables": READ, "variables/{observationVariableDbId}": READ,
    "traits": READ, "methods": READ, "scales": READ, "ontologies": READ,
    "observationunits": READ,
    "observations": ["GET", "POST", "PUT"], "observations/{observationDbId}": ["GET", "PUT"],
    "search/observations": ["POST"],
}


def test_serverinfo_advertises_exactly_the_calls_served(client, app):
    calls = client.get(f"{BASE}/serverinfo").get_json()["result"]["calls"]
    assert {call["service"]: call["methods"] for call in calls} == CALLS
    for call in calls:
        assert call["versions"] == ["2.1"]
        assert call["dataTypes"] == ["application/json"]
    routes = {rule.rule for rule in app.url_map.iter_rules() if rule.rule.startswith(BASE)}
    assert len(routes) == len(CALLS)  # nothing under /brapi/v2 that is not advertised
