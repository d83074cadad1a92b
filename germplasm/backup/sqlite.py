"""SQLite: the online backup API copies a consistent snapshot while the app keeps writing."""
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import URL, Engine

from germplasm.backup.errors import Refused, ToolFailed
from germplasm.backup.manifest import database_facts

BUSY_SECONDS = 30


def database_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise Refused("an in-memory SQLite database has nothing to back up or restore into")
    return Path(url.database)


def tool(_engine: Engine) -> dict:
    return {"name": "SQLite online backup API (sqlite3.Connection.backup)",
            "version": sqlite3.sqlite_version}


def dump(engine: Engine, target: Path) -> dict:
    """Copy the live database into `target` and read the facts from the copy.

    backup() copies all pages in one step under one read transaction: in WAL mode the
    app's writers go on committing, and the copy is the state of one moment."""
    source_path = database_path(engine.url)
    if not source_path.exists():
        raise Refused(f"no database at {source_path}; run `germplasm init` first")
    try:
        with _connect(source_path) as source, _connect(target) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            return facts(copy)
    except sqlite3.Error as error:
        raise ToolFailed(f"SQLite backup of {source_path} failed: {error}") from None


def facts(connection: sqlite3.Connection) -> dict:
    tables = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return database_facts(lambda sql: connection.execute(sql).fetchall(), tables)


def verify(staged: Path) -> None:
    """Refuse a damaged database file before the configured one is overwritten."""
    try:
        with _connect(staged) as connection:
            result = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as error:
        raise Refused(f"the archived database cannot be read: {error}") from None
    if result != [("ok",)]:
        raise Refused(f"the archived database is damaged: {result[:5]}")


def restore(engine: Engine, staged: Path) -> None:
    """Write the archived database into the configured file through the backup API, which
    replaces every page (tables the target had and the archive lacks are gone too)."""
    target = database_path(engine.url)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _connect(staged) as source, _connect(target) as destination:
            # A WAL database refuses a copy whose page size differs; the app turns WAL
            # back on when it next connects.
            destination.execute("PRAGMA journal_mode=DELETE")
            source.backup(destination)
    except (sqlite3.Error, OSError) as error:
        raise ToolFailed(f"SQLite restore into {target} failed: {error}") from None


def _connect(path: Path):
    return closing(sqlite3.connect(path, timeout=BUSY_SECONDS))
