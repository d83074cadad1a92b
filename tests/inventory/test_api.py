"""GET /api/v1/lots, /lots/{lot_number}, /plants over HTTP, who sees what, and lots and plants
in the change feed."""
from datetime import date

from germplasm.extensions import db
from germplasm.feed.outbox import latest_cursor
from germplasm.inventory import ledger, plants
from germplasm.inventory.quantities import to_milli
from tests.sharing.api_callers import assert_not_found, bearer


def test_lot_list_has_the_documented_shape(client, make_lot, make_accession):
    accession = make_accession()
    scions = make_lot(accession, quantity=120, critical=20, distributable=True,
                      available_from="12-01", available_to="02-28")
    ledger.record(scions, "reserve", actor="curator", reserved=to_milli(30))
    make_lot(accession, material="pollen", unit="g", quantity="2.5")
    db.session.commit()
    answer = client.get(f"/api/v1/lots?accenumb={accession.accenumb}")
    assert answer.status_code == 200, answer.get_data(as_text=True)
    body = answer.json
    assert body["total"] == 2 and set(body["links"]) >= {"self", "next", "prev"}
    item = next(i for i in body["items"] if i["lot_number"] == scions.lot_number)
    seasonal = ("updated_at", "in_season", "next_available_from")  # depend on today
    assert {k: v for k, v in item.items() if k not in seasonal} == {
        "lot_number": scions.lot_number, "accenumb": accession.accenumb, "material": "scion",
        "quantity": 120, "reserved": 30, "available": 70, "unit": "piece",
        "distributable": True, "available_from": "12-01", "available_to": "02-28"}
    assert item["updated_at"].endswith("+00:00") or item["updated_at"].endswith("Z")
    assert isinstance(item["in_season"], bool) and "next_available_from" in item
    pollen = next(i for i in body["items"] if i["material"] == "pollen")
    assert (pollen["quantity"], pollen["unit"]) == (2.5, "g")


def test_lot_filters(client, make_lot, make_accession):
    accession = make_accession()
    good = make_lot(accession, quantity=5, distributable=True)
    make_lot(accession, quantity=5, distributable=False)
    make_lot(accession, quantity=5, critical=5, distributable=True)
    make_lot(accession, material="seedling", quantity=5, distributable=True)
    url = f"/api/v1/lots?accenumb={accession.accenumb}"
    assert client.get(url).json["total"] == 4
    assert client.get(url + "&material=seedling").json["total"] == 1
    available = client.get(url + "&available=true&material=scion").json["items"]
    assert [i["lot_number"] for i in available] == [good.lot_number]
    bad = client.get(url + "&material=leaves")
    assert bad.status_code == 400 and bad.json["errors"][0]["field"] == "material"


def test_lot_detail_with_its_ledger(client, make_lot):
    lot = make_lot(quantity=10)
    ledger.record(lot, "loss", actor="a", on_hand=-to_milli(2), note="mice")
    db.session.commit()
    body = client.get(f"/api/v1/lots/{lot.lot_number}").json
    assert body["quantity"] == 8 and body["critical"] == 0
    assert [(e["kind"], e["quantity"], e["reserved"], e["note"]) for e in body["ledger"]] == [
        ("adjust", 10, 0, None), ("loss", -2, 0, "mice")]
    assert_not_found(client.get("/api/v1/lots/NO-SUCH-LOT"))


def test_restricted_accessions_lots_and_plants_only_for_those_who_may_see_them(
        client, cli, make_lot, make_accession):
    secret = make_accession(restricted=True)
    lot = make_lot(secret, quantity=3)
    plants.plant(secret.id, plants.PlantFields("R", "1", "1"))
    db.session.commit()
    staff = bearer(cli, "staff")
    researcher = bearer(cli, "researcher")
    for headers in ({}, researcher):
        assert client.get(f"/api/v1/lots?accenumb={secret.accenumb}",
                          headers=headers).json["total"] == 0
        assert_not_found(client.get(f"/api/v1/lots/{lot.lot_number}", headers=headers))
        assert client.get(f"/api/v1/plants?accenumb={secret.accenumb}",
                          headers=headers).json["total"] == 0
    assert client.get(f"/api/v1/lots?accenumb={secret.accenumb}",
                      headers=staff).json["total"] == 1
    assert client.get(f"/api/v1/lots/{lot.lot_number}", headers=staff).status_code == 200
    assert client.get(f"/api/v1/plants?accenumb={secret.accenumb}",
                      headers=staff).json["total"] == 1


