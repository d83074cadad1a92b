"""GET /api/v1/s-genotypes over HTTP: the records' shape, paging, filters, the restricted
accession for staff only, bad parameters, and its place in the OpenAPI document."""
from tests.pollination.conftest import ORCHARD


def _items(client, **query) -> list[dict]:
    answer = client.get("/api/v1/s-genotypes", query_string=query)
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["items"]


def test_every_visible_genotype_with_its_group(orchard, client):
    body = client.get("/api/v1/s-genotypes?per_page=100").get_json()
    assert body["total"] == len(ORCHARD)  # 秘李 is restricted
    by_number = {item["accenumb"]: item for item in body["items"]}
    wushan = by_number[orchard["巫山脆李"].accenumb]
    assert wushan == {"accenumb": orchard["巫山脆李"].accenumb, "name": "巫山脆李",
                      "s_genotype": "SaSb", "group": "SaSb", "self_compatible": False,
                      "source": "test"}
    assert by_number[orchard["未知李"].accenumb]["group"] is None  # an unknown allele
    assert orchard["秘李"].accenumb not in by_number
    assert list(by_number) == sorted(by_number)


def test_filters_and_paging(orchard, client):
    group = _items(client, group="SaSb")
    assert sorted(i["accenumb"] for i in group) == sorted(
        orchard[name].accenumb for name in ("巫山脆李", "早红"))
    one = _items(client, accenumb=orchard["秋姬"].accenumb)
    assert [i["s_genotype"] for i in one] == ["SdSf"]
    first, second = _items(client, per_page=3, page=1), _items(client, per_page=3, page=2)
    assert len(first) == 3 and not {i["accenumb"] for i in first} & \
        {i["accenumb"] for i in second}
    answer = client.get("/api/v1/s-genotypes?per_page=3")
    assert 'rel="next"' in answer.headers["Link"]


def test_staff_see_the_restricted_one(orchard, client, as_role):
    as_role("staff")
    numbers = [i["accenumb"] for i in _items(client, per_page=100)]
    assert orchard["秘李"].accenumb in numbers and len(numbers) == len(ORCHARD) + 1


def test_bad_parameters_are_400_naming_them(orchard, client):
    answer = client.get("/api/v1/s-genotypes?page=0")
    assert answer.status_code == 400
    assert "page" in {e["field"] for e in answer.get_json()["errors"]}


def test_documented_in_openapi(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/s-genotypes"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"accenumb", "group", "page",
                                                             "per_page"}
    assert set(spec["components"]["schemas"]["SGenotype"]["properties"]) == {
        "accenumb", "name", "s_genotype", "group", "self_compatible", "source"}
