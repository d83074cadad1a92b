"""The state table over HTTP: every move it allows works, every other one is 409, the
requester may only cancel, and cancelling or rejecting gives every reservation back."""
import pytest

from germplasm.extensions import db
from germplasm.requests.models import MaterialRequest
from germplasm.requests.states import BY_EVENT, STATES, TRANSITIONS
from tests.requests.conftest import move


def _force(request_id: int, state: str) -> None:
    db.session.get(MaterialRequest, request_id).status = state
    db.session.commit()


def _try(client, tokens, request_id, target, who="keeper"):
    return client.post(f"/api/v1/requests/{request_id}/transitions", headers=tokens[who],
                       json={"to": target})


@pytest.mark.parametrize("source", STATES)
def test_every_move_the_table_forbids_is_409(client, tokens, submitted, source):
    made, _lot = submitted()
    for target in STATES:
        _force(made["id"], source)
        answer = _try(client, tokens, made["id"], target)
        if target in TRANSITIONS[source] and target not in BY_EVENT:
            assert answer.status_code == 200, (source, target, answer.json)
            assert answer.json["status"] == target
            assert answer.json["transitions"][-1]["from"] == source
        else:
            assert answer.status_code == 409, (source, target, answer.json)
            assert answer.json["errors"][0]["field"] == "to"
            assert db.session.get(MaterialRequest, made["id"]).status == source


def test_an_unknown_state_is_409_too(client, tokens, submitted):
    made, _lot = submitted()
    answer = _try(client, tokens, made["id"], "teleported")
    assert answer.status_code == 409 and "teleported" in answer.json["message"]


def test_the_requester_may_only_cancel(client, tokens, submitted):
    made, _lot = submitted()
    for target in ("in_review", "approved", "rejected"):
        answer = _try(client, tokens, made["id"], target, who="asker")
        assert answer.status_code == 403, answer.json
    answer = _try(client, tokens, made["id"], "cancelled", who="asker")
    assert answer.status_code == 200 and answer.json["status"] == "cancelled"
    assert answer.json["transitions"][-1]["actor"] == "asker"
    assert _try(client, tokens, made["id"], "in_review").status_code == 409


def test_someone_elses_request_cannot_be_moved(client, tokens, submitted):
    made, _lot = submitted()
    assert _try(client, tokens, made["id"], "cancelled", who="other").status_code == 404


def test_every_move_is_recorded_with_who_when_and_note(client, tokens, submitted):
    made, _lot = submitted()
    answer = move(client, tokens, made["id"], "in_review", "on_hold", "in_review", "approved")
    history = answer.json["transitions"]
    assert [(h["from"], h["to"]) for h in history] == [
        (None, "submitted"), ("submitted", "in_review"), ("in_review", "on_hold"),
        ("on_hold", "in_review"), ("in_review", "approved")]
    assert all(h["at"] and h["actor"] for h in history)
    assert history[-1]["note"] == "test" and history[-1]["actor"] == "keeper"


@pytest.mark.parametrize("ending", ["cancelled", "rejected"])
def test_ending_a_request_releases_its_reservations(client, tokens, submitted, ending):
    made, lot = submitted(quantity=6)
    move(client, tokens, made["id"], "in_review")
    item = made["items"][0]["id"]
    answer = client.post(f"/api/v1/requests/{made['id']}/allocations", headers=tokens["keeper"],
                         json={"item": item, "lot": lot.lot_number, "quantity": 6})
    assert answer.status_code == 201, answer.json
    db.session.refresh(lot)
    assert lot.reserved_milli == 6000
    move(client, tokens, made["id"], ending)
    db.session.refresh(lot)
    assert lot.reserved_milli == 0 and lot.on_hand_milli == 20000
    shown = client.get(f"/api/v1/requests/{made['id']}", headers=tokens["asker"]).json
    assert shown["items"][0]["allocations"][0]["status"] == "released"
    assert shown["items"][0]["reserved"] == 0
