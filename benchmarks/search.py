"""Benchmark catalogue search: API latency per query kind against plain SQL, and index build.

For each size (demo catalogue of 5,000 and 50,000 accessions, ``loaders.demo_catalogue``,
with its five years of evaluations) and engine, it builds one database and then, each in its
own fresh process:

- times a full index build (``search.accession_index.rebuild``);
- times five kinds of query through the API test client (``GET /api/v1/accessions``):
  Chinese text, pinyin, trait range, text + trait + filter, sorted by trait. Each kind has a
  few realistic variants, cycled over --repeat timed requests after 10 warm-up requests;
  the text kinds a second time with search.text's cache of matches emptied before each
  request ("uncached"), since repeating a few texts would otherwise time only cache hits;
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
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

import numpy as np  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from import_mcpd import POSTGRES_URL, fresh_database, in_fresh_process, peak_rss_mb  # noqa: E402
from report import machine_description, utc_now, write_section  # noqa: E402
from sqlalchemy import and_, func, select, text, update  # noqa: E402

from germplasm import MIGRATIONS_DIR, create_app  # noqa: E402
from germplasm.accessions.models import Accession, AccessionName, Taxon  # noqa: E402
from germplasm.evaluations.models import ALL_YEARS, TraitSummary  # noqa: E402
from germplasm.extensions import db  # noqa: E402
from germplasm.initial_data import load_initial_data  # noqa: E402
from loaders.demo_catalogue import load_demo  # noqa: E402
from search import accession_index  # noqa: E402
from search import text as search_text  # noqa: E402
from search.params import descriptor_table  # noqa: E402
from search.query import parse_trait  # noqa: E402
from search.state import SearchState  # noqa: E402

SEED, WARM_UP, PER_PAGE = 0, 10, 20
TARGET_SIZE, P95_TARGET_MS, BUILD_TARGET_S = 50000, 50.0, 60.0
PROFILED_CODE = r"/(search|germplasm)/|whoosh/(searching|collectors)\.py"
KINDS = {  # kind -> variants (query parameters)
    "Chinese text": [{"q": q} for q in ("脆李", "巫山", "蜂糖李", "李", "青脆")],
    "pinyin": [{"q": q} for q in ("cuili", "wushan cuili", "fengtangli", "qingcui")],
    "trait range": [{"trait": t} for t in ("SSC:14..", "FRUIT_WEIGHT:..40",
                                           "HARVEST_DATE:..07-20")],
    "text + trait + filter": [{"q": "李", "trait": "SSC:13..", "origin": "CHN"},
                              {"q": "cuili", "trait": "HARVEST_DATE:..07-31",
                               "species": "salicina"}],
    "sorted by trait": [{"sort": "-SSC"}, {"sort": "HARVEST_DATE", "trait": "FRUIT_WEIGHT:30.."}],
}


@dataclass
class VariantTimings:
    kind: str
    params: dict[str, str]
    api_ms: list[float]  # the same few texts again and again: text matches come from cache
    api_total: int
    uncached_ms: list[float] | None  # text-match cache emptied first; None: no text
    sql_ms: list[float] | None  # None: no SQL equivalent (pinyin)
    sql_total: int | None

    @property
    def label(self) -> str:
        return "&".join(f"{k}={v}" for k, v in self.params.items())


@dataclass
class Result:
    engine: str
    size: int
    load_s: float
    build_s: float
    indexed: int
    build_rss_mb: float
    first_ms: float  # first request of a fresh process
    changed_ms: float  # first request after a catalogue change
    warm_ms: float  # the same request, warm (median)
    load_avg: float  # 1-minute load average just before the query process started
    query_rss_mb: float
    variants: list[VariantTimings]


# --- building the database and the index (each in its own process) --------------------------


def make_app(url: str, index_dir: str):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "GERMPLASM_INDEX_DIR": index_dir})


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


def build_index(url: str, index_dir: str) -> tuple[float, int, float]:
    """Seconds for a full index build, documents indexed, peak RSS (MiB) of this process."""
    app = make_app(url, index_dir)
    with app.app_context():
        start = time.perf_counter()
        count = accession_index.rebuild(release=db.session.expunge_all)
        seconds = time.perf_counter() - start
        db.session.remove()
        db.engine.dispose()
    return seconds, count, peak_rss_mb()


# --- timing the API ---------------------------------------------------------------------------


def api_url(params: dict[str, str], per_page: int = PER_PAGE) -> str:
    return "/api/v1/accessions?" + urlencode({**params, "page": 1, "per_page": per_page})


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


def time_uncached(client, variants: list[dict], repeat: int) -> list:
    """time_api's timings with the text-match cache emptied before each request; None per
    variant for kinds without text."""
    if not all("q" in v for v in variants):
        return [None] * len(variants)
    return time_api(client, variants, repeat, before=forget_text_matches)[0]


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


# --- the plain SQL equivalents ----------------------------------------------------------------


def sql_equivalent(params: dict[str, str], descriptors) -> tuple | None:
    """(first page, count) statements doing the variant's work in plain SQL, or None."""
    words = params.get("q", "")
    if any(c.isascii() and c.isalpha() for c in words):
        return None  # pinyin: the database holds none
    a = Accession.__table__
    query = select(a.c.id, a.c.accenumb).where(a.c.restricted.is_(False))
    if words:
        names = AccessionName.__table__
        query = query.where(a.c.id.in_(
            select(names.c.accession_id).where(names.c.name.like(f"%{words}%"))))
    if "trait" in params:
        query = _trait_range(query, parse_trait(params["trait"], descriptors), descriptors)
    query = _filters(query, params)
    order, query = _sort_key(query, params.get("sort"), descriptors)
    return (query.order_by(*order).limit(PER_PAGE),
            select(func.count()).select_from(query.subquery()))


