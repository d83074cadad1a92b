"""The validator's collection replayed against the app: 100 % of the requests for the calls
/serverinfo advertises pass, for an anonymous caller and for staff (who also see the
restricted accession, its tree and its lot)."""
import pytest

from tests.brapi import runner
from tests.brapi.standards import needs_shared

pytestmark = needs_shared


@pytest.mark.parametrize("caller", ["anonymous", "staff"])
def test_every_advertised_request_of_the_collection_passes(client, brapi_world, caller):
    headers = {"Authorization": f"Bearer {brapi_world.staff_token}"} if caller == "staff" \
        else {}
    outcome = runner.run(client, headers)
    print(f"\nBRAVA v2.1 ({caller}): {len(outcome.passed)} passed, {len(outcome.failed)} "
          f"failed, {len(outcome.not_advertised)} requests for calls not advertised")
    assert outcome.failed == []
    assert len(outcome.passed) >= 12


def test_each_advertised_call_is_served_with_its_methods(client, brapi_world):
    """What /serverinfo lists is served: a GET without an id answers 200, a search 200 or
    202 (a read); a write without a token answers 401 (not 404 or 405), in JSON."""
    calls = runner.advertised(client, {})
    assert ("serverinfo", "GET") in calls
    for service, method in calls:
        if "{" in service and method == "GET":
            continue
        write = runner.is_write(method, service)
        response = client.open(f"{runner.BASE}/{service}", method=method,
                               json=[] if write and method == "POST" else {})
        expected = {401} if write else {200, 202} if method == "POST" else {200}
        assert response.status_code in expected, (service, method, response.data[:200])
        assert response.mimetype == "application/json"


def test_anonymous_writes_are_refused_by_the_replay(client, brapi_world):
    """The runner's own check of a write without a token: a 200 would be reported."""
    assert runner._refused(client.get(f"{runner.BASE}/serverinfo"), 401) != []
