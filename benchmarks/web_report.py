"""The tables and the docs/benchmarks.md section of benchmarks/web.py."""
from __future__ import annotations

import sys
from importlib.metadata import version
from typing import Protocol

from report import machine_description, mark, percentile, utc_now
from web_http import THREADS, WORKERS
from web_staff import IMPORT_ROWS, POLL_S, PRECHECK_TARGET_S, Precheck, precheck_table
from web_weight import Weight

P95_TARGET_MS = 150.0


class Timed(Protocol):  # web.Variant
    kind: str
    path: str
    note: str
    ttfb_ms: list[float]
    total_ms: list[float]


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f}"


def kind_p95(variants: list[Timed], kind: str) -> float:
    return percentile([t for v in variants if v.kind == kind for t in v.ttfb_ms], 95)


def latency_table(variants: list[Timed], first: dict[str, float]) -> str:
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


def variant_table(variants: list[Timed]) -> str:
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
    lines = ["| page | URL | HTML KB | assets (references) | assets KB | of which map data KB "
             "| total KB | total gzip KB | < 500 KB |", "|---|---|--:|--:|--:|--:|--:|--:|:-:|"]
    for w in weights:
        external = f" + {len(w.external)} external" if w.external else ""
        lines.append(f"| {w.label} | `{w.path}` | {_kb(w.html_bytes)} "
                     f"| {w.assets} ({w.references}){external} | {_kb(w.asset_bytes)} "
                     f"| {_kb(w.data_bytes) if w.data_bytes else '–'} "
                     f"| {_kb(w.total_bytes)} | {_kb(w.gzip_bytes)} "
                     f"| {mark(w.meets_target())} |")
    return "\n".join(lines)


def verdict(variants: list[Timed], first: dict[str, float], weights: list[Weight],
            checks: list[Precheck]) -> str:
    slow = [k for k in first if not kind_p95(variants, k) < P95_TARGET_MS]
    heavy = [w.label for w in weights if not w.meets_target()]
    late = [str(i) for i, c in enumerate(checks, 1) if not c.shown_s < PRECHECK_TARGET_S]
    return "\n".join([
        "Targets: p95 TTFB under 150 ms per page kind: "
        + ("met." if not slow else f"**missed** ({', '.join(slow)})."),
        "Under 500 KB per page (HTML + assets, bytes on the wire): "
        + ("met." if not heavy else f"**missed** ({', '.join(heavy)})."),
        f"Pre-check report of a {IMPORT_ROWS:,}-row MCPD file shown within "
        f"{PRECHECK_TARGET_S:.0f} s: "
        + ("met." if not late else f"**missed** (upload {', '.join(late)})."),
    ])


def load_text(load: list[float]) -> str:
    return " / ".join(f"{value:.2f}" for value in load)


def section(args, variants, first, weights, load, checks, seed: int, warm_up: int) -> str:
    command = " ".join([".venv/bin/python benchmarks/web.py", *sys.argv[1:]])
    return "\n\n".join([
        "## Web pages",
        f"Pages served by gunicorn {version('gunicorn')} ({WORKERS} workers of {THREADS} "
        f"threads, `gunicorn -w {WORKERS} --threads {THREADS} wsgi:app` on 127.0.0.1) from a "
        "fresh SQLite database holding the demo catalogue (`loaders.demo_catalogue.load_demo`, "
        f"{args.accessions:,} accessions, seed {seed}, with its five years of evaluations) and "
        "its search index, requested anonymously (default language, Chinese) with "
        "`http.client`, one new connection per request, one request at a time, from the same "
        "machine. *TTFB*: from sending the request (connecting included) until the status "
        "line and headers are read; *total*: until the whole body is read. Each kind cycles "
        f"over its variants (table below) for {args.repeat} timed requests after {warm_up} "
        "warm-up requests; *first request*: the very first request of the kind to the fresh "
        "server (cold workers: the search snapshot and templates are built), not part of "
        "p50/p95. *search page, 3 chips*: a text query, a facet (species or origin) and a "
        "trait range, each shown as a removable chip.",
        f"Run {utc_now()} with `{command}` on:\n\n{machine_description()}\n"
        f"- 1-minute load average before / after timing / at the end: {load_text(load)} (the "
        "machine's 2 cores are shared with other work, which competes with the server and "
        "the client)",
        latency_table(variants, first),
        variant_table(variants),
        "### Upload pre-check",
        f"A curator logs in and uploads a {IMPORT_ROWS:,}-row MCPD file through the upload "
        "form's contract (`POST /imports`: kind=mcpd, the file, csrf_token; multipart), then "
        f"polls `GET /imports/<id>.json` every {POLL_S * 1000:.0f} ms until the job is no "
        "longer `checking`, and reads the report page `/imports/<id>`. The file is "
        "`germplasm export mcpd` of the catalogue made into an import "
        "(benchmarks/mcpd_file.py): half its rows update existing accessions (REMARKS), half "
        "are new accessions. The pre-check is the loader's dry run, in a thread of the "
        "gunicorn worker that took the upload. *report shown*: from sending the upload until "
        "the report page is read (POST to checked, plus the report page); the page itself "
        "polls every 0.7 s, so a person may see it up to 0.7 s later. *server CPU*: user + "
        "system CPU time of the gunicorn processes from the upload until checked (the "
        "check's thread and the polls, from /proc): about what the check would take on an "
        "idle core.",
        precheck_table(checks),
        "### Page weight",
        "The HTML plus the same-origin stylesheets (`<link rel=stylesheet>`), scripts "
        "(`<script src>`) and images (`<img src>`) it references, and the JSON that map.js "
        "fetches as soon as a page with a map loads (the country and province outlines, a "
        "search's collecting sites: *map data*), each distinct URL fetched once as a "
        "browser's first visit would (*references* counts duplicates too; tags inside "
        "`<title>` are text for a browser and are not counted). Bytes on the wire as a "
        "browser asks for them (`Accept-Encoding: gzip`): the app compresses scripts, "
        "stylesheets and JSON, never HTML (pages hold CSRF tokens; BREACH); "
        "1 KB = 1,000 bytes. *total gzip*: the HTML and each asset gzip-compressed (level 6) "
        "separately, summed, for information (what a proxy compressing HTML too would send). "
        "Images that "
        "stylesheets or scripts load themselves (Leaflet's marker icons) are not included. "
        "Pages marked staff or curator are weighed signed in as the curator; the selection "
        "holds 100 accessions spread over the catalogue, saved, and its shared link is "
        "opened by a stranger; the accession with photos has three 2,000 x 1,500 JPEGs "
        "(noise under coloured discs, about 0.75 MB each, like a camera's) added with "
        "`germplasm photos add`: its page shows them at full size (`<img loading=lazy>` at the "
        "top of the page, so a browser loads them at once).",
        weight_table(weights),
        verdict(variants, first, weights, checks),
    ])
