"""Benchmark the partner API: accession detail latency, a full sync through the change feed,
and how long a change takes to reach another node's search.

For each engine (PostgreSQL by default; SQLite works too) and size (demo catalogue,
``loaders.demo_catalogue``, seed 0, with its five years of evaluations) it loads a fresh
database, builds node A's search index and copies it for node B, creates a staff user and a
read token for it (`germplasm users create`, `germplasm tokens create`), and starts two
nodes: `gunicorn -w 2 --threads 4 wsgi:app` twice on the one database, each with its own
GERMPLASM_INDEX_DIR. Then:

1. detail: --requests random accessions, `GET /api/v1/accessions/{id}` with the token on
   node A, one at a time, a new connection each, after 20 warm-up requests; and the same
   through the Flask test client in a fresh process (the app's own time);
2. sync: a partner's client (`requests`, keep-alive sessions) polls
   `GET /api/v1/changes?after=CURSOR&limit=1000` on node A from cursor 0 until caught up and
   fetches `GET /api/v1/accessions/{id}` for each accession upserted in a page (--threads at
   a time, once per page); seconds and records per second;
3. lag: a writer process edits --changes accessions' names as the admin does
   (`update_passport`, a new unique word each) and commits; node B's
   `GET /api/v1/accessions?q=<word>` is asked every 50 ms from the commit until it finds
   the accession (benchmarks/api_lag.py).

Targets: detail p95 under 30 ms over HTTP; lag p95 under 2 s. Figures go to
docs/benchmarks.md (section "api").

Run from the repository root:

    .venv/bin/python benchmarks/api.py
    .venv/bin/python benchmarks/api.py --sizes 2000 --changes 10 --no-write

PostgreSQL is reached at $GERMPLASM_BENCH_POSTGRES_URL (default
postgresql+psycopg://postgres@127.0.0.1:5432/test); the role needs CREATEDB.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from api_lag import feed_lag
from api_measure import detail_http, detail_test_client, full_sync
from api_report import Result, section, summary
from api_setup import Catalogue, prepare
from import_mcpd import POSTGRES_URL, fresh_database, in_fresh_process
from load_setup import query, server_problems
from report import LoadMonitor, benchmark_parser, parse_lists, run_served
from web_http import gunicorn

SEED, PAGE_LIMIT = 0, 1000


def run(engine: str, size: int, args, monitor: LoadMonitor) -> Result:
    with tempfile.TemporaryDirectory(prefix="bench_api_") as tmp_name, \
            fresh_database(engine, Path(tmp_name)) as url:
        tmp = Path(tmp_name)
        with monitor.during(f"{engine} {size:,} load"):
            cat = prepare(url, tmp, size)
        result = Result(engine, size, len(cat.ids))
        logs = tmp / "node_a.log", tmp / "node_b.log"
        with gunicorn(url, str(cat.index_a), logs[0], env=cat.env) as port_a, \
                gunicorn(url, str(cat.index_b), logs[1], env=cat.env) as port_b:
            print(f"{engine}, {size:,}: node A on {port_a}, node B on {port_b}", flush=True)
            for part in args.parts:
                with monitor.during(f"{engine} {size:,} {part}"):
                    PARTS[part](result, cat, args, port_a, port_b, tmp)
                print(summary(result, part), flush=True)
        result.server_log = server_problems(logs[0]) + server_problems(logs[1])
    return result


def detail(result: Result, cat: Catalogue, args, port_a: int, port_b: int, tmp: Path) -> None:
    result.detail_ms = detail_http(port_a, cat.token, cat.ids, args.requests, SEED)
    result.client_ms = in_fresh_process(detail_test_client, cat.url, str(cat.index_a),
                                        cat.token, cat.ids, args.requests, SEED)


def sync(result: Result, cat: Catalogue, args, port_a: int, port_b: int, tmp: Path) -> None:
    result.sync = full_sync(port_a, cat.token, args.threads, PAGE_LIMIT)
    (result.feed_rows,), = query(cat.url, "SELECT count(*) FROM changes")


def lag(result: Result, cat: Catalogue, args, port_a: int, port_b: int, tmp: Path) -> None:
    """Node B only hears of the writer's changes through the feed."""
    result.lag = in_fresh_process(feed_lag, cat.url, str(tmp / "index_writer"), port_b,
                                  cat.public, args.changes, SEED)


PARTS = {"detail": detail, "sync": sync, "lag": lag}


def main() -> None:
    parser = benchmark_parser(__doc__, "postgresql", "50000",
                              "demo catalogue sizes, e.g. 2000,50000")
    parser.add_argument("--requests", type=int, default=500, help="timed detail requests")
    parser.add_argument("--threads", type=int, default=4, help="sync client threads")
    parser.add_argument("--changes", type=int, default=50, help="changes timed for lag")
    parser.add_argument("--parts", default=",".join(PARTS), help="detail,sync,lag")
    args = parse_lists(parser)
    args.parts = [part for part in args.parts.split(",") if part]
    run_served("api", args, run, section, POSTGRES_URL,
               "the sync did not end with every accession")

if __name__ == "__main__":
    main()
