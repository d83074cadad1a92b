"""GET /api/v1/changes over HTTP: the contract, who sees what, and a partner's sync loop that
ends with exactly the accessions the partner may see, deletions included."""
from germplasm.accessions.services import get_by_number, update_passport
from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.feed.outbox import latest_cursor
from search.state import mark_changed


def _token(cli, username: str, role: str) -> dict:
    create_user(username, role, "orchard-2026")
    db.session.commit()
    result = cli("tokens", "create", username)
    return {"Authorization": f"Bearer {result.output.strip().splitlines()[-1]}"}


def _poll(client, after: int, headers=None, limit: int = 7) -> tuple[list[dict], int]:
    changes = []
    while True:
        answer = client.get(f"/api/v1/changes?after={after}&limit={limit}", headers=headers or {})
        assert answer.status_code == 200, answer.get_data(as_text=True)
        body = answer.json
        changes += body["changes"]
        if body["next"] == after:
            return changes, after
        after = body["next"]


def _sync(client, mirror: dict, after: int, headers=None) -> int:
    """What a partner's script does: apply the feed, fetch each accession that changed."""
    changes, after = _poll(client, after, headers)
    for change in changes:
        if change["entity"] != "accession":
            continue
        if change["op"] == "delete":
            mirror.pop(change["id"], None)
            continue
        record = client.get(f"/api/v1/accessions?accenumb={_number(change['id'])}",
                            headers=headers or {}).json["items"]
        mirror[change["id"]] = record[0]["accenumb"]
    return after


def _number(accession_id: int) -> str:
    from germplasm.accessions.models import Accession

    return db.session.get(Accession, accession_id).accenumb


def _visible(client, headers=None) -> dict:
    items = client.get("/api/v1/accessions?per_page=100", headers=headers or {}).json["items"]
    return {item["id"]: item["accenumb"] for item in items}


def test_the_answer_has_the_documented_shape(client, make_accession):
    start = latest_cursor()
    accession = make_accession()
    body = client.get(f"/api/v1/changes?after={start}").json
    assert body["next"] > start and body["changes"] == [
        {"cursor": body["next"], "entity": "accession", "id": accession.id, "op": "upsert",
         "at": body["changes"][0]["at"]}]
    assert body["changes"][0]["at"].startswith("20")
    for bad in ("after=-1", "after=x", "limit=0", "limit=1001"):
        answer = client.get(f"/api/v1/changes?{bad}")
        assert answer.status_code == 400 and answer.json["errors"][0]["field"] in bad


def test_a_partner_sync_ends_with_exactly_our_data(client, cli, catalogue):
    staff = _token(cli, "sync.staff", "staff")
    public_mirror, staff_mirror = {}, {}
    cursor = _sync(client, public_mirror, 0)
    staff_cursor = _sync(client, staff_mirror, 0, staff)
    assert public_mirror == _visible(client) and staff_mirror == _visible(client, staff)
    assert "S006" in staff_mirror.values() and "S006" not in public_mirror.values()
    update_passport(get_by_number("S002"), {"RESTRICTED": "Y"}, user="t", source="test")
    update_passport(get_by_number("S006"), {"REMARKS": "still restricted"}, user="t",
                    source="test")
    gone = get_by_number("S007")
    db.session.delete(gone)
    mark_changed([gone.id])
    db.session.commit()
    cursor = _sync(client, public_mirror, cursor)
    staff_cursor = _sync(client, staff_mirror, staff_cursor, staff)
    assert public_mirror == _visible(client) and staff_mirror == _visible(client, staff)
    assert "S002" not in public_mirror.values() and "S002" in staff_mirror.values()
    assert "S007" not in staff_mirror.values()


def test_restricted_changes_are_not_shown_to_the_public(client, make_accession):
    start = latest_cursor()
    secret = make_accession(restricted="Y", accename="秘密李")
    update_passport(secret, {"REMARKS": "x"}, user="t", source="test")
    db.session.commit()
    changes, cursor = _poll(client, start)
    assert changes == [] and cursor == latest_cursor()


def test_the_feed_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert "/api/v1/changes" in paths
    parameters = {p["name"] for p in paths["/api/v1/changes"]["get"]["parameters"]}
    assert {"after", "limit"} <= parameters
