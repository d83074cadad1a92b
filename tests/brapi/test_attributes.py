"""Descriptors as germplasm attributes, overall trait summaries as attribute values (the
restricted accession's only for staff), and breeding methods on germplasm records."""
import pytest

from germplasm.evaluations import campaigns
from germplasm.evaluations.descriptors import load_descriptors
from germplasm.evaluations.models import ALL_YEARS, Descriptor, TraitSummary
from germplasm.extensions import db
from loaders.observation_posts import record_posted

BASE = "/brapi/v2"
# The world's evaluations (tests/brapi/conftest.py): B001's SSC is 14.5 in 2025 and 15 in
# 2026, its value the mean over both years; FLESH_COLOR a category code.
PUBLIC_VALUES = {("B001", "SSC", "14.8"), ("B001", "FRUIT_WEIGHT", "35.2"),
                 ("B002", "SSC", "12.0"), ("B003", "FLESH_COLOR", "5")}
RESTRICTED_VALUES = {("B004", "SSC", "16.1")}


def data(client, path: str, headers=None) -> list[dict]:
    response = client.get(f"{BASE}/{path}", headers=headers or {})
    assert response.status_code == 200, response.data
    return response.get_json()["result"]["data"]


def staff(world) -> dict:
    return {"Authorization": f"Bearer {world.staff_token}"}


def values(client, world, query: str = "", headers=None) -> set[tuple[str, str, str]]:
    numbers = {str(db_id): number for number, db_id in world.ids.items()}
    return {(numbers[row["germplasmDbId"]], row["attributeDbId"], row["value"])
            for row in data(client, f"attributevalues?{query}", headers)}


def test_descriptors_are_attributes_in_their_groups(client, brapi_world):
    assert data(client, "attributes/categories") == ["phenology", "fruit", "quality",
                                                     "resistance"]
    rows = data(client, "attributes")
    assert len(rows) == len(data(client, "variables"))
    ssc = next(row for row in rows if row["attributeDbId"] == "SSC")
    assert (ssc["attributeName"], ssc["attributeCategory"]) == ("可溶性固形物含量", "quality")
    assert ssc["attributeDescription"] == "成熟果实果汁中可溶性固形物的含量，主要反映含糖量。"
    assert ssc["scale"]["dataType"] == "Numerical" and ssc["trait"]["traitDbId"] == "SSC"
    quality = data(client, "attributes?attributeCategory=quality")
    assert {row["attributeCategory"] for row in quality} == {"quality"}
    assert "SSC" in {row["attributeDbId"] for row in quality}
    assert [r["attributeDbId"] for r in data(client, "attributes?attributeDbId=SSC")] == ["SSC"]
    english = client.get(f"{BASE}/attributes/SSC?lang=en").get_json()["result"]
    assert english["attributeName"] == "Soluble solids content"
    assert english["attributeCategory"] == "quality"  # a stable code, not a word


def test_an_accessions_attributes_are_those_it_has_values_for(client, brapi_world):
    ids = brapi_world.ids
    measured = {r["attributeDbId"] for r in data(client, f"attributes?germplasmDbId="
                                                        f"{ids['B001']}")}
    assert measured == {"SSC", "FRUIT_WEIGHT"}
    assert [r["attributeDbId"] for r in data(
        client, f"attributes?germplasmDbId={ids['B003']}&attributeCategory=fruit")] == [
        "FLESH_COLOR"]
    assert data(client, f"attributes?germplasmDbId={ids['B003']}&attributeCategory=quality"
                ) == []
    assert data(client, f"attributes?germplasmDbId={ids['B004']}") == []
    inside = data(client, f"attributes?germplasmDbId={ids['B004']}", staff(brapi_world))
    assert [r["attributeDbId"] for r in inside] == ["SSC"]


def test_attribute_values_are_overall_summaries_of_visible_accessions(client, brapi_world):
    assert values(client, brapi_world) == PUBLIC_VALUES  # one per accession and descriptor
    assert values(client, brapi_world, headers=staff(brapi_world)) == \
        PUBLIC_VALUES | RESTRICTED_VALUES
    flesh = data(client, f"attributevalues?germplasmDbId={brapi_world.ids['B003']}"
                         "&attributeDbId=FLESH_COLOR")[0]
    assert flesh["germplasmName"] == "Santa Rosa" and flesh["attributeName"] == "果肉颜色"
    assert flesh["additionalInfo"] | {"observations": None} == {
        "summary": "mode", "label": "黄色", "observations": None}
    ssc = data(client, f"attributevalues?germplasmDbId={brapi_world.ids['B001']}"
                       "&attributeDbId=SSC")[0]
    assert ssc["additionalInfo"] == {"summary": "mean", "observations": "2", "min": "14.5",
                                     "max": "15", "sd": "0.3536"}
    english = data(client, f"attributevalues?attributeValueDbId={flesh['attributeValueDbId']}"
                           "&lang=en")
    assert english[0]["additionalInfo"]["label"] == "yellow"
    assert english[0]["attributeName"] == "Flesh colour"


