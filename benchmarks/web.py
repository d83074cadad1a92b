"""Benchmark the web pages over real HTTP: time to first byte, total time and page weight.

Builds a fresh SQLite database with the demo catalogue (``loaders.demo_catalogue``, 5,000
accessions by default, with its five years of evaluations) and its search index, using the
helpers of benchmarks/search.py, then starts the app with gunicorn (2 workers of 4 threads on
a free local port) and, with ``http.client`` (a new connection per request, as a browser's first
visit would):

- times --repeat requests per page kind after a warm-up: the search page (``/`` with no query
  and three searches), the search page with three active filter chips (a text query, a
  facet and a trait range), the accession page (``/accessions/<ACCENUMB>`` over a rotating set:
  WSL00001, the most evaluated accession and so the heaviest page, other accessions with
  evaluations and some without), and the ripening calendar (``/calendar``: every accession with
  a harvest date, about 600 at 5,000 accessions, 100 rows a page; its first page, its second
  and a text search's first page). TTFB runs from sending the request (connection included)
  until the status line and headers are read; total, until the body is read;
- weighs one page of each kind, WSL00001's page, a descriptor page, the ripening calendar's
  first page (its label says how many accessions the calendar holds) and a comparison of
  three accessions: the HTML plus the same-origin stylesheets, scripts
  and images it references (``<link rel=stylesheet>``, ``<script src>``, ``<img src>``),
  each URL counted once, bytes on the wire (scripts, styles and JSON gzipped by the app, HTML
  not), plus the JSON that map.js fetches on pages with a map (outlines, a search's sites);
  the size with everything gzipped is given for information;
- the newer pages (benchmarks/web_staff.py): a curator logs in, puts 100 accessions in the
  selection and saves it, uploads a 5,000-row MCPD file (made from `germplasm export mcpd` of
  the catalogue: half updates, half new accessions) three times and polls its job until the
  pre-check is done (target: report shown within 5 s); the selection, its shared link, a
  3-trait screening, the campaigns and a campaign's progress, the import report, the results
  map and an accession with photos are weighed as the user who would open them.

It checks the targets (p95 TTFB under 150 ms for each page kind at 5,000 accessions; under
500 KB per page, 1 KB = 1,000 bytes), prints the tables and writes them to docs/benchmarks.md
(section "web"). gunicorn is stopped at the end, also on errors. --profile prints a cProfile
of one request (Flask test client, same database) of the slowest variant of each kind that
misses the p95 target.

Run from the repository root:

    .venv/bin/python benchmarks/web.py
    .venv/bin/python benchmarks/web.py --repeat 50 --accessions 1000 --no-write
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.util
import os
import pstats
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def _load_search_benchmark():
    """benchmarks/search.py, imported as `search_bench` (its own name is the `search`
    package's); registered in sys.modules so that spawned processes find its functions."""
    spec = importlib.util.spec_from_file_location("search_bench", BENCH_DIR / "search.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["search_bench"] = module
    spec.loader.exec_module(module)
    return module


search_bench = _load_search_benchmark()

# The imports below need the `search` package, which search_bench has imported.
import numpy as np  # noqa: E402
from import_mcpd import fresh_database, in_fresh_process  # noqa: E402
from report import percentile, write_section  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from web_http import encode, fetch_ok, gunicorn  # noqa: E402
from web_report import (  # noqa: E402
    P95_TARGET_MS,
    latency_table,
    load_text,
    section,
    variant_table,
    verdict,
    weight_table,
)
from web_staff import app_env, precheck_table, prepare, staff_pages  # noqa: E402
from web_weight import Weight, weigh  # noqa: E402

from germplasm.accessions.models import Accession  # noqa: E402
from germplasm.evaluations.models import Observation  # noqa: E402
from germplasm.extensions import db  # noqa: E402

WARM_UP = 20
HEAVIEST = "WSL00001"
SEARCH_VARIANTS = ["/", "/?q=脆李", "/?q=cuili&t0=SSC&t0min=13", "/?q=李&sort=-SSC"]
EVALUATED, NOT_EVALUATED = 3, 4  # accessions besides WSL00001 in the accession rotation
COMPARE_URL = f"/compare?a={HEAVIEST},WSL00002,WSL00003"
CALENDAR_VARIANTS = ["/calendar", "/calendar?page=2", "/calendar?q=李"]
CHIPS_VARIANTS = ["/?q=李&species=Prunus salicina&t0=SSC&t0min=12",
                  "/?q=脆李&origin=CHN&t0=FRUIT_WEIGHT&t0min=40"]
CHIP = re.compile(r'<li class="chip ')
RESULTS = re.compile(r'<section class="results">\s*<p>([^<·]*)')
CALENDAR_COUNT = re.compile(r"第 (\d+)–(\d+) 条，共 (\d+) 条")  # the page's own statement


@dataclass
class Variant:
    kind: str
    path: str
    note: str = ""
    ttfb_ms: list[float] = field(default_factory=list)
    total_ms: list[float] = field(default_factory=list)


# --- database, accessions and server ---------------------------------------------------------


def build_database(url: str, index_dir: str, size: int) -> None:
    """Demo catalogue and index, each step in its own process (benchmarks/search.py)."""
    print(f"loading the demo catalogue ({size:,} accessions) ...", flush=True)
    load_s = in_fresh_process(search_bench.load_database, url, index_dir, size)
    print(f"  loaded in {load_s:.0f} s; building the index ...", flush=True)
    build_s, documents, *_ = in_fresh_process(search_bench.build_index, url, index_dir)
    print(f"  {documents:,} documents indexed in {build_s:.1f} s", flush=True)


def observation_counts(url: str, index_dir: str) -> dict[str, int]:
    """Observations per public accession (restricted ones are hidden from anonymous users)."""
    app = search_bench.make_app(url, index_dir)
    with app.app_context():
        query = (select(Accession.accenumb, func.count(Observation.id))
                 .outerjoin(Observation, Observation.accession_id == Accession.id)
                 .where(Accession.restricted.is_(False)).group_by(Accession.id))
        counts = dict(db.session.execute(query).all())
        db.session.remove()
        db.engine.dispose()
    return counts


def spread(items: list[str], n: int) -> list[str]:
    """n items evenly spread over the sorted list."""
    items = sorted(items)
    return [items[i * len(items) // n] for i in range(n)] if len(items) >= n else items


def accession_variants(counts: dict[str, int]) -> list[Variant]:
    """WSL00001, then accessions with evaluations, then accessions without."""
    most = max(counts, key=counts.get)
    if HEAVIEST not in counts:
        raise RuntimeError(f"{HEAVIEST} is missing or restricted")
    with_obs = spread([n for n, c in counts.items() if c and n != HEAVIEST], EVALUATED)
    without = spread([n for n, c in counts.items() if not c], NOT_EVALUATED)
    variants = []
    for number in [HEAVIEST, *with_obs, *without]:
        note = f"{counts[number]:,} observations"
        if number == most:
            note += ", the most evaluated"
        variants.append(Variant("accession page", f"/accessions/{number}", note))
    return variants


# --- HTTP ------------------------------------------------------------------------------------


def time_kind(port: int, variants: list[Variant], repeat: int) -> float:
    """Cycle over the variants: WARM_UP requests, then `repeat` timed ones.
    Returns the TTFB of the very first request (cold workers), which is not a sample."""
    first = fetch_ok(port, variants[0].path).ttfb_ms
    for i in range(WARM_UP + repeat):
        variant = variants[i % len(variants)]
        fetched = fetch_ok(port, variant.path)
        if i >= WARM_UP:
            variant.ttfb_ms.append(fetched.ttfb_ms)
            variant.total_ms.append(fetched.total_ms)
    return first


def note_rows(port: int, calendars: list[Variant], chips: list[Variant]) -> None:
    """Note on each calendar variant the rows it shows of how many, on each search with
    chips its chips and results (after timing, so that a kind's first request stays first)."""
    for variant in calendars:
        found = CALENDAR_COUNT.search(fetch_ok(port, variant.path).body.decode())
        variant.note = f"rows {found[1]}–{found[2]} of {int(found[3]):,}" if found else "no rows"
    for variant in chips:
        page = fetch_ok(port, variant.path).body.decode()
        results = RESULTS.search(page)
        variant.note = (f"{len(CHIP.findall(page))} chips, "
                        f"{results[1].strip() if results else 'no results'}")


# --- page weight -----------------------------------------------------------------------------


def weigh_pages(port: int, accessions: list[Variant], calendar: Variant,
                chips: Variant) -> list[Weight]:
    typical = next(v.path for v in accessions[1:] if not v.note.startswith("0 "))
    pages = [("search page", SEARCH_VARIANTS[0]),
             (f"search page, {chips.note}", chips.path), ("accession page", typical),
             (f"accession page, {HEAVIEST}", f"/accessions/{HEAVIEST}"),
             ("descriptor page", "/descriptors/SSC"),
             (f"ripening calendar, {calendar.note}", calendar.path),
             ("comparison", COMPARE_URL)]
    return [weigh(port, label, path) for label, path in pages]


# --- profiling -------------------------------------------------------------------------------


def profile_misses(url: str, index_dir: str, variants: list[Variant]) -> None:
    """cProfile one test-client request of the slowest variant of each kind over target."""
    app = search_bench.make_app(url, index_dir)
    client = app.test_client()
    for kind in dict.fromkeys(v.kind for v in variants):
        mine = [v for v in variants if v.kind == kind]
        if percentile([t for v in mine for t in v.ttfb_ms], 95) < P95_TARGET_MS:
            continue
        slowest = max(mine, key=lambda v: np.median(v.ttfb_ms))
        for _ in range(3):  # warm: the first request builds the search snapshot
            client.get(encode(slowest.path))
        profiler = cProfile.Profile()
        with gc_timer() as pauses:
            profiler.runcall(client.get, encode(slowest.path))
        print(f"\n=== cProfile: {kind}, {slowest.path} (garbage collection during the "
              f"request: {sum(pauses):.0f} ms in {len(pauses)} collections; cProfile "
              "charges it to whichever function was allocating) ===", flush=True)
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(35)
    with app.app_context():
        db.engine.dispose()


@contextmanager
def gc_timer() -> Iterator[list[float]]:
    """Yield a list that collects the duration (ms) of each garbage collection meanwhile."""
    pauses: list[float] = []
    started = [0.0]

    def callback(phase: str, _info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses.append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(callback)
    try:
        yield pauses
    finally:
        gc.callbacks.remove(callback)


# --- main ------------------------------------------------------------------------------------


def run(args, url: str, tmp_dir: Path):
    """Time and weigh the pages; also the 1-minute load average before and after timing."""
    index_dir = str(tmp_dir / "index")
    counts = observation_counts(url, index_dir)
    accessions = accession_variants(counts)
    rotation = {v.path.rsplit("/", 1)[-1] for v in accessions}
    # From the end: the demo gave the first public accessions a drawing each.
    photo_accession = next(n for n in sorted(counts, reverse=True)
                           if counts[n] and n not in rotation)
    env = {**os.environ, "GERMPLASM_DATABASE_URL": url, "GERMPLASM_INDEX_DIR": index_dir}
    prepared = prepare(env, url, tmp_dir, photo_accession)
    kinds = {"search page": [Variant("search page", p) for p in SEARCH_VARIANTS],
             "search page, 3 chips": [Variant("search page, 3 chips", p) for p in CHIPS_VARIANTS],
             "accession page": accessions,
             "ripening calendar": [Variant("ripening calendar", p) for p in CALENDAR_VARIANTS]}
    with gunicorn(url, index_dir, tmp_dir / "gunicorn.log") as port:
        print(f"gunicorn up on port {port}; timing ...", flush=True)
        load = [os.getloadavg()[0]]
        first = {kind: time_kind(port, variants, args.repeat) for kind, variants in kinds.items()}
        load.append(os.getloadavg()[0])
        note_rows(port, kinds["ripening calendar"], kinds["search page, 3 chips"])
        print("weighing pages ...", flush=True)
        weights = weigh_pages(port, accessions, kinds["ripening calendar"][0],
                              kinds["search page, 3 chips"][0])
        checks, staff_weights = staff_pages(port, prepared, spread(list(counts), 100),
                                            photo_accession)
        load.append(os.getloadavg()[0])
    return [v for variants in kinds.values() for v in variants], first, weights + staff_weights, \
        load, checks


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="timed requests per page kind")
    parser.add_argument("--accessions", type=int, default=5000, help="demo catalogue size")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile one request of each page kind that misses the target")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_web_") as tmp:
        tmp_dir = Path(tmp)
        index_dir = str(tmp_dir / "index")
        # The demo's photos, the benchmark's and the uploads: here, not in the checkout.
        os.environ.update(app_env({}, tmp_dir))
        with fresh_database("sqlite", tmp_dir) as url:
            build_database(url, index_dir, args.accessions)
            variants, first, weights, load, checks = run(args, url, tmp_dir)
            print("\n\n".join([latency_table(variants, first), variant_table(variants),
                               weight_table(weights), precheck_table(checks),
                               verdict(variants, first, weights, checks)]))
            print(f"1-minute load average before / after timing / at the end: {load_text(load)}")
            if args.profile:
                profile_misses(url, index_dir, variants)
    if not args.no_write:
        write_section("web", section(args, variants, first, weights, load, checks,
                                    search_bench.SEED, WARM_UP))


if __name__ == "__main__":
    main()
