"""Material requests under load: allocations per second on PostgreSQL with 4 gunicorn workers
and 32 concurrent curator clients against 10 hot lots, and the p95 of the request and lot
pages with twenty years of requests.

Prepares its own PostgreSQL database (`bench_distribution`, dropped and created again; server
from GERMPLASM_BENCH_POSTGRES_URL, default postgres@127.0.0.1:5432) with the demo catalogue
(and its five years of requests), --hot lots of --stock scions, a requester's and a curator's
write tokens; the requester submits --per-client requests for each of --clients clients (one
item of --each scions from a hot lot, round robin) and the curator moves them to in_review.
Then all clients are released at once by a barrier, each allocating its requests one after
the other; answers other than 201 and 409 are errors. Afterwards the stock must be exact: each
hot lot's reserved quantity equals the sum of its allocations, never more than it may give
(on hand less critical), and `germplasm lots check` agrees.

Then --years of requests are added in bulk (benchmarks/distribution_data.py) and one client
reads, --samples times each: GET /api/v1/requests, GET /api/v1/requests/{id} (random ids),
GET /api/v1/lots/{lot_number} (random lots), and the web pages /requests and /requests/{id}
when the application has them (signed in as the curator). Writes the section "distribution"
of docs/benchmarks.md.

    PYTHONPATH=. .venv/bin/python benchmarks/distribution.py
    PYTHONPATH=. .venv/bin/python benchmarks/distribution.py --per-client 5 --samples 50
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from distribution_data import ROOT, germplasm, prepare, twenty_years
from report import git_state, machine_description, percentile, utc_now, write_section
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from web_http import gunicorn

SERVER = os.environ.get("GERMPLASM_BENCH_POSTGRES_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
DATABASE = "bench_distribution"


def fresh_database() -> str:
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{DATABASE}"'))
    admin.dispose()
    return make_url(SERVER).set(database=DATABASE).render_as_string(hide_password=False)


def premade(base: str, tokens: dict, args) -> list[list[tuple[int, int, str]]]:
    """Per client: (request id, item id, hot lot) of requests waiting in review."""
    asker = {"Authorization": f"Bearer {tokens['bench.asker']}"}
    keeper = {"Authorization": f"Bearer {tokens['bench.keeper']}"}

    def one(index: int) -> tuple[int, int, str]:
        number = index % args.hot + 1
        made = requests.post(f"{base}/api/v1/requests", headers=asker, timeout=60, json={
            "intended_use": "breeding", "mta_accepted": True,
            "recipient": {"name": "王", "institution": "重庆市农业科学院", "kind": "research",
                          "address": "重庆市九龙坡区", "country": "CHN",
                          "email": "w@example.org", "province": "重庆"},
            "items": [{"accenumb": f"WSL{number:05d}", "material": "scion",
                       "quantity": args.each}]})
        made.raise_for_status()
        moved = requests.post(f"{base}/api/v1/requests/{made.json()['id']}/transitions",
                              headers=keeper, json={"to": "in_review"}, timeout=60)
        moved.raise_for_status()
        return made.json()["id"], made.json()["items"][0]["id"], f"HOT-{number:02d}"

    with ThreadPoolExecutor(8) as pool:
        flat = list(pool.map(one, range(args.clients * args.per_client)))
    return [flat[i::args.clients] for i in range(args.clients)]


def race(base: str, token: str, work: list, each: int) -> tuple[float, list]:
    """All clients at once; (seconds, [(status, lot, ms)])."""
    keeper = {"Authorization": f"Bearer {token}"}
    barrier = threading.Barrier(len(work) + 1)
    answers: list = []
    lock = threading.Lock()

    def client(mine: list) -> None:
        with requests.Session() as web:
            barrier.wait(timeout=120)
            for request_id, item_id, lot in mine:
                start = time.perf_counter()
                try:
                    status = web.post(f"{base}/api/v1/requests/{request_id}/allocations",
                                      headers=keeper, timeout=120,
                                      json={"item": item_id, "lot": lot, "quantity": each}
                                      ).status_code
                except requests.RequestException as problem:
                    status = type(problem).__name__
                with lock:
                    answers.append((status, lot, (time.perf_counter() - start) * 1000))

    threads = [threading.Thread(target=client, args=(mine,)) for mine in work]
    for thread in threads:
        thread.start()
    barrier.wait(timeout=120)
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, answers


def stock_checks(url: str, env: dict, answers: list, each: int) -> list[str]:
    """Problems found (none: the stock is exact)."""
    problems = []
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT l.lot_number, l.on_hand_milli, l.reserved_milli, l.critical_milli, "
            "coalesce((SELECT sum(a.quantity_milli) FROM request_allocations a "
            "WHERE a.lot_id = l.id AND a.status = 'reserved'), 0) "
            "FROM lots l WHERE l.lot_number LIKE 'HOT-%' ORDER BY l.lot_number")).all()
    engine.dispose()
    for number, on_hand, reserved, critical, allocated in rows:
        granted = sum(1 for status, lot, _ in answers if status == 201 and lot == number)
        if reserved != allocated or reserved != granted * each * 1000:
            problems.append(f"{number}: reserved {reserved / 1000}, allocations "
                            f"{allocated / 1000}, 201 answers x {each} = {granted * each}")
        if reserved > on_hand - critical:
            problems.append(f"{number}: reserved {reserved / 1000} of {on_hand / 1000}")
    checked = germplasm(env, "lots", "check")
    if "every lot agrees" not in checked:
        problems.append(f"germplasm lots check: {checked.strip()}")
    return problems


def signed_in(base: str) -> requests.Session | None:
    """A web session of the curator, or None when the app has no /requests page."""
    web = requests.Session()
    page = web.get(f"{base}/login", timeout=60)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text)
    answer = web.post(f"{base}/login", timeout=60, allow_redirects=False, data={
        "csrf_token": token.group(1) if token else "", "username": "bench.keeper",
        "password": "orchard-2026"})
    if answer.status_code != 302 or web.get(f"{base}/requests", timeout=60).status_code != 200:
        return None
    return web


def timings(base: str, token: str, url: str, samples: int) -> dict[str, list[float]]:
    keeper = {"Authorization": f"Bearer {token}"}
    rng = random.Random(7)
    engine = create_engine(url)
    with engine.connect() as connection:
        ids = connection.scalars(text("SELECT id FROM material_requests")).all()
        lots = connection.scalars(text("SELECT lot_number FROM lots")).all()
    engine.dispose()
    api = requests.Session()
    targets = {"GET /api/v1/requests": lambda: (api, "/api/v1/requests"),
               "GET /api/v1/requests/{id}": lambda: (api, f"/api/v1/requests/{rng.choice(ids)}"),
               "GET /api/v1/lots/{lot_number}": lambda: (api,
                                                         f"/api/v1/lots/{rng.choice(lots)}")}
    web = signed_in(base)
    if web is not None:
        targets["GET /requests (page)"] = lambda: (web, "/requests")
        targets["GET /requests/{id} (page)"] = lambda: (web, f"/requests/{rng.choice(ids)}")
    found: dict[str, list[float]] = {}
    for name, target in targets.items():
        found[name] = []
        for _ in range(samples):
            session, path = target()
            start = time.perf_counter()
            answer = session.get(base + path, headers=keeper if session is api else {},
                                 timeout=60)
            found[name].append((time.perf_counter() - start) * 1000)
            if answer.status_code != 200:
                raise RuntimeError(f"{path}: {answer.status_code}")
    return found


def section(args, seconds: float, answers: list, problems: list, total: int,
            found: dict, load: str) -> str:
    statuses = {}
    for status, _, _ in answers:
        statuses[status] = statuses.get(status, 0) + 1
    errors = sum(n for status, n in statuses.items() if status not in (201, 409))
    lines = [
        "## Material requests: allocations under concurrency, request and lot pages",
        "", f"Measured {utc_now()} on code {git_state()} by `benchmarks/distribution.py`:",
        "", machine_description(SERVER), f"- 1-minute load average before the run: {load}",
        "", f"PostgreSQL, gunicorn with {args.workers} workers, {args.clients} concurrent "
        f"curator clients, {args.hot} hot lots of {args.stock} scions, "
        f"{args.clients * args.per_client} requests waiting in review, each allocating "
        f"{args.each} scions:", "",
        "| allocations | seconds | allocations/s | 201 | 409 | other | p50 ms | p95 ms "
        "| stock exact |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {len(answers)} | {seconds:.2f} | {len(answers) / seconds:.0f} | "
        f"{statuses.get(201, 0)} | {statuses.get(409, 0)} | {errors} | "
        f"{percentile([ms for *_, ms in answers], 50):.0f} | "
        f"{percentile([ms for *_, ms in answers], 95):.0f} | "
        f"{'yes' if not problems else '**NO**'} |", ""]
    lines += [f"- {problem}" for problem in problems]
    lines += ["", f"With {total} requests ({args.years} years of bulk-written requests and the "
              f"demo's five years made through the services), one client, {args.samples} "
              "requests each:", "", "| request | p50 ms | p95 ms |", "|---|---|---|"]
    lines += [f"| {name} | {percentile(ms, 50):.0f} | {percentile(ms, 95):.0f} |"
              for name, ms in found.items()]
    if not any("(page)" in name for name in found):
        lines += ["", "The request web pages (/requests) did not exist when this ran; only "
                  "the API was measured."]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--hot", type=int, default=10)
    parser.add_argument("--stock", type=int, default=120)
    parser.add_argument("--each", type=int, default=2)
    parser.add_argument("--per-client", type=int, default=25)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--accessions", type=int, default=1000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--per-year", type=int, default=200)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--no-write", action="store_true", help="Print, do not write the docs.")
    args = parser.parse_args()
    load = f"{os.getloadavg()[0]:.1f}"
    url = fresh_database()
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {"GERMPLASM_DATABASE_URL": url, "PYTHONPATH": str(ROOT),
                            "GERMPLASM_INDEX_DIR": f"{folder}/index",
                            "GERMPLASM_API_RATE": "1000000 per minute"}
        print("preparing the database ...", flush=True)
        tokens = prepare(env, Path(folder), args.accessions, args.hot, args.stock)
        with gunicorn(url, f"{folder}/index", Path(folder) / "server.log", args.workers,
                      env={"PYTHONPATH": str(ROOT), "GERMPLASM_API_RATE": "1000000 per minute"}
                      ) as port:
            base = f"http://127.0.0.1:{port}"
            work = premade(base, tokens, args)
            print(f"racing {args.clients} clients ...", flush=True)
            seconds, answers = race(base, tokens["bench.keeper"], work, args.each)
            problems = stock_checks(url, env, answers, args.each)
            total = twenty_years(url, 2026 - args.years + 1, 2026, args.per_year)
            print(f"{total} requests; timing pages ...", flush=True)
            found = timings(base, tokens["bench.keeper"], url, args.samples)
    markdown = section(args, seconds, answers, problems, total, found, load)
    print(markdown)
    if not args.no_write:
        write_section("distribution", markdown)
    bad = problems or any(status not in (201, 409) for status, _, _ in answers)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
