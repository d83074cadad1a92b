"""Benchmark catalogue search: API latency per query kind against plain SQL, and index build.

For each size (demo catalogue of 5,000 and 50,000 accessions, ``loaders.demo_catalogue``,
with its five years of evaluations) and engine, it builds one database and then, each in its
own fresh process:

- times a full index build (``search.accession_index.rebuild``);
- times five kinds of query through the API test client (``GET /api/v1/accessions``):
  Chinese text, pinyin, trait range, text + trait + filter, sorted by trait. Each kind has a
  few realistic variants, cycled over --repeat timed requests after 10 warm-up requests;
  the text kinds a second time with search.text's cache of matches emptied before each
  request ("uncached"), since repeating a few texts would otherwise time only cache hits,
  and a third time with every search cache of the process dropped ("cold": the searcher
  is reopened and the segments' arrays files are read again);
- times a plain SQL query doing the same kind of work (first page of 20 plus count(*))
  through SQLAlchemy Core on a connection, with the same repetitions. Pinyin has none: the
  database holds no pinyin;
- times the first request of the fresh process and the first request after a catalogue
  change, which rebuild the in-memory snapshot; neither is part of p50/p95.

It checks the targets (at 50,000 accessions on SQLite: p95 under 50 ms for every kind and a
full index build under 60 s), prints the tables and writes them to docs/benchmarks.md
(section "search"). --profile prints a cProfile of one uncached request of the slowest
variant of every kind that misses the p95 target.

Run from the repository root:

    .venv/bin/python benchmarks/search.py
    .venv/bin/python benchmarks/search.py --sizes 5000 --engines sqlite,postgresql --no-write

PostgreSQL is reached at $GERMPLASM_BENCH_POSTGRES_URL (default
postgresql+psycopg://postgres@127.0.0.1:5432/test); the script creates and drops its own
databases there, so the role needs CREATEDB.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def _import_search_package() -> None:
    """This script is named like the `search` package and Python puts the script's folder
    first on sys.path: import the package with that folder out of the way, then put it back
    (for `report` and `import_mcpd`)."""
    saved = sys.path[:]
    sys.path[:] = [p for p in saved if Path(p or ".").resolve() != BENCH_DIR]
    importlib.import_module("search")
    sys.path[:] = saved


_import_search_package()

# The imports below must follow _import_search_package().
import argparse  # noqa: E402
import cProfile  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import resource  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

import numpy as np  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from import_mcpd import fresh_database, in_fresh_process, peak_rss_mb  # noqa: E402
from report import benchmark_parser, parse_lists, write_section  # noqa: E402
from search_sql import sql_timings  # noqa: E402
from search_tables import (  # noqa: E402
    KINDS,
    P95_TARGET_MS,
    PER_PAGE,
    SEED,
    WARM_UP,
    Result,
    VariantTimings,
    build_table,
    kind_figures,
    latency_table,
    section,
    variant_table,
)
from sqlalchemy import text, update  # noqa: E402

from germplasm import MIGRATIONS_DIR, create_app  # noqa: E402
from germplasm.extensions import db  # noqa: E402
from germplasm.initial_data import load_initial_data  # noqa: E402
from loaders.demo_catalogue import load_demo  # noqa: E402
from search import accession_index  # noqa: E402
from search import text as search_text  # noqa: E402
from search.state import SearchState  # noqa: E402

PROFILED_CODE = r"/(search|germplasm)/|whoosh/(searching|collectors)\.py"


# --- building the database and the index (each in its own process) --------------------------


def make_app(url: str, index_dir: str):
    """The app on url; photos (the demo's drawings) beside the index, in the run's temporary
    folder, unless GERMPLASM_PHOTO_DIR says where: never in the checkout's instance/."""
    photos = os.environ.get("GERMPLASM_PHOTO_DIR") or str(Path(index_dir).parent / "photos")
    # Thousands of queries a minute from one client: the API's rate limit is not measured here.
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "GERMPLASM_INDEX_DIR": index_dir,
                       "GERMPLASM_PHOTO_DIR": photos, "RATELIMIT_ENABLED": False})


def load_database(url: str, index_dir: str, size: int) -> float:
    """Initialise like `germplasm init`, load the demo catalogue; seconds for the demo load."""
    app = make_app(url, index_dir)
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_initial_data()
        db.session.commit()
        start = time.perf_counter()
        accessions, observations = load_demo(size, seed=SEED, user="bench")
        if accessions.rejected or observations.rejected or not accessions.written:
            raise RuntimeError(f"demo load failed: {accessions.summary()}")
        db.session.commit()
        seconds = time.perf_counter() - start
        if db.engine.dialect.name == "postgresql":  # as autovacuum would, in time
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return seconds


def build_index(url: str, index_dir: str) -> tuple[float, int, float, float]:
    """Seconds for a full index build, documents indexed, peak RSS (MiB) of this process and
    of the largest of its writer processes."""
    app = make_app(url, index_dir)
    with app.app_context():
        start = time.perf_counter()
        count = accession_index.rebuild(release=db.session.expunge_all)
        seconds = time.perf_counter() - start
        db.session.remove()
        db.engine.dispose()
    writers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, count, peak_rss_mb(), writers


# --- timing the API ---------------------------------------------------------------------------


def api_url(params: dict, per_page: int = PER_PAGE) -> str:
    """A value may be a list: `{"trait": ["SSC:14..", "FRUIT_WEIGHT:40.."]}` repeats it."""
    return "/api/v1/accessions?" + urlencode({**params, "page": 1, "per_page": per_page},
                                             doseq=True)


