"""The published contract: GET /api/v1/openapi.json is a valid OpenAPI document that covers
every /api/v1 route, and the API's errors come out in its one documented shape."""
import re

import pytest
from openapi_spec_validator import validate


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.is_json
    return response.get_json()


def test_the_document_passes_the_validator(document):
    validate(document)
    assert document["openapi"].startswith("3.")
    assert "李" in document["info"]["title"] and "Plum" in document["info"]["title"]
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def _documented(rule: str) -> str:
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule)


def test_every_api_route_is_in_the_document(app, document):
    routes = {(_documented(rule.rule), method.lower()) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/v1/") and not rule.rule.endswith("openapi.json")
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert ("/api/v1/accessions", "get") in routes
    documented = {(path, method) for path, item in document["paths"].items()
                  for method in item if method != "parameters"}
    assert routes - documented == set()


def test_every_operation_documents_its_errors_in_one_shape(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method == "parameters":  # a path's own parameters ({accession_id}), no operation
                continue
            codes = set(operation["responses"])
            assert {"400", "401", "429"} <= codes, (path, method)
            if "{" in path:
                assert "404" in codes, (path, method)
    error = document["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"status", "message", "errors"}


def test_the_search_parameters_are_documented_in_both_languages(document):
    parameters = {p["name"]: p for p in
                  document["paths"]["/api/v1/accessions"]["get"]["parameters"]}
    for name in ("q", "trait", "sort", "page", "per_page", "historic", "restricted",
                 "species", "genus", "origin", "province", "sampstat", "storage", "selection",
                 "accenumb", "instcode", "updated_since"):
        assert name in parameters, name
        assert re.search(r"[\u4e00-\u9fff]", parameters[name]["description"]), name
        assert re.search(r"[a-z]{3}", parameters[name]["description"]), name
    assert parameters["trait"]["schema"]["type"] == "array"  # ?trait=A&trait=B


@pytest.mark.parametrize("query,field", [("per_page=many", "per_page"), ("page=x", "page"),
                                         ("page=0", "page"), ("updated_since=yesterday",
                                                              "updated_since")])
def test_a_bad_parameter_is_400_naming_it(client, catalogue, query, field):
    response = client.get(f"/api/v1/accessions?{query}")
    assert response.status_code == 400 and response.is_json  # not webargs' 422
    body = response.get_json()
    assert body["status"] == 400 and body["message"]
    assert [e["field"] for e in body["errors"]] == [field]
    assert all(isinstance(m, str) and m for m in body["errors"][0]["messages"])


def test_several_bad_parameters_are_each_named(client, catalogue):
    body = client.get("/api/v1/accessions?page=x&per_page=y").get_json()
    assert {e["field"] for e in body["errors"]} == {"page", "per_page"}


@pytest.mark.parametrize("method,url,status", [
    ("get", "/api/v1/nothing", 404), ("get", "/api/v1/accessions/x/y/z", 404),
    ("post", "/api/v1/accessions", 405), ("delete", "/api/v1/screening", 405),
    ("put", "/api/v1/openapi.json", 405)])
def test_unknown_paths_and_methods_answer_json_in_the_shape(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status and response.is_json
    body = response.get_json()
    assert body["status"] == status and body["message"] and body["errors"] == []
    if status == 405:
        assert "GET" in response.headers["Allow"]


def test_an_unknown_token_is_401_in_the_shape(client):
    response = client.get("/api/v1/accessions", headers={"Authorization": "Bearer gpt_nope"})
    assert response.status_code == 401
    assert response.get_json()["status"] == 401 and response.get_json()["errors"] == []


def test_an_unexpected_failure_is_500_in_the_shape_without_its_cause(app, client,
                                                                     monkeypatch):
    from germplasm.sharing import api

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(api, "find", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    try:
        response = client.get("/api/v1/accessions")
    finally:
        app.config["PROPAGATE_EXCEPTIONS"] = None
    assert response.status_code == 500 and response.is_json
    assert response.get_json()["status"] == 500 and "secret" not in response.text


def test_the_document_is_under_the_rate_limit(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "GERMPLASM_API_RATE", "2 per minute")
    answers = [client.get("/api/v1/openapi.json").status_code for _ in range(3)]
    assert answers == [200, 200, 429]


@pytest.mark.parametrize("status", [401, 403, 404, 405, 409, 413, 429, 500])
def test_every_error_status_under_the_api_has_the_shape(app, status):
    """What an endpoint's abort() (Flask's or flask_smorest's) answers under /api/v1."""
    from flask_smorest import abort
    from werkzeug.exceptions import HTTPException

    from germplasm.errors import handle_http_error

    with app.test_request_context("/api/v1/anything?lang=en"):
        try:
            abort(status, message="the endpoint's own words")
        except HTTPException as error:
            response, code = handle_http_error(error)
    body = response.get_json()
    assert code == status and body["status"] == status and body["errors"] == []
    expected = "the endpoint's own words" if status < 500 else "Internal server error."
    assert body["message"] == expected  # a 500 never tells its cause


def test_a_stale_write_under_the_api_is_409_in_the_shape(app):
    from sqlalchemy.orm.exc import StaleDataError

    from germplasm.errors import changed_meanwhile

    with app.test_request_context("/api/v1/observations", method="POST"):
        response, status, _headers = changed_meanwhile(StaleDataError())
    assert status == 409 and response.get_json()["status"] == 409


def test_an_endpoint_may_name_its_own_fields(app):
    """abort(400, message=..., errors=[...]) keeps the endpoint's list (e.g. items by index)."""
    from flask_smorest import abort
    from werkzeug.exceptions import HTTPException

    from germplasm.errors import handle_http_error

    named = [{"field": "observations.3.value", "messages": ["not a number"]}]
    with app.test_request_context("/api/v1/observations", method="POST"):
        try:
            abort(400, message="3 observations refused", errors=named)
        except HTTPException as error:
            response, _status = handle_http_error(error)
    assert response.get_json() == {"status": 400, "message": "3 observations refused",
                                   "errors": named}


def test_every_parameter_is_described_in_chinese_and_english(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            parameters = operation if method == "parameters" else operation.get("parameters", [])
            for parameter in parameters:
                words = parameter.get("description", "")
                assert re.search(r"[\u4e00-\u9fff]", words), (path, parameter["name"])
                assert re.search(r"[A-Za-z]{3}", words), (path, parameter["name"])
