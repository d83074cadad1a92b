"""Benchmark the validated MCPD import against an unvalidated pandas bulk insert.

Generates 5,000 and 50,000 demo MCPD rows (loaders.demo), writes each set to a UTF-8 CSV and,
on SQLite and on PostgreSQL, times the real import (``loaders.mcpd.import_mcpd`` plus the
commit) on a fresh, initialised database, then a baseline that reads the same CSV with pandas
and bulk-inserts it with ``DataFrame.to_sql`` and no validation into another fresh database.
Prints rows per second, the import/baseline ratio and peak memory, checks the targets
(5,000 rows on SQLite in under 10 s; import within 3x of the baseline) and writes the figures
to docs/benchmarks.md. Each measurement runs in its own fresh process.

Run from the repository root:

    .venv/bin/python benchmarks/import_mcpd.py
    .venv/bin/python benchmarks/import_mcpd.py --sizes 5000 --engines sqlite --no-write

PostgreSQL is reached at $GERMPLASM_BENCH_POSTGRES_URL (default below); the script creates
and drops its own databases there, so the role needs CREATEDB.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from flask_migrate import upgrade
from report import benchmark_parser, machine_description, parse_lists, utc_now, write_section
from sqlalchemy import create_engine, make_url, text

from germplasm import MIGRATIONS_DIR, create_app
from germplasm.extensions import db
from germplasm.reference.services import load_reference_data
from loaders.demo import generate_rows
from loaders.mcpd import import_mcpd

POSTGRES_URL = os.environ.get("GERMPLASM_BENCH_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SQLITE_TARGET = (5000, 10.0)  # 5,000 rows on SQLite in under 10 s
ENGINE_RATIO_TARGET = 1.5  # PostgreSQL's import at most 1.5x SQLite's, same rows
RATIO_TARGET = 3.0  # validated import at most 3x the unvalidated baseline
TO_SQL_METHOD = None  # executemany; method="multi" was ~20x slower on both engines


@dataclass
class Result:
    engine: str
    rows: int
    baseline_s: float
    baseline_rss_mb: tuple[float, float]  # (peak, growth during the timed part)
    import_s: float | None  # None when the import failed; see error
    import_rss_mb: tuple[float, float] | None
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        return None if self.import_s is None else self.import_s / self.baseline_s

    def meets_time_target(self) -> bool | None:
        if (self.engine, self.rows) != ("sqlite", SQLITE_TARGET[0]):
            return None
        return self.import_s is not None and self.import_s < SQLITE_TARGET[1]

    def meets_ratio_target(self) -> bool | None:
        return None if self.ratio is None else self.ratio <= RATIO_TARGET


# --- databases and processes ----------------------------------------------------------------


@contextmanager
def fresh_database(engine: str, tmp_dir: Path) -> Iterator[str]:
    """Yield the URL of a new, empty database on engine; drop it afterwards (PostgreSQL)."""
    if engine == "sqlite":
        yield f"sqlite:///{tmp_dir / f'bench_{uuid.uuid4().hex[:8]}.db'}"
        return
    name = f"germplasm_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    _execute(admin, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        _execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _execute(engine, sql: str) -> None:
    with engine.connect() as connection:
        connection.execute(text(sql))


def in_fresh_process(func, *args):
    """Run func(*args) in a newly spawned interpreter, so timings and peak RSS are its own."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(func, *args).result()


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec, so a spawned child
    would start with its parent's peak (the generated rows). ru_maxrss is the fallback.
    """
    status = Path("/proc/self/status")
    for line in status.read_text().splitlines() if status.exists() else []:
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the two measurements (each runs in its own process) ------------------------------------


def time_import(url: str, csv_path: Path, rows: int, index_dir: str) -> tuple[float, tuple]:
    """Initialise the database like `germplasm init`, then time import_mcpd + commit."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "GERMPLASM_INDEX_DIR": index_dir})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_reference_data()
        db.session.commit()
        before, start = peak_rss_mb(), time.perf_counter()
        report = import_mcpd(csv_path, user="bench")
        _check(report, rows)
        db.session.commit()
        seconds = time.perf_counter() - start
        db.session.remove()
        db.engine.dispose()
    return seconds, (peak_rss_mb(), peak_rss_mb() - before)


def _check(report, rows: int) -> None:
    if report.rejected or not report.written or report.created != rows:
        raise RuntimeError(f"import of {rows} rows went wrong: {report.summary()}")


def time_baseline(url: str, csv_path: Path) -> tuple[float, tuple]:
    """Time pandas.read_csv + DataFrame.to_sql of the same CSV, without any validation."""
    engine = create_engine(url)
    before, start = peak_rss_mb(), time.perf_counter()
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    frame.to_sql("mcpd_baseline", engine, index=False, method=TO_SQL_METHOD, chunksize=1000)
    seconds = time.perf_counter() - start
    engine.dispose()
    return seconds, (peak_rss_mb(), peak_rss_mb() - before)


