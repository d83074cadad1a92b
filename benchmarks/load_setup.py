"""Preparing benchmarks/load.py's database, staff, campaign and MCPD file; checking
afterwards that nothing was lost, and reading gunicorn's log."""
from __future__ import annotations

import json
import os
import random
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from load_users import DESCRIPTORS
from mcpd_file import write_import_file
from sqlalchemy import create_engine, text
from web import build_database
from web_http import ROOT

GERMPLASM = Path(sys.executable).with_name("germplasm")
CAMPAIGN, YEAR, PER_STAFF, PASSWORD = "负载测试 2026", 2026, 100, "load-test-pw"


@dataclass
class Setup:
    env: dict[str, str]
    public: list[str]  # accession numbers anonymous users may open
    campaign: int
    worklists: list[list[str]]
    import_file: Path
    import_numbers: list[str]
    new_rows: int


def cli(env: dict, *args: str) -> str:
    done = subprocess.run([str(GERMPLASM), *args], cwd=ROOT, env=env, capture_output=True,
                          text=True)
    if done.returncode:
        raise RuntimeError(f"germplasm {' '.join(args[:2])}: {done.stdout}{done.stderr}")
    return done.stdout


def query(url: str, sql: str, **params):
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql), params).all()
    finally:
        engine.dispose()


def prepare(args, url: str, tmp: Path) -> Setup:
    build_database(url, str(tmp / "index"), args.accessions)
    env = {**os.environ, "GERMPLASM_DATABASE_URL": url,
           "GERMPLASM_INDEX_DIR": str(tmp / "index"), "GERMPLASM_PHOTO_DIR": str(tmp / "photos"),
           "GERMPLASM_SECRET_KEY": secrets.token_hex(32),
           # 50 simulated users share one address; real ones would not share a rate budget.
           "GERMPLASM_API_RATE": "100000 per minute"}
    rng = random.Random(1)
    for i in range(args.staff):
        cli(env, "users", "create", f"loadstaff{i + 1}", "--role", "staff", "--password",
            PASSWORD)
    public = [n for (n,) in query(url, "SELECT accenumb FROM accessions WHERE NOT restricted "
                                       "ORDER BY accenumb")]
    chosen = sorted(rng.sample(public, args.staff * PER_STAFF))
    print(cli(env, "campaign", "create", CAMPAIGN, "--year", str(YEAR), "--site", "巫山圃",
              "--descriptors", DESCRIPTORS, "--accessions", ",".join(chosen)).strip())
    (campaign,), = query(url, "SELECT id FROM campaigns WHERE name = :n", n=CAMPAIGN)
    cli(env, "export", "mcpd", str(tmp / "export.csv"))
    import_file, numbers, new = write_import_file(tmp, args.import_rows, rng)
    return Setup(env, public, campaign, [chosen[i::args.staff] for i in range(args.staff)],
                 import_file, numbers, new)


def checks(url: str, setup: Setup, run: dict, before: int) -> tuple[list[str], bool]:
    path = run["log"].parent / "report.json"  # not written when the import failed outright
    report = json.loads(path.read_text()) if path.exists() else {
        "created": 0, "updated": 0, "unchanged": 0, "rejected": [], "warnings": []}
    (after,), = query(url, "SELECT count(*) FROM accessions")
    present = query(url, "SELECT count(*) FROM accessions WHERE accenumb = ANY(:n)",
                    n=setup.import_numbers)[0][0]
    (stored,), = query(url, "SELECT count(*) FROM observations WHERE campaign_id = :c",
                       c=setup.campaign)
    saved = len(run["record"].saved) * len(DESCRIPTORS.split(","))
    updates = len(setup.import_numbers) - setup.new_rows
    for warning in report["warnings"][:3]:
        print(f"import warning: {warning}")
    results = [
        (run["import"] == 0, f"import exit status {run['import']} (expected 0)"),
        ((report["created"], report["updated"]) == (setup.new_rows, updates),
         f"import report: created {report['created']:,}, updated {report['updated']:,}, "
         f"unchanged {report['unchanged']:,}, rejected {len(report['rejected'])}, warnings "
         f"{len(report['warnings'])} (the file: {setup.new_rows:,} new rows, {updates:,} updates)"),
        (after == before + report["created"], f"accessions before {before:,}, after {after:,}"
         f" = before + created ({before + report['created']:,})"),
        (present == len(setup.import_numbers), f"ACCENUMBs of the file in the catalogue: "
         f"{present:,} of {len(setup.import_numbers):,}"),
        (stored == saved, f"observations in the load campaign: {stored:,}; saved entries x "
         f"descriptors: {len(run['record'].saved):,} x {len(DESCRIPTORS.split(','))} = {saved:,}")]
    return [f"{'ok' if ok else 'FAILED'}: {line}" for ok, line in results], all(
        ok for ok, _ in results)


def server_problems(log: Path) -> list[str]:
    """gunicorn's log: each traceback with the line before it (Flask's "Exception on ..."),
    and every line that is not INFO (worker timeouts, the app's warnings)."""
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    found, i = [], 0
    while i < len(lines):
        end = i
        if lines[i].startswith("Traceback (most recent call last)"):
            end = next((j for j in range(i + 1, len(lines)) if not lines[j].startswith(" ")),
                       len(lines) - 1)
            found.append("\n".join(lines[max(0, i - 1):end + 1]))
        elif "[INFO]" not in lines[i] and not lines[i].startswith(" "):
            found.append(lines[i])
        i = end + 1
    return found