def _summary(query, code: str, descriptors, outer: bool = False):
    """Join the overall trait summary of descriptor code; returns (query, its alias)."""
    a, t = Accession.__table__, TraitSummary.__table__.alias(f"t_{code.lower()}")
    on = and_(t.c.accession_id == a.c.id, t.c.descriptor_id == descriptors[code].id,
              t.c.year == ALL_YEARS)
    return query.join_from(a, t, on, isouter=outer), t


def _trait_range(query, trait, descriptors):
    query, t = _summary(query, trait.code, descriptors)
    if trait.low is not None:
        query = query.where(t.c.mean >= trait.low)
    if trait.high is not None:
        query = query.where(t.c.mean <= trait.high)
    return query


def _filters(query, params: dict[str, str]):
    a, taxa = Accession.__table__, Taxon.__table__
    if "origin" in params:
        query = query.where(a.c.origcty == params["origin"])
    if "species" in params:
        query = query.join_from(a, taxa, a.c.taxon_id == taxa.c.id).where(
            taxa.c.species == params["species"])
    return query


def _sort_key(query, sort: str | None, descriptors):
    accenumb = Accession.__table__.c.accenumb
    if not sort:
        return [accenumb], query
    query, t = _summary(query, sort.lstrip("-"), descriptors, outer=True)
    mean = t.c.mean.desc() if sort.startswith("-") else t.c.mean
    return [t.c.mean.is_(None), mean, accenumb], query


def time_sql(connection, statements: list, repeat: int) -> tuple[list[list[float]], list[int]]:
    """Like time_api, for (page, count) statement pairs."""
    def run(pair) -> tuple[float, int]:
        start = time.perf_counter()
        connection.execute(pair[0]).all()
        total = connection.execute(pair[1]).scalar_one()
        return (time.perf_counter() - start) * 1000, total

    samples, totals = [[] for _ in statements], [run(pair)[1] for pair in statements]
    for i in range(WARM_UP + repeat):
        elapsed, _ = run(statements[i % len(statements)])
        if i >= WARM_UP:
            samples[i % len(statements)].append(elapsed)
    return samples, totals


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
        sql, sql_totals = sql_timings(app, params, repeat)
        variants += [VariantTimings(kind, p, *row) for p, *row in
                     zip(params, api, api_totals, uncached, sql, sql_totals, strict=True)]
    if profile:
        profile_misses(client, variants)
    with app.app_context():
        db.engine.dispose()
    return (*snapshot, peak_rss_mb(), variants)


