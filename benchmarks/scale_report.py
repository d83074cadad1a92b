"""Figures and markdown of benchmarks/scale.py."""
from __future__ import annotations

from importlib.metadata import version

from import_mcpd import POSTGRES_URL
from report import machine_description, mark, percentile, utc_now
from scale_findings import FINDINGS
from scale_queries import (
    HEAVIEST_KIND,
    HEAVIEST_REPEAT,
    PAGE_WARM_UP,
    RANDOM_KIND,
    SEARCH_KINDS,
)
from search_tables import VariantTimings, kind_figures
from web_http import THREADS, WORKERS

SEARCH_P95_MS, PAGE_P95_MS, BUILD_S = 50.0, 150.0, 600.0


def _ms(value) -> str:
    return "–" if value is None else f"{value:,.1f}"


def _rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:,.0f}" if seconds else "–"


# --- load -----------------------------------------------------------------------------------


def load_table(f: dict) -> str:
    passport, log = f["passport"], f["observations"]
    validate, store = _sum(passport, "validate_s"), _sum(passport, "store_s")
    bulk = [e for e in log if e.get("path") == "bulk"]
    real = [e for e in log if e.get("path") == "import_rows"]
    cohort = [e for e in real if e["accessions"] > 1]
    lines = ["| phase | rows | s | rows/s | demo rows generated s (not included) "
             "| peak RSS MiB |", "|---|--:|--:|--:|--:|--:|",
             _row("passport: `validate_rows`", passport, validate, details=False),
             _row("passport: `store_rows` + commit", passport, store, details=False),
             _row("passport, total", passport, validate + store),
             _row("observations, bulk path (COPY)", bulk),
             _row("trait summaries of the bulk path (`summaries.refresh`), summary rows",
                  [e for e in log if "summaries_from" in e]),
             _row("observations, `import_rows` + commit", real),
             _row("… of which the last cohort (blocks of accessions)", cohort),
             _row("… of which WSL00001's yearly sheets", [e for e in real if e not in cohort]),
             f"| `ANALYZE` between commits, as autovacuum would (¹) | – "
             f"| {sum(e.get('analyze_s', 0) for e in passport + log):,.0f} | – | – | – |",
             f"| `VACUUM ANALYZE` at the end | – | {f['vacuum']['vacuum_s']:,.0f} | – | – | – |"]
    return "\n".join(lines) + (
        "\n\n¹ This server runs with `autovacuum = off`: after each commit the benchmark "
        "analyzes the tables autovacuum would have (more than 50 + 10 % of their rows changed "
        "since their last analysis), since without statistics PostgreSQL reads a growing "
        "table whole for a look-up by key; with autovacuum on it does nothing.")


def _row(label: str, entries: list[dict], seconds: float | None = None,
         details: bool = True) -> str:
    """A table row summed over log entries; `details`: generation time and peak RSS."""
    if not entries:
        return f"| {label} | 0 | – | – | – | – |"
    rows = _sum(entries, "rows")
    seconds = _sum(entries, "store_s") if seconds is None else seconds
    generated = f"{_sum(entries, 'generated_s'):,.0f}" if details and "generated_s" in \
        entries[0] else "–"
    rss = f"{max(e['rss_mb'] for e in entries):,.0f}" if details else "–"
    return (f"| {label} | {rows:,} | {seconds:,.0f} | {_rate(rows, seconds)} | {generated} "
            f"| {rss} |")


def _sum(entries: list[dict], key: str):
    return sum(e[key] for e in entries)


def import_rows_estimate(f: dict) -> str:
    """How long the whole load would take through import_rows at its measured rate."""
    log = f["observations"]
    real = [e for e in log if e.get("path") == "import_rows" and e["accessions"] > 1]
    if not real:
        return ""
    rate = _sum(real, "rows") / _sum(real, "store_s")
    rows = _sum([e for e in log if "chunk" in e], "rows")
    return (f"At the rate `import_rows` reached on the last cohort ({rate:,.0f} rows/s, into a "
            f"database already holding the others), all {rows:,} observations would take "
            f"{rows / rate / 3600:,.1f} h through it.")


def counts_line(f: dict) -> str:
    return "Loaded: " + ", ".join(f"{k} {v:,}" for k, v in f["vacuum"]["counts"].items()) + "."


# --- index and search ------------------------------------------------------------------------


def index_table(f: dict) -> str:
    i = f["index"]
    return "\n".join([
        "| documents | build s | main process peak RSS MiB | writer process peak RSS MiB "
        "| build < 10 min |", "|--:|--:|--:|--:|:-:|",
        f"| {i['documents']:,} | {i['build_s']:,.1f} | {i['main_rss_mb']:,.0f} "
        f"| {i['writer_rss_mb']:,.0f} | {mark(i['build_s'] < BUILD_S)} |"])


def _variants(f: dict) -> list[VariantTimings]:
    return [VariantTimings(**v) for v in f["search"]["variants"]]


