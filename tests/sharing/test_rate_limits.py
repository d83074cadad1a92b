"""The API's rate limit: per token when a script sends one, per address otherwise; the 429
is JSON in the API's error shape with Retry-After."""
from germplasm.accounts import tokens
from germplasm.accounts.services import create_user
from germplasm.extensions import db


def _bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def test_each_token_and_each_anonymous_address_has_its_own_budget(app, client, catalogue,
                                                                   monkeypatch):
    monkeypatch.setitem(app.config, "GERMPLASM_API_RATE", "3 per minute")
    user = create_user("li.ming", "researcher", "orchard-2026")
    db.session.flush()
    (_t1, first), (_t2, second) = tokens.create(user), tokens.create(user)
    db.session.commit()
    answers = [client.get("/api/v1/accessions", headers=_bearer(first)) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused.json["status"] == 429 and refused.json["message"]
    assert int(refused.headers["Retry-After"]) > 0
    assert client.get("/api/v1/accessions", headers=_bearer(second)).status_code == 200
    assert client.get("/api/v1/accessions").status_code == 200  # anonymous: the address's own
    assert client.get("/").status_code == 200  # pages are not limited by the API's rate
