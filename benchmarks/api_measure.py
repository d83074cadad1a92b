"""What benchmarks/api.py times on node A: the detail endpoint, over HTTP and through the
Flask test client, and a partner's full sync through the change feed."""
from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests
from api_setup import bearer
from web import search_bench  # benchmarks/search.py
from web_http import fetch

WARM_UP = 20
DETAIL = "/api/v1/accessions/{}"


def detail_http(port: int, token: str, ids: list[int], count: int, seed: int) -> list[float]:
    """Total ms of GET /api/v1/accessions/{id} for `count` random accessions, one at a time,
    a new connection each (as benchmarks/web.py times pages), after WARM_UP others."""
    rng, headers = random.Random(seed), bearer(token)
    for number in rng.sample(ids, min(WARM_UP, len(ids))):
        _check(fetch(port, DETAIL.format(number), headers=headers), number)
    samples = []
    for number in rng.choices(ids, k=count):
        fetched = fetch(port, DETAIL.format(number), headers=headers)
        _check(fetched, number)
        samples.append(fetched.total_ms)
    return samples


def _check(fetched, number: int) -> None:
    if fetched.status != 200:
        raise RuntimeError(f"accession {number}: HTTP {fetched.status} {fetched.body[:300]!r}")


def detail_test_client(url: str, index_dir: str, token: str, ids: list[int], count: int,
                       seed: int) -> list[float]:
    """The same requests through the Flask test client in a fresh process: the app's own
    time, without HTTP, gunicorn or the client's connection."""
    app = search_bench.make_app(url, index_dir)
    client, rng, headers = app.test_client(), random.Random(seed), bearer(token)
    for number in rng.sample(ids, min(WARM_UP, len(ids))):
        client.get(DETAIL.format(number), headers=headers)
    samples = []
    for number in rng.choices(ids, k=count):
        start = time.perf_counter()
        response = client.get(DETAIL.format(number), headers=headers)
        samples.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"accession {number}: {response.status_code}")
    return samples


@dataclass
class Sync:
    seconds: float = 0.0
    pages: int = 0
    changes: int = 0
    page_ms: list[float] = field(default_factory=list)
    detail_ms: list[float] = field(default_factory=list)
    records: dict[int, dict] = field(default_factory=dict)
    cursor: int = 0

    @property
    def per_second(self) -> float:
        return len(self.records) / self.seconds if self.seconds else float("nan")


class _Client:
    """One keep-alive session per thread, as a partner's `requests` script would have."""

    def __init__(self, port: int, token: str):
        self.base, self.headers = f"http://127.0.0.1:{port}", bearer(token)
        self.local, self.lock = threading.local(), threading.Lock()

    def get(self, path: str, times: list[float]) -> requests.Response:
        session = getattr(self.local, "session", None)
        if session is None:
            session = self.local.session = requests.Session()
            session.headers.update(self.headers)
        start = time.perf_counter()
        response = session.get(self.base + path, timeout=120)
        with self.lock:
            times.append((time.perf_counter() - start) * 1000)
        return response


def full_sync(port: int, token: str, threads: int, limit: int) -> Sync:
    """From cursor 0 until caught up: each page of the feed, then the detail of every
    accession upserted in it (once per page, `threads` at a time); deletes drop records."""
    client, sync = _Client(port, token), Sync()
    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        while True:
            response = client.get(f"/api/v1/changes?after={sync.cursor}&limit={limit}",
                                  sync.page_ms)
            response.raise_for_status()
            page = response.json()
            sync.pages, sync.changes = sync.pages + 1, sync.changes + len(page["changes"])
            ops = {c["id"]: c["op"] for c in page["changes"] if c["entity"] == "accession"}
            upserts = [i for i, op in ops.items() if op == "upsert"]
            for number, record in zip(upserts, pool.map(
                    lambda i: _detail(client, sync, i), upserts), strict=True):
                sync.records[number] = record
            for number in [i for i, op in ops.items() if op == "delete"]:
                sync.records.pop(number, None)
            caught_up = len(page["changes"]) < limit or page["next"] == sync.cursor
            sync.cursor = page["next"]
            if caught_up:
                break
    sync.seconds = time.perf_counter() - start
    sync.records = {k: v for k, v in sync.records.items() if v is not None}
    return sync


def _detail(client: _Client, sync: Sync, number: int) -> dict | None:
    response = client.get(DETAIL.format(number), sync.detail_ms)
    if response.status_code == 404:  # deleted since the feed said upsert: a later delete
        return None
    response.raise_for_status()
    return response.json()
