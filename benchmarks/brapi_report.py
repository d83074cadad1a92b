"""benchmarks/brapi.py's figures: one result per engine and size, its tables and section."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from importlib.metadata import version

from api_setup import RATE
from brapi_measure import WARM_UP, Harvest, Pages
from report import git_state, machine_description, mark, percentile, utc_now
from web_http import THREADS, WORKERS

PAGE_TARGET_MS = 300.0


@dataclass
class Result:
    engine: str
    accessions: int
    restricted: int
    page_size: int
    pages: Pages = field(default_factory=Pages)
    harvest: Harvest = field(default_factory=Harvest)
    missing: int = 0
    server_log: list[str] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        return sum(times - 1 for times in self.harvest.ids.values())

    @property
    def complete(self) -> bool:
        return not self.missing and not self.duplicates and \
            len(self.harvest.ids) == self.accessions


def _f(value: float, digits: int = 1) -> str:
    return "–" if value != value else f"{value:,.{digits}f}"


def summary(result: Result, part: str) -> str:
    """One line for the console as each part ends."""
    p, h = result.pages, result.harvest
    if part == "pages":
        return (f"pages of {result.page_size:,} over HTTP p50 {_f(percentile(p.http_ms, 50))} "
                f"ms, p95 {_f(percentile(p.http_ms, 95))} ms; test client p50 "
                f"{_f(percentile(p.client_ms, 50))} ms, p95 {_f(percentile(p.client_ms, 95))} "
                f"ms; {max(p.statements, default=0)} SQL statements a page at most")
    return (f"harvest: {len(h.ids):,} of {result.accessions:,} accessions in {h.pages} pages, "
            f"{h.seconds:.1f} s ({h.per_second:,.0f} records/s); {result.missing} missing, "
            f"{result.duplicates} twice")


def pages_table(results: list[Result]) -> str:
    lines = ["| engine | accessions | pageSize | requests | HTTP p50 ms | HTTP p95 ms | "
             "HTTP p99 ms | HTTP max ms | test client p50 ms | test client p95 ms | "
             "test client CPU p50 / p95 ms | SQL statements a page | page KB | p95 < 300 ms |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for r in results:
        ms, client, statements = r.pages.http_ms, r.pages.client_ms, r.pages.statements
        cpu = r.pages.client_cpu_ms
        lines.append(
            f"| {r.engine} | {r.accessions:,} | {r.page_size:,} | {len(ms)} | "
            f"{_f(percentile(ms, 50))} | {_f(percentile(ms, 95))} | {_f(percentile(ms, 99))} | "
            f"{_f(max(ms, default=float('nan')))} | {_f(percentile(client, 50))} | "
            f"{_f(percentile(client, 95))} | {_f(percentile(cpu, 50))} / "
            f"{_f(percentile(cpu, 95))} | {min(statements, default=0)}–"
            f"{max(statements, default=0)} | {r.pages.kilobytes:,.0f} | "
            f"{mark(percentile(ms, 95) < PAGE_TARGET_MS)} |")
    return "\n".join(lines)


def harvest_table(results: list[Result]) -> str:
    lines = ["| engine | accessions (restricted) | pages | records received | distinct | "
             "missing | seconds | records/s | page p50 / p95 ms | every accession once |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for r in results:
        h = r.harvest
        lines.append(
            f"| {r.engine} | {r.accessions:,} ({r.restricted:,}) | {h.pages} | "
            f"{sum(h.ids.values()):,} | {len(h.ids):,} | {r.missing:,} | {h.seconds:,.1f} | "
            f"{h.per_second:,.0f} | {_f(percentile(h.page_ms, 50), 0)} / "
            f"{_f(percentile(h.page_ms, 95), 0)} | {mark(r.complete)} |")
    return "\n".join(lines)


def _loads(monitor) -> str:
    return "; ".join(f"{phase}: {p['start']:.1f} at the start, {p['mean']:.1f} on average, "
                     f"{p['max']:.1f} at most" for phase, p in monitor.phases.items())


def section(results: list[Result], args, monitor, postgres_url: str | None) -> str:
    log_lines = sum(len(r.server_log) for r in results)
    met = all(percentile(r.pages.http_ms, 95) < PAGE_TARGET_MS for r in results)
    return "\n\n".join([
        "## BrAPI germplasm (benchmarks/brapi.py)",
        f"`gunicorn -w {WORKERS} --threads {THREADS} wsgi:app` (gunicorn {version('gunicorn')}) "
        "on 127.0.0.1, on a fresh database initialised like `germplasm init` holding the demo "
        "catalogue's passport rows (`loaders.demo`, seed 0, stored by `loaders.mcpd."
        "validate_rows` and `store_rows` as `germplasm demo` stores them; without its "
        "evaluations, lots and requests, which `/brapi/v2/germplasm` does not read). Requests "
        "carry a staff user's read token (`germplasm tokens create`), so every accession is "
        f"served, restricted ones too; the rate limit is raised to {RATE} for the run. "
        f"*Pages*: `GET /brapi/v2/germplasm?page=N&pageSize={args.page_size}` for "
        f"{args.requests} random pages, one at a time, `http.client` with a new connection per "
        f"request, after {WARM_UP} warm-up pages, until the body is read; *test client*: "
        f"{args.client_requests} such pages through the Flask test client in a fresh process "
        "(the app's time without HTTP and gunicorn), with the CPU time of that process for "
        "each (what the machine's other work inflates least) and the SQL statements each sent. "
        "*Harvest*: a client with a keep-alive `requests` session asks page 0, 1, … until "
        "`totalPages`, as a harvester does; *records/s*: records received / seconds from the "
        "first request to the last answer.",
        f"Run {utc_now()} with "
        f"`{' '.join(['.venv/bin/python benchmarks/brapi.py', *sys.argv[1:]])}` "
        f"(code {git_state()}), client, server and database on one machine:\n\n"
        f"{machine_description(postgres_url)}\n- 1-minute load average: {_loads(monitor)} "
        "(the machine's 2 cores are shared with other engineers' test runs, which compete "
        "with the server, the database and the client)",
        "Pages:", pages_table(results), "Harvest:", harvest_table(results),
        f"gunicorn's log: {log_lines} tracebacks or lines other than INFO.",
        f"Target: a page of {args.page_size:,} in under {PAGE_TARGET_MS:.0f} ms at p95 over "
        f"HTTP: {'met' if met else '**missed**'}; every accession harvested exactly once: "
        f"{'yes' if all(r.complete for r in results) else '**no**'}."])
