"""Benchmark BrAPI germplasm: p95 of GET /brapi/v2/germplasm pages of 1,000, and a harvest of
every germplasm record page by page.

For each engine (SQLite and PostgreSQL by default) and size it initialises a fresh database
like `germplasm init` and stores the demo catalogue's passport rows (`loaders.demo`, seed 0)
through `loaders.mcpd.validate_rows` and `store_rows` as `germplasm demo` does (without its
evaluations, lots and requests, which the germplasm call does not read and which take minutes
at 50,000), creates a staff user and a read token, and
starts `gunicorn -w 2 --threads 4 wsgi:app`. Then, with the token (staff see every accession):

1. pages: --requests random pages of --page-size, one at a time, a new connection each, after
   5 warm-up pages; and --client-requests of them through the Flask test client in a fresh
   process (the app's own time), counting the SQL statements of each page;
2. harvest: a client with a keep-alive `requests` session pages from 0 to totalPages; records
   per second, and every accession must arrive exactly once.

Target: a page of 1,000 in under 300 ms at p95 over HTTP. Figures go to docs/benchmarks.md
(section "brapi"). Run from the repository root:

    .venv/bin/python benchmarks/brapi.py
    .venv/bin/python benchmarks/brapi.py --engines sqlite --sizes 5000 --no-write

PostgreSQL is reached at $GERMPLASM_BENCH_POSTGRES_URL (default
postgresql+psycopg://postgres@127.0.0.1:5432/test); the role needs CREATEDB.
"""
from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from api_setup import PASSWORD, RATE, STAFF
from brapi_measure import harvest, pages_http, pages_test_client
from brapi_report import Result, section, summary
from flask_migrate import upgrade
from import_mcpd import POSTGRES_URL, fresh_database, in_fresh_process
from load_setup import cli, query, server_problems
from report import LoadMonitor, benchmark_parser, parse_lists, run_served
from scale_data import passport_rows
from sqlalchemy import text
from web import search_bench  # benchmarks/search.py
from web_http import gunicorn

from germplasm import MIGRATIONS_DIR
from germplasm.accessions.mcpd_fields import ALL_COLUMNS
from germplasm.accessions.models import Institute
from germplasm.extensions import db
from germplasm.initial_data import load_initial_data
from loaders.demo_catalogue import DEMO_INSTITUTE
from loaders.mcpd import store_rows, validate_rows
from loaders.report import ImportReport

SEED = 0


def load_passport(url: str, index_dir: str, size: int) -> None:
    """`germplasm init`, then the demo's passport rows as `germplasm demo` stores them."""
    rows = passport_rows(size)
    numbered = [(number, [row.get(c, "") for c in ALL_COLUMNS])
                for number, row in enumerate(rows, 2)]
    with search_bench.make_app(url, index_dir).app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_initial_data()
        if db.session.scalar(db.select(Institute).filter_by(code=DEMO_INSTITUTE["code"])) is None:
            db.session.add(Institute(**DEMO_INSTITUTE))
        report = ImportReport()
        valid = validate_rows(numbered, dict(enumerate(ALL_COLUMNS)), len(ALL_COLUMNS), report)
        report = store_rows(valid, report, user="bench", source=f"demo seed {SEED}",
                            skip_invalid=False, is_demo=True)
        if report.rejected or report.created != size:
            raise RuntimeError(f"demo passport load went wrong: {report.summary()}")
        db.session.commit()
        if db.engine.dialect.name == "postgresql":  # as autovacuum would, in time
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        db.engine.dispose()


def load(url: str, tmp: Path, size: int) -> tuple[dict[str, str], str]:
    """The catalogue, a staff user's read token; the app's environment and the token."""
    index_dir = str(tmp / "index")  # never built: the germplasm call does not search
    in_fresh_process(load_passport, url, index_dir, size)
    env = {"GERMPLASM_DATABASE_URL": url, "GERMPLASM_INDEX_DIR": index_dir,
           "GERMPLASM_PHOTO_DIR": str(tmp / "photos"), "GERMPLASM_API_RATE": RATE,
           "GERMPLASM_SECRET_KEY": secrets.token_hex(32)}
    full = {**os.environ, **env}
    cli(full, "users", "create", STAFF, "--role", "staff", "--password", PASSWORD)
    token = cli(full, "tokens", "create", STAFF, "--name", "benchmark harvest",
                "--scope", "read").strip().splitlines()[-1].strip()
    return env, token


def run(engine: str, size: int, args, monitor: LoadMonitor) -> Result:
    with tempfile.TemporaryDirectory(prefix="bench_brapi_") as tmp_name, \
            fresh_database(engine, Path(tmp_name)) as url:
        tmp = Path(tmp_name)
        with monitor.during(f"{engine} {size:,} load"):
            env, token = load(url, tmp, size)
        ids = {i for (i,) in query(url, "SELECT id FROM accessions")}
        (restricted,), = query(url, "SELECT count(*) FROM accessions WHERE restricted")
        result = Result(engine, len(ids), restricted, args.page_size)
        page_count = -(-len(ids) // args.page_size)
        log = tmp / "server.log"
        with gunicorn(url, env["GERMPLASM_INDEX_DIR"], log, env=env) as port:
            print(f"{engine}, {size:,}: gunicorn on {port}", flush=True)
            with monitor.during(f"{engine} {size:,} pages"):
                result.pages = pages_http(port, token, page_count, args.page_size,
                                          args.requests, SEED)
                pages = result.pages
                pages.client_ms, pages.client_cpu_ms, pages.statements = in_fresh_process(
                    pages_test_client, url, env["GERMPLASM_INDEX_DIR"], token, page_count,
                    args.page_size, args.client_requests, SEED)
            print(summary(result, "pages"), flush=True)
            with monitor.during(f"{engine} {size:,} harvest"):
                result.harvest = harvest(port, token, args.page_size)
            result.missing = len(ids - set(result.harvest.ids))
            print(summary(result, "harvest"), flush=True)
        result.server_log = server_problems(log)
    return result


def main() -> None:
    parser = benchmark_parser(__doc__, "sqlite,postgresql", "50000",
                              "catalogue sizes, e.g. 5000,50000")
    parser.add_argument("--page-size", type=int, default=1000, help="pageSize of each page")
    parser.add_argument("--requests", type=int, default=60, help="timed pages over HTTP")
    parser.add_argument("--client-requests", type=int, default=20,
                        help="timed pages through the test client")
    args = parse_lists(parser)
    run_served("brapi", args, run, section, POSTGRES_URL,
               "the harvest did not give every accession exactly once")

if __name__ == "__main__":
    main()
