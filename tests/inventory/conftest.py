"""Inventory tests: after every scenario, `germplasm lots check` must find each lot's
balances equal to its ledger's sums."""
import pytest

from germplasm.extensions import db
from germplasm.inventory import lots


@pytest.fixture(autouse=True)
def ledger_agrees(request, cli):
    yield
    if "no_db" in request.keywords:
        return
    result = cli("lots", "check")
    assert result.exit_code == 0, result.output
    assert "every lot agrees" in result.output


@pytest.fixture
def make_lot(make_accession):
    counter = iter(range(1, 10**6))

    def make(accession=None, quantity=10, material="scion", **fields):
        accession = accession or make_accession()
        lot = lots.create(accession.id, f"L{next(counter):04d}",
                          lots.LotFields(material=material, **fields), actor="tester",
                          quantity=quantity)
        db.session.commit()
        return lot

    return make


@pytest.fixture
def as_role(client):
    """Sign the client in as a new user with `role` (committed: a refused save rolls back)."""
    from germplasm.accounts.services import create_user
    from tests.accounts.test_login import login

    def sign_in(role: str):
        user = create_user(f"{role}.user", role, "orchard-2026", f"{role} 用户")
        db.session.commit()
        assert login(client, user.username, "orchard-2026").status_code == 302
        return user
    return sign_in
