"""OpenID Connect sign-in for field apps (Field Book 7.3+): discovery, the code flow with PKCE
and the implicit flow, each ending in one of our tokens that serves BrAPI as the signed-in
user; foreign redirect URIs, missing PKCE, wrong verifiers and refusals get no token."""
from urllib.parse import parse_qs, urlsplit

from germplasm.accounts.models import ApiToken
from germplasm.accounts.oauth_codes import challenge_of
from germplasm.extensions import db
from tests.accounts.test_login import csrf_token, login

REDIRECT = "fieldbook://app/auth"
VERIFIER = "a-long-random-verifier-of-the-app-0123456789abcdefghijklmnop"
ASKED = {"response_type": "code", "client_id": "fieldbook", "redirect_uri": REDIRECT,
         "state": "s123", "scope": "openid", "code_challenge": challenge_of(VERIFIER, "S256"),
         "code_challenge_method": "S256"}


def _decide(client, asked=ASKED, decision="allow"):
    token = csrf_token(client, "/account/tokens")
    return client.post("/oauth/authorize", data=asked | {"decision": decision,
                                                         "csrf_token": token})


def _returned(response, part="query") -> dict:
    assert response.status_code == 302, response.data[:300]
    where = urlsplit(response.headers["Location"])
    assert f"{where.scheme}://{where.netloc}{where.path}" == ASKED["redirect_uri"] or \
        response.headers["Location"].startswith("https://phenoapps.org/field-book")
    return {k: v[0] for k, v in parse_qs(getattr(where, part)).items()}


def _sees_restricted(client, secret) -> bool:
    answer = client.application.test_client().get(
        "/brapi/v2/germplasm?accessionNumber=B004", headers={"Authorization": f"Bearer {secret}"})
    return answer.get_json()["metadata"]["pagination"]["totalCount"] == 1


def test_discovery_names_the_endpoints_field_book_needs(client):
    found = client.get("/.well-known/openid-configuration").get_json()
    for key in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri",
                "response_types_supported", "subject_types_supported",
                "id_token_signing_alg_values_supported"):
        assert found[key], key
    assert found["authorization_endpoint"].endswith("/oauth/authorize")
    assert "S256" in found["code_challenge_methods_supported"]
    assert client.get("/oauth/jwks").get_json() == {"keys": []}


def test_the_code_flow_with_pkce_gives_staff_a_write_token(client, brapi_world):
    query = "&".join(f"{k}={v}" for k, v in ASKED.items())
    assert client.get(f"/oauth/authorize?{query}").status_code == 302  # to the login page
    login(client, "li.ming", "orchard-2026")
    assert "fieldbook" in client.get(f"/oauth/authorize?{query}").get_data(as_text=True)
    back = _returned(_decide(client))
    assert back["state"] == "s123" and back["code"]
    wrong = client.post("/oauth/token", data={"grant_type": "authorization_code",
                                              "code": back["code"], "redirect_uri": REDIRECT,
                                              "code_verifier": "not-the-verifier"})
    assert wrong.status_code == 400 and wrong.get_json()["error"] == "invalid_grant"
    moved = client.post("/oauth/token", data={"grant_type": "authorization_code",
                                              "code": back["code"],
                                              "redirect_uri": "fieldbook://elsewhere",
                                              "code_verifier": VERIFIER})
    assert moved.status_code == 400
    answer = client.post("/oauth/token", data={"grant_type": "authorization_code",
                                               "code": back["code"], "redirect_uri": REDIRECT,
                                               "code_verifier": VERIFIER, "client_id": "fieldbook"})
    assert answer.status_code == 200, answer.data
    issued = answer.get_json()
    assert issued["token_type"] == "Bearer" and issued["expires_in"] > 0
    stored = db.session.scalar(db.select(ApiToken).where(ApiToken.name == "fieldbook"))
    assert stored.scope == "write" and stored.user.username == "li.ming"
    assert _sees_restricted(client, issued["access_token"])
    forged = client.post("/oauth/token", data={"grant_type": "authorization_code",
                                               "code": back["code"] + "x",
                                               "redirect_uri": REDIRECT,
                                               "code_verifier": VERIFIER})
    assert forged.status_code == 400


def test_the_implicit_flow_only_to_a_configured_address(app, client, brapi_world):
    implicit = ASKED | {"response_type": "token",
                        "redirect_uri": "https://phenoapps.org/field-book"}
    login(client, "li.ming", "orchard-2026")
    before = db.session.scalar(db.select(db.func.count(ApiToken.id)))
    refused = _decide(client, implicit)
    assert refused.status_code == 400 and "Location" not in refused.headers
    assert db.session.scalar(db.select(db.func.count(ApiToken.id))) == before
    app.config["GERMPLASM_OAUTH_REDIRECT_URIS"] = [REDIRECT, implicit["redirect_uri"]]
    back = _returned(_decide(client, implicit), part="fragment")
    assert back["token_type"] == "Bearer" and back["state"] == "s123"
    assert _sees_restricted(client, back["access_token"])


def test_refusals_and_bad_requests_get_no_token(client, brapi_world):
    login(client, "li.ming", "orchard-2026")
    before = db.session.scalar(db.select(db.func.count(ApiToken.id)))
    assert _returned(_decide(client, decision="deny")) == {"error": "access_denied",
                                                             "state": "s123"}
    for bad in ({"redirect_uri": "https://evil.example/cb"}, {"code_challenge": ""},
                {"response_type": "id_token"}):
        response = _decide(client, ASKED | bad)
        assert response.status_code == 400 and "Location" not in response.headers, bad
    assert client.post("/oauth/token", data={"grant_type": "password"}).get_json()[
        "error"] == "unsupported_grant_type"
    assert db.session.scalar(db.select(db.func.count(ApiToken.id))) == before
