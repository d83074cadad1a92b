"""Timing search and accession pages on benchmarks/scale.py's database.

Search goes through the helpers of benchmarks/search.py (the API test client, cached,
uncached and cold), over its query kinds plus English/Latin text and more trait filters and
sorts; accession pages go over HTTP to gunicorn through the helpers of benchmarks/web.py.
"""
from __future__ import annotations

import os
import random
from pathlib import Path

from import_mcpd import peak_rss_mb
from report import percentile
from search_tables import KINDS, VariantTimings
from sqlalchemy import create_engine, text
from web import Variant, profile_misses, search_bench
from web_http import fetch_ok, gunicorn

from germplasm.extensions import db

SEARCH_KINDS = {
    "Chinese text": KINDS["Chinese text"],
    "pinyin": KINDS["pinyin"],
    "English/Latin": [{"q": q} for q in ("Santa Rosa", "president", "cacanska lepotica",
                                         "Black Amber", "domestica")],
    "trait filter": KINDS["trait range"] + [
        {"trait": ["HARVEST_DATE:..07-20", "FRUIT_WEIGHT:40.."]},
        {"trait": "FLESH_COLOR:yellow|红色"}],
    "text + trait + filter": KINDS["text + trait + filter"],
    "trait sort": KINDS["sorted by trait"] + [{"sort": "HARVEST_DATE"},
                                              {"sort": "-FRUIT_WEIGHT", "trait": "SSC:14.."}],
}
HEAVIEST, PAGE_WARM_UP, HEAVIEST_REPEAT = "WSL00001", 20, 50
RANDOM_KIND, HEAVIEST_KIND = "accession page, random", f"accession page, {HEAVIEST}"


# --- search (in a fresh process) -------------------------------------------------------------


def time_search(url: str, index_dir: str, repeat: int, profile: bool) -> dict:
    """Snapshot requests, then every kind: as they come (API), with the text-match cache
    emptied before each request (uncached) and with every search cache dropped (cold)."""
    app = search_bench.make_app(url, index_dir)
    client = app.test_client()
    first, changed, warm = search_bench.snapshot_requests(app, client)
    variants = []
    for kind, params in SEARCH_KINDS.items():
        print(f"  {kind} ...", flush=True)
        api, totals = search_bench.time_api(client, params, repeat)
        uncached = search_bench.time_uncached(client, params, repeat)
        cold = search_bench.time_cold(client, params, repeat)
        variants += [VariantTimings(kind, p, *row, None, None) for p, *row in
                     zip(params, api, totals, uncached, cold, strict=True)]
    if profile:
        search_bench.profile_misses(client, variants)
    with app.app_context():
        db.engine.dispose()
    return {"first_ms": first, "changed_ms": changed, "warm_ms": warm,
            "rss_mb": peak_rss_mb(), "variants": [vars(v) for v in variants]}


# --- accession pages over HTTP ---------------------------------------------------------------


def page_sample(url: str, count: int) -> list[str]:
    """`count` public accession numbers other than WSL00001, drawn with a fixed seed."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            numbers = list(connection.execute(text(
                "SELECT accenumb FROM accessions WHERE NOT restricted AND accenumb <> :h "
                "ORDER BY accenumb"), {"h": HEAVIEST}).scalars())
    finally:
        engine.dispose()
    return random.Random(1).sample(numbers, min(count, len(numbers)))


def time_pages(url: str, index_dir: str, work: Path, count: int, profile: bool) -> dict:
    """WARM_UP requests (both workers build their snapshot), then each sampled accession
    once and WSL00001 HEAVIEST_REPEAT times; the workers' memory at the end."""
    sample = page_sample(url, count + PAGE_WARM_UP)
    warm_up, sample = sample[:PAGE_WARM_UP], sample[PAGE_WARM_UP:]
    heaviest = Variant(HEAVIEST_KIND, f"/accessions/{HEAVIEST}", "every descriptor, every year")
    randoms = [Variant(RANDOM_KIND, f"/accessions/{number}") for number in sample]
    with gunicorn(url, index_dir, work / "gunicorn.log") as port:
        print(f"  gunicorn on port {port}: warming up ...", flush=True)
        first = {HEAVIEST_KIND: fetch_ok(port, heaviest.path).ttfb_ms}
        first[RANDOM_KIND] = fetch_ok(port, f"/accessions/{warm_up[0]}").ttfb_ms
        for number in warm_up:
            fetch_ok(port, f"/accessions/{number}")
            fetch_ok(port, heaviest.path)
        for variant in randoms + [heaviest] * HEAVIEST_REPEAT:
            fetched = fetch_ok(port, variant.path)
            variant.ttfb_ms.append(fetched.ttfb_ms)
            variant.total_ms.append(fetched.total_ms)
        workers = worker_memory(port)
    if profile:
        profile_misses(url, index_dir, randoms + [heaviest])
    return {"first_ms": first, "worker_memory_mb": workers,
            "variants": [vars(v) for v in [heaviest, *randoms]]}


def worker_memory(port: int) -> list[tuple[float, float]]:
    """(peak, current) resident set size in MiB (VmHWM, VmRSS) of the gunicorn processes
    bound to this port, master first."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            status = dict(line.split(":", 1) for line in
                          Path(f"/proc/{pid}/status").read_text().splitlines())
        except (OSError, ValueError):
            continue
        if any(b"gunicorn" in part for part in command) and f":{port}".encode() in b" ".join(
                command):
            found.append((int(pid), *(int(status[k].split()[0]) / 1024
                                      for k in ("VmHWM", "VmRSS"))))
    return [(peak, now) for _, peak, now in sorted(found)]


def pooled_p95(variants: list[dict], kind: str, which: str = "ttfb_ms") -> float:
    return percentile([t for v in variants if v["kind"] == kind for t in v[which]], 95)
