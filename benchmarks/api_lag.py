"""How long a change takes to reach the other node's search (benchmarks/api.py).

A writer process (this one, spawned fresh) edits an accession's passport as the admin does
(`update_passport`: its names gain a new unique word) and commits; from the moment the commit
returns, node B's `GET /api/v1/accessions?q=<word>` is asked every POLL_S until the accession
is among the results. The writer does not index anything itself (its index does not follow
the feed), so node B learns of the change only from the feed, as it would from another node."""
from __future__ import annotations

import json
import random
import string
import time

from api_setup import RATE
from web_http import fetch

from germplasm import create_app
from germplasm.accessions.models import Accession
from germplasm.accessions.services import update_passport
from germplasm.extensions import db
from search.sync import commit

POLL_S, GIVE_UP_S = 0.05, 60.0


def unique_word(rng: random.Random) -> str:
    """Latin letters only: one token, not a Chinese or pinyin form of anything."""
    return "zq" + "".join(rng.choice(string.ascii_lowercase) for _ in range(10))


def feed_lag(url: str, index_dir: str, port: int, ids: list[int], count: int,
             seed: int) -> list[dict]:
    """One row per change: seconds from commit until found on node B, and polls made."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "GERMPLASM_INDEX_DIR": index_dir,
                      "GERMPLASM_INDEX_FOLLOWS_FEED": False, "GERMPLASM_API_RATE": RATE})
    rng, rows = random.Random(seed), []
    with app.app_context():
        for number in rng.sample(ids, count):
            word = unique_word(rng)
            accession = db.session.get(Accession, number)
            names = [n.name for n in accession.names] + [word]
            update_passport(accession, {"ACCENAME": ";".join(names)}, user="apibench",
                            source="benchmark")
            commit()
            rows.append({"id": number, **_wait_for(port, word, number)})
            db.session.remove()
            time.sleep(rng.uniform(0.1, 0.3))  # changes apart, as a curator's would be
    return rows


def _wait_for(port: int, word: str, number: int) -> dict:
    """Poll node B from the commit on; the lag ends when the answer naming it is read."""
    start, polls = time.perf_counter(), 0
    while True:
        polls += 1
        fetched = fetch(port, f"/api/v1/accessions?q={word}")
        now = time.perf_counter() - start
        if fetched.status != 200:
            raise RuntimeError(f"node B: HTTP {fetched.status} {fetched.body[:300]!r}")
        if any(item["id"] == number for item in json.loads(fetched.body)["items"]):
            return {"lag_s": now, "polls": polls, "last_ms": fetched.total_ms}
        if now > GIVE_UP_S:
            return {"lag_s": float("inf"), "polls": polls, "last_ms": fetched.total_ms}
        time.sleep(max(0.0, polls * POLL_S - now))
