"""Schemathesis against GET /api/v1/openapi.json: requests generated from the document get no
server error, and every answer (status, content type, headers, body) is one the document
describes. Bounded examples per operation, so that the run stays short.

The operations are walked here rather than with schemathesis.pytest.from_fixture, whose
node-id rewriting does not work with pytest 9; a failure names its operation."""
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]
EXAMPLES = 30  # per operation


def test_the_api_keeps_its_documented_contract(app, catalogue):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 2
    for operation in operations:
        _exercise(operation)


def _exercise(operation) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case):
        try:
            # identity: the WSGI transport would not undo Flask-Compress's brotli
            case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})
        except Exception as failure:
            failure.add_note(f"operation: {operation.label}")
            raise

    call()
