"""Shared helpers for the benchmark scripts: describe the machine, write docs/benchmarks.md.

Each script owns one section of docs/benchmarks.md, delimited by ``<!-- begin NAME -->`` and
``<!-- end NAME -->``; running a script again replaces its section and leaves the others alone.
"""

from __future__ import annotations

import os
import platform
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

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