def sql_timings(app, params: list[dict], repeat: int) -> tuple[list, list]:
    """SQL timings and totals per variant; None for variants without an SQL equivalent."""
    with app.app_context():
        descriptors = descriptor_table()
        pairs = [sql_equivalent(p, descriptors) for p in params]
        db.session.remove()
        with db.engine.connect() as connection:
            known = [pair for pair in pairs if pair is not None]
            samples, totals = time_sql(connection, known, repeat) if known else ([], [])
    found = iter(zip(samples, totals, strict=True))
    per_variant = [next(found) if pair is not None else (None, None) for pair in pairs]
    return [s for s, _ in per_variant], [t for _, t in per_variant]


def profile_misses(client, variants: list[VariantTimings]) -> None:
    """cProfile one request (text-match cache emptied) of the slowest variant of each kind
    that misses the p95 target."""
    for kind in KINDS:
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


# --- figures and tables -----------------------------------------------------------------------


def percentile(samples: list[float], q: float) -> float:
    return float(np.percentile(samples, q)) if samples else float("nan")


@dataclass
class KindFigures:
    """Milliseconds over a kind's variants; SQL and ratios over those that have SQL."""

    p50: float
    p95: float
    uncached_p50: float | None
    uncached_p95: float | None
    sql_p50: float | None
    ratio: float | None  # API p50 / SQL p50
    uncached_ratio: float | None

    @property
    def worst_p95(self) -> float:
        return max(self.p95, self.uncached_p95 or 0.0)


def kind_figures(variants: list[VariantTimings]) -> KindFigures:
    def pooled(which, q: float, among=variants) -> float | None:
        samples = [t for v in among for t in (getattr(v, which) or [])]
        return percentile(samples, q) if samples else None

    with_sql = [v for v in variants if v.sql_ms is not None]
    sql = pooled("sql_ms", 50)
    api, uncached = pooled("api_ms", 50, with_sql), pooled("uncached_ms", 50, with_sql)
    return KindFigures(pooled("api_ms", 50), pooled("api_ms", 95), pooled("uncached_ms", 50),
                       pooled("uncached_ms", 95), sql, sql and api / sql,
                       sql and uncached and uncached / sql)


def _mark(ok: bool | None) -> str:
    return "–" if ok is None else ("yes" if ok else "**NO**")


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}"


def meets_p95(result: Result, p95: float) -> bool | None:
    return p95 < P95_TARGET_MS if (result.engine, result.size) == ("sqlite", TARGET_SIZE) else None


def meets_build(result: Result) -> bool | None:
    if (result.engine, result.size) != ("sqlite", TARGET_SIZE):
        return None
    return result.build_s < BUILD_TARGET_S


def latency_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | kind | API p50 ms | API p95 ms | uncached p50 ms "
             "| uncached p95 ms | SQL p50 ms | ratio | uncached ratio "
             "| p95 < 50 ms at 50,000 on SQLite |",
             "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for r in results:
        for kind in KINDS:
            mine = [v for v in r.variants if v.kind == kind]
            f = kind_figures(mine)
            mark = "¹" if f.sql_p50 is not None and any(v.sql_ms is None for v in mine) else ""
            lines.append(f"| {r.engine} | {r.size:,} | {kind} | {_ms(f.p50)} | {_ms(f.p95)} "
                         f"| {_ms(f.uncached_p50)} | {_ms(f.uncached_p95)} "
                         f"| {_ms(f.sql_p50)}{mark} | {_ratio(f.ratio, mark)} "
                         f"| {_ratio(f.uncached_ratio, mark)} "
                         f"| {_mark(meets_p95(r, f.worst_p95))} |")
    return "\n".join(lines)


def _ratio(value: float | None, mark: str) -> str:
    return "–" if value is None else f"{value:,.1f}×{mark}"


def build_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | demo load s | index build s | documents "
             "| build peak RSS MiB | first request ms | first after a change ms | same, warm ms "
             "| query process peak RSS MiB | load avg before queries "
             "| build < 60 s at 50,000 on SQLite |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for r in results:
        lines.append(f"| {r.engine} | {r.size:,} | {r.load_s:.0f} | {r.build_s:.1f} "
                     f"| {r.indexed:,} | {r.build_rss_mb:,.0f} | {r.first_ms:,.0f} "
                     f"| {r.changed_ms:,.0f} | {r.warm_ms:,.1f} | {r.query_rss_mb:,.0f} "
                     f"| {r.load_avg:.1f} | {_mark(meets_build(r))} |")
    return "\n".join(lines)


