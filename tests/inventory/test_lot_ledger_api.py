"""A lot's detail holds only its newest 100 ledger entries and how many there are in all; the
whole ledger is paged at /api/v1/lots/{lot_number}/transactions, for those who may see it."""
from germplasm.extensions import db
from germplasm.inventory import ledger
from germplasm.inventory.quantities import to_milli
from tests.sharing.api_callers import assert_not_found, bearer


def test_the_detail_holds_the_newest_100_entries_and_the_total(client, make_lot):
    lot = make_lot(quantity=500)
    for number in range(1, 121):
        ledger.record(lot, "loss", actor="a", on_hand=-to_milli(1), note=f"loss {number}")
    db.session.commit()
    body = client.get(f"/api/v1/lots/{lot.lot_number}").json
    assert body["ledger_total"] == 121 and len(body["ledger"]) == 100
    assert [e["note"] for e in body["ledger"]][:2] == ["loss 21", "loss 22"]
    assert body["ledger"][-1]["note"] == "loss 120"  # oldest first, ending with the newest
    assert body["quantity"] == 380


def test_the_transactions_are_paged_like_the_other_lists(client, make_lot):
    lot = make_lot(quantity=50)
    for number in range(1, 25):
        ledger.record(lot, "loss", actor="a", on_hand=-to_milli(1), note=f"loss {number}")
    db.session.commit()
    url = f"/api/v1/lots/{lot.lot_number}/transactions"
    first = client.get(url + "?per_page=10")
    assert first.status_code == 200, first.get_data(as_text=True)
    body = first.json
    assert (body["total"], body["page"], body["per_page"]) == (25, 1, 10)
    assert [(e["kind"], e["quantity"]) for e in body["items"][:2]] == [("adjust", 50),
                                                                       ("loss", -1)]
    assert body["links"]["next"].endswith("page=2") and 'rel="next"' in first.headers["Link"]
    last = client.get(url + "?per_page=10&page=3").json
    assert [e["note"] for e in last["items"]] == [f"loss {n}" for n in range(20, 25)]
    assert last["links"]["next"] is None
    assert client.get(url + "?per_page=1000").json["per_page"] == 100
    assert client.get(url + "?page=0").status_code == 400
    assert_not_found(client.get("/api/v1/lots/NO-SUCH-LOT/transactions"))


def test_a_restricted_accessions_ledger_is_hidden_like_its_lot(client, cli, make_lot,
                                                               make_accession):
    lot = make_lot(make_accession(restricted=True), quantity=3)
    url = f"/api/v1/lots/{lot.lot_number}/transactions"
    assert_not_found(client.get(url))
    assert_not_found(client.get(url, headers=bearer(cli, "researcher")))
    assert client.get(url, headers=bearer(cli, "staff")).json["total"] == 1


def test_the_openapi_document_describes_the_transactions(client):
    document = client.get("/api/v1/openapi.json").json
    path = document["paths"]["/api/v1/lots/{lot_number}/transactions"]
    names = {p["name"] for p in path.get("parameters", []) + path["get"]["parameters"]}
    assert names >= {"lot_number", "page", "per_page"}
    detail = document["components"]["schemas"]["LotDetail"]["properties"]
    assert "ledger_total" in detail and "100" in detail["ledger"]["description"]
