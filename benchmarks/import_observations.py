"""Benchmark the observation import against an unvalidated bulk insert, and its summaries.

Reports rows per second, the ratio to the bulk insert and what keeping the trait summaries
current costs.

Generates the demo evaluation campaigns for 5,000 demo accessions (loaders.demo_observations),
takes their rows in order until it has --rows of them (whole campaigns, the last one cut short)
and writes each campaign to a long-format CSV. Then, on SQLite and on PostgreSQL, each on a
fresh database initialised like `germplasm init` and holding the same 5,000 accessions, and
each in its own fresh process, it times:

- the real import (``loaders.observations.import_observations`` + commit, per campaign file);
- the same import with ``summaries.refresh`` replaced by a no-op, to get the summaries' cost;
- a baseline reading the same CSVs with pandas and bulk-inserting them with
  ``DataFrame.to_sql`` into a plain table, without any validation.

It prints a table and writes it to docs/benchmarks.md (section "import_observations").

Run from the repository root:

    .venv/bin/python benchmarks/import_observations.py
    .venv/bin/python benchmarks/import_observations.py --rows 10000 --engines sqlite --no-write

PostgreSQL is reached at $GERMPLASM_BENCH_POSTGRES_URL (default
postgresql+psycopg://postgres@127.0.0.1:5432/test); the script creates and drops its own
databases there, so the role needs CREATEDB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from flask_migrate import upgrade
from import_mcpd import (
    POSTGRES_URL,
    TO_SQL_METHOD,
    fresh_database,
    in_fresh_process,
    peak_rss_mb,
    write_csv,
)
from report import benchmark_parser, machine_description, parse_lists, utc_now, write_section
from sqlalchemy import create_engine

from germplasm import MIGRATIONS_DIR, create_app
from germplasm.evaluations import observations
from germplasm.extensions import db
from germplasm.initial_data import load_initial_data
from loaders.demo import generate_rows
from loaders.demo_catalogue import load_demo
from loaders.demo_observations import generate_campaigns
from loaders.observations import import_observations

ACCESSIONS, SEED = 5000, 0
COLUMNS = ("ACCENUMB", "DESCRIPTOR", "VALUE", "REPLICATE", "OBSERVED_ON", "OBSERVER")


@dataclass(frozen=True)
class CampaignFile:
    name: str
    year: int
    site: str
    path: Path
    rows: int


@dataclass
class Result:
    engine: str
    rows: int
    import_s: float
    import_rss_mb: tuple[float, float]  # (peak, growth during the timed part)
    created: int  # observations the import created; fewer than rows if it skipped some
    without_summaries_s: float
    baseline_s: float

    @property
    def summary_cost_s(self) -> float:
        return self.import_s - self.without_summaries_s

    @property
    def ratio(self) -> float:
        return self.import_s / self.baseline_s


# --- input ----------------------------------------------------------------------------------


def campaign_files(rows: int, tmp_dir: Path) -> list[CampaignFile]:
    """The demo campaigns' rows, in order, up to `rows` of them: one long CSV per campaign."""
    files, left = [], rows
    for campaign in generate_campaigns(generate_rows(ACCESSIONS, SEED), seed=SEED):
        taken = [{c: row[c] for c in COLUMNS} for row in campaign.rows[:left]]
        if not taken:
            break
        path = write_csv(taken, tmp_dir / f"observations_{campaign.year}.csv")
        files.append(CampaignFile(campaign.name, campaign.year, campaign.site, path, len(taken)))
        left -= len(taken)
    if left:
        raise SystemExit(f"the demo campaigns have only {rows - left:,} rows, not {rows:,}")
    return files


# --- the measurements (each runs in its own process) ----------------------------------------


def _prepared_app(url: str, tmp_dir: Path):
    """An app on url, initialised like `germplasm init`, with the 5,000 demo accessions."""
    index_dir = tempfile.mkdtemp(prefix="index_", dir=tmp_dir)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "GERMPLASM_INDEX_DIR": index_dir})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_initial_data()
        db.session.commit()
        load_demo(ACCESSIONS, SEED, user="bench", evaluations=False)
        db.session.commit()
    return app


def time_import(url: str, files: list[CampaignFile], tmp_dir: Path,
                summaries: bool = True) -> tuple[float, tuple[float, float], int]:
    """Time import_observations + commit of every campaign file; summaries off if told.

    Returns the seconds, the peak RSS and its growth (MiB) and the observations created.
    """
    if not summaries:
        observations.summaries.refresh = lambda pairs: 0
    with _prepared_app(url, tmp_dir).app_context():
        before, start, created = peak_rss_mb(), time.perf_counter(), 0
        for f in files:
            report = import_observations(f.path, campaign=f.name, year=f.year, site=f.site,
                                         user="bench")
            _check(report, f)
            db.session.commit()
            created += report.created
        seconds = time.perf_counter() - start
        db.session.remove()
        db.engine.dispose()
    return seconds, (peak_rss_mb(), peak_rss_mb() - before), created


