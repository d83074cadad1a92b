"""Shared helpers for the benchmark scripts: describe the machine, write docs/benchmarks.md.

Each script owns one section of docs/benchmarks.md, delimited by ``<!-- begin NAME -->`` and
``<!-- end NAME -->``; running a script again replaces its section and leaves the others alone.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import re
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

BENCH_DIR = Path(__file__).resolve().parent


def import_search_package() -> None:
    """`benchmarks/search.py` is named like the `search` package, and Python puts a script's
    folder first on sys.path: import the package with that folder out of the way, so that
    every later `import search` (the app does it) gets the package, not the script."""
    saved = sys.path[:]
    sys.path[:] = [p for p in saved if Path(p or ".").resolve() != BENCH_DIR]
    importlib.import_module("search")
    sys.path[:] = saved


import_search_package()  # every script imports this module before the app

DOCS_FILE = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
PREAMBLE = ("# Benchmarks\n\nThe figures below are written by the scripts in `benchmarks/`; "
            "run a script again to refresh its section.\n")


def write_section(name: str, markdown: str, path: Path = DOCS_FILE) -> None:
    """Replace the section NAME of docs/benchmarks.md with markdown, or append it."""
    document = path.read_text(encoding="utf-8") if path.exists() else PREAMBLE
    section = f"<!-- begin {name} -->\n{markdown.strip()}\n<!-- end {name} -->"
    pattern = re.compile(rf"<!-- begin {re.escape(name)} -->.*?<!-- end {re.escape(name)} -->",
                         re.DOTALL)
    if pattern.search(document):
        document = pattern.sub(lambda _: section, document, count=1)
    else:
        document = document.rstrip("\n") + "\n\n" + section + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document, encoding="utf-8")


def machine_description(postgres_url: str | None = None) -> str:
    """Markdown bullet list: CPU, cores, RAM, Python, SQLite and (if given) PostgreSQL."""
    lines = [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores",
        f"- RAM: {_ram_gib():.1f} GiB",
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
        f"- SQLite {sqlite3.sqlite_version}",
    ]
    if postgres_url:
        lines.append(f"- PostgreSQL {postgres_version(postgres_url)}")
    return "\n".join(lines)


def git_state() -> str:
    """The code measured: `git describe` of this checkout (e.g. "c4bf189 plus uncommitted
    changes in the working tree"), or $GERMPLASM_BENCH_CODE when the benchmark runs from
    an exported copy of the code."""
    if os.environ.get("GERMPLASM_BENCH_CODE"):
        return os.environ["GERMPLASM_BENCH_CODE"]
    state = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=BENCH_DIR.parent,
                           text=True, capture_output=True).stdout.strip() or "unknown"
    return state.replace("-dirty", " plus uncommitted changes in the working tree")


def utc_now() -> str:
    """The current time in UTC, to the minute: '2025-01-31 14:05 UTC'."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def postgres_version(url: str) -> str:
    """The server_version setting of the PostgreSQL server at url."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SHOW server_version")).scalar_one()
    finally:
        engine.dispose()


def _cpu_model() -> str:
    for line in _read_lines("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def _ram_gib() -> float:
    for line in _read_lines("/proc/meminfo"):
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024**2
    return float("nan")


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile in milliseconds, NaN when there are no samples."""
    import numpy as np

    return float(np.percentile(samples, q)) if samples else float("nan")


def mark(ok: bool | None) -> str:
    """A target column's cell: yes, **NO**, or – where the target does not apply."""
    return "–" if ok is None else ("yes" if ok else "**NO**")


def benchmark_parser(doc: str, engines: str, sizes: str | None = None,
                     sizes_help: str = "") -> argparse.ArgumentParser:
    """The options every import or search benchmark takes: --engines, --no-write and, when
    `sizes` is given, --sizes. Read them with parse_lists()."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    if sizes is not None:
        parser.add_argument("--sizes", default=sizes, help=sizes_help)
    parser.add_argument("--engines", default=engines, help="sqlite[,postgresql]")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/")
    return parser


def parse_lists(parser: argparse.ArgumentParser) -> argparse.Namespace:
    """Parse, turning the comma-separated --sizes and --engines into lists."""
    args = parser.parse_args()
    if getattr(args, "sizes", None) is not None:
        args.sizes = [int(size) for size in args.sizes.split(",")]
    args.engines = [engine.strip() for engine in args.engines.split(",")]
    return args


class LoadMonitor:
    """Samples the 1-minute load average every `interval` seconds in a thread, per phase:
    `with monitor.during("index"): ...`, then monitor.phases["index"] holds its start, mean,
    max and end (other work on the machine competes with what is measured)."""

    def __init__(self, interval: float = 5.0):
        self.interval, self.phases = interval, {}

    @contextmanager
    def during(self, phase: str) -> Iterator[None]:
        samples, stop = [os.getloadavg()[0]], threading.Event()

        def sample() -> None:
            while not stop.wait(self.interval):
                samples.append(os.getloadavg()[0])

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
            samples.append(os.getloadavg()[0])
            self.phases[phase] = {"start": samples[0], "mean": sum(samples) / len(samples),
                                  "max": max(samples), "end": samples[-1]}


def run_served(name: str, args, run, section, postgres_url: str, failure: str) -> None:
    """The common end of the gunicorn benchmarks: each engine and size measured, the servers'
    logs shown, the section printed and written, and a failed completeness check reported."""
    monitor, results = LoadMonitor(), []
    for engine in args.engines:
        for size in args.sizes:
            results.append(run(engine, size, args, monitor))
    for result in results:
        for line in result.server_log[:10]:
            print(f"--- gunicorn log ({result.engine}) ---\n{line}")
    markdown = section(results, args, monitor,
                       postgres_url if "postgresql" in args.engines else None)
    print(markdown)
    if not args.no_write:
        write_section(name, markdown)
    if any(not r.complete for r in results):
        sys.exit(f"FAILED: {failure} (see above)")