def test_plant_list(client, make_accession):
    accession, stock = make_accession(), make_accession()
    tree = plants.plant(accession.id, plants.PlantFields(
        "A", "2", "7", planted_on=date(2019, 3, 15), rootstock_accession_id=stock.id))
    plants.add_health_test(tree, "PPV", "RT-PCR", "negative", date(2026, 5, 2))
    gone = plants.plant(accession.id, plants.PlantFields("A", "2", "8", rootstock_text="毛桃"))
    plants.remove(gone, "canker", date(2026, 1, 5))
    db.session.commit()
    items = client.get(f"/api/v1/plants?accenumb={accession.accenumb}").json["items"]
    assert [(i["block"], i["row"], i["position"], i["status"], i["rootstock"]) for i in items] == [
        ("A", "2", "7", "living", stock.accenumb), ("A", "2", "8", "removed", "毛桃")]
    assert items[0]["planted_on"] == "2019-03-15"
    assert items[0]["health_tests"] == [{"pathogen": "PPV", "method": "RT-PCR",
                                         "result": "negative", "tested_on": "2026-05-02"}]
    living = client.get(f"/api/v1/plants?accenumb={accession.accenumb}&status=living").json
    assert living["total"] == 1


def test_lots_and_plants_in_the_change_feed(client, cli, make_lot, make_accession):
    start = latest_cursor()
    public, secret = make_accession(), make_accession(restricted=True)
    lot = make_lot(public, quantity=4)
    hidden = make_lot(secret, quantity=4)
    tree = plants.plant(public.id, plants.PlantFields("F", "1", "1"))
    db.session.commit()

    def seen(headers=None):
        changes = client.get(f"/api/v1/changes?after={start}&limit=100",
                             headers=headers or {}).json["changes"]
        return {(c["entity"], c["id"], c["op"]) for c in changes if c["entity"] in ("lot",
                                                                                  "plant")}

    assert seen() == {("lot", lot.lot_number, "upsert"), ("plant", tree.id, "upsert")}
    assert ("lot", hidden.lot_number, "upsert") in seen(bearer(cli, "staff"))
    after = latest_cursor()
    ledger.record(lot, "loss", actor="a", on_hand=-to_milli(1))
    db.session.commit()
    changes = client.get(f"/api/v1/changes?after={after}").json["changes"]
    assert [(c["entity"], c["id"]) for c in changes] == [("lot", lot.lot_number)]


def test_a_partner_sees_its_own_institutes_restricted_lots_and_trees(client, cli, make_lot,
                                                                     make_accession):
    from germplasm.accounts.services import create_user

    own = make_accession(instcode="CHN111", restricted=True)
    other = make_accession(instcode="CHN222", restricted=True)
    for accession in (own, other):
        make_lot(accession, quantity=2)
        plants.plant(accession.id, plants.PlantFields("P", str(accession.id), "1"))
    create_user("partner-a", "partner", "orchard-2026", instcode="CHN111")
    db.session.commit()
    token = cli("tokens", "create", "partner-a").output.strip().splitlines()[-1]
    headers = {"Authorization": f"Bearer {token}"}
    lots_seen = {i["accenumb"] for i in client.get("/api/v1/lots?per_page=100",
                                                    headers=headers).json["items"]}
    plants_seen = {i["accenumb"] for i in client.get("/api/v1/plants?per_page=100",
                                                      headers=headers).json["items"]}
    assert own.accenumb in lots_seen and other.accenumb not in lots_seen
    assert own.accenumb in plants_seen and other.accenumb not in plants_seen