def measure(engine: str, csv_path: Path, rows: int, tmp_dir: Path) -> Result:
    """Baseline, then import; a failed import is recorded in the result, not raised."""
    with fresh_database(engine, tmp_dir) as url:
        baseline = in_fresh_process(time_baseline, url, csv_path)
    imported, error = (None, None), None
    with fresh_database(engine, tmp_dir) as url:
        try:
            imported = in_fresh_process(time_import, url, csv_path, rows, str(tmp_dir / "index"))
        except Exception as exc:
            error = _report_failure(exc, engine, rows)
    return Result(engine, rows, *baseline, *imported, error=error)


def _report_failure(exc: Exception, engine: str, rows: int) -> str:
    """Print the (child's) traceback, cut short, and return a one-line summary."""
    detail = str(exc.__cause__ or exc)
    print(f"IMPORT FAILED ({engine}, {rows:,} rows):\n{detail[:3000]}", file=sys.stderr)
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first_line[:200]}"


# --- input and output -----------------------------------------------------------------------


def write_csv(rows: list[dict[str, str]], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _rss(peak_and_growth: tuple[float, float] | None) -> str:
    if peak_and_growth is None:
        return "–"
    return "{:,.0f} (+{:,.0f})".format(*peak_and_growth)


def _seconds(value: float | None, rows: int) -> str:
    return "failed | –" if value is None else f"{value:.2f} | {rows / value:,.0f}"


def _mark(ok: bool | None) -> str:
    return "–" if ok is None else ("yes" if ok else "**NO**")


def table(results: list[Result]) -> str:
    lines = ["| engine | rows | import s | rows/s | import peak RSS MiB | baseline s "
             "| baseline rows/s | baseline peak RSS MiB | ratio | 5,000 on SQLite < 10 s "
             "| ratio ≤ 3 |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|:-:|"]
    for r in results:
        ratio = "–" if r.ratio is None else f"{r.ratio:.1f}×"
        lines.append(
            f"| {r.engine} | {r.rows:,} | {_seconds(r.import_s, r.rows)} "
            f"| {_rss(r.import_rss_mb)} | {_seconds(r.baseline_s, r.rows)} "
            f"| {_rss(r.baseline_rss_mb)} | {ratio} | {_mark(r.meets_time_target())} "
            f"| {_mark(r.meets_ratio_target())} |")
    errors = [f"- {r.engine}, {r.rows:,} rows: import failed with `{r.error}`"
              for r in results if r.error]
    return "\n".join(lines + engine_ratios(results) + ([""] + errors if errors else []))


def engine_ratios(results: list[Result]) -> list[str]:
    """PostgreSQL's import time over SQLite's for each size measured on both."""
    seconds = {(r.engine, r.rows): r.import_s for r in results if not r.error}
    lines = []
    for rows in sorted({r.rows for r in results}):
        sqlite, postgres = seconds.get(("sqlite", rows)), seconds.get(("postgresql", rows))
        if sqlite and postgres:
            ratio = postgres / sqlite
            mark = _mark(ratio <= ENGINE_RATIO_TARGET)
            lines.append(f"- {rows:,} rows: PostgreSQL takes {ratio:.2f}× SQLite's time "
                         f"(target ≤ {ENGINE_RATIO_TARGET}: {mark})")
    return [""] + lines if lines else []


def section(results: list[Result], engines: list[str]) -> str:
    command = " ".join([".venv/bin/python benchmarks/import_mcpd.py", *sys.argv[1:]])
    postgres = POSTGRES_URL if "postgresql" in engines else None
    return "\n\n".join([
        "## MCPD import",
        "Validated import (`loaders.mcpd.import_mcpd` + commit, on a database initialised "
        "like `germplasm init`) against a baseline that reads the same CSV with "
        "`pandas.read_csv(dtype=str)` and bulk-inserts it with `DataFrame.to_sql` "
        "(executemany, chunksize 1000) without validation. Rows from `loaders.demo."
        "generate_rows`. Wall-clock seconds. Peak RSS is `VmHWM` of the process doing "
        "the work (each measurement runs in a fresh process that has already imported the "
        "app, pandas and SQLAlchemy); in brackets, how much it grew during the timed part.",
        f"Run {utc_now()} with `{command}` on:\n\n{machine_description(postgres)}",
        table(results),
    ])


def parse_args() -> argparse.Namespace:
    return parse_lists(benchmark_parser(__doc__, "sqlite,postgresql", "5000,50000",
                                        "comma-separated row counts"))


def main() -> None:
    args = parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_mcpd_") as tmp:
        tmp_dir = Path(tmp)
        for rows in args.sizes:
            csv_path = write_csv(generate_rows(rows), tmp_dir / f"mcpd_{rows}.csv")
            for engine in args.engines:
                print(f"{engine}, {rows:,} rows ...", flush=True)
                results.append(measure(engine, csv_path, rows, tmp_dir))
    print(table(results))
    if not args.no_write:
        write_section("import_mcpd", section(results, args.engines))
    if any(r.error for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
