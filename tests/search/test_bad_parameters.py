"""Every malformed parameter found from outside answers 400 (or an empty result) with a
message, never a 500; under /api/ the answer is always JSON in the one error shape."""
import pytest

HUGE = "9" * 25
BAD_REQUESTS = [
    ("/?storage=0", "storage"),
    ("/?storage=10,11x", "storage"),
    ("/api/v1/accessions?storage=0", "storage"),
    ("/api/v1/accessions?storage=10,11,77", "storage"),
    ("/?sampstat=²", "sampstat"),
    ("/api/v1/accessions?sampstat=①", "sampstat"),
    ("/api/v1/screening?trait=SSC:%2B.&lang=en", "weight"),
    ("/api/v1/screening?trait=SSC:~1:.&lang=en", "weight"),
    ("/api/v1/screening?trait=HARVEST_DATE:~-&lang=en", "target"),
    ("/api/v1/screening?trait=HARVEST_DATE:~7-10-5&lang=en", "target"),
    ("/api/v1/screening?lang=en&trait=SSC:%2B" + "9" * 400, "weight"),
    ("/api/v1/screening?lang=en&trait=SSC:~" + "9" * 400, "target"),
    ("/api/v1/screening?trait=SSC:%2B.", "权重"),  # the part named in the caller's language
    ("/export/csv?sampstat=x", "sampstat"),
    ("/export/xlsx?origin=Narnia", "origin"),
    ("/export/mcpd?storage=0", "storage"),
    ("/calendar?sampstat=²", "sampstat"),
    ("/calendar?origin=Narnia", "origin"),
    (f"/catalogue?page={HUGE}", "page"),
    (f"/?page={HUGE}", "page"),
    (f"/api/v1/accessions?page={HUGE}", "page"),
    ("/export/xlsx?col=%00", "控制字符"),
    ("/export/xlsx?col=NOPE", "col"),
    ("/?q=%00", "控制字符"),
    ("/accessions/X%00Y", "控制字符"),
    ("/api/v1/accessions?trait=SSC:1e400..", "SSC"),
    ("/api/v1/accessions?trait=SSC:nan..", "SSC"),
    ("/?q=" + "李" * 600, "q"),
]


@pytest.mark.parametrize("url,what", BAD_REQUESTS)
def test_malformed_parameters_answer_400_with_a_message(client, catalogue, url, what):
    response = client.get(url)
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert what in response.get_data(as_text=True)
    if url.startswith("/api/"):
        body = response.get_json()
        assert body["status"] == 400 and body["message"]


def test_a_photo_number_beyond_any_integer_is_not_found(client, catalogue):
    assert client.get(f"/photos/{HUGE}").status_code == 404


def test_extremes_of_an_empty_selection_are_empty(client, catalogue):
    body = client.get("/api/v1/screening?extreme=SSC:top:5&species=nosuch").get_json()
    assert body["total"] == 0 and body["items"] == [] and body["threshold"] is None


def test_storage_codes_may_be_listed_with_commas(client, make_accession, catalogue):
    make_accession(accenumb="ST1", storage="11")
    make_accession(accenumb="ST2", storage="20")
    both = client.get("/api/v1/accessions?storage=11,20").get_json()
    assert {i["accenumb"] for i in both["items"]} == {"ST1", "ST2"}


@pytest.mark.parametrize("url,status", [("/api/v1/nothing", 404),
                                        ("/api/v1/accessions/x/y", 404)])
def test_unknown_api_paths_answer_json(client, url, status):
    response = client.get(url)
    assert response.status_code == status and response.is_json
    assert response.get_json()["status"] == status


def test_wrong_method_on_the_api_answers_json_405(client):
    response = client.post("/api/v1/accessions")
    assert response.status_code in (400, 405) and response.is_json