def variant_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | kind | variant | API p50 ms | API p95 ms "
             "| uncached p50 ms | uncached p95 ms | API total | SQL p50 ms | SQL total |",
             "|---|--:|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    for r in results:
        for v in r.variants:
            f = kind_figures([v])
            sql_total = "–" if v.sql_total is None else f"{v.sql_total:,}"
            lines.append(f"| {r.engine} | {r.size:,} | {v.kind} | `{v.label}` | {_ms(f.p50)} "
                         f"| {_ms(f.p95)} | {_ms(f.uncached_p50)} | {_ms(f.uncached_p95)} "
                         f"| {v.api_total:,} | {_ms(f.sql_p50)} | {sql_total} |")
    return "\n".join(lines)


def method_note(repeat: int) -> str:
    return (
        f"Latency of `GET /api/v1/accessions` (page 1, {PER_PAGE} per page, anonymous) "
        "through the Flask test client, on the demo catalogue (`loaders.demo_catalogue."
        f"load_demo`, seed {SEED}, with its five years of evaluations: trait summaries for "
        "about 640 accessions whatever the size). Each kind cycles over its variants "
        f"(table below) for {repeat} timed requests after {WARM_UP} warm-up requests. "
        "*API*: as they come, so a text seen before is answered from `search.text`'s cache "
        "of matches (kept per index generation); *uncached*: the same requests with that "
        "cache emptied before each, as for the first visitor with a text or the first "
        "request after any re-index (text kinds only). "
        "*SQL p50*: a plain SQL query doing the same kind of work on the same database, "
        f"through SQLAlchemy Core on one connection: the first {PER_PAGE} rows (id, "
        "accenumb) ordered by accenumb or by the sort trait, plus `count(*)`; Chinese text "
        "is `accession_names.name LIKE '%…%'`, trait ranges join `trait_summaries` (year 0) "
        "on `mean`, restricted accessions are left out as for an anonymous user; PostgreSQL "
        "databases are `ANALYZE`d after the load, SQLite ones are not. Pinyin has "
        "no SQL equivalent (the database holds no pinyin): –. *ratio*: API p50 / SQL p50, "
        "*uncached ratio*: uncached p50 / SQL p50. The p95 target applies to both p95s. "
        "¹ over the variants that have an SQL equivalent only (`q=李…`; `q=cuili…` is pinyin).")


BUILD_NOTE = (
    "Index build: `search.accession_index.rebuild` of every accession (two writer "
    "processes above 2,000 documents), in a fresh process; its peak RSS is the main "
    "process's `VmHWM`. *First request*: the first request of a fresh process "
    "(`/api/v1/accessions`, no parameters), which builds the in-memory snapshot; "
    "*first after a change*: the same request after the catalogue version moved on, "
    "which rebuilds it; *same, warm*: its median over 20 further requests. None of "
    "these are part of p50/p95. *load avg before queries*: the machine's 1-minute load "
    "average as the query process started; much above 1 means other work competed for "
    "the two cores and the latencies are inflated.")
VARIANT_NOTE = (
    "Per variant (API and SQL totals show how far the SQL query matches the API's "
    "result; the API's text search also looks beyond names, in origin, taxon and notes):")


def section(results: list[Result], engines: list[str], repeat: int) -> str:
    command = " ".join([".venv/bin/python benchmarks/search.py", *sys.argv[1:]])
    postgres = POSTGRES_URL if "postgresql" in engines else None
    return "\n\n".join([
        "## Search", method_note(repeat),
        f"Run {utc_now()} with `{command}` on:\n\n{machine_description(postgres)}",
        latency_table(results), BUILD_NOTE, build_table(results),
        VARIANT_NOTE, variant_table(results),
    ])


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,50000", help="comma-separated accessions")
    parser.add_argument("--engines", default="sqlite", help="sqlite[,postgresql]")
    parser.add_argument("--repeat", type=int, default=200, help="timed requests per kind")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile one request of each kind that misses the p95 target")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    args.engines = [e.strip() for e in args.engines.split(",")]
    return args


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
