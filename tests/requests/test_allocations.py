"""Curators allocate items from lots: stock is reserved through the ledger, and every lot
that may not serve the item now is refused with 409 in the one error shape."""
from datetime import date, timedelta

import pytest

from germplasm.extensions import db
from germplasm.inventory import lots
from germplasm.requests import allocations
from germplasm.requests.models import RequestItem
from tests.requests.conftest import move


def _allocate(client, tokens, made, lot_number, quantity, who="keeper", key=None):
    headers = dict(tokens[who]) | ({"Idempotency-Key": key} if key else {})
    return client.post(f"/api/v1/requests/{made['id']}/allocations", headers=headers,
                       json={"item": made["items"][0]["id"], "lot": lot_number,
                             "quantity": quantity})


def test_an_allocation_reserves_stock_and_shows_on_the_request(client, tokens, submitted):
    made, lot = submitted(quantity=5)
    move(client, tokens, made["id"], "in_review")
    answer = _allocate(client, tokens, made, lot.lot_number, 5)
    assert answer.status_code == 201, answer.json
    assert answer.json["lot"] == lot.lot_number and answer.json["status"] == "reserved"
    db.session.refresh(lot)
    assert (lot.on_hand_milli, lot.reserved_milli) == (20000, 5000)
    shown = client.get(f"/api/v1/requests/{made['id']}", headers=tokens["asker"]).json
    assert shown["items"][0]["reserved"] == 5
    listed = client.get(f"/api/v1/lots/{lot.lot_number}").json
    assert listed["reserved"] == 5 and listed["available"] == 13  # 20 - 5 - critical 2
    entry = listed["ledger"][-1]
    assert entry["kind"] == "reserve"


def test_more_than_available_is_409_and_reserves_nothing(client, tokens, submitted):
    made, lot = submitted(quantity=20)
    move(client, tokens, made["id"], "in_review")
    answer = _allocate(client, tokens, made, lot.lot_number, 19)  # 20 on hand, critical 2
    assert answer.status_code == 409, answer.json
    assert answer.json["errors"][0]["field"] == "quantity"
    assert "not enough available" in answer.json["message"]
    db.session.refresh(lot)
    assert lot.reserved_milli == 0
    assert _allocate(client, tokens, made, lot.lot_number, 18).status_code == 201


@pytest.mark.parametrize("fields, words", [
    ({"distributable": False}, "not distributable"),
    ({"health_status": "infected"}, "failed its health test"),
    ({"expires_on": date.today() - timedelta(days=1)}, "expired"),
    ({"available_from": (date.today() + timedelta(days=40)).strftime("%m-%d"),
      "available_to": (date.today() + timedelta(days=80)).strftime("%m-%d")}, "only from"),
])
def test_unfit_lots_are_409(client, tokens, submitted, fields, words):
    made, lot = submitted(quantity=2, **fields)
    move(client, tokens, made["id"], "in_review")
    answer = _allocate(client, tokens, made, lot.lot_number, 2)
    assert answer.status_code == 409, answer.json
    assert words in answer.json["message"] and answer.json["errors"][0]["field"] == "lot"
    db.session.refresh(lot)
    assert lot.reserved_milli == 0


def test_allocation_only_while_in_review_or_approved(client, tokens, submitted):
    made, lot = submitted(quantity=2)
    assert _allocate(client, tokens, made, lot.lot_number, 1).status_code == 409  # submitted
    move(client, tokens, made["id"], "in_review", "approved")
    assert _allocate(client, tokens, made, lot.lot_number, 1).status_code == 201
    move(client, tokens, made["id"], "being_prepared")
    answer = _allocate(client, tokens, made, lot.lot_number, 1)
    assert answer.status_code == 409 and answer.json["errors"][0]["field"] == "status"


def test_only_curators_allocate_and_only_from_a_lot_of_the_item(client, tokens, submitted,
                                                                 stock):
    made, lot = submitted(quantity=2)
    move(client, tokens, made["id"], "in_review")
    assert _allocate(client, tokens, made, lot.lot_number, 1, who="asker").status_code == 403
    elsewhere = stock()  # another accession's lot
    answer = _allocate(client, tokens, made, elsewhere.lot_number, 1)
    assert answer.status_code == 400 and answer.json["errors"][0]["field"] == "lot"
    answer = _allocate(client, tokens, made, lot.lot_number, 3)  # asked for 2
    assert answer.status_code == 409 and "still needs 2" in answer.json["message"]
    answer = _allocate(client, tokens, made, "NO-SUCH-LOT", 1)
    assert answer.status_code == 400 and answer.json["errors"][0]["field"] == "lot"


def test_a_retry_with_the_same_key_reserves_once(client, tokens, submitted):
    made, lot = submitted(quantity=4)
    move(client, tokens, made["id"], "in_review")
    first = _allocate(client, tokens, made, lot.lot_number, 3, key="alloc-1")
    again = _allocate(client, tokens, made, lot.lot_number, 3, key="alloc-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json["id"] == again.json["id"]
    db.session.refresh(lot)
    assert lot.reserved_milli == 3000
    other = _allocate(client, tokens, made, lot.lot_number, 1, key="alloc-1")
    assert other.status_code == 400 and other.json["errors"][0]["field"] == "idempotency_key"


def test_the_proposed_lot_is_fit_and_has_enough(client, tokens, submitted, stock):
    made, first = submitted(quantity=10)  # 20 on hand, 18 available
    accession = first.accession
    tiny = stock(accession, quantity=5)  # 3 available: too little for 10
    big = stock(accession, quantity=40)
    stock(accession, quantity=100, distributable=False)
    stock(accession, quantity=100, health_status="infected")
    item = db.session.get(RequestItem, made["items"][0]["id"])
    proposed = allocations.proposals(item)
    assert [lot.lot_number for lot in proposed] == [
        big.lot_number, first.lot_number, tiny.lot_number]


def test_pollen_is_requested_and_allocated_in_grams(client, tokens, stock):
    from tests.requests.conftest import body

    lot = stock(material="pollen", quantity="2.5", critical="0.5")
    made = client.post("/api/v1/requests", headers=tokens["asker"],
                       json=body((lot.accession.accenumb, "pollen", 1.25))).json
    assert made["items"][0]["unit"] == "g" and made["items"][0]["quantity"] == 1.25
    move(client, tokens, made["id"], "in_review")
    assert _allocate(client, tokens, made, lot.lot_number, 1.25).status_code == 201
    db.session.refresh(lot)
    assert lots.available_milli(lot) == 750
