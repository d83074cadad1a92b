"""A bounded load test: gunicorn with 4 workers on PostgreSQL, simulated users, an MCPD import.

Prepares a fresh PostgreSQL database (created and dropped here; see benchmarks/import_mcpd.py
for the server) with the demo catalogue and its search index (benchmarks/web.py's
build_database), staff users (`germplasm users create`), a campaign with a worklist for them
(`germplasm campaign create`) and an MCPD file to import: `germplasm export mcpd` of the
catalogue, half of its rows updated (REMARKS), half copied as new accessions. Then runs
`gunicorn -w 4 wsgi:app` and --users simulated users (benchmarks/load_users.py) for --seconds:
anonymous users search (`/`), open accession pages and call `/api/v1/accessions` and
`/api/v1/screening`; --staff users log in and save entry forms of the campaign. Each user waits
a random think time (0.5 to 1.5 x --think seconds) after every request. At --import-at seconds
`germplasm import mcpd` runs against the same database; the run lasts until the import has
ended, at least --seconds.

Prints and writes to docs/benchmarks.md (section "load") requests per second and p50/p95/p99
per kind of request, overall and while the import ran, errors (status >= 500, connection
errors, any status but the expected 200, or 302 after a login or a save) with samples, and
checks that nothing was lost: accessions after = before + created by the import, every
ACCENUMB of the file present, every saved entry stored (exit status 1 if not); also the
figures per 10 s of the run and gunicorn's log lines other than INFO. --samples FILE keeps
every request as CSV.

Run from the repository root:

    .venv/bin/python benchmarks/load.py
    .venv/bin/python benchmarks/load.py --users 10 --seconds 10 --no-write
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path

from import_mcpd import POSTGRES_URL, fresh_database
from load_setup import GERMPLASM, PASSWORD, YEAR, Setup, checks, prepare, query, server_problems
from load_users import DESCRIPTORS, WEIGHTS, Record, anonymous_user, preflight, staff_user
from report import git_state, machine_description, mark, percentile, utc_now, write_section
from web_http import ROOT, gunicorn

WORKERS, P95_TARGET_MS = 4, 300.0
KINDS = ["search page", "accession page", "API accessions", "API screening", "login",
         "entry form", "entry save"]


def run_load(args, port: int, setup: Setup, tmp: Path) -> dict:
    record, stop = Record(), threading.Event()
    staff = [(f"loadstaff{i + 1}", PASSWORD) for i in range(args.staff)]
    users = [threading.Thread(target=staff_user, args=(port, record, stop, i, staff[i], (
        setup.campaign, YEAR, setup.worklists[i]), args.think)) for i in range(args.staff)]
    users += [threading.Thread(target=anonymous_user, args=(
        port, record, stop, 100 + i, setup.public, args.think))
        for i in range(args.users - args.staff)]
    command = [str(GERMPLASM), "import", "mcpd", str(setup.import_file), "--user", "loadtest",
               "--report", str(tmp / "report.json")]
    run = {"load": [(0.0, os.getloadavg()[0])], "import": None, "log": tmp / "import.log"}
    for user in users:
        user.start()
    importer, last_load = None, time.perf_counter()
    try:
        with run["log"].open("w") as log:
            while True:
                now = time.perf_counter() - record.t0
                if importer is None and now >= args.import_at:
                    print(f"{now:5.1f} s: starting the import", flush=True)
                    importer = subprocess.Popen(command, cwd=ROOT, env=setup.env, stdout=log,
                                                stderr=subprocess.STDOUT)
                    run["import_start"] = now
                if importer and importer.poll() is not None:
                    run["import"], run["import_end"] = importer.returncode, now
                    print(f"{now:5.1f} s: import exited {importer.returncode}", flush=True)
                    importer = False  # done
                if time.perf_counter() - last_load >= 5:
                    run["load"].append((now, os.getloadavg()[0]))
                    last_load = time.perf_counter()
                if now >= args.seconds and (importer is False or now >= args.seconds + 600):
                    break
                time.sleep(0.1)
    finally:
        stop.set()
        if importer:  # still running: an error here, or it hung for 10 minutes
            importer.kill()
            run.setdefault("import_end", time.perf_counter() - record.t0)
        for user in users:
            user.join(timeout=90)
    run.update(record=record, seconds=time.perf_counter() - record.t0)
    run["load"].append((run["seconds"], os.getloadavg()[0]))
    return run


def figures(samples, seconds: float) -> tuple:
    ms = [s.ms for s in samples]
    return (len(ms), sum(not s.ok for s in samples), len(ms) / seconds, percentile(ms, 50),
            percentile(ms, 95), percentile(ms, 99))


def timeline(run: dict, step: int = 10) -> str:
    """Requests per window of `step` seconds: throughput, latency, errors, import, load."""
    lines = ["| from s | requests | req/s | p50 ms | p95 ms | max ms | errors | import "
             "| 1-min load average |", "|--:|--:|--:|--:|--:|--:|--:|:-:|--:|"]
    for t in range(0, int(run["seconds"]) + 1, step):
        mine = [s for s in run["record"].samples if t <= s.start < t + step]
        ms, width = [s.ms for s in mine], min(step, run["seconds"] - t)
        if not ms:
            continue
        running = run["import_start"] < t + step and run["import_end"] > t
        load = [v for at, v in run["load"] if at < t + step][-1]
        lines.append(f"| {t} | {len(ms)} | {len(ms) / width:.1f} | {percentile(ms, 50):,.0f} "
                     f"| {percentile(ms, 95):,.0f} | {max(ms):,.0f} "
                     f"| {sum(not s.ok for s in mine)} | {'runs' if running else ''} "
                     f"| {load:.2f} |")
    return "\n".join(lines)


def _ms(value: float) -> str:
    return "–" if value != value else f"{value:,.0f}"  # NaN: no samples


def table(run: dict) -> tuple[str, bool]:
    samples, (start, end) = run["record"].samples, (run["import_start"], run["import_end"])
    lines = ["| kind | requests | errors | req/s | p50 ms | p95 ms | p99 ms | during import: "
             "requests | p50 ms | p95 ms | p99 ms | p95 < 300 ms during import |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    met = True
    for kind in [*KINDS, "all"]:
        mine = [s for s in samples if kind in (s.kind, "all")]
        during = [s for s in mine if start <= s.start <= end]
        if not mine:
            continue
        n, errors, rps, *ps = figures(mine, run["seconds"])
        dn, _, _, *dps = figures(during, end - start)
        ok = dps[1] < P95_TARGET_MS if during else None
        met = met and ok is not False
        lines.append(f"| {kind} | {n:,} | {errors} | {rps:.1f} | "
                     + " | ".join(_ms(p) for p in ps) + f" | {dn:,} | "
                     + " | ".join(_ms(p) for p in dps) + f" | {mark(ok)} |")
    return "\n".join(lines), met


def section(args, run, rows, check_lines, met, errors, load_text, server_log) -> str:
    imp = run["import_end"] - run["import_start"]
    verdict = (f"Targets: 0 errors: {'met' if not errors else f'**missed** ({errors} errors)'}; "
               f"p95 under 300 ms while the import runs (every kind): "
               f"{'met' if met else '**missed**'}; nothing lost: "
               f"{'met' if all(c.startswith('ok') for c in check_lines) else '**missed**'}.")
    samples = run["record"].errors
    return "\n\n".join(filter(None, [
        "## Under load (benchmarks/load.py)",
        f"gunicorn {version('gunicorn')} with {WORKERS} sync workers (`gunicorn -w {WORKERS} "
        "wsgi:app` on 127.0.0.1) on a fresh PostgreSQL database holding the demo catalogue "
        f"({args.accessions:,} accessions with five years of evaluations) and its search index. "
        f"{args.users} simulated users (Python threads, `http.client`, a new connection per "
        f"request, each user with its own cookies), {args.staff} of them staff who log in and "
        f"save entry forms of a campaign ({len(DESCRIPTORS.split(','))} descriptors: "
        f"{DESCRIPTORS.replace(',', ', ')}; GET the form, then POST it, expecting the redirect), "
        "the others anonymous, picking by weight the search page (`/`: Chinese, pinyin and "
        "English text, misspellings, trait and category filters, sorting, paging), accession "
        "pages, `/api/v1/accessions` and `/api/v1/screening` ("
        + ", ".join(f"{w} %" for w in WEIGHTS.values()) + "). After every request a user "
        f"waits 0.5–1.5 × {args.think:g} s. At {args.import_at:g} s `germplasm import mcpd` "
        f"imports {args.import_rows:,} rows into the same database: half update existing "
        "accessions (REMARKS), half are copies of existing rows under new numbers (same names, "
        "so an ANCEST parent name then matches two accessions: the import's warnings). Times "
        "from sending the request until the whole response is read; *during import*: requests "
        "sent while the import command ran. Errors: status >= 500, connection errors, and any "
        "status other than the expected one (200; 302 to the next accession after a save).",
        f"Run {utc_now()} with `.venv/bin/python benchmarks/load.py {' '.join(sys.argv[1:])}`"
        f" (code {git_state()}), client, server, PostgreSQL and the import on one machine:"
        f"\n\n{machine_description(POSTGRES_URL)}\n- 1-minute load average during the run: "
        f"{load_text}",
        f"Ran {run['seconds']:.0f} s: {len(run['record'].samples):,} requests, "
        f"{len(run['record'].samples) / run['seconds']:.1f} requests per second overall. "
        f"Import from {run['import_start']:.0f} s to {run['import_end']:.0f} s: {imp:.1f} s "
        "wall time for the command (startup included).", rows,
        "Per 10 s of the run (by the time a request was sent; load average sampled every 5 s):",
        timeline(run), "\n".join(f"- {c}" for c in check_lines),
        f"gunicorn's log: {len(server_log)} tracebacks or lines other than INFO"
        + (":\n\n```\n" + "\n".join(sorted(set(server_log))[:10]) + "\n```" if server_log
           else "."),
        "Error samples:\n\n```\n" + "\n\n".join(s[:600] for s in samples[:5]) + "\n```"
        if samples else "", verdict]))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--staff", type=int, help="staff users among them (default users/10)")
    parser.add_argument("--think", type=float, default=2.0, help="mean think time, seconds")
    parser.add_argument("--import-at", type=float, help="seconds (default 40, or seconds/3)")
    parser.add_argument("--import-rows", type=int, default=5000)
    parser.add_argument("--accessions", type=int, default=5000, help="demo catalogue size")
    parser.add_argument("--samples", type=Path, help="write every request here (CSV)")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    args = parser.parse_args()
    args.staff = args.staff if args.staff is not None else max(1, args.users // 10)
    args.import_at = args.import_at if args.import_at is not None else min(40, args.seconds / 3)
    return args


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_load_") as tmp_name:
        tmp = Path(tmp_name)
        with fresh_database("postgresql", tmp) as url:
            setup = prepare(args, url, tmp)
            (before,), = query(url, "SELECT count(*) FROM accessions")
            log = tmp / "gunicorn.log"
            env = {k: setup.env[k] for k in setup.env if k.startswith("GERMPLASM_")}
            with gunicorn(url, env["GERMPLASM_INDEX_DIR"], log, WORKERS, env) as port:
                preflight(port, setup.public)
                print(f"gunicorn ({WORKERS} workers) on port {port}; {args.users} users for "
                      f"{args.seconds:g} s, import at {args.import_at:g} s", flush=True)
                run = run_load(args, port, setup, tmp)
            print(run["log"].read_text(errors="replace")[-1500:])
            check_lines, nothing_lost = checks(url, setup, run, before)
            server_log = server_problems(log)
    rows, met = table(run)
    errors = sum(not s.ok for s in run["record"].samples)
    loads = [v for _, v in run["load"]]
    load_text = (f"{loads[0]:.2f} at the start, {max(loads):.2f} at most, {loads[-1]:.2f} at the "
                 "end (this test's client, workers, PostgreSQL and import count too)")
    print("\n\n".join([rows, timeline(run), "\n".join(check_lines),
                       f"load average: {load_text}"]))
    for sample in run["record"].errors:
        print(f"--- error sample ---\n{sample}")
    for trace in server_log[:10]:
        print(f"--- gunicorn log ---\n{trace}")
    print(f"{errors} errors; gunicorn's log: {len(server_log)} tracebacks or lines not INFO")
    if args.samples:
        with args.samples.open("w", newline="") as handle:
            csv.writer(handle).writerows([("kind", "start_s", "ms", "ok")] + [
                (x.kind, f"{x.start:.3f}", f"{x.ms:.1f}", int(x.ok))
                for x in run["record"].samples])
    if not args.no_write:
        write_section("load", section(args, run, rows, check_lines, met, errors, load_text,
                                           server_log))
    if not nothing_lost:  # latency is the machine's business; lost data is not
        sys.exit("FAILED: the import failed or data was lost (see above)")


if __name__ == "__main__":
    main()
