"""The newer pages of benchmarks/web.py: a curator's selection, screening, campaigns, the
upload pre-check of a 5,000-row MCPD file, the results map and an accession with photos.

Prepared with the app's own commands (`germplasm users create`, `photos add`, `export mcpd`
of the demo catalogue, turned into an import file by benchmarks/mcpd_file.py); then, over
HTTP, a curator logs in, fills and saves a selection, uploads the file, and the pages are
weighed (web_weight.weigh) as the user who would open them."""
from __future__ import annotations

import json
import os
import random
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from mcpd_file import write_import_file
from PIL import Image, ImageDraw
from report import mark
from sqlalchemy import create_engine, text
from web_client import Browser
from web_http import ROOT
from web_weight import Weight, weigh

CURATOR, PASSWORD = "bench_curator", "bench-curator-pw"
IMPORT_ROWS, PRECHECKS, POLL_S, PRECHECK_TARGET_S = 5000, 3, 0.05, 5.0
SELECTION_SIZE, PHOTOS = 100, 3
SCREENING = ("/screening?mode=index&s0=SSC&s0w=2&s1=FRUIT_WEIGHT&s1w=1"
             "&s2=HARVEST_DATE&s2dir=~&s2target=07-10&s2w=1")
MAP = "/map?q=李"


@dataclass
class Prepared:
    import_file: Path
    campaign: int  # the campaign with the longest worklist
    worklist: int


@dataclass
class Precheck:
    job: int
    post_ms: float  # the upload, until its redirect to the report page is read
    checked_s: float  # from sending the upload until /imports/<id>.json says checked
    page_ms: float  # then the report page, read whole
    page_bytes: int
    report: dict
    server_cpu_s: float  # CPU the gunicorn processes spent meanwhile (the check, the polls)

    @property
    def shown_s(self) -> float:
        return self.checked_s + self.page_ms / 1000


def app_env(env: dict[str, str], tmp: Path) -> dict[str, str]:
    """Photos and uploads in the run's temporary folder, not the checkout's instance/."""
    return {**env, "GERMPLASM_PHOTO_DIR": str(tmp / "photos"),
            "GERMPLASM_UPLOAD_DIR": str(tmp / "uploads")}


