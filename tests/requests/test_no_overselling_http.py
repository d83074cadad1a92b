"""Many curators' allocations against one hot lot at the same moment, over HTTP to a gunicorn
server with four worker processes, each client released by one barrier: exactly the stock
that may be distributed (on hand less the critical quantity) is reserved, every other answer
is 409, and the ledger agrees. On PostgreSQL this is real concurrency (the conditional
update is re-checked on the committed row); on SQLite one writer goes at a time."""
import threading

import pytest
import requests

from tests.processes import germplasm
from tests.requests.live import Server, setup_hot_lot, write_token

pytestmark = pytest.mark.no_db
CLIENTS, EACH, STOCK, CRITICAL = 24, 3, 50, 2  # 16 fit: (50 - 2) // 3


def _requests_in_review(base: str, asker: dict, keeper: dict) -> list[tuple[int, int]]:
    made = []
    for _ in range(CLIENTS):
        answer = requests.post(f"{base}/api/v1/requests", headers=asker, timeout=30, json={
            "intended_use": "breeding", "mta_accepted": True,
            "recipient": {"name": "王", "institution": "重庆市农业科学院", "kind": "research",
                          "address": "重庆市九龙坡区", "country": "CHN", "email": "w@cq.cn"},
            "items": [{"accenumb": "HOT1", "material": "scion", "quantity": EACH}]})
        assert answer.status_code == 201, answer.text
        moved = requests.post(f"{base}/api/v1/requests/{answer.json()['id']}/transitions",
                              headers=keeper, json={"to": "in_review"}, timeout=30)
        assert moved.status_code == 200, moved.text
        made.append((answer.json()["id"], answer.json()["items"][0]["id"]))
    return made


def _race(base: str, keeper: dict, made, outcomes: list) -> None:
    barrier = threading.Barrier(len(made))

    def allocate(request_id: int, item_id: int) -> None:
        with requests.Session() as web:
            barrier.wait(timeout=60)
            answer = web.post(f"{base}/api/v1/requests/{request_id}/allocations",
                              headers=keeper, timeout=60,
                              json={"item": item_id, "lot": "HOT-SCION", "quantity": EACH})
            outcomes.append(answer.status_code)

    threads = [threading.Thread(target=allocate, args=pair) for pair in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def test_concurrent_allocations_never_reserve_more_than_may_be_given(fresh_db, tmp_path):
    setup_hot_lot(fresh_db, tmp_path, STOCK)
    asker = {"Authorization": f"Bearer {write_token(fresh_db, 'asker', 'researcher')}"}
    keeper = {"Authorization": f"Bearer {write_token(fresh_db, 'keeper', 'curator')}"}
    server = Server(fresh_db, tmp_path)
    try:
        made = _requests_in_review(server.base, asker, keeper)
        outcomes: list[int] = []
        _race(server.base, keeper, made, outcomes)
        lot = requests.get(f"{server.base}/api/v1/lots/HOT-SCION", headers=keeper,
                           timeout=30).json()
        waiting = requests.get(f"{server.base}/api/v1/requests?status=in_review",
                               headers=keeper, timeout=30).json()["total"]
    finally:
        server.stop()
    fit = (STOCK - CRITICAL) // EACH
    assert len(outcomes) == CLIENTS and set(outcomes) <= {201, 409}, outcomes
    assert outcomes.count(201) == fit, outcomes
    assert lot["reserved"] == fit * EACH and lot["quantity"] == STOCK
    assert [e["kind"] for e in lot["ledger"]].count("reserve") == fit
    checked = germplasm(fresh_db, "lots", "check")
    assert "every lot agrees" in checked.stdout
    assert waiting == CLIENTS
