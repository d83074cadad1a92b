"""The BrAPI validator's way of testing a server (plantbreeding/IPK-BrAPI-Validator, BRAVA),
over the Flask test client: every request of its v2.1 collection whose call our /serverinfo
advertises is sent in the collection's order, its checks applied (StatusCode, ContentType,
Schema, SearchSchema, GetValue, IsEqual), ids carried from one response to the next in
variables.

Two departures, both stricter than the collection, each checked rather than skipped:
- A caller without a token may not write: its POST/PUT must answer 401 in a BrAPI error
  envelope (the collection assumes a server without sign-in). A POST search/… is a read,
  open to everyone, and replayed as the collection says.
- Bodies listed in PLACEHOLDER_BODIES carry nothing a genebank can record (an observation
  with no unit, variable or value); they must be refused with 400 naming a field, never
  stored, instead of the collection's 200."""
from dataclasses import dataclass, field
from urllib.parse import quote

import jsonschema

from tests.brapi import standards

BASE = "/brapi/v2"
WRITES = {"POST", "PUT"}
PLACEHOLDER_BODIES = {("POST", "/observations"): "[{}]"}


@dataclass
class Outcome:
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    not_advertised: list[str] = field(default_factory=list)


def advertised(client, headers) -> set[tuple[str, str]]:
    calls = client.get(f"{BASE}/serverinfo", headers=headers).get_json()["result"]["calls"]
    return {(call["service"], method) for call in calls for method in call["methods"]}


def run(client, headers: dict | None = None) -> Outcome:
    headers = headers or {}
    served = advertised(client, headers)
    outcome, variables = Outcome(), {}
    for group, item in standards.requests():
        method = item["request"]["method"]
        name = f"{group}: {item['name']}"
        if (item["endpoint"].strip("/"), method) not in served:
            outcome.not_advertised.append(name)
            continue
        problems = replay(client, headers, item, variables)
        (outcome.failed if problems else outcome.passed).append(
            f"{name}: {'; '.join(problems)}" if problems else name)
    return outcome


def replay(client, headers, item, variables) -> list[str]:
    missing = [name for name in item.get("requires", []) if name not in variables]
    if missing:
        return [f"no value for {', '.join(missing)} from an earlier response"]
    url = item["request"]["url"].replace("{baseurl}", BASE)
    for name, value in variables.items():
        url = url.replace("{" + name + "}", quote(str(value), safe=""))
    method = item["request"]["method"]
    body = next((p["value"] for p in item.get("parameters", []) if p["param"] == "json"), "")
    response = client.open(url, method=method, headers=headers, data=body or None,
                           content_type="application/json" if body else None)
    if is_write(method, item["endpoint"]) and "Authorization" not in headers:
        return _refused(response, 401)
    if PLACEHOLDER_BODIES.get((method, item["endpoint"])) == body.strip():
        return _refused(response, 400)
    problems = []
    for check in (c for event in item.get("event", []) for c in event["exec"]):
        problem = apply(check, response, variables)
        if problem:
            problems.append(problem)
            if check.endswith(":breakiffalse"):
                break
    return problems


def is_write(method: str, endpoint: str) -> bool:
    return method in WRITES and not endpoint.strip("/").startswith("search/")


def apply(check: str, response, variables: dict) -> str | None:
    kind, _, rest = check.partition(":")
    if kind == "StatusCode":
        codes = {int(code) for code in rest.split(":")[0].split(",")}
        return None if response.status_code in codes else \
            f"status {response.status_code}, expected {sorted(codes)}: {response.data[:300]!r}"
    if kind == "ContentType":
        return None if response.mimetype == rest else f"content type {response.mimetype}"
    if kind == "Schema":
        return _schema_problem(response.get_json(silent=True), rest)
    if kind in ("GetValue", "IsEqual"):
        pointer, _, name = rest.rpartition(":")
        found, value = _resolve(response.get_json(silent=True), pointer)
        if not found or value is None:
            return f"{pointer} is missing"
        if kind == "GetValue":
            variables[name] = value
            return None
        return None if value == variables.get(name) else \
            f"{pointer} is {value!r}, expected {variables.get(name)!r}"
    if kind == "SearchSchema":
        return _search_problem(response, rest, variables)
    if kind == "SaveCalls":
        return None
    return f"check {kind} is not replayed by this runner"


def _refused(response, status: int) -> list[str]:
    """A refusal: the status, JSON, and a BrAPI error envelope with the reason as a message."""
    document = response.get_json(silent=True) or {}
    messages = (document.get("metadata") or {}).get("status") or []
    if response.status_code != status or response.mimetype != "application/json":
        return [f"status {response.status_code} {response.mimetype}, expected a refusal "
                f"{status}: {response.data[:300]!r}"]
    if not any(m.get("messageType") == "ERROR" and m.get("message") for m in messages):
        return [f"refusal {status} without an ERROR message in metadata.status"]
    return []


def _search_problem(response, rest: str, variables: dict) -> str | None:
    """200: the results, checked against the schema; 202: a searchResultsDbId, checked against
    the schema's 202 variant and kept under the given name for the GET that follows."""
    path, _, name = rest.rpartition(":")
    document = response.get_json(silent=True)
    if response.status_code != 202:
        return _schema_problem(document, path)
    found, value = _resolve(document, "/result/searchResultsDbId")
    if found and value is not None:
        variables[name] = value
    return _schema_problem(document, path + "202")


def _schema_problem(document, path: str) -> str | None:
    validator = jsonschema.Draft4Validator(standards.schema(path),
                                           format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    where = "/".join(str(p) for p in errors[0].absolute_path)
    return f"schema {path}: {len(errors)} errors, first at /{where}: {errors[0].message[:200]}"


def _resolve(document, pointer: str):
    value = document
    for part in pointer.strip("/").split("/"):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return False, None
    return True, value