def cli(env: dict[str, str], *args: str) -> str:
    """`germplasm ARGS` of this checkout (the console script may belong to another one)."""
    done = subprocess.run([sys.executable, "-c", "from germplasm.cli import main; main()",
                           *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"germplasm {' '.join(args[:2])}: {done.stdout}{done.stderr}")
    return done.stdout


def prepare(env: dict[str, str], url: str, tmp: Path, photo_accession: str) -> Prepared:
    env = {**env, "GERMPLASM_SECRET_KEY": secrets.token_hex(32)}
    cli(env, "users", "create", CURATOR, "--role", "curator", "--password", PASSWORD)
    cli(env, "photos", "add", photo_accession, *map(str, make_photos(tmp)),
        "--caption", "果实 (benchmark)")
    cli(env, "export", "mcpd", str(tmp / "export.csv"))
    import_file, _numbers, _new = write_import_file(tmp, IMPORT_ROWS, random.Random(1))
    engine = create_engine(url)
    with engine.connect() as connection:
        campaign, worklist = connection.execute(text(
            "SELECT campaign_id, count(*) FROM worklist_entries GROUP BY campaign_id "
            "ORDER BY count(*) DESC, campaign_id LIMIT 1")).one()
    engine.dispose()
    return Prepared(import_file, campaign, worklist)


def make_photos(tmp: Path) -> list[Path]:
    """Camera-sized JPEGs (2,000 x 1,500, with detail, so that they compress like photos)."""
    rng, paths = random.Random(2), []
    for i in range(PHOTOS):
        picture = Image.effect_noise((2000, 1500), 40).convert("RGB")
        draw = ImageDraw.Draw(picture)
        for _ in range(60):
            x, y, r = rng.randrange(2000), rng.randrange(1500), rng.randrange(30, 200)
            draw.ellipse((x - r, y - r, x + r, y + r),
                         fill=(rng.randrange(80, 200), rng.randrange(0, 80), rng.randrange(60)))
        paths.append(tmp / f"fruit{i + 1}.jpg")
        picture.save(paths[-1], quality=85)
    return paths


def fill_selection(browser: Browser, numbers: list[str]) -> str:
    """Add the accessions to the curator's selection, save it; the saved one's token."""
    token = browser.csrf("/selection")
    added = browser.post("/selection/add", [("csrf_token", token), *[("accenumb", n) for n in
                                                                     numbers]],
                         expect=200, accept="application/json")  # answers the count it holds
    if json.loads(added.body)["count"] != len(numbers):
        raise RuntimeError(f"the selection holds {added.body!r}, not {len(numbers)}")
    saved = browser.post("/selections", [("csrf_token", token), ("name", "基准选集")],
                         expect=302)
    return saved.headers["Location"].rstrip("/").rsplit("/", 1)[-1]


def precheck(browser: Browser, file: Path) -> Precheck:
    """Upload as the form does, poll the job's JSON every POLL_S until it is no longer
    checking, then read the report page."""
    token = browser.csrf("/imports")
    cpu = server_cpu(browser.port)
    start = time.perf_counter()
    posted = browser.upload("/imports", {"csrf_token": token, "kind": "mcpd"}, "file", file)
    job = int(posted.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    while (state := json.loads(browser.send(f"/imports/{job}.json", 200).body))[
            "status"] == "checking":
        time.sleep(POLL_S)
    checked_s = time.perf_counter() - start
    cpu = server_cpu(browser.port) - cpu
    if state["status"] != "checked":
        raise RuntimeError(f"import job {job}: {state['status']}: {state['report']}")
    page = browser.send(f"/imports/{job}", 200)
    return Precheck(job, posted.total_ms, checked_s, page.total_ms, len(page.body),
                    state["report"], cpu)


def server_cpu(port: int) -> float:
    """User + system CPU seconds of the gunicorn master and workers serving on port, from
    /proc (workers are forks: their command line is the master's, with the bind address)."""
    ticks, bind = 0, f"127.0.0.1:{port}".encode()
    for entry in os.scandir("/proc"):
        try:
            if entry.name.isdigit() and bind in Path(entry.path, "cmdline").read_bytes():
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:  # the process ended meanwhile
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def staff_pages(port: int, prepared: Prepared, selection: list[str],
                photo_accession: str) -> tuple[list[Precheck], list[Weight]]:
    browser = Browser(port)
    browser.log_in(CURATOR, PASSWORD)
    saved = fill_selection(browser, selection)
    print(f"pre-checking a {IMPORT_ROWS:,}-row MCPD file {PRECHECKS} times ...", flush=True)
    checks = [precheck(browser, prepared.import_file) for _ in range(PRECHECKS)]
    for check in checks:
        print(f"  job {check.job}: checked in {check.checked_s:.2f} s", flush=True)
    campaign = f"/campaigns/{prepared.campaign}/progress"
    worklist = f"{prepared.worklist:,} accessions"
    staff = browser.headers
    pages = [
        (f"selection, {len(selection)} accessions (its owner)", "/selection", staff),
        (f"saved selection's shared link, {len(selection)} (a stranger)",
         f"/selections/{saved}", None),
        ("screening, 3-trait index", SCREENING, None),
        ("campaigns (staff)", "/campaigns/", staff),
        (f"campaign progress, {worklist} (staff)", campaign, staff),
        (f"campaign progress grid, {worklist} (staff)", f"{campaign}?view=grid", staff),
        (f"import report, {IMPORT_ROWS:,} rows (curator)", f"/imports/{checks[0].job}", staff),
        ("results map, with its sites and outlines", MAP, None),
        (f"accession page, {PHOTOS} photos", f"/accessions/{photo_accession}", None),
    ]
    return checks, [weigh(port, label, path, headers) for label, path, headers in pages]


def precheck_table(checks: list[Precheck]) -> str:
    lines = ["| upload | job | POST ms | POST to checked s | server CPU s | report page ms "
             "| report shown s | report page KB | created / updated / unchanged / rejected "
             "| shown < 5 s |", "|--:|--:|--:|--:|--:|--:|--:|--:|---|:-:|"]
    for i, c in enumerate(checks, 1):
        r = c.report
        counts = " / ".join(f"{r.get(k, 0):,}" for k in ("created", "updated", "unchanged"))
        lines.append(f"| {i} | {c.job} | {c.post_ms:,.0f} | {c.checked_s:.2f} "
                     f"| {c.server_cpu_s:.2f} "
                     f"| {c.page_ms:,.0f} | {c.shown_s:.2f} | {c.page_bytes / 1000:,.1f} "
                     f"| {counts} / {len(r.get('rejected', [])):,} "
                     f"| {mark(c.shown_s < PRECHECK_TARGET_S)} |")
    return "\n".join(lines)
