"""/brapi/authorize, Field Book's sign-in without an OpenID provider: the signed-in user allows
the app, and the app's URL scheme receives a token of theirs (write for staff, read for others)
that then serves BrAPI as that user; refusals and foreign return addresses get no token."""
from urllib.parse import parse_qs, urlsplit

from germplasm.accounts.models import ApiToken
from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.accounts.test_login import csrf_token, login

ASK = "/brapi/authorize?display_name=Field%20Book&return_url=fieldbook://"


def _allow(client, decision="allow", return_url="fieldbook://"):
    token = csrf_token(client, ASK)
    return client.post("/brapi/authorize", data={
        "csrf_token": token, "display_name": "Field Book", "return_url": return_url,
        "decision": decision})


def _returned(response) -> dict:
    assert response.status_code == 302
    where = urlsplit(response.headers["Location"])
    assert f"{where.scheme}://" == "fieldbook://"
    return {key: values[0] for key, values in parse_qs(where.query).items()}


def test_signing_in_field_book_gives_staff_a_write_token(client, brapi_world):
    assert client.get(ASK).status_code == 302  # to the login page first
    login(client, "li.ming", "orchard-2026")
    page = client.get(ASK)
    assert page.status_code == 200 and "Field Book" in page.get_data(as_text=True)
    answer = _returned(_allow(client))
    assert answer["status"] == "200"
    stored = db.session.scalar(db.select(ApiToken).where(ApiToken.name == "Field Book"))
    assert stored.scope == "write" and stored.user.username == "li.ming"
    # The token serves BrAPI as its user: staff see the restricted accession.
    field_book = client.application.test_client()
    seen = field_book.get("/brapi/v2/germplasm?accessionNumber=B004",
                          headers={"Authorization": f"Bearer {answer['token']}"})
    assert seen.get_json()["metadata"]["pagination"]["totalCount"] == 1


def test_a_researcher_gets_a_read_token_and_a_refusal_gets_none(client, brapi_world):
    create_user("zhou.researcher", "researcher", "orchard-2026", "周")
    db.session.commit()
    login(client, "zhou.researcher", "orchard-2026")
    assert "cannot record" in client.get(ASK + "&lang=en").get_data(as_text=True)
    answer = _returned(_allow(client))
    stored = db.session.scalar(db.select(ApiToken).where(ApiToken.name == "Field Book"))
    assert answer["status"] == "200" and stored.scope == "read"
    before = db.session.scalar(db.select(db.func.count(ApiToken.id)))
    assert _returned(_allow(client, "deny")) == {"status": "401"}
    assert db.session.scalar(db.select(db.func.count(ApiToken.id))) == before


def test_a_token_is_never_sent_to_a_web_address(client, brapi_world):
    login(client, "li.ming", "orchard-2026")
    before = db.session.scalar(db.select(db.func.count(ApiToken.id)))
    for url in ("https://evil.example/steal", "", "javascript:alert(1)"):
        page = client.get(f"/brapi/authorize?display_name=x&return_url={url}&lang=en")
        assert page.status_code == 400
        assert "is not one this genebank sends tokens to" in page.get_data(as_text=True)
        assert "decision" not in page.get_data(as_text=True)  # nothing to allow
        refused = _allow(client, return_url=url)
        assert refused.status_code == 400
        assert "Location" not in refused.headers
    assert db.session.scalar(db.select(db.func.count(ApiToken.id))) == before
