"""Benchmark the web pages over real HTTP: time to first byte, total time and page weight.

Builds a fresh SQLite database with the demo catalogue (``loaders.demo_catalogue``, 5,000
accessions by default, with its five years of evaluations) and its search index, using the
helpers of benchmarks/search.py, then starts the app with gunicorn (2 sync workers on a free
local port) and, with ``http.client`` (a new connection per request, as a browser's first
visit would):

- times --repeat requests per page kind after a warm-up: the search page (``/`` with no query
  and three searches) and the accession page (``/accessions/<ACCENUMB>`` over a rotating set:
  WSL00001, the most evaluated accession and so the heaviest page, other accessions with
  evaluations and some without), and the ripening calendar (``/calendar``: every accession with
  a harvest date, about 600 at 5,000 accessions, 100 rows a page; its first page, its second
  and a text search's first page). TTFB runs from sending the request (connection included)
  until the status line and headers are read; total, until the body is read;
- weighs one page of each kind, WSL00001's page, a descriptor page, the ripening calendar's
  first page (its label says how many accessions the calendar holds) and a comparison of
  three accessions: the HTML plus the same-origin stylesheets, scripts
  and images it references (``<link rel=stylesheet>``, ``<script src>``, ``<img src>``),
  each URL counted once, uncompressed; the gzip size is given for information.

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
from importlib.metadata import version
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
from report import machine_description, mark, percentile, utc_now, write_section  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from web_http import WORKERS, encode, fetch_ok, gunicorn  # noqa: E402
from web_weight import Weight, weigh  # noqa: E402

from germplasm.accessions.models import Accession  # noqa: E402
from germplasm.evaluations.models import Observation  # noqa: E402
from germplasm.extensions import db  # noqa: E402

WARM_UP = 20
P95_TARGET_MS = 150.0
HEAVIEST = "WSL00001"
SEARCH_VARIANTS = ["/", "/?q=脆李", "/?q=cuili&t0=SSC&t0min=13", "/?q=李&sort=-SSC"]
EVALUATED, NOT_EVALUATED = 3, 4  # accessions besides WSL00001 in the accession rotation
COMPARE_URL = f"/compare?a={HEAVIEST},WSL00002,WSL00003"
CALENDAR_VARIANTS = ["/calendar", "/calendar?page=2", "/calendar?q=李"]
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


def note_rows(port: int, calendars: list[Variant]) -> None:
    """Note on each calendar variant the rows it shows of how many (after timing, so that
    the kind's first request stays its first)."""
    for variant in calendars:
        found = CALENDAR_COUNT.search(fetch_ok(port, variant.path).body.decode())
        variant.note = f"rows {found[1]}–{found[2]} of {int(found[3]):,}" if found else "no rows"


# --- page weight -----------------------------------------------------------------------------


def weigh_pages(port: int, accessions: list[Variant], calendar: Variant) -> list[Weight]:
    typical = next(v.path for v in accessions[1:] if not v.note.startswith("0 "))
    pages = [("search page", SEARCH_VARIANTS[0]), ("accession page", typical),
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


# --- figures and tables ----------------------------------------------------------------------


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f}"


def kind_p95(variants: list[Variant], kind: str) -> float:
    return percentile([t for v in variants if v.kind == kind for t in v.ttfb_ms], 95)


def latency_table(variants: list[Variant], first: dict[str, float]) -> str:
    lines = ["| page kind | variants | requests | first request TTFB ms | TTFB p50 ms "
             "| TTFB p95 ms | total p50 ms | total p95 ms | TTFB p95 < 150 ms |",
             "|---|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for kind in first:
        mine = [v for v in variants if v.kind == kind]
        ttfb = [t for v in mine for t in v.ttfb_ms]
        total = [t for v in mine for t in v.total_ms]
        lines.append(f"| {kind} | {len(mine)} | {len(ttfb)} | {first[kind]:,.0f} "
                     f"| {percentile(ttfb, 50):,.1f} | {percentile(ttfb, 95):,.1f} "
                     f"| {percentile(total, 50):,.1f} | {percentile(total, 95):,.1f} "
                     f"| {mark(percentile(ttfb, 95) < P95_TARGET_MS)} |")
    return "\n".join(lines)


def variant_table(variants: list[Variant]) -> str:
    lines = ["| page kind | URL | requests | TTFB p50 ms | TTFB p95 ms | total p50 ms "
             "| total p95 ms |", "|---|---|--:|--:|--:|--:|--:|"]
    for v in variants:
        note = f" ({v.note})" if v.note else ""
        lines.append(f"| {v.kind} | `{v.path}`{note} | {len(v.ttfb_ms)} "
                     f"| {percentile(v.ttfb_ms, 50):,.1f} | {percentile(v.ttfb_ms, 95):,.1f} "
                     f"| {percentile(v.total_ms, 50):,.1f} "
                     f"| {percentile(v.total_ms, 95):,.1f} |")
    return "\n".join(lines)


def weight_table(weights: list[Weight]) -> str:
    lines = ["| page | URL | HTML KB | assets (references) | assets KB | total KB "
             "| total gzip KB | < 500 KB |", "|---|---|--:|--:|--:|--:|--:|:-:|"]
    for w in weights:
        external = f" + {len(w.external)} external" if w.external else ""
        lines.append(f"| {w.label} | `{w.path}` | {_kb(w.html_bytes)} "
                     f"| {w.assets} ({w.references}){external} | {_kb(w.asset_bytes)} "
                     f"| {_kb(w.total_bytes)} | {_kb(w.gzip_bytes)} "
                     f"| {mark(w.meets_target())} |")
    return "\n".join(lines)


def verdict(variants: list[Variant], first: dict[str, float], weights: list[Weight]) -> str:
    slow = [k for k in first if not kind_p95(variants, k) < P95_TARGET_MS]
    heavy = [w.label for w in weights if not w.meets_target()]
    return "\n".join([
        "Targets: p95 TTFB under 150 ms per page kind: "
        + ("met." if not slow else f"**missed** ({', '.join(slow)})."),
        "Under 500 KB per page (HTML + assets, uncompressed): "
        + ("met." if not heavy else f"**missed** ({', '.join(heavy)})."),
    ])


def _load(load: list[float]) -> str:
    return " / ".join(f"{value:.2f}" for value in load)


def section(args, variants, first, weights, load) -> str:
    command = " ".join([".venv/bin/python benchmarks/web.py", *sys.argv[1:]])
    return "\n\n".join([
        "## Web pages",
        f"Pages served by gunicorn {version('gunicorn')} ({WORKERS} sync workers, "
        f"`gunicorn -w {WORKERS} wsgi:app` on 127.0.0.1) from a fresh SQLite database holding "
        f"the demo catalogue (`loaders.demo_catalogue.load_demo`, {args.accessions:,} "
        f"accessions, seed {search_bench.SEED}, with its five years of evaluations) and its "
        "search index, requested anonymously (default language, Chinese) with `http.client`, "
        "one new connection per request, one request at a time, from the same machine. "
        "*TTFB*: from sending the request (connecting included) until the status line and "
        "headers are read; *total*: until the whole body is read. Each kind cycles over its "
        f"variants (table below) for {args.repeat} timed requests after {WARM_UP} warm-up "
        "requests; *first request*: the very first request of the kind to the fresh server "
        "(cold workers: the search snapshot and templates are built), not part of p50/p95.",
        f"Run {utc_now()} with `{command}` on:\n\n{machine_description()}\n"
        f"- 1-minute load average before / after timing: {_load(load)} (other work on the "
        "machine competes with the server and the client)",
        latency_table(variants, first),
        variant_table(variants),
        "Page weight: the HTML plus the same-origin stylesheets (`<link rel=stylesheet>`), "
        "scripts (`<script src>`) and images (`<img src>`) it references, each distinct URL "
        "fetched once as a browser would (*references* counts duplicates too; tags inside "
        "`<title>` are text for a browser and are not counted). Uncompressed, as served; "
        "1 KB = 1,000 bytes. *total gzip*: the HTML and each asset gzip-compressed (level 6) "
        "separately, summed, for information (the app does not compress). Images that "
        "stylesheets or scripts load themselves (Leaflet's marker icons) are not included.",
        weight_table(weights),
        verdict(variants, first, weights),
    ])


# --- main ------------------------------------------------------------------------------------


def run(args, url: str, index_dir: str, log_path: Path):
    """Time and weigh the pages; also the 1-minute load average before and after timing."""
    counts = observation_counts(url, index_dir)
    accessions = accession_variants(counts)
    searches = [Variant("search page", path) for path in SEARCH_VARIANTS]
    with gunicorn(url, index_dir, log_path) as port:
        print(f"gunicorn up on port {port}; timing ...", flush=True)
        load = [os.getloadavg()[0]]
        calendars = [Variant("ripening calendar", path) for path in CALENDAR_VARIANTS]
        first = {"search page": time_kind(port, searches, args.repeat),
                 "accession page": time_kind(port, accessions, args.repeat),
                 "ripening calendar": time_kind(port, calendars, args.repeat)}
        load.append(os.getloadavg()[0])
        note_rows(port, calendars)
        print("weighing pages ...", flush=True)
        weights = weigh_pages(port, accessions, calendars[0])
    return searches + accessions + calendars, first, weights, load


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
        with fresh_database("sqlite", tmp_dir) as url:
            build_database(url, index_dir, args.accessions)
            variants, first, weights, load = run(args, url, index_dir, tmp_dir / "gunicorn.log")
            print("\n\n".join([latency_table(variants, first), variant_table(variants),
                               weight_table(weights), verdict(variants, first, weights)]))
            print(f"1-minute load average before / after timing: {_load(load)}")
            if args.profile:
                profile_misses(url, index_dir, variants)
    if not args.no_write:
        write_section("web", section(args, variants, first, weights, load))


if __name__ == "__main__":
    main()
