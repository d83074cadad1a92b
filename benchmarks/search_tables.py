"""Figures and markdown tables of benchmarks/search.py (kinds, results, notes)."""
from __future__ import annotations

import sys
from dataclasses import dataclass

from import_mcpd import POSTGRES_URL
from report import machine_description, mark, percentile, utc_now

SEED, WARM_UP, PER_PAGE = 0, 10, 20
TARGET_SIZE, P95_TARGET_MS, BUILD_TARGET_S = 50000, 50.0, 60.0
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
    cold_ms: list[float] | None  # every search cache of the process dropped first
    sql_ms: list[float] | None  # None: no SQL equivalent (pinyin)
    sql_total: int | None

    @property
    def label(self) -> str:
        return "&".join(f"{k}={v}" for k, values in self.params.items()
                        for v in ([values] if isinstance(values, str) else values))


@dataclass
class Result:
    engine: str
    size: int
    load_s: float
    build_s: float
    indexed: int
    build_rss_mb: float
    writer_rss_mb: float  # the largest writer process's peak (ru_maxrss of the children)
    first_ms: float  # first request of a fresh process
    changed_ms: float  # first request after a catalogue change
    warm_ms: float  # the same request, warm (median)
    load_avg: float  # 1-minute load average just before the query process started
    query_rss_mb: float
    variants: list[VariantTimings]


# --- figures and tables -----------------------------------------------------------------------


@dataclass
class KindFigures:
    """Milliseconds over a kind's variants; SQL and ratios over those that have SQL."""

    p50: float
    p95: float
    uncached_p50: float | None
    uncached_p95: float | None
    cold_p50: float | None
    cold_p95: float | None
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
                       pooled("uncached_ms", 95), pooled("cold_ms", 50), pooled("cold_ms", 95),
                       sql, sql and api / sql,
                       sql and uncached and uncached / sql)


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
             "| uncached p95 ms | cold p50 ms | cold p95 ms | SQL p50 ms | ratio "
             "| uncached ratio | p95 < 50 ms at 50,000 on SQLite |",
             "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for r in results:
        for kind in KINDS:
            mine = [v for v in r.variants if v.kind == kind]
            f = kind_figures(mine)
            note = "¹" if f.sql_p50 is not None and any(v.sql_ms is None for v in mine) else ""
            lines.append(f"| {r.engine} | {r.size:,} | {kind} | {_ms(f.p50)} | {_ms(f.p95)} "
                         f"| {_ms(f.uncached_p50)} | {_ms(f.uncached_p95)} "
                         f"| {_ms(f.cold_p50)} | {_ms(f.cold_p95)} "
                         f"| {_ms(f.sql_p50)}{note} | {_ratio(f.ratio, note)} "
                         f"| {_ratio(f.uncached_ratio, note)} "
                         f"| {mark(meets_p95(r, f.worst_p95))} |")
    return "\n".join(lines)


def _ratio(value: float | None, note: str) -> str:
    return "–" if value is None else f"{value:,.1f}×{note}"


def build_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | demo load s | index build s | documents "
             "| build peak RSS MiB | writer peak RSS MiB | first request ms "
             "| first after a change ms | same, warm ms "
             "| query process peak RSS MiB | load avg before queries "
             "| build < 60 s at 50,000 on SQLite |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for r in results:
        lines.append(f"| {r.engine} | {r.size:,} | {r.load_s:.0f} | {r.build_s:.1f} "
                     f"| {r.indexed:,} | {r.build_rss_mb:,.0f} | {r.writer_rss_mb:,.0f} "
                     f"| {r.first_ms:,.0f} "
                     f"| {r.changed_ms:,.0f} | {r.warm_ms:,.1f} | {r.query_rss_mb:,.0f} "
                     f"| {r.load_avg:.1f} | {mark(meets_build(r))} |")
    return "\n".join(lines)


def variant_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | kind | variant | API p50 ms | API p95 ms "
             "| uncached p50 ms | uncached p95 ms | cold p50 ms | cold p95 ms | API total "
             "| SQL p50 ms | SQL total |",
             "|---|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in results:
        for v in r.variants:
            f = kind_figures([v])
            sql_total = "–" if v.sql_total is None else f"{v.sql_total:,}"
            lines.append(f"| {r.engine} | {r.size:,} | {v.kind} | `{v.label}` | {_ms(f.p50)} "
                         f"| {_ms(f.p95)} | {_ms(f.uncached_p50)} | {_ms(f.uncached_p95)} "
                         f"| {_ms(f.cold_p50)} | {_ms(f.cold_p95)} | {v.api_total:,} "
                         f"| {_ms(f.sql_p50)} | {sql_total} |")
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
        "request after any change to the index (text kinds only); *cold*: a quarter as "
        "many requests (at least 10), each after every search cache of the process was "
        "dropped (the searcher, the text matches and the arrays of each index segment, "
        "`search.segment_arrays`), as for a worker's first text search after it started "
        "or after a full re-index. "
        "*SQL p50*: a plain SQL query doing the same kind of work on the same database, "
        f"through SQLAlchemy Core on one connection: the first {PER_PAGE} rows (id, "
        "accenumb) ordered by accenumb or by the sort trait, plus `count(*)`; Chinese text "
        "is `accession_names.name LIKE '%…%'`, trait ranges join `trait_summaries` (year 0) "
        "on `mean`, restricted accessions are left out as for an anonymous user; PostgreSQL "
        "databases are `ANALYZE`d after the load, SQLite ones are not. Pinyin has "
        "no SQL equivalent (the database holds no pinyin): –. *ratio*: API p50 / SQL p50, "
        "*uncached ratio*: uncached p50 / SQL p50. The p95 target applies to the API and "
        "uncached p95s; cold requests happen once per worker and index (like the first "
        "request after a change in the table below) and are shown for information. "
        "¹ over the variants that have an SQL equivalent only (`q=李…`; `q=cuili…` is pinyin).")


BUILD_NOTE = (
    "Index build: `search.accession_index.rebuild` of every accession (two writer "
    "processes above 2,000 documents), in a fresh process; its peak RSS is the main "
    "process's `VmHWM`, and the writer processes' is the largest of theirs (`ru_maxrss` of "
    "the children; 0 with 2,000 accessions or fewer, which are indexed without writer "
    "processes). *First request*: the first request of a fresh process "
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


