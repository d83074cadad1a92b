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
    """What /serverinfo lists answers 200 (a call with an id: for an id from its list)."""
    calls = runner.advertised(client, {})
    for service, method in calls:
        assert method == "GET"
        if "{" not in service:
            response = client.get(f"{runner.BASE}/{service}")
            assert response.status_code == 200, service
            assert response.mimetype == "application/json"
