"""Germplasm, its MCPD record, progeny and pedigree: filters, paging and who sees what."""
import pytest

BASE = "/brapi/v2"


def numbers(client, query: str = "", headers=None) -> list[str]:
    response = client.get(f"{BASE}/germplasm?{query}", headers=headers or {})
    assert response.status_code == 200, response.data
    return [row["accessionNumber"] for row in response.get_json()["result"]["data"]]


def staff(world) -> dict:
    return {"Authorization": f"Bearer {world.staff_token}"}


@pytest.mark.parametrize("query, expected", [
    ("accessionNumber=B002", ["B002"]),
    ("accessionNumber=B999", []),
    ("genus=Prunus", ["B001", "B002", "B003"]),
    ("genus=prunus&species=domestica", ["B003"]),
    ("species=Prunus%20salicina", ["B001", "B002"]),
    ("synonym=Wushan%20Crisp", ["B001"]),
    ("synonym=巫山脆李", []),  # the accepted name is not a synonym of itself
    ("germplasmName=巫山脆李", ["B001"]),
    ("germplasmName=Wushan%20Crisp", ["B001"]),
    ("commonCropName=plum&accessionNumber=B003", ["B003"]),
    ("germplasmPUI=10.18730/B001", ["B001"]),
    ("germplasmDbId=abc", []),
])
def test_filters(client, brapi_world, query, expected):
    assert numbers(client, query) == expected


def test_filter_by_id_and_by_our_own_pui(client, brapi_world):
    wild = brapi_world.ids["B002"]
    assert numbers(client, f"germplasmDbId={wild}") == ["B002"]
    record = client.get(f"{BASE}/germplasm/{wild}").get_json()["result"]
    assert record["germplasmPUI"].endswith(f"/brapi/v2/germplasm/{wild}")
    assert numbers(client, f"germplasmPUI={record['germplasmPUI']}") == ["B002"]


def test_paging_walks_through_every_accession_once(client, brapi_world):
    seen = []
    for page in range(2):
        body = client.get(f"{BASE}/germplasm?pageSize=2&page={page}").get_json()
        assert body["metadata"]["pagination"] == {
            "currentPage": page, "pageSize": 2, "totalCount": 3, "totalPages": 2}
        seen += [row["accessionNumber"] for row in body["result"]["data"]]
    assert seen == ["B001", "B002", "B003"]
    assert numbers(client, "pageSize=2&page=2") == []


def test_the_restricted_accession_only_for_staff(client, brapi_world):
    hidden = brapi_world.ids["B004"]
    assert "B004" not in numbers(client)
    assert numbers(client, "accessionNumber=B004") == []
    for path in (f"germplasm/{hidden}", f"germplasm/{hidden}/mcpd",
                 f"germplasm/{hidden}/progeny"):
        assert client.get(f"{BASE}/{path}").status_code == 404
    assert numbers(client, headers=staff(brapi_world)) == ["B001", "B002", "B003", "B004"]
    inside = client.get(f"{BASE}/germplasm/{hidden}/mcpd", headers=staff(brapi_world))
    assert inside.get_json()["result"]["accessionNumber"] == "B004"
    totals = client.get(f"{BASE}/pedigree").get_json()["metadata"]["pagination"]
    assert totals["totalCount"] == 3


def test_mcpd_fields_map_to_brapi_names(client, brapi_world):
    record = client.get(f"{BASE}/germplasm/{brapi_world.ids['B001']}").get_json()["result"]
    expected = {
        "accessionNumber": "B001", "instituteCode": "CHN385", "germplasmName": "巫山脆李",
        "biologicalStatusOfAccessionCode": "300", "countryOfOriginCode": "CHN",
        "acquisitionDate": "2005-03-01", "genus": "Prunus", "species": "salicina",
        "commonCropName": "plum", "germplasmPUI": "10.18730/B001",
        "donors": [{"donorAccessionNumber": "D-17", "donorInstituteCode": "CHN004"}]}
    for key, value in expected.items():
        assert record[key] == value, key
    assert [s["code"] for s in record["storageTypes"]] == ["20", "30"]
    assert record["synonyms"] == [{"synonym": "Wūshān Cuìlǐ", "type": "pinyin"},
                                  {"synonym": "Wushan Crisp", "type": "synonym"}]
    cross = client.get(f"{BASE}/germplasm/{brapi_world.ids['B003']}/mcpd").get_json()["result"]
    assert cross["acquisitionDate"] == "1998" and cross["ancestralData"] == "B001/B002"
    assert cross["accessionNames"] == ["Santa Rosa"]


def test_wild_sites_are_rounded_for_the_public_and_exact_for_staff(client, brapi_world):
    path = f"{BASE}/germplasm/{brapi_world.ids['B002']}"
    public = client.get(path).get_json()["result"]["germplasmOrigin"][0]
    assert public["coordinates"]["geometry"] == {"type": "Point", "coordinates": [109.9, 31.1]}
    assert public["coordinateUncertainty"] is None
    exact = client.get(path, headers=staff(brapi_world)).get_json()["result"]["germplasmOrigin"]
    assert exact[0]["coordinates"]["geometry"]["coordinates"] == [109.87812, 31.07519]
    assert exact[0]["coordinateUncertainty"] == "30"
    site = client.get(f"{path}/mcpd").get_json()["result"]["collectingInfo"]["collectingSite"]
    assert (site["latitudeDecimal"], site["longitudeDecimal"]) == ("31.1", "109.9")


def test_pedigree_and_progeny_link_the_cross_to_its_parents(client, brapi_world):
    ids = brapi_world.ids
    node = client.get(f"{BASE}/pedigree?accessionNumber=B003").get_json()["result"]["data"][0]
    assert node["pedigreeString"] == "B001/B002"
    assert node["parents"] == [
        {"germplasmDbId": str(ids["B001"]), "germplasmName": "巫山脆李", "parentType": "FEMALE"},
        {"germplasmDbId": str(ids["B002"]), "germplasmName": "野李", "parentType": "MALE"}]
    assert node["progeny"] is None  # not asked for
    mother = client.get(f"{BASE}/pedigree?germplasmDbId={ids['B001']}&includeProgeny=true")
    assert mother.get_json()["result"]["data"][0]["progeny"] == [
        {"germplasmDbId": str(ids["B003"]), "germplasmName": "Santa Rosa",
         "parentType": "FEMALE"}]
    progeny = client.get(f"{BASE}/germplasm/{ids['B002']}/progeny").get_json()["result"]
    assert progeny["progeny"] == [{"germplasmDbId": str(ids["B003"]),
                                   "germplasmName": "Santa Rosa", "parentType": "MALE"}]
    assert client.get(f"{BASE}/pedigree?includeProgeny=maybe").status_code == 400