def _check(report, f: CampaignFile) -> None:
    if report.rejected or not report.written or not report.created:
        raise RuntimeError(f"import of {f.path.name} ({f.rows:,} rows) went wrong:\n"
                           f"{report.summary()}")


def time_baseline(url: str, files: list[CampaignFile], tmp_dir: Path) -> float:
    """Time pandas.read_csv + DataFrame.to_sql of the same CSVs, without any validation."""
    with _prepared_app(url, tmp_dir).app_context():
        db.engine.dispose()
    engine = create_engine(url)
    start = time.perf_counter()
    for f in files:
        frame = pd.read_csv(f.path, dtype=str, keep_default_na=False)
        frame.to_sql("observations_baseline", engine, index=False, if_exists="append",
                     method=TO_SQL_METHOD, chunksize=1000)
    seconds = time.perf_counter() - start
    engine.dispose()
    return seconds


def _in_fresh_database(engine: str, tmp_dir: Path, func, *args):
    with fresh_database(engine, tmp_dir) as url:
        return in_fresh_process(func, url, *args)


def measure(engine: str, files: list[CampaignFile], tmp_dir: Path) -> Result:
    """Import, import without summaries, baseline: each on a fresh database and process."""
    imported = _in_fresh_database(engine, tmp_dir, time_import, files, tmp_dir)
    without, *_ = _in_fresh_database(engine, tmp_dir, time_import, files, tmp_dir, False)
    baseline = _in_fresh_database(engine, tmp_dir, time_baseline, files, tmp_dir)
    return Result(engine, sum(f.rows for f in files), *imported, without, baseline)


# --- output ---------------------------------------------------------------------------------


def table(results: list[Result]) -> str:
    lines = ["| engine | rows | import s | rows/s | without summaries s | summary cost s "
             "| summary cost % | baseline s | ratio | import peak RSS MiB |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in results:
        lines.append(
            f"| {r.engine} | {r.rows:,} | {r.import_s:.2f} | {r.rows / r.import_s:,.0f} "
            f"| {r.without_summaries_s:.2f} | {r.summary_cost_s:.2f} "
            f"| {100 * r.summary_cost_s / r.import_s:.0f} % | {r.baseline_s:.2f} "
            f"| {r.ratio:.1f}× | {r.import_rss_mb[0]:,.0f} (+{r.import_rss_mb[1]:,.0f}) |")
    return "\n".join(lines + _skipped_notes(results))


def _skipped_notes(results: list[Result]) -> list[str]:
    notes = [f"- {r.engine}: the import created {r.created:,} observations from {r.rows:,} "
             f"rows: it skips a value it reads as missing without a rejection or warning "
             f"(in the demo data `none`, also the English label of category 1 of AROMA and "
             f"SKIN_BLOOM)"
             for r in results if r.created != r.rows]
    return [""] + notes if notes else []


EXPLANATION = (
    "Import of demo evaluation campaigns (`loaders.demo_observations`), one long-format CSV "
    "per campaign (the last one cut short), with `loaders.observations.import_observations` "
    "and a commit per file, on a database initialised like `germplasm init` that holds the "
    "5,000 demo accessions. Wall-clock seconds. *rows*: data rows in the CSVs; *import s* and "
    "*rows/s*: the real import; "
    "*without summaries s*: the same import with `summaries.refresh` replaced by a no-op; "
    "*summary cost*: the difference, in seconds and as a share of the import; *baseline s*: "
    "reading the same CSVs with `pandas.read_csv(dtype=str)` and bulk-inserting them with "
    "`DataFrame.to_sql` (executemany, chunksize 1000) into a plain table, without validation; "
    "*ratio*: import s / baseline s; *import peak RSS*: `VmHWM` of the process doing the real "
    "import (which has set up the database and accessions first), in brackets how much it "
    "grew during the timed part. Each measurement runs on a fresh database in a fresh process.")


def section(results: list[Result], engines: list[str]) -> str:
    command = " ".join([".venv/bin/python benchmarks/import_observations.py", *sys.argv[1:]])
    postgres = POSTGRES_URL if "postgresql" in engines else None
    return "\n\n".join([
        "## Observation import",
        EXPLANATION,
        f"Run {utc_now()} with `{command}` on:\n\n{machine_description(postgres)}",
        table(results),
    ])


def parse_args() -> argparse.Namespace:
    parser = benchmark_parser(__doc__, "sqlite,postgresql")
    parser.add_argument("--rows", type=int, default=100_000, help="observations to import")
    return parse_lists(parser)


def main() -> None:
    args = parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_observations_") as tmp:
        tmp_dir = Path(tmp)
        files = campaign_files(args.rows, tmp_dir)
        for engine in args.engines:
            print(f"{engine}, {args.rows:,} rows ...", flush=True)
            results.append(measure(engine, files, tmp_dir))
    print(table(results))
    if not args.no_write:
        write_section("import_observations", section(results, args.engines))


if __name__ == "__main__":
    main()
