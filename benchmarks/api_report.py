"""benchmarks/api.py's figures: one result per engine and size, its tables and section."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from importlib.metadata import version

from api_measure import WARM_UP, Sync
from api_setup import RATE
from report import git_state, machine_description, mark, percentile, utc_now
from web_http import THREADS, WORKERS

DETAIL_TARGET_MS, LAG_TARGET_S = 30.0, 2.0


@dataclass
class Result:
    engine: str
    size: int
    accessions: int
    detail_ms: list[float] = field(default_factory=list)
    client_ms: list[float] = field(default_factory=list)
    sync: Sync | None = None
    feed_rows: int = 0
    lag: list[dict] = field(default_factory=list)
    server_log: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.sync is None or len(self.sync.records) == self.accessions

    def lags(self) -> list[float]:
        return [row["lag_s"] for row in self.lag]


def _f(value: float, digits: int = 1) -> str:
    return "–" if value != value else f"{value:,.{digits}f}"


def summary(result: Result, part: str) -> str:
    """One line for the console as each part ends."""
    if part == "detail":
        return (f"detail over HTTP p50 {_f(percentile(result.detail_ms, 50))} ms, p95 "
                f"{_f(percentile(result.detail_ms, 95))} ms; test client p50 "
                f"{_f(percentile(result.client_ms, 50))} ms, p95 "
                f"{_f(percentile(result.client_ms, 95))} ms")
    if part == "sync":
        s = result.sync
        return (f"sync: {len(s.records):,} records of {result.accessions:,} in "
                f"{s.seconds:.1f} s ({s.per_second:,.0f} records/s), {s.pages} pages, "
                f"{s.changes:,} changes, {len(s.detail_ms):,} detail requests")
    lags = result.lags()
    return (f"lag: p50 {_f(percentile(lags, 50), 2)} s, p95 {_f(percentile(lags, 95), 2)} s, "
            f"max {_f(max(lags, default=float('nan')), 2)} s over {len(lags)} changes")


def detail_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | requests | HTTP p50 ms | HTTP p95 ms | HTTP p99 ms | "
             "HTTP max ms | test client p50 ms | test client p95 ms | p95 < 30 ms |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for r in [r for r in results if r.detail_ms]:
        ms, client = r.detail_ms, r.client_ms
        lines.append(f"| {r.engine} | {r.accessions:,} | {len(ms):,} | "
                     f"{_f(percentile(ms, 50))} | {_f(percentile(ms, 95))} | "
                     f"{_f(percentile(ms, 99))} | {_f(max(ms, default=float('nan')))} | "
                     f"{_f(percentile(client, 50))} | {_f(percentile(client, 95))} | "
                     f"{mark(percentile(ms, 95) < DETAIL_TARGET_MS)} |")
    return "\n".join(lines)


def sync_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | feed rows | pages | changes read | detail requests | "
             "records synced | seconds | records/s | feed page p50 / p95 ms | "
             "detail p50 / p95 ms (concurrent) |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in [r for r in results if r.sync]:
        s = r.sync
        lines.append(
            f"| {r.engine} | {r.accessions:,} | {r.feed_rows:,} | {s.pages} | {s.changes:,} | "
            f"{len(s.detail_ms):,} | {len(s.records):,} | {s.seconds:,.1f} | "
            f"{s.per_second:,.0f} | {_f(percentile(s.page_ms, 50), 0)} / "
            f"{_f(percentile(s.page_ms, 95), 0)} | {_f(percentile(s.detail_ms, 50))} / "
            f"{_f(percentile(s.detail_ms, 95))} |")
    return "\n".join(lines)


def lag_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | changes | lag p50 s | lag p95 s | lag max s | "
             "polls per change (mean) | found | p95 < 2 s |",
             "|---|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for r in [r for r in results if r.lag]:
        lags, found = r.lags(), sum(x != float("inf") for x in r.lags())
        polls = sum(row["polls"] for row in r.lag) / len(r.lag) if r.lag else float("nan")
        lines.append(f"| {r.engine} | {r.accessions:,} | {len(lags)} | "
                     f"{_f(percentile(lags, 50), 2)} | {_f(percentile(lags, 95), 2)} | "
                     f"{_f(max(lags, default=float('nan')), 2)} | {_f(polls)} | {found} | "
                     f"{mark(percentile(lags, 95) < LAG_TARGET_S)} |")
    return "\n".join(lines)


def _loads(monitor) -> str:
    return "; ".join(f"{phase}: {p['start']:.1f} at the start, {p['max']:.1f} at most"
                     for phase, p in monitor.phases.items())


def section(results: list[Result], args, monitor, postgres_url: str | None) -> str:
    log_lines = sum(len(r.server_log) for r in results)
    return "\n\n".join([
        "## Partner API (benchmarks/api.py)",
        f"Two app nodes, each `gunicorn -w {WORKERS} --threads {THREADS} wsgi:app` "
        f"(gunicorn {version('gunicorn')}) on 127.0.0.1, on one fresh database holding the demo "
        "catalogue (`loaders.demo_catalogue`, seed 0, with its five years of evaluations), each "
        "node with its own search index folder (`GERMPLASM_INDEX_DIR`; node B's is a copy of "
        "node A's, made after the build). Requests carry a staff user's read token "
        f"(`germplasm tokens create`); the rate limit is raised to {RATE} for the run. "
        f"*Detail*: `GET /api/v1/accessions/{{id}}` on node A for {args.requests} random "
        f"accessions (any, restricted ones too), one at a time, `http.client` with a new "
        f"connection per request, after {WARM_UP} warm-up requests, until the body is read; "
        "*test client*: the same requests through the Flask test client in a fresh process "
        "(the app's time without HTTP and gunicorn). *Sync*: a client with `requests` "
        "(keep-alive sessions) polls `GET /api/v1/changes?after=CURSOR&limit=1000` on node A "
        "from cursor 0 until a page comes back short, and after each page fetches "
        "`GET /api/v1/accessions/{id}` for every accession upserted in it (once per page, "
        f"{args.threads} threads); other entities (observations, summaries, descriptors, "
        "campaigns) are read from the feed but not fetched; *records/s*: accessions synced / "
        "seconds from the first feed request to the last answer. *Lag*: a writer process "
        "(fresh, its own index not following the feed) edits a public accession's names as "
        "the admin does (`update_passport`, a new unique Latin word added to ACCENAME) and "
        "commits; from the moment the commit returns, node B's "
        "`GET /api/v1/accessions?q=<word>` is asked every 50 ms (anonymous, a new connection "
        "each) until the accession is among its items; lag: until that answer is read. "
        f"{args.changes} changes, 0.1–0.3 s apart.",
        f"Run {utc_now()} with `{' '.join(['.venv/bin/python benchmarks/api.py', *sys.argv[1:]])}` "
        f"(code {git_state()}), client, nodes and database on one machine:\n\n"
        f"{machine_description(postgres_url)}\n- 1-minute load average: {_loads(monitor)}",
        *_tables(results), f"gunicorn's logs: {log_lines} tracebacks or lines other than INFO.",
        "Targets: " + "; ".join(_verdicts(results)) + "."])


def _tables(results: list[Result]) -> list[str]:
    parts = []
    if any(r.detail_ms for r in results):
        parts += ["Detail:", detail_table(results)]
    if any(r.sync for r in results):
        parts += ["Full sync:", sync_table(results)]
    if any(r.lag for r in results):
        parts += ["Feed lag to node B's search:", lag_table(results)]
    return parts


def _verdicts(results: list[Result]) -> list[str]:
    verdicts = []
    if any(r.detail_ms for r in results):
        met = all(percentile(r.detail_ms, 95) < DETAIL_TARGET_MS for r in results)
        verdicts.append(f"detail p95 under {DETAIL_TARGET_MS:.0f} ms over HTTP: "
                        f"{'met' if met else '**missed**'}")
    if any(r.sync for r in results):
        met = all(r.complete for r in results)
        verdicts.append(f"every accession synced: {'yes' if met else '**no**'}")
    if any(r.lag for r in results):
        met = all(percentile(r.lags(), 95) < LAG_TARGET_S for r in results)  # NaN: missed
        verdicts.append(f"lag p95 under {LAG_TARGET_S:.0f} s: {'met' if met else '**missed**'}")
    return verdicts