def search_table(f: dict) -> str:
    lines = ["| kind | variants | API p50 ms | API p95 ms | uncached p50 ms | uncached p95 ms "
             "| cold p50 ms | cold p95 ms | p95 < 50 ms |", "|---|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    variants = _variants(f)
    for kind in SEARCH_KINDS:
        mine = [v for v in variants if v.kind == kind]
        k = kind_figures(mine)
        lines.append(f"| {kind} | {len(mine)} | {_ms(k.p50)} | {_ms(k.p95)} "
                     f"| {_ms(k.uncached_p50)} | {_ms(k.uncached_p95)} | {_ms(k.cold_p50)} "
                     f"| {_ms(k.cold_p95)} | {mark(k.worst_p95 < SEARCH_P95_MS)} |")
    return "\n".join(lines)


def search_variant_table(f: dict) -> str:
    lines = ["| kind | variant | API p50 ms | API p95 ms | uncached p95 ms | cold p95 ms "
             "| matches |", "|---|---|--:|--:|--:|--:|--:|"]
    for v in _variants(f):
        k = kind_figures([v])
        lines.append(f"| {v.kind} | `{v.label}` | {_ms(k.p50)} | {_ms(k.p95)} "
                     f"| {_ms(k.uncached_p95)} | {_ms(k.cold_p95)} | {v.api_total:,} |")
    return "\n".join(lines)


def snapshot_line(f: dict) -> str:
    s = f["search"]
    return (f"In-memory snapshot (filters, facets, sorting, the page's charts): first request "
            f"of a fresh process {s['first_ms']:,.0f} ms, first request after a catalogue "
            f"change {s['changed_ms']:,.0f} ms, the same request warm {s['warm_ms']:,.1f} ms "
            f"(median of 20); query process peak RSS {s['rss_mb']:,.0f} MiB.")


# --- pages and size --------------------------------------------------------------------------


def page_table(f: dict) -> str:
    pages = f["pages"]
    lines = ["| page | requests | first request TTFB ms | TTFB p50 ms | TTFB p95 ms "
             "| total p50 ms | total p95 ms | TTFB p95 < 150 ms |",
             "|---|--:|--:|--:|--:|--:|--:|:-:|"]
    for kind in (RANDOM_KIND, HEAVIEST_KIND):
        ttfb = [t for v in pages["variants"] if v["kind"] == kind for t in v["ttfb_ms"]]
        total = [t for v in pages["variants"] if v["kind"] == kind for t in v["total_ms"]]
        p95 = percentile(ttfb, 95)
        lines.append(f"| {kind} | {len(ttfb)} | {pages['first_ms'][kind]:,.0f} "
                     f"| {percentile(ttfb, 50):,.1f} | {p95:,.1f} | {percentile(total, 50):,.1f} "
                     f"| {percentile(total, 95):,.1f} | {mark(p95 < PAGE_P95_MS)} |")
    memory = ", ".join(f"{peak:,.0f} / {now:,.0f}" for peak, now in pages["worker_memory_mb"])
    return "\n".join(lines) + (f"\n\ngunicorn's resident memory, peak / at the end, MiB (master, "
                               f"then workers): {memory}.")


def size_table(f: dict) -> str:
    size = f["size"]
    lines = [f"Database size (`pg_database_size`): {size['bytes'] / 2**30:,.2f} GiB. "
             "Largest tables (heap; total with indexes and TOAST):", "",
             "| table | rows (estimate) | heap MiB | total MiB |", "|---|--:|--:|--:|"]
    lines += [f"| {t['name']} | {t['rows']:,} | {t['heap'] / 2**20:,.0f} "
              f"| {t['total'] / 2**20:,.0f} |" for t in size["tables"]]
    return "\n".join(lines)


def load_average(f: dict) -> str:
    rows = [f"{phase} {v['mean']:.1f} (max {v['max']:.1f})"
            for phase, v in f.get("load average", {}).items()]
    return "- 1-minute load average during each phase, mean (max): " + "; ".join(rows)


# --- targets and the section -----------------------------------------------------------------


def targets(f: dict) -> list[tuple[str, bool]]:
    variants = _variants(f)
    worst = max(kind_figures([v for v in variants if v.kind == k]).worst_p95
                for k in SEARCH_KINDS)
    pages = max(percentile([t for v in f["pages"]["variants"] if v["kind"] == k
                            for t in v["ttfb_ms"]], 95) for k in (RANDOM_KIND, HEAVIEST_KIND))
    return [(f"search p95 under 50 ms (worst kind {worst:,.1f} ms)", worst < SEARCH_P95_MS),
            (f"accession page p95 under 150 ms (worst {pages:,.1f} ms)", pages < PAGE_P95_MS),
            (f"index build under 10 minutes ({f['index']['build_s']:,.0f} s)",
             f["index"]["build_s"] < BUILD_S)]


def summary(f: dict) -> str:
    return "\n\n".join([load_table(f), import_rows_estimate(f), counts_line(f),
                        index_table(f), search_table(f),
                        snapshot_line(f), page_table(f), size_table(f),
                        "\n".join(f"{mark(ok)}: {text}" for text, ok in targets(f))])


def method(args) -> str:
    return (
        f"{args.accessions:,} demo accessions (`loaders.demo.generate_rows`, seed 0) and "
        "twenty yearly campaigns (2006–2025) on a fresh PostgreSQL database: every accession "
        "but the check belongs to one of 19 cohorts, evaluated in its first two years on "
        "8 descriptors (FULL_BLOOM_DATE and HARVEST_DATE as dates, FRUIT_WEIGHT and SSC on "
        "three fruits, FLESH_COLOR, SKIN_COLOR and FLESH_TEXTURE nominal, FRUIT_CRACKING "
        "ordinal; values from `loaders.demo_observations`, with its 10 % of blank cells), "
        "and the check WSL00001 on all 64 descriptors every year; so every accession has "
        "trait summaries. Passport rows are stored by `loaders.mcpd.validate_rows` and "
        f"`store_rows` (services.upsert_rows, COPY on PostgreSQL) with a commit per "
        f"{args.chunk:,} rows. Observations are stored with a commit per campaign and block of "
        f"{args.block:,} accessions; all cohorts but the last {_cohorts(args)}take a bulk "
        "path (benchmarks/scale_bulk.py: the import's own `RowReader` validates and parses "
        "every value, the rows go in with COPY as `observations.record` writes them, campaign "
        "descriptors, worklist and audit entry through the same functions; left out are "
        "record()'s row locks, its look-up of existing observations and the summaries, which "
        "`summaries.refresh` itself then computes over every (accession, descriptor) pair), "
        "because the import would take hours (estimate below); the last cohort and "
        "WSL00001's sheets then go through `loaders.observations.import_rows` (validation, "
        "`observations.record` with its row locks, look-ups, worklists, audit entry and "
        "trait summaries) into the database holding the rest. Then `VACUUM ANALYZE`. "
        "The search index is then built by `search.accession_index.rebuild` as `germplasm "
        "reindex` does (peak RSS: `VmHWM` of the main process, `ru_maxrss` of the largest "
        "writer process). Search: `GET /api/v1/accessions` (page 1, 20 per page, anonymous) "
        f"through the Flask test client in a fresh process, {args.repeat} timed requests per "
        "kind cycling over its variants after 10 warm-up requests, *API* as they come (a text "
        "seen before is answered from the cache of matches), *uncached* with that cache "
        "emptied before each request (text kinds), *cold* a quarter as many with every search "
        "cache of the process dropped, as in benchmarks/search.py; the target applies to API "
        f"and uncached. Accession pages: gunicorn {version('gunicorn')} with {WORKERS} "
        f"workers of {THREADS} threads (`-w {WORKERS} --threads {THREADS}`), `http.client` "
        "with a new connection per request, one at a time, anonymous; after "
        f"{PAGE_WARM_UP} warm-up requests of other accessions and as many of WSL00001, "
        f"{args.pages} random public accessions once each and WSL00001 {HEAVIEST_REPEAT} "
        "times; *TTFB* until the status line and headers, *total* until the body is read; "
        "*first request*: the first of the kind to the fresh server, which had a worker "
        "build its snapshot (not part of p50/p95).")


def _cohorts(args) -> str:
    return "" if args.real_cohorts == 1 else f"{args.real_cohorts:,} "


def runs(f: dict) -> str:
    """Which run measured which phases (a run that stopped is carried on by another)."""
    grouped = {}
    for phase, run in f.get("runs", {}).items():
        grouped.setdefault((run["at"][:10], run["command"], run["code"]), []).append(phase)
    return "\n".join(f"- {', '.join(phases)}: {at} with `{command}` (code {code})"
                     for (at, command, code), phases in grouped.items())


def section(f: dict, args) -> str:
    return "\n\n".join([
        "## Twenty years × 10 (benchmarks/scale.py)", method(args),
        f"Written {utc_now()} from these runs, client, server and PostgreSQL on one machine:"
        f"\n\n{runs(f)}",
        f"The machine:\n\n{machine_description(POSTGRES_URL)}\n{load_average(f)}",
        "Load (seconds of the storing only; generating the demo rows is shown apart):",
        load_table(f), import_rows_estimate(f), counts_line(f),
        "Index build:", index_table(f),
        "Search p95 by kind:", search_table(f), snapshot_line(f),
        "Per variant (*matches*: the result's total):", search_variant_table(f),
        "Accession pages:", page_table(f),
        size_table(f),
        "Targets:\n\n" + "\n".join(f"- {mark(ok)}: {text}" for text, ok in targets(f)),
        FINDINGS,
    ])
