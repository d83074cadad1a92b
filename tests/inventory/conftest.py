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

