"""From an approved request to a closed one: shipping moves reserved stock out through the
ledger (a certificate is needed abroad), the dispatch is recorded, receipt sets the usage
report's due date, reminders come before it, and the report closes the request."""
from datetime import date, timedelta

from germplasm.extensions import db
from germplasm.requests.models import MaterialRequest, Notification
from tests.requests.conftest import body, move


def _allocated(client, tokens, made, lot, quantity):
    answer = client.post(f"/api/v1/requests/{made['id']}/allocations", headers=tokens["keeper"],
                         json={"item": made["items"][0]["id"], "lot": lot.lot_number,
                               "quantity": quantity})
    assert answer.status_code == 201, answer.json
    return answer.json


def _ship(client, tokens, made, **fields):
    return client.post(f"/api/v1/requests/{made['id']}/shipments", headers=tokens["keeper"],
                       json={"carrier": "顺丰速运", "tracking_number": "SF1234567890",
                             "shipped_on": "2026-12-01"} | fields)


def _ready(client, tokens, submitted, quantity=5):
    made, lot = submitted(quantity=quantity)
    move(client, tokens, made["id"], "in_review")
    _allocated(client, tokens, made, lot, quantity)
    move(client, tokens, made["id"], "approved", "being_prepared")
    return made, lot


def test_shipping_sends_the_reserved_stock_out_of_the_lot(client, tokens, submitted):
    made, lot = _ready(client, tokens, submitted)
    answer = _ship(client, tokens, made)
    assert answer.status_code == 201, answer.json
    assert answer.json["status"] == "shipped"
    assert answer.json["shipments"][0]["tracking_number"] == "SF1234567890"
    assert answer.json["items"][0]["shipped"] == 5
    db.session.refresh(lot)
    assert (lot.on_hand_milli, lot.reserved_milli) == (15000, 0)
    ledger = client.get(f"/api/v1/lots/{lot.lot_number}", headers=tokens["keeper"]).json
    assert [e["kind"] for e in ledger["ledger"]][-2:] == ["reserve", "ship"]
    told = db.session.scalars(db.select(Notification.subject).where(
        Notification.request_id == made["id"], Notification.event == "shipped")).all()
    assert told and made["number"] in told[0]


def test_shipping_is_only_for_a_request_being_prepared(client, tokens, submitted):
    made, lot = submitted(quantity=2)
    move(client, tokens, made["id"], "in_review")
    _allocated(client, tokens, made, lot, 2)
    answer = _ship(client, tokens, made)
    assert answer.status_code == 409 and answer.json["errors"][0]["field"] == "status"
    assert client.post(f"/api/v1/requests/{made['id']}/transitions", headers=tokens["keeper"],
                       json={"to": "shipped"}).status_code == 409
    assert _ship(client, tokens, made, carrier="x").status_code == 409
    db.session.refresh(lot)
    assert lot.on_hand_milli == 20000


def test_abroad_a_missing_certificate_blocks_shipping(client, tokens, stock):
    lot = stock()
    ask = body((lot.accession.accenumb, "scion", 3))
    ask["recipient"]["country"] = "JPN"
    made = client.post("/api/v1/requests", headers=tokens["asker"], json=ask).json
    move(client, tokens, made["id"], "in_review")
    _allocated(client, tokens, made, lot, 3)
    move(client, tokens, made["id"], "approved", "being_prepared")
    answer = _ship(client, tokens, made)
    assert answer.status_code == 409
    assert answer.json["errors"][0]["field"] == "phyto_certificate"
    db.session.refresh(lot)
    assert (lot.on_hand_milli, lot.reserved_milli) == (20000, 3000)
    answer = _ship(client, tokens, made, phyto_certificate="PC-500000-2026-0042")
    assert answer.status_code == 201 and answer.json["status"] == "shipped"


