"""Property-based fuzzing of every public URL and parameter: no answer is a 500, every answer
under /api/v1 is strict JSON (no NaN or Infinity; the CSV downloads aside), and every failure
under /api/ is JSON in the API's error shape.

The URL list is read from the application's own routes, so a new public page is fuzzed
without anyone remembering to add it here.
"""
import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PARAMETERS = ("q", "trait", "sort", "page", "per_page", "species", "origin", "province",
              "sampstat", "storage", "genus", "col", "c_FLESH_COLOR", "t0", "t0min", "t0max",
              "historic", "restricted", "a", "lang", "extreme", "filter", "top",
              "s0", "s0dir", "s0target", "s0w", "s1", "mode", "xcode", "xend", "xn", "xunit",
              "selection")
TRICKY = ("", "0", "-1", "9" * 25, "9" * 400, "²", "①", "\x00", "\x07", "%", "..", ":",
          "SSC:", "SSC:+.", "SSC:~1:.", "SSC:-" + "9" * 400, "HARVEST_DATE:~-",
          "HARVEST_DATE:~7-10-5", "HARVEST_DATE:..07-20", "HARVEST_DATE:13-40..",
          "FLESH_COLOR:", "FLESH_COLOR:yellow|", "SSC:top:5", "SSC:bottom:" + "9" * 30,
          "1e400", "nan", "inf", "-inf", "S001", "S006", "10,11", "true", "maybe", "李", "Prunus",
          "CHN", "重庆", "=HYPERLINK(\"x\")", "'", "\"", "<script>", "../../etc/passwd",
          "HARVEST_DATE", "~", "+", "extreme", "index", "percent", "count", "bottom", "7月20日",
          "0720")
VALUES = st.one_of(st.sampled_from(TRICKY), st.text(max_size=30),
                   st.integers(min_value=-(10**30), max_value=10**30).map(str))
QUERIES = st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES), max_size=6)
# Not fuzzed: flask-admin (curators only, CSRF-protected), static files, staff pages
# (login required; their inputs have tests of their own).
PRIVATE = ("/admin", "/static", "/campaigns")


def public_rules(app) -> list[str]:
    rules = [rule for rule in app.url_map.iter_rules()
             if "GET" in rule.methods and not rule.rule.startswith(PRIVATE)]
    return sorted({rule.rule for rule in rules})


def fill(rule: str, value: str) -> str:
    """The rule with every <converter:name> replaced by the generated value."""
    parts, out = rule.split("<"), []
    out.append(parts[0])
    for part in parts[1:]:
        _, rest = part.split(">", 1)
        out.append(value + rest)
    return "".join(out)


def strict_json(text: str):
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")
    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def rules(app):
    found = public_rules(app)
    assert "/api/v1/accessions" in found and "/accessions/<path:accenumb>" in found
    return found


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_no_public_url_answers_500(client, catalogue, rules, data):
    rule = data.draw(st.sampled_from(rules), label="rule")
    path_value = data.draw(st.one_of(st.sampled_from(("S001", "SSC", "csv", "xlsx", "mcpd",
                                                      "1", "9" * 25)), VALUES), label="path")
    query = data.draw(QUERIES, label="query")
    # percent-encoded, as a browser sends it: a raw "?" or "#" would end the path
    response = client.get(fill(rule, quote(path_value.replace("/", ""), safe="") or "x"),
                          query_string=query)
    assert response.status_code < 500, (rule, query, response.get_data(as_text=True)[:500])
    path = response.request.path
    # /api/docs is the HTML viewer of the API; its errors are JSON like the API's
    # the bulk downloads (/api/v1/exports/*.csv) are CSV files by design, not JSON
    csv_download = response.status_code < 400 and response.mimetype == "text/csv"
    if (path.startswith("/api/v1/") and not csv_download
            or path.startswith("/api/") and response.status_code >= 400):
        body = strict_json(response.get_data(as_text=True))
        if response.status_code >= 400:
            assert body["status"] == response.status_code and body["message"]


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(username=VALUES, password=VALUES)
def test_login_never_answers_500(client, username, password):
    response = client.post("/login", data={"username": username, "password": password})
    assert response.status_code < 500
