"""Descriptors as BrAPI observation variables, traits, methods and scales, and the ontologies
they come from: ids are descriptor codes, texts in the caller's language, filters, retired
descriptors kept as obsolete, 404s and 400s."""
import pytest

from germplasm.evaluations import campaigns
from germplasm.evaluations.models import Descriptor
from germplasm.extensions import db

BASE = "/brapi/v2"
OURS = "plum-genebank-descriptors"
EVALUATED = {"2025 评价": {"SSC", "FRUIT_WEIGHT"}, "2026 评价": {"SSC", "FLESH_COLOR"}}


def data(client, path: str) -> list[dict]:
    response = client.get(f"{BASE}/{path}")
    assert response.status_code == 200, response.data
    assert response.mimetype == "application/json"
    return response.get_json()["result"]["data"]


def codes(client, path: str) -> list[str]:
    return [row["observationVariableDbId"] for row in data(client, path)]


def test_each_descriptor_is_a_variable_of_trait_method_and_scale(client, brapi_world):
    rows = data(client, "variables")
    every = db.session.scalars(db.select(Descriptor.code).order_by(Descriptor.id)).all()
    assert [row["observationVariableDbId"] for row in rows] == every  # catalogue order
    ssc = next(row for row in rows if row["observationVariableDbId"] == "SSC")
    assert ssc["observationVariableName"] == "可溶性固形物含量"
    assert (ssc["trait"]["traitDbId"], ssc["method"]["methodDbId"],
            ssc["scale"]["scaleDbId"]) == ("SSC", "SSC", "SSC")
    assert ssc["trait"]["traitClass"] == "Quality" and ssc["status"] == "recommended"
    assert ssc["method"]["methodName"] == "Digital refractometer on 10 fruits"
    assert ssc["scale"] | {"ontologyReference": None} == {
        "scaleDbId": "SSC", "scaleName": "°Brix", "scalePUI": None, "dataType": "Numerical",
        "decimalPlaces": 1, "units": "°Brix", "additionalInfo": None, "externalReferences": [],
        "ontologyReference": None,
        "validValues": {"categories": [], "minimumValue": "2", "maximumValue": "35"}}
    flesh = client.get(f"{BASE}/variables/FLESH_COLOR").get_json()["result"]
    assert flesh["scale"]["dataType"] == "Nominal"
    assert flesh["scale"]["validValues"]["categories"][4] == {"value": "5", "label": "黄色"}
    harvest = client.get(f"{BASE}/variables/HARVEST_DATE").get_json()["result"]
    assert harvest["scale"]["dataType"] == "Date"
    assert harvest["scale"]["validValues"] | {"categories": None} == {
        "categories": None, "minimumValue": "05-01", "maximumValue": "10-31"}
    assert client.get(f"{BASE}/variables/FRUIT_CRACKING").get_json()["result"]["scale"][
        "dataType"] == "Ordinal"


def test_names_and_labels_in_the_callers_language(client, brapi_world):
    english = client.get(f"{BASE}/variables/FLESH_COLOR?lang=en").get_json()["result"]
    assert english["observationVariableName"] == "Flesh colour"
    assert english["trait"]["traitName"] == "Flesh colour" and english["language"] == "en"
    assert english["scale"]["validValues"]["categories"][4]["label"] == "yellow"
    assert "果肉颜色" in english["synonyms"]
    ours = data(client, f"ontologies?ontologyDbId={OURS}")[0]
    assert ours["ontologyName"] == "Plum descriptors of this genebank"
    chinese = client.get(f"{BASE}/variables/FLESH_COLOR?lang=zh").get_json()["result"]
    assert chinese["observationVariableName"] == "果肉颜色" and chinese["language"] == "zh"
    assert chinese["trait"]["traitDescription"] == "商品成熟期果肉的主要颜色。"
    assert data(client, f"ontologies?ontologyDbId={OURS}")[0]["ontologyName"] == \
        "本种质库的李描述符"


def test_ontologies_one_per_public_source_and_ours(client, brapi_world):
    variables = {row["observationVariableDbId"]: row for row in data(client, "variables")}
    ontologies = data(client, "ontologies")
    ids = [o["ontologyDbId"] for o in ontologies]
    assert len(ids) == len(set(ids)) and ids[0] == OURS
    used = {v["ontologyReference"]["ontologyDbId"] for v in variables.values()}
    assert used == set(ids)  # each listed ontology is one a variable comes from
    ssc, weight = variables["SSC"]["ontologyReference"], variables["FRUIT_WEIGHT"][
        "ontologyReference"]
    assert ssc["ontologyDbId"] != weight["ontologyDbId"] != OURS
    assert ssc["ontologyName"] == "PMC9143520；2002 年中国李引种论文"
    # A source that is only a drafting note is no ontology: the descriptor is ours.
    assert variables["TREE_VIGOR"]["ontologyReference"]["ontologyDbId"] == OURS
    assert variables["SSC"]["trait"]["ontologyReference"] == ssc
    english = client.get(f"{BASE}/variables/SSC?lang=en").get_json()["result"]
    assert english["ontologyReference"]["ontologyDbId"] == ssc["ontologyDbId"]  # stable
    assert english["ontologyReference"]["ontologyName"] == \
        "PMC9143520; 2002 Chinese plum introduction paper"
    assert [o["ontologyDbId"] for o in data(client, f"ontologies?ontologyDbId="
                                             f"{ssc['ontologyDbId']}")] == [ssc["ontologyDbId"]]


