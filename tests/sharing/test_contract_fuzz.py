"""Schemathesis against GET /api/v1/openapi.json: requests generated from the document get no
server error, and every answer (status, content type, headers, body) is one the document
describes. Bounded examples per operation, so that the run stays short.

The operations are walked here rather than with schemathesis.pytest.from_fixture, whose
node-id rewriting does not work with pytest 9; a failure names its operation."""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.sharing.api_callers import bearer

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]
EXAMPLES = 30  # per operation


@pytest.mark.parametrize("role", [None, "staff"])
def test_the_api_keeps_its_documented_contract(app, cli, catalogue, role):
    """Anonymous, and with a staff member's read token (restricted records, exact sites;
    writes refused with 403)."""
    headers = {"Accept-Encoding": "identity"}  # the WSGI transport would not undo brotli
    if role:
        headers |= bearer(cli, role)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 2
    for operation in operations:
        _exercise(operation, headers)


def _exercise(operation, headers: dict) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case):
        try:
            case.call_and_validate(checks=CHECKS, headers=headers)
        except Exception as failure:
            failure.add_note(f"operation: {operation.label}")
            raise

    call()



# Generated values rarely name a record that exists or a query that matches: these do, so
# that whole records and full pages are checked against the document too.
MEANINGFUL_QUERIES = {
    "/api/v1/accessions": [{"q": "李"}, {"trait": "SSC:14..", "sort": "-SSC", "per_page": 2}],
    "/api/v1/screening": [{"trait": ["SSC:+2", "FRUIT_WEIGHT:-1"]},
                          {"extreme": "HARVEST_DATE:bottom:50"}],
    "/api/v1/observations": [{"accession": "S001"}, {"descriptor": "SSC", "per_page": 3}],
    "/api/v1/summaries": [{"descriptor": "SSC"}],
    "/api/v1/lots": [{"accenumb": "S001"}, {"available": "true", "material": "pollen"}],
    "/api/v1/plants": [{"accenumb": "S001"}],
    "/api/v1/requests": [{}, {"status": "submitted"}],
    "/api/v1/compatibility": [{"female": "S001", "male": "S002"}],
    "/api/v1/pollinizers": [{"for": "S001"}, {"for": "S001", "top": 2}],
    "/api/v1/fingerprints/report": [{"threshold": 0.5, "min_markers": 2}],
    "/api/v1/fingerprints/tree": [{"method": "nj"}, {"accessions": "S001,S002,S003"}],
}


@pytest.mark.parametrize("role", [None, "staff"])
def test_real_records_and_pages_match_the_document(app, cli, catalogue, role):
    from germplasm.evaluations.models import Campaign
    from germplasm.extensions import db

    headers = {"Accept-Encoding": "identity"} | (bearer(cli, role) if role else {})
    lot_numbers = _inventory(catalogue)
    known = {"request_id": [_request(f"{role}.api" if role else None)],
             "accession_id": [a.id for a in catalogue.values()],
             "lot_number": lot_numbers,
             "code": ["SSC", "HARVEST_DATE", "FLESH_COLOR", "FRUIT_CRACKING"],
             "campaign_id": list(db.session.scalars(db.select(Campaign.id))),
             "sequence_id": _sequences(catalogue),
             "accenumb": _fingerprints(catalogue)}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    answered = 0
    for operation in (result.ok() for result in schema.get_all_operations()):
        if operation.method.upper() != "GET":
            continue
        names = [p.name for p in operation.path_parameters]
        assert set(names) <= set(known), f"no known values for {operation.label}: {names}"
        if names:
            cases = [operation.Case(path_parameters={names[0]: value})
                     for value in known[names[0]]]
        else:
            cases = [operation.Case(query=query)
                     for query in MEANINGFUL_QUERIES.get(operation.path, [{}])]
        for case in cases:
            response = case.call_and_validate(checks=CHECKS, headers=headers)
            answered += response.status_code == 200
    assert answered >= 20


def _sequences(catalogue) -> list[int]:
    """A matK fragment on S001, stored as an import would store it."""
    from germplasm.extensions import db
    from germplasm.sequences import services

    fields = services.SequenceFields("MK000001", "ATGGAGGAATTACAAGGATATTTAGAACTAGATAAATCTCG",
                                     version="MK000001.1", description="matK partial",
                                     molecule_type="DNA", organism="Prunus salicina",
                                     features=[])
    services.store(catalogue["S001"], fields, user="tests", source="tests")
    db.session.commit()
    return [services.get("MK000001").id]


def _fingerprints(catalogue) -> list[str]:
    """Every accession fingerprinted at two SSR markers (so the report, the tree and the
    fingerprint answer 200), and one accession number that does not exist."""
    from germplasm.extensions import db
    from germplasm.fingerprints import services

    for name, low in (("CPPCT022", 180), ("UDP96-005", 100)):
        services.set_marker(name, linkage_group="LG1", motif="(CT)n", min_size=low,
                            max_size=low + 60, user="tests")
    for k, accession in enumerate(catalogue.values()):
        for marker in services.markers():
            sizes = (marker.min_size + 2 * (k % 4), marker.min_size + 20)
            services.set_genotype(accession, marker, sizes, "tests")
    db.session.commit()
    return [a.accenumb for a in catalogue.values()] + ["NOPE-1"]


def _request(username: str | None) -> int:
    """A request of scions of S001 (with a reservation) by this user (None: someone else)."""
    from germplasm.accounts.models import User
    from germplasm.accounts.services import create_user
    from germplasm.extensions import db
    from germplasm.requests import allocations, workflow
    from germplasm.requests.submission import Ask, Recipient, Submission, submit

    user = db.session.scalar(db.select(User).where(User.username == username)) if username \
        else create_user("someone.else", "researcher", "orchard-2026")
    recipient = Recipient("李", "西南大学", "university", "重庆市北碚区", "CHN", "li@swu.cn",
                          province="重庆")
    made = submit(user, Submission(recipient, "research", True,
                                   [Ask("S001", "scion", 3)]), True)
    workflow.move(made, "in_review", actor="tests", curator=True)
    allocations.allocate(made, made.items[0], "S001-S", 2, actor="tests")
    db.session.commit()
    return made.id


def _inventory(catalogue) -> list[str]:
    """A tree, a lot of scions with a ledger and a lot of pollen in grams for S001."""
    from germplasm.extensions import db
    from germplasm.inventory import ledger, lots, plants

    accession = catalogue["S001"]
    plants.plant(accession.id, plants.PlantFields("A", "1", "1", rootstock_text="毛桃"))
    scions = lots.create(accession.id, "S001-S", lots.LotFields("scion", distributable=True),
                         actor="tests", quantity=40)
    ledger.record(scions, "reserve", actor="tests", reserved=5000, key="fuzz-1")
    lots.create(accession.id, "S001-P", lots.LotFields("pollen", unit="g", distributable=True),
                actor="tests", quantity="1.25")
    db.session.commit()
    return ["S001-S", "S001-P"]