def test_shipping_part_of_the_allocations_is_a_partial_shipment(client, tokens, submitted,
                                                                stock):
    made, lot = submitted(quantity=8)
    second = stock(lot.accession)
    move(client, tokens, made["id"], "in_review")
    first = _allocated(client, tokens, made, lot, 5)
    _allocated(client, tokens, made, second, 3)
    move(client, tokens, made["id"], "approved", "being_prepared")
    answer = _ship(client, tokens, made, allocations=[first["id"]])
    assert answer.status_code == 201 and answer.json["status"] == "partly_shipped"
    answer = _ship(client, tokens, made, tracking_number="SF2")
    assert answer.status_code == 201 and answer.json["status"] == "shipped"
    assert answer.json["items"][0]["shipped"] == 8
    assert _ship(client, tokens, made).status_code == 409  # nothing left to send


def test_receipt_sets_the_due_date_and_the_report_closes(client, tokens, submitted, cli):
    made, _lot = _ready(client, tokens, submitted)
    _ship(client, tokens, made)
    url = f"/api/v1/requests/{made['id']}"
    early = client.post(f"{url}/feedback", headers=tokens["asker"], json={"usage": "grafted"})
    assert early.status_code == 409  # not received yet
    answer = client.post(f"{url}/receipt", headers=tokens["asker"],
                         json={"received_on": "2026-12-03"})
    assert answer.status_code == 200, answer.json
    assert answer.json["status"] == "received"
    assert answer.json["feedback_due_on"] == "2027-12-03"
    answer = client.post(f"{url}/feedback", headers=tokens["asker"], json={"usage": " "})
    assert answer.status_code == 400
    answer = client.post(f"{url}/feedback", headers=tokens["asker"],
                         json={"usage": "嫁接于毛桃砧木，成活 4 株", "results": "2028 年结果"})
    assert answer.status_code == 201 and answer.json["status"] == "closed"
    assert answer.json["feedback"][0]["usage"].startswith("嫁接")


def test_reports_falling_due_are_reminded(client, tokens, submitted, cli):
    made, _lot = _ready(client, tokens, submitted)
    _ship(client, tokens, made)
    received = (date.today() - timedelta(days=350)).isoformat()  # due in about 15 days
    client.post(f"/api/v1/requests/{made['id']}/receipt", headers=tokens["asker"],
                json={"received_on": received})
    result = cli("requests", "remind")
    assert result.exit_code == 0, result.output
    assert made["number"] in result.output and "1 request(s)" in result.output
    assert db.session.get(MaterialRequest, made["id"]).status == "feedback_due"
    assert db.session.scalar(db.select(Notification).where(
        Notification.request_id == made["id"], Notification.event == "feedback_due"))
    again = cli("requests", "remind")
    assert "0 request(s)" in again.output


def test_requests_are_listed_on_the_command_line(client, tokens, submitted, cli):
    made, _lot = submitted()
    result = cli("requests", "list", "--status", "submitted")
    assert result.exit_code == 0 and made["number"] in result.output
    assert made["number"] not in cli("requests", "list", "--status", "closed").output


def test_seedlings_shipped_from_a_batch_count_as_dispatched(client, tokens, make_accession):
    from germplasm.inventory import batches

    accession = make_accession()
    batch = batches.create(accession.id, batches.BatchFields(
        "grafting", date.today() - timedelta(days=200), 30, rootstock="毛桃"), actor="tests")
    batches.record_counts(batch, actor="tests", surviving=25, ready=12)
    db.session.commit()
    made = client.post("/api/v1/requests", headers=tokens["asker"],
                       json=body((accession.accenumb, "seedling", 4))).json
    move(client, tokens, made["id"], "in_review")
    _allocated(client, tokens, made, batch.lot, 4)
    move(client, tokens, made["id"], "approved", "being_prepared")
    assert _ship(client, tokens, made).status_code == 201
    db.session.refresh(batch)
    assert (batch.ready, batch.dispatched) == (12, 4)
    assert batch.lot.on_hand_milli == 8000
