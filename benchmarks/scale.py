"""Benchmark the platform at ten times the seed's twenty-year horizon, on PostgreSQL.

500,000 demo accessions and about 10.8 million observations over twenty yearly campaigns
(2006-2025), with trait summaries for every accession (see benchmarks/scale_data.py). On a
new PostgreSQL database it measures, each phase in a fresh process:

- load: passport rows through loaders.mcpd (validate_rows, store_rows, i.e.
  services.upsert_rows) and a commit per 50,000 rows. Observations, a commit per block of
  5,000 accessions and year: all cohorts but the last take the bulk path of
  benchmarks/scale_bulk.py (the import's own validation, COPY, then summaries.refresh over
  every pair), since the import itself would take hours; the last cohort and WSL00001's
  sheets then go through loaders.observations.import_rows (validation, observations.record
  with its locks and look-ups, worklists, audit and trait summaries) into the full database.
  Then VACUUM ANALYZE. Rows per second per path, generating the demo rows not included;
- index build: search.accession_index.rebuild (what `germplasm reindex` does), wall time and
  the peak RSS of the main and writer processes (benchmarks/search.py's build_index);
- search: GET /api/v1/accessions through the test client, per kind (Chinese, pinyin,
  English/Latin text, trait filters, text + trait + filter, trait sorts), as they come,
  uncached and cold (benchmarks/search.py's helpers); the first request of a process and
  the first after a change, which build the in-memory snapshot;
- accession pages over HTTP from gunicorn (as benchmarks/web_http.py starts it): several
  hundred random public accessions once each, and WSL00001 (every descriptor in every
  year) 50 times; the workers' peak RSS;
- database size: pg_database_size and the largest tables.

Targets: search p95 under 50 ms (every kind, as they come and uncached), accession page
p95 under 150 ms (time to first byte), index build under 10 minutes. It writes the figures
to docs/benchmarks.md (section "scale"), with the machine, date and load average.

It takes about an hour on two cores (demo rows generated 12 min, bulk observations 12 min,
their summaries 9 min, the last cohort through import_rows 12 min, index 5 min) and about
6 GB of disk (5.3 GB database, 0.7 GB index), too long for `make bench`; run it on its
own from the repository root:

    .venv/bin/python benchmarks/scale.py --keep          # keeps the database at the end
    .venv/bin/python benchmarks/scale.py --reuse germplasm_scale_ab12cd34 --redo search,pages
    .venv/bin/python benchmarks/scale.py --accessions 20000 --no-write   # a quick try

A database that failed half way is kept (its name is printed): --reuse NAME carries on from
the last committed chunk and skips the phases already measured (their figures are kept in
the work folder, /tmp/bench_scale/NAME). PostgreSQL is reached at
$GERMPLASM_BENCH_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test);
the role needs CREATEDB.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import scale_db
import scale_load as load
import scale_queries as queries
from import_mcpd import POSTGRES_URL, in_fresh_process
from report import LoadMonitor, git_state, utc_now, write_section
from scale_report import section, summary
from sqlalchemy import create_engine, make_url, text
from web import search_bench

WORK_ROOT = Path("/tmp/bench_scale")
PHASES = ("passport", "observations", "vacuum", "index", "search", "pages", "size")


class Work:
    """The work folder of one database: the index, load logs and the figures so far."""

    def __init__(self, name: str):
        self.name, self.dir = name, WORK_ROOT / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.index = str(self.dir / "index")
        self.state_file = self.dir / "figures.json"
        self.figures = json.loads(self.state_file.read_text()) if self.state_file.exists() \
            else {}

    def save(self, phase: str, figures) -> None:
        self.figures[phase] = figures
        self.state_file.write_text(json.dumps(self.figures, indent=1, ensure_ascii=False))


@contextmanager
def database(args) -> str:
    """The database's URL: a new one, or --reuse NAME. Dropped after a complete run unless
    --keep; kept after a failure, so that --reuse can carry on."""
    name = args.reuse or f"germplasm_scale_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    if not args.reuse:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    print(f"database {name}", flush=True)
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    except BaseException:
        print(f"\nkept database {name}: carry on with --reuse {name}", file=sys.stderr)
        raise
    if args.keep:
        print(f"kept database {name} (--reuse {name}; drop it with dropdb)")
    else:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        shutil.rmtree(WORK_ROOT / name, ignore_errors=True)
    admin.dispose()


def run_phase(phase: str, args, url: str, work: Work):
    index = work.index
    if phase == "passport":
        in_fresh_process(load.prepare, url, index)
        in_fresh_process(load.load_passport, url, index, args.accessions, args.chunk,
                         work.dir / "passport.jsonl")
        return load.read_log(work.dir / "passport.jsonl")
    if phase == "observations":
        in_fresh_process(load.load_observations, url, index, args.accessions, args.block,
                         args.real_cohorts, work.dir / "observations.jsonl")
        return load.read_log(work.dir / "observations.jsonl")
    if phase == "vacuum":
        return in_fresh_process(scale_db.vacuum_and_count, url, index)
    if phase == "index":
        keys = ("build_s", "documents", "main_rss_mb", "writer_rss_mb")
        return dict(zip(keys, in_fresh_process(search_bench.build_index, url, index),
                        strict=True))
    if phase == "search":
        return in_fresh_process(queries.time_search, url, index, args.repeat, args.profile)
    if phase == "pages":
        return queries.time_pages(url, index, work.dir, args.pages, args.profile)
    return scale_db.database_size(url)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accessions", type=int, default=500_000)
    parser.add_argument("--chunk", type=int, default=50_000, help="passport rows per commit")
    parser.add_argument("--block", type=int, default=5_000,
                        help="accessions per observation chunk (one commit per year)")
    parser.add_argument("--real-cohorts", type=int, default=1,
                        help="cohorts stored through import_rows; the others take the bulk path")
    parser.add_argument("--repeat", type=int, default=200, help="timed requests per kind")
    parser.add_argument("--pages", type=int, default=400, help="random accession pages")
    parser.add_argument("--reuse", metavar="NAME", help="carry on with this database")
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument("--redo", default="", help=f"phases to measure again: {PHASES}")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile one request of each kind that misses its target")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    args = parser.parse_args()
    args.redo = {p.strip() for p in args.redo.split(",") if p.strip()}
    return args


def main() -> None:
    args = parse_args()
    with database(args) as url:
        work = Work(make_url(url).database)
        settings = {"accessions": args.accessions, "chunk": args.chunk, "block": args.block,
                    "real_cohorts": args.real_cohorts}
        if work.figures.setdefault("settings", settings) != settings:
            raise SystemExit(f"{work.name} was loaded with {work.figures['settings']}")
        monitor = LoadMonitor()
        for phase in PHASES:
            if phase in work.figures and phase not in args.redo:
                continue
            print(f"{phase} ...", flush=True)
            with monitor.during(phase):
                figures = run_phase(phase, args, url, work)
            work.save(phase, figures)
            run = {"command": " ".join([".venv/bin/python benchmarks/scale.py", *sys.argv[1:]]),
                   "code": git_state(), "at": utc_now()}
            work.save("runs", {**work.figures.get("runs", {}), phase: run})
            work.save("load average", {**work.figures.get("load average", {}),
                                       **monitor.phases})
        print(summary(work.figures))
        if not args.no_write:
            write_section("scale", section(work.figures, args))


if __name__ == "__main__":
    main()
