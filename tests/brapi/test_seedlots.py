"""Seed lots and their transactions: amounts and units from the ledger, filters, and the
restricted accession's lot only for staff."""
BASE = "/brapi/v2"


def data(client, path: str, headers=None) -> list[dict]:
    response = client.get(f"{BASE}/{path}", headers=headers or {})
    assert response.status_code == 200, response.data
    return response.get_json()["result"]["data"]


def test_lots_with_amount_units_and_accession(client, brapi_world):
    lots = data(client, "seedlots")
    assert [(lot["seedLotDbId"], lot["amount"], lot["units"]) for lot in lots] == [
        ("B001-2026-1", 40, "piece"), ("B001-2026-2", 10, "piece"),
        ("B003-2026-1", 12, "piece")]
    assert lots[0]["contentMixture"] == [{
        "germplasmDbId": str(brapi_world.ids["B001"]), "germplasmName": "巫山脆李",
        "crossDbId": None, "crossName": None, "mixturePercentage": 100}]
    assert lots[0]["storageLocation"] == "冷库 A"
    assert lots[0]["additionalInfo"]["material"] == "scion"
    wanted = data(client, f"seedlots?germplasmDbId={brapi_world.ids['B003']}")
    assert [lot["seedLotDbId"] for lot in wanted] == ["B003-2026-1"]
    one = client.get(f"{BASE}/seedlots/B001-2026-2").get_json()["result"]
    assert one["amount"] == 10


def test_transactions_follow_the_ledger(client, brapi_world):
    moves = data(client, "seedlots/transactions")
    assert [(m["fromSeedLotDbId"], m["toSeedLotDbId"], m["amount"]) for m in moves] == [
        (None, "B001-2026-1", 50), ("B001-2026-1", "B001-2026-2", 10),
        (None, "B003-2026-1", 12)]
    first = data(client, "seedlots/B001-2026-1/transactions")
    assert [(m["toSeedLotDbId"], m["amount"]) for m in first] == [
        ("B001-2026-1", 50), ("B001-2026-2", 10)]
    away = data(client, "seedlots/B001-2026-1/transactions?transactionDirection=FROM")
    assert [m["toSeedLotDbId"] for m in away] == ["B001-2026-2"]
    into = data(client, "seedlots/B001-2026-2/transactions?transactionDirection=TO")
    assert [m["fromSeedLotDbId"] for m in into] == ["B001-2026-1"]
    bad = client.get(f"{BASE}/seedlots/B001-2026-1/transactions?transactionDirection=UP")
    assert bad.status_code == 400


def test_the_restricted_accessions_lot_only_for_staff(client, brapi_world):
    staff = {"Authorization": f"Bearer {brapi_world.staff_token}"}
    assert "B004-2026-1" not in [lot["seedLotDbId"] for lot in data(client, "seedlots")]
    for path in ("seedlots/B004-2026-1", "seedlots/B004-2026-1/transactions"):
        assert client.get(f"{BASE}/{path}").status_code == 404
    assert all(m["toSeedLotDbId"] != "B004-2026-1"
               for m in data(client, "seedlots/transactions"))
    assert "B004-2026-1" in [lot["seedLotDbId"] for lot in data(client, "seedlots", staff)]
    assert data(client, "seedlots/B004-2026-1/transactions", staff)[0]["amount"] == 5