def test_variable_filters(client, brapi_world):
    assert codes(client, "variables?observationVariableDbId=SSC") == ["SSC"]
    quality = data(client, "variables?traitClass=Quality")
    assert "SSC" in [r["observationVariableDbId"] for r in quality]
    assert {r["trait"]["traitClass"] for r in quality} == {"Quality"}
    assert codes(client, "variables?methodDbId=FRUIT_SHAPE&scaleDbId=FRUIT_SHAPE") == [
        "FRUIT_SHAPE"]
    assert codes(client, "variables?traitDbId=SSC&scaleDbId=FRUIT_SHAPE") == []
    ssc_source = client.get(f"{BASE}/variables/SSC").get_json()["result"][
        "ontologyReference"]["ontologyDbId"]
    same_source = codes(client, f"variables?ontologyDbId={ssc_source}")
    assert "SSC" in same_source and "FRUIT_WEIGHT" not in same_source
    ours = codes(client, f"variables?ontologyDbId={OURS}")
    assert "TREE_VIGOR" in ours and "SSC" not in ours
    assert codes(client, "variables?commonCropName=apple") == []


def test_a_studys_variables_are_its_campaigns_descriptors(client, brapi_world):
    for name, expected in EVALUATED.items():
        study = campaigns.find(name).id  # a study is a campaign (studyDbId its id)
        assert set(codes(client, f"variables?studyDbId={study}")) == expected
    empty, _ = campaigns.get_or_create("2027 评价", 2027)
    db.session.commit()
    assert codes(client, f"variables?studyDbId={empty.id}") == []
    assert codes(client, "variables?studyDbId=abc") == []
    assert codes(client, "variables?studyDbId=99999") == []
    study = campaigns.find("2026 评价").id
    assert codes(client, f"variables?studyDbId={study}&traitClass=Quality") == ["SSC"]


def test_traits_methods_and_scales_one_per_descriptor(client, brapi_world):
    total = len(data(client, "variables"))
    for call, key in (("traits", "traitDbId"), ("methods", "methodDbId"),
                      ("scales", "scaleDbId")):
        rows = data(client, call)
        assert len(rows) == total
        assert [r[key] for r in data(client, f"{call}?{key}=SSC")] == ["SSC"]
        assert [r[key] for r in data(client, f"{call}?observationVariableDbId=FLESH_COLOR")
                ] == ["FLESH_COLOR"]
        assert all(r["ontologyReference"]["ontologyDbId"] == OURS
                   for r in data(client, f"{call}?ontologyDbId={OURS}"))
    scale = data(client, "scales?scaleDbId=FRUIT_CRACKING")[0]
    assert [c["value"] for c in scale["validValues"]["categories"]] == ["1", "3", "5", "7", "9"]


def test_a_retired_descriptor_stays_listed_as_obsolete(client, brapi_world):
    db.session.scalar(db.select(Descriptor).filter_by(code="TREE_VIGOR")).active = False
    db.session.commit()
    retired = client.get(f"{BASE}/variables/TREE_VIGOR").get_json()["result"]
    assert retired["status"] == "obsolete" and retired["trait"]["status"] == "obsolete"
    assert "TREE_VIGOR" in codes(client, "variables")
    assert client.get(f"{BASE}/variables/SSC").get_json()["result"]["status"] == "recommended"


@pytest.mark.parametrize("path", ["variables/NO_SUCH_TRAIT", "variables/" + "X" * 80])
def test_an_unknown_variable_is_404(client, brapi_world, path):
    response = client.get(f"{BASE}/{path}")
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.get_json()["metadata"]["status"][0]["messageType"] == "ERROR"


@pytest.mark.parametrize("query", ["page=-1", "pageSize=0", "pageSize=many", "page=x"])
@pytest.mark.parametrize("call", ["variables", "traits", "methods", "scales", "ontologies"])
def test_bad_paging_is_400(client, brapi_world, call, query):
    response = client.get(f"{BASE}/{call}?{query}")
    assert response.status_code == 400 and response.mimetype == "application/json"
    assert query.split("=")[0] in response.get_json()["metadata"]["status"][0]["message"]


def test_variables_page(client, brapi_world):
    everything = codes(client, "variables")
    body = client.get(f"{BASE}/variables?page=1&pageSize=10").get_json()
    assert body["metadata"]["pagination"] == {"currentPage": 1, "pageSize": 10,
                                              "totalCount": len(everything),
                                              "totalPages": -(-len(everything) // 10)}
    assert [r["observationVariableDbId"] for r in body["result"]["data"]] == everything[10:20]