@pytest.mark.parametrize("query, expected", [
    ("attributeDbId=SSC", {("B001", "SSC", "14.8"), ("B002", "SSC", "12.0")}),
    ("germplasmDbId={B001}&attributeDbId=FRUIT_WEIGHT", {("B001", "FRUIT_WEIGHT", "35.2")}),
    ("attributeName=果肉颜色", {("B003", "FLESH_COLOR", "5")}),
    ("attributeName=Flesh%20colour&commonCropName=plum", {("B003", "FLESH_COLOR", "5")}),
    ("germplasmDbId={B004}", set()),
    ("germplasmDbId=abc", set()),
    ("attributeValueDbId=abc", set()),
    ("attributeDbId=NO_SUCH", set()),
])
def test_attribute_value_filters(client, brapi_world, query, expected):
    assert values(client, brapi_world, query.format(**brapi_world.ids)) == expected


def test_one_attribute_value_and_the_restricted_ones_only_for_staff(client, brapi_world):
    hidden = data(client, f"attributevalues?germplasmDbId={brapi_world.ids['B004']}",
                  staff(brapi_world))[0]["attributeValueDbId"]
    assert client.get(f"{BASE}/attributevalues/{hidden}").status_code == 404
    seen = client.get(f"{BASE}/attributevalues/{hidden}", headers=staff(brapi_world))
    assert seen.status_code == 200
    assert seen.get_json()["result"]["germplasmName"] == "青脆李"
    assert seen.get_json()["result"]["value"] == "16.1"
    shown = data(client, "attributevalues")[0]
    one = client.get(f"{BASE}/attributevalues/{shown['attributeValueDbId']}").get_json()
    assert one["result"] == shown
    for missing in ("attributevalues/999999", "attributevalues/abc", "attributes/NO_SUCH"):
        response = client.get(f"{BASE}/{missing}")
        assert response.status_code == 404 and response.mimetype == "application/json"


def test_values_of_dates_and_grades_and_none_for_text(client, brapi_world):
    """A date's value is the mean day as MM-DD, a grade's the most frequent code; a text
    descriptor has no summary value and no attribute value."""
    text = "FRUIT_NOTES"
    load_descriptors([{"code": text, "group": "fruit", "name_zh": "果实备注",
                       "name_en": "Fruit notes", "data_type": "Text"}], user="tests")
    campaign = campaigns.find("2025 评价")
    tree = {"accenumb": "B002", "instcode": "CHN385", "plant": "西区-1-1",
            "observed_on": "2025-07-10"}
    record_posted(campaign.id, [tree | {"descriptor": code, "value": value} for code, value in (
        ("HARVEST_DATE", "2025-07-10"), ("FRUIT_CRACKING", "3"), (text, "偶见"))], user="tests")
    db.session.commit()
    noted = db.session.scalar(db.select(TraitSummary).join(TraitSummary.descriptor).where(
        Descriptor.code == text, TraitSummary.year == ALL_YEARS))
    assert noted.n == 1  # recorded and summarised, but a text has no value to give
    wild = values(client, brapi_world, f"germplasmDbId={brapi_world.ids['B002']}")
    assert wild == {("B002", "SSC", "12.0"), ("B002", "HARVEST_DATE", "07-10"),
                    ("B002", "FRUIT_CRACKING", "3")}
    grade = data(client, "attributevalues?attributeDbId=FRUIT_CRACKING&lang=en")[0]
    assert grade["additionalInfo"]["label"] == "low"


def test_paging_and_bad_requests(client, brapi_world):
    body = client.get(f"{BASE}/attributevalues?page=1&pageSize=2").get_json()
    assert body["metadata"]["pagination"] == {"currentPage": 1, "pageSize": 2,
                                              "totalCount": 4, "totalPages": 2}
    assert len(body["result"]["data"]) == 2
    for path in ("attributevalues?page=-1", "attributes?pageSize=none",
                 "attributes/categories?page=x", "breedingmethods?pageSize=0"):
        assert client.get(f"{BASE}/{path}").status_code == 400, path
    wrong = client.get(f"{BASE}/attributes?attributeCategory=Agronomic")
    assert wrong.status_code == 400
    assert "attributeCategory" in wrong.get_json()["metadata"]["status"][0]["message"]


def test_breeding_methods_and_the_germplasm_they_describe(client, brapi_world, make_accession):
    methods = {m["breedingMethodDbId"]: m for m in data(client, "breedingmethods")}
    assert list(methods) == ["cross", "open-pollination", "bud-sport", "landrace",
                             "introduction", "wild-collection"]
    assert methods["cross"]["breedingMethodName"] == "杂交育种"
    for number, ancest, status, country in (("B010", "巫山脆李芽变", "500", "CHN"),
                                            ("B011", "Santa Rosa o.p.", "500", "CHN"),
                                            ("B012", None, "500", "USA"),
                                            ("B013", None, "500", "CHN")):
        make_accession(accenumb=number, accename=number, ancest=ancest, sampstat=status,
                       origcty=country)
    given = {row["accessionNumber"]: (row["breedingMethodDbId"], row["breedingMethodName"])
             for row in data(client, "germplasm")}
    assert given == {
        "B001": ("landrace", "地方品种选育"), "B002": ("wild-collection", "野生资源采集"),
        "B003": ("cross", "杂交育种"),  # B001/B002, whatever its status
        "B010": ("bud-sport", "芽变选种"), "B011": ("open-pollination", "自然授粉实生选种"),
        "B012": ("introduction", "引种"), "B013": (None, None)}
    english = data(client, "breedingmethods?lang=en")[0]
    assert english["breedingMethodName"] == "Controlled cross"
