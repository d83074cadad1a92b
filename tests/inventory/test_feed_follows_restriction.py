"""An accession made restricted takes its lots, trees, observations and trait summaries out
of the public feed (a delete for each), and brings them back (an upsert for each) when it is
public again; staff see upserts throughout. Read over HTTP as anonymous and as staff."""
from germplasm.accessions.services import update_passport
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.models import Observation
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from germplasm.feed.outbox import latest_cursor
from germplasm.inventory import lots, plants
from tests.sharing.api_callers import bearer


def feed(client, after, headers=None):
    answer = client.get(f"/api/v1/changes?after={after}&limit=1000", headers=headers or {})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return {(c["entity"], str(c["id"]), c["op"]) for c in answer.json["changes"]}


def observed(accession):
    campaign, _ = campaigns.get_or_create("2026 restriction feed", 2026)
    ssc = descriptors_by_code(["SSC"])[0]
    record(campaign, [NewObservation(accession.id, ssc, ValueParser(ssc).parse("13.5", 2026))],
           user="tests", source="test")
    return db.session.scalars(db.select(Observation).where(
        Observation.accession_id == accession.id)).one()


def test_restriction_turns_the_accessions_records_into_public_deletes_and_back(
        client, cli, make_accession, make_lot):
    accession, neighbour = make_accession(), make_accession()
    lot = make_lot(accession, quantity=5)
    tree = plants.plant(accession.id, plants.PlantFields("T", "1", "1"))
    observation = observed(accession)
    make_lot(neighbour, quantity=2)
    db.session.commit()
    staff = bearer(cli, "staff")
    records = {("lot", lot.lot_number), ("plant", str(tree.id)),
               ("observation", str(observation.id))}

    start = latest_cursor()
    update_passport(accession, {"RESTRICTED": "Y"}, user="tests", source="test")
    db.session.commit()
    public = feed(client, start)
    assert {(e, i) for e, i, op in public if op == "delete"} >= records | {
        ("accession", str(accession.id))}
    assert not {r for r in public if r[2] == "upsert"}
    assert any(e == "summary" and op == "delete" for e, _, op in public)
    assert {(e, i, "upsert") for e, i in records} <= feed(client, start, staff)
    assert not {r for r in feed(client, start, staff) if r[2] == "delete"}
    assert not {r for r in public if r[1].startswith(str(neighbour.id) + ":")}

    quiet = latest_cursor()  # while restricted, its changes stay out of the public feed
    make_lot(accession, quantity=1)
    update_passport(accession, {"REMARKS": "still restricted"}, user="tests", source="test")
    db.session.commit()
    assert feed(client, quiet) == set()

    again = latest_cursor()
    update_passport(accession, {"RESTRICTED": ""}, user="tests", source="test")
    db.session.commit()
    back = feed(client, again)
    assert {(e, i, "upsert") for e, i in records} <= back
    assert ("accession", str(accession.id), "upsert") in back
    assert not {r for r in back if r[2] == "delete"}
    listed = client.get(f"/api/v1/lots?accenumb={accession.accenumb}").json["total"]
    assert listed == 2


def test_a_lot_changed_while_the_accession_turns_keeps_its_own_row(client, make_accession,
                                                                   make_lot):
    accession = make_accession()
    lot = make_lot(accession, quantity=5)
    start = latest_cursor()
    update_passport(accession, {"RESTRICTED": "Y"}, user="tests", source="test")
    lots.count_to(lot, 4, actor="tests", note="recount")
    db.session.commit()
    rows = [c for c in client.get(f"/api/v1/changes?after={start}").json["changes"]
            if c["entity"] == "lot"]
    assert [(c["id"], c["op"]) for c in rows] == [(lot.lot_number, "delete")]