def get_ms(client, url: str) -> tuple[float, dict]:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code} {response.get_data(True)[:300]}")
    body = response.get_json()
    if body["source"] != "index":
        raise RuntimeError(f"{url} was answered from the database, not the index")
    return elapsed, body


def time_api(client, variants: list[dict], repeat: int,
             before=lambda: None) -> tuple[list[list[float]], list[int]]:
    """Per variant: its timings (variants cycled, after WARM_UP requests) and its total.
    `before` runs before each request, untimed."""
    samples, totals = [[] for _ in variants], [get_ms(client, api_url(v))[1]["total"]
                                               for v in variants]
    for i in range(WARM_UP + repeat):
        before()
        elapsed, _ = get_ms(client, api_url(variants[i % len(variants)]))
        if i >= WARM_UP:
            samples[i % len(variants)].append(elapsed)
    return samples, totals


def forget_text_matches() -> None:
    """Empty search.text's cache of text matches (kept per index generation, so emptied by
    every re-index), so that the next request searches the index like the first visitor
    with that text."""
    getattr(search_text, "_cache", {}).clear()


def time_uncached(client, variants: list[dict], repeat: int, before=forget_text_matches) -> list:
    """time_api's timings with the text-match cache emptied before each request; None per
    variant for kinds without text."""
    if not all("q" in v for v in variants):
        return [None] * len(variants)
    return time_api(client, variants, repeat, before=before)[0]


def time_cold(client, variants: list[dict], repeat: int) -> list:
    """time_uncached's, with every search cache of the process dropped before each request
    (the searcher, the text matches and the segments' arrays): as for a worker's first text
    search after it started or after a full re-index."""
    return time_uncached(client, variants, max(repeat // 4, 10), before=search_text.forget)


def snapshot_requests(app, client) -> tuple[float, float, float]:
    """First request of this process, first after a catalogue change, then warm (median)."""
    url = api_url({})
    first, _ = get_ms(client, url)
    with app.app_context():
        db.session.execute(update(SearchState).values(version=SearchState.version + 1))
        db.session.commit()
        db.session.remove()
    changed, _ = get_ms(client, url)
    warm = float(np.median([get_ms(client, url)[0] for _ in range(20)]))
    return first, changed, warm


# --- the query measurement (its own process) --------------------------------------------------


def time_queries(url: str, index_dir: str, repeat: int, profile: bool) -> tuple:
    """Snapshot requests, then every kind through the API and in plain SQL."""
    app = make_app(url, index_dir)
    client = app.test_client()
    snapshot = snapshot_requests(app, client)
    variants = []
    for kind, params in KINDS.items():
        api, api_totals = time_api(client, params, repeat)
        uncached = time_uncached(client, params, repeat)
        cold = time_cold(client, params, repeat)
        sql, sql_totals = sql_timings(app, params, repeat)
        variants += [VariantTimings(kind, p, *row) for p, *row in
                     zip(params, api, api_totals, uncached, cold, sql, sql_totals, strict=True)]
    if profile:
        profile_misses(client, variants)
    with app.app_context():
        db.engine.dispose()
    return (*snapshot, peak_rss_mb(), variants)


def profile_misses(client, variants: list[VariantTimings]) -> None:
    """cProfile one request (text-match cache emptied) of the slowest variant of each kind
    that misses the p95 target."""
    for kind in dict.fromkeys(v.kind for v in variants):  # KINDS, or a caller's own
        mine = [v for v in variants if v.kind == kind]
        if kind_figures(mine).worst_p95 < P95_TARGET_MS:
            continue
        slowest = max(mine, key=lambda v: np.median(v.uncached_ms or v.api_ms))
        forget_text_matches()
        profiler = cProfile.Profile()
        profiler.runcall(client.get, api_url(slowest.params))
        print(f"\n=== cProfile: {kind}, {slowest.label} ===", flush=True)
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(PROFILED_CODE, 25)  # project and whoosh
        stats.sort_stats("tottime").print_stats(15)  # where the time is spent itself


# --- one engine and size ----------------------------------------------------------------------


def measure(engine: str, size: int, tmp_dir: Path, repeat: int, profile: bool) -> Result:
    index_dir = str(tmp_dir / f"index_{engine}_{size}")
    with fresh_database(engine, tmp_dir) as url:
        print(f"{engine}, {size:,} accessions: loading the demo catalogue ...", flush=True)
        load_s = in_fresh_process(load_database, url, index_dir, size)
        print(f"  loaded in {load_s:.0f} s; building the index ...", flush=True)
        build = in_fresh_process(build_index, url, index_dir)
        print(f"  index built in {build[0]:.1f} s; timing queries ...", flush=True)
        load_avg = os.getloadavg()[0]
        first, changed, warm, rss, variants = in_fresh_process(
            time_queries, url, index_dir, repeat, profile)
    return Result(engine, size, load_s, *build, first, changed, warm, load_avg, rss, variants)


def parse_args() -> argparse.Namespace:
    parser = benchmark_parser(__doc__, "sqlite", "5000,50000", "comma-separated accessions")
    parser.add_argument("--repeat", type=int, default=200, help="timed requests per kind")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile one request of each kind that misses the p95 target")
    return parse_lists(parser)


def main() -> None:
    args = parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_search_") as tmp:
        for size in args.sizes:
            for engine in args.engines:
                results.append(measure(engine, size, Path(tmp), args.repeat, args.profile))
    print("\n\n".join([latency_table(results), build_table(results), variant_table(results)]))
    if not args.no_write:
        write_section("search", section(results, args.engines, args.repeat))


if __name__ == "__main__":
    main()
