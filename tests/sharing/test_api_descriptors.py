"""GET /api/v1/descriptors and /descriptors/{code}: the trait catalogue in both languages,
with its scales, categories and earlier versions."""
from germplasm.evaluations.descriptors import load_descriptors, shipped_descriptors
from germplasm.extensions import db
from tests.sharing.api_callers import assert_not_found, assert_utc


def _all(client, query=""):
    items, page = [], 1
    while True:
        answer = client.get(f"/api/v1/descriptors?per_page=100&page={page}{query}")
        assert answer.status_code == 200, answer.get_data(as_text=True)
        items += answer.json["items"]
        if len(items) >= answer.json["total"]:
            return items, answer.json["total"]
        page += 1


def test_every_descriptor_is_listed_with_its_scale_and_categories(client):
    items, total = _all(client)
    assert total == len(shipped_descriptors()) == len(items)
    by_code = {d["code"]: d for d in items}
    habit = by_code["TREE_GROWTH_HABIT"]
    assert habit["name_zh"] == "树姿" and habit["name_en"] == "Tree growth habit"
    assert habit["definition_zh"] and habit["method_en"] and habit["data_type"] == "Nominal"
    assert habit["categories"][0] == {"code": "1", "label_zh": "直立", "label_en": "upright"}
    ssc = by_code["SSC"]
    assert ssc["unit"] and ssc["min_value"] is not None and ssc["max_value"] is not None
    assert ssc["categories"] == [] and ssc["version"] == 1 and ssc["active"] is True
    assert "revisions" not in habit


def test_the_list_is_paged_and_filtered_by_group(client):
    first = client.get("/api/v1/descriptors?per_page=5").json
    assert len(first["items"]) == 5 and first["total"] > 5
    assert "page=2" in first["links"]["next"]
    fruit, total = _all(client, "&group=fruit")
    assert total == len(fruit) > 0 and {d["group"] for d in fruit} == {"fruit"}
    wrong = client.get("/api/v1/descriptors?group=leaves")
    assert wrong.status_code == 400 and wrong.json["errors"][0]["field"] == "group"


def test_one_descriptor_with_its_earlier_versions(client):
    entry = next(d for d in shipped_descriptors() if d["code"] == "TREE_GROWTH_HABIT")
    load_descriptors([{**entry, "definition_en": "Angle of the main branches."}], user="tests")
    db.session.commit()
    answer = client.get("/api/v1/descriptors/tree_growth_habit")
    assert answer.status_code == 200, answer.get_data(as_text=True)
    descriptor = answer.json
    assert descriptor["version"] == 2
    assert descriptor["definition_en"] == "Angle of the main branches."
    [old] = descriptor["revisions"]
    assert old["version"] == 1 and old["definition_en"] == entry["definition_en"]
    assert old["categories"][1] == {"code": "2", "label_zh": "半开张", "label_en": "semi-upright"}
    assert_utc(old["replaced_at"])


def test_drafting_notes_stay_out_of_the_source(client):
    descriptor = client.get("/api/v1/descriptors/TREE_GROWTH_HABIT").json
    assert descriptor["source_en"] is None and "[U]" not in str(descriptor)


def test_an_unknown_code_is_a_json_404(client):
    assert_not_found(client.get("/api/v1/descriptors/NO_SUCH_TRAIT"))
    assert_not_found(client.get("/api/v1/descriptors/" + "X" * 300))
