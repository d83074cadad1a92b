"""What benchmarks/brapi.py times: pages of GET /brapi/v2/germplasm over HTTP and through the
Flask test client (with the SQL statements each page sends), and a harvest of every page."""
from __future__ import annotations

import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field

import requests
from api_setup import bearer
from sqlalchemy import event
from web import search_bench  # benchmarks/search.py
from web_http import fetch

WARM_UP = 5
GERMPLASM = "/brapi/v2/germplasm?page={}&pageSize={}"


@dataclass
class Pages:
    http_ms: list[float] = field(default_factory=list)
    client_ms: list[float] = field(default_factory=list)
    client_cpu_ms: list[float] = field(default_factory=list)  # the process's CPU time
    statements: list[int] = field(default_factory=list)  # SQL statements per page
    kilobytes: float = 0.0  # a full page's body


@dataclass
class Harvest:
    seconds: float = 0.0
    pages: int = 0
    page_ms: list[float] = field(default_factory=list)
    ids: Counter = field(default_factory=Counter)  # germplasmDbId -> times received

    @property
    def per_second(self) -> float:
        return sum(self.ids.values()) / self.seconds if self.seconds else float("nan")


def _checked(body: bytes, page: int, size: int) -> tuple[list[dict], dict]:
    """The page's records and pagination, once they are what was asked for."""
    answer = json.loads(body)
    pagination, data = answer["metadata"]["pagination"], answer["result"]["data"]
    if pagination["currentPage"] != page or len(data) > size:
        raise RuntimeError(f"page {page}: {len(data)} records, pagination {pagination}")
    return data, pagination


def pages_http(port: int, token: str, page_count: int, size: int, count: int,
               seed: int) -> Pages:
    """Total ms of `count` random pages, one at a time, a new connection each (as
    benchmarks/api.py times the detail), after WARM_UP pages."""
    rng, headers, result = random.Random(seed), bearer(token), Pages()
    for number in list(range(page_count))[:WARM_UP]:
        fetch(port, GERMPLASM.format(number, size), headers=headers)
    for number in rng.choices(range(page_count), k=count):
        fetched = fetch(port, GERMPLASM.format(number, size), headers=headers)
        if fetched.status != 200:
            raise RuntimeError(f"page {number}: HTTP {fetched.status} {fetched.body[:300]!r}")
        if len(_checked(fetched.body, number, size)[0]) == size:
            result.kilobytes = len(fetched.body) / 1000
        result.http_ms.append(fetched.total_ms)
    return result


def pages_test_client(url: str, index_dir: str, token: str, page_count: int, size: int,
                      count: int, seed: int) -> tuple[list[float], list[float], list[int]]:
    """The same pages through the Flask test client in a fresh process (the app's own time),
    the CPU time each took (what other work on the machine inflates least), and the SQL
    statements each one sent."""
    app = search_bench.make_app(url, index_dir)
    client, rng, headers = app.test_client(), random.Random(seed), bearer(token)
    statements = [0]
    with app.app_context():
        from germplasm.extensions import db

        event.listen(db.engine, "before_cursor_execute",
                     lambda *_: statements.__setitem__(0, statements[0] + 1))
    for number in list(range(page_count))[:WARM_UP]:
        client.get(GERMPLASM.format(number, size), headers=headers)
    samples, cpu, counts = [], [], []
    for number in rng.choices(range(page_count), k=count):
        statements[0] = 0
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(GERMPLASM.format(number, size), headers=headers)
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        counts.append(statements[0])
        if response.status_code != 200:
            raise RuntimeError(f"page {number}: {response.status_code}")
    return samples, cpu, counts


def harvest(port: int, token: str, size: int) -> Harvest:
    """A harvester's loop: one keep-alive session pages from 0 until totalPages."""
    session, result = requests.Session(), Harvest()
    session.headers.update(bearer(token))
    start, page, total_pages = time.perf_counter(), 0, 1
    while page < total_pages:
        asked = time.perf_counter()
        answer = session.get(f"http://127.0.0.1:{port}" + GERMPLASM.format(page, size),
                             timeout=120)
        answer.raise_for_status()
        result.page_ms.append((time.perf_counter() - asked) * 1000)
        data, pagination = _checked(answer.content, page, size)
        result.ids.update(int(record["germplasmDbId"]) for record in data)
        total_pages = pagination["totalPages"]
        page += 1
    result.seconds, result.pages = time.perf_counter() - start, page
    session.close()
    return result
