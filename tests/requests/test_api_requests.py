"""Submitting and reading material requests over /api/v1 as a partner's script would."""
from germplasm.extensions import db
from germplasm.requests.models import MaterialRequest, Notification
from tests.requests.conftest import body


def test_a_request_is_submitted_with_its_items_and_recorded_agreement(client, tokens, stock):
    lot = stock()
    answer = client.post("/api/v1/requests", headers=tokens["asker"],
                         json=body((lot.accession.accenumb, "scion", 5)))
    assert answer.status_code == 201, answer.json
    made = answer.json
    assert made["status"] == "submitted" and made["number"].startswith("R")
    assert made["items"][0]["accenumb"] == lot.accession.accenumb
    assert made["items"][0]["quantity"] == 5 and made["items"][0]["unit"] == "piece"
    assert made["items"][0]["id"] > 0
    assert made["mta_version"] == "2026-1" and made["mta_accepted_at"]
    assert made["flags"] == ["first_request"]
    assert made["transitions"][0]["to"] == "submitted"
    assert made["recipient"]["kind"] == "university"
    stored = db.session.get(MaterialRequest, made["id"])
    assert stored.requester.username == "asker"
    told = db.session.scalars(db.select(Notification.event).where(
        Notification.request_id == made["id"])).all()
    assert "received" in told and "submitted" in told  # requester and curator


def test_no_agreement_no_request(client, tokens, stock):
    lot = stock()
    answer = client.post("/api/v1/requests", headers=tokens["asker"],
                         json=body((lot.accession.accenumb, "scion", 5), mta_accepted=False))
    assert answer.status_code == 400
    assert answer.json["errors"][0]["field"] == "mta_accepted"
    assert db.session.scalar(db.select(db.func.count()).select_from(MaterialRequest)) == 0


def test_bad_items_are_named_by_position(client, tokens, stock):
    lot = stock()
    number = lot.accession.accenumb
    cases = [((number, "scion", 0), "items[1].quantity"),
             ((number, "scion", 1.5), "items[1].quantity"),
             (("NO-SUCH", "scion", 1), "items[1].accenumb")]
    for item, field in cases:
        answer = client.post("/api/v1/requests", headers=tokens["asker"],
                             json=body((number, "budwood", 2), item))
        assert answer.status_code == 400, answer.json
        assert answer.json["errors"][0]["field"] == field
    answer = client.post("/api/v1/requests", headers=tokens["asker"],
                         json=body((number, "scion", 2), (number, "scion", 3)))
    assert answer.status_code == 400 and answer.json["errors"][0]["field"] == "items[1]"
    answer = client.post("/api/v1/requests", headers=tokens["asker"],
                         json=body((number, "leaves", 2)))
    assert answer.status_code == 400 and "material" in answer.json["message"]


def test_other_use_needs_a_note_and_recipient_fields_are_checked(client, tokens, stock):
    number = stock().accession.accenumb
    answer = client.post("/api/v1/requests", headers=tokens["asker"],
                         json=body((number, "scion", 2), intended_use="other"))
    assert answer.status_code == 400 and answer.json["errors"][0]["field"] == "use_note"
    wrong = body((number, "scion", 2))
    wrong["recipient"]["email"] = "not-an-address"
    answer = client.post("/api/v1/requests", headers=tokens["asker"], json=wrong)
    assert answer.status_code == 400
    assert answer.json["errors"][0]["field"] == "recipient.email"


def test_restricted_material_only_for_those_who_see_it(client, tokens, cli, make_accession,
                                                      stock):
    from tests.sharing.api_support import bearer, token_of

    hidden = stock(make_accession(restricted="Y"))
    ask = body((hidden.accession.accenumb, "scion", 2))
    answer = client.post("/api/v1/requests", headers=tokens["asker"], json=ask)
    assert answer.status_code == 400
    assert answer.json["errors"][0]["field"] == "items[0].accenumb"
    staff = bearer(token_of(cli, "gardener", "staff", "write"))
    answer = client.post("/api/v1/requests", headers=staff, json=ask)
    assert answer.status_code == 201
    assert "restricted" in answer.json["flags"]


def test_requests_need_a_token_that_may_write(client, cli, stock):
    from tests.sharing.api_support import bearer, token_of

    ask = body((stock().accession.accenumb, "scion", 2))
    assert client.post("/api/v1/requests", json=ask).status_code == 401
    reader = bearer(token_of(cli, "reader", "researcher", "read"))
    assert client.post("/api/v1/requests", headers=reader, json=ask).status_code == 403
    assert client.get("/api/v1/requests").status_code == 401


def test_a_requester_sees_only_their_own_and_curators_see_all(client, tokens, submitted):
    mine, _lot = submitted()
    theirs = client.post("/api/v1/requests", headers=tokens["other"],
                         json=body((_lot.accession.accenumb, "scion", 1))).json
    listed = client.get("/api/v1/requests", headers=tokens["asker"]).json
    assert [r["id"] for r in listed["items"]] == [mine["id"]]
    assert client.get(f"/api/v1/requests/{theirs['id']}",
                      headers=tokens["asker"]).status_code == 404
    every = client.get("/api/v1/requests", headers=tokens["keeper"]).json
    assert {r["id"] for r in every["items"]} == {mine["id"], theirs["id"]}
    only = client.get("/api/v1/requests?status=cancelled", headers=tokens["keeper"]).json
    assert only["total"] == 0


def test_many_accessions_are_flagged_for_review(app, client, tokens, stock, make_accession):
    numbers = [make_accession().accenumb for _ in range(4)]
    app.config["GERMPLASM_REVIEW_ACCESSIONS"] = 3
    try:
        answer = client.post("/api/v1/requests", headers=tokens["asker"],
                             json=body(*[(n, "scion", 1) for n in numbers]))
    finally:
        app.config.pop("GERMPLASM_REVIEW_ACCESSIONS")
    assert answer.status_code == 201
    assert set(answer.json["flags"]) == {"first_request", "many_accessions"}
