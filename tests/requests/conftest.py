"""Material request tests: after every scenario the lots' balances equal their ledger's sums
(`germplasm lots check`), and a few helpers to make lots and requests over the API."""
import pytest

from germplasm.extensions import db
from germplasm.inventory import lots
from tests.inventory.conftest import ledger_agrees  # noqa: F401  (after every scenario)
from tests.sharing.api_support import bearer, token_of


@pytest.fixture
def tokens(cli):
    """Write tokens of a researcher, another researcher and a curator."""
    return {name: bearer(token_of(cli, name, role, "write"))
            for name, role in (("asker", "researcher"), ("other", "researcher"),
                               ("keeper", "curator"))}


@pytest.fixture
def stock(make_accession):
    """An accession with a distributable lot of 20 scions (critical 2), in season all year."""
    counter = iter(range(1, 10**6))

    def make(accession=None, quantity=20, material="scion", **fields):
        accession = accession or make_accession()
        fields = {"distributable": True, "critical": 2} | fields
        lot = lots.create(accession.id, f"RL{next(counter):04d}",
                          lots.LotFields(material=material, **fields), actor="tester",
                          quantity=quantity)
        db.session.commit()
        return lot

    return make


def body(*items, **overrides) -> dict:
    return {"intended_use": "research", "mta_accepted": True,
            "recipient": {"name": "李研究员", "institution": "西南大学园艺园林学院",
                          "kind": "university", "address": "重庆市北碚区天生路2号",
                          "country": "CHN", "email": "li@example.edu.cn", "province": "重庆"},
            "items": [{"accenumb": a, "material": m, "quantity": q} for a, m, q in items]
            } | overrides


@pytest.fixture
def submitted(client, tokens, stock):
    """A request of 5 scions from a fresh lot, submitted by `asker`: (request json, lot)."""
    def make(quantity=5, **lot_fields):
        lot = stock(**lot_fields)
        answer = client.post("/api/v1/requests", headers=tokens["asker"],
                             json=body((lot.accession.accenumb, "scion", quantity)))
        assert answer.status_code == 201, answer.get_data(as_text=True)
        return answer.json, lot

    return make


def move(client, tokens, request_id: int, *states, who: str = "keeper"):
    for state in states:
        answer = client.post(f"/api/v1/requests/{request_id}/transitions",
                             headers=tokens[who], json={"to": state, "note": "test"})
        assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer
