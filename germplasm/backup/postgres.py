"""PostgreSQL: pg_dump of an exported snapshot; pg_restore into the configured database."""
import os
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, Engine

from germplasm.backup.errors import Refused, ToolFailed
from germplasm.backup.manifest import database_facts

TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
# --single-transaction: a restore that fails half way leaves the target as it was.
RESTORE_OPTIONS = ("--no-owner", "--no-privileges", "--clean", "--if-exists",
                   "--exit-on-error", "--single-transaction")


def libpq(url: URL) -> tuple[str, dict]:
    """A plain postgresql:// URL for --dbname (libpq knows no "+psycopg"), and an
    environment with the password in PGPASSWORD rather than on a command line `ps` shows."""
    plain = url._replace(drivername="postgresql", password=None)
    env = os.environ | ({"PGPASSWORD": str(url.password)} if url.password else {})
    return plain.render_as_string(hide_password=False), env


def tool(engine: Engine) -> dict:
    with engine.connect() as connection:
        server = connection.exec_driver_sql("SHOW server_version").scalar()
    return {"name": "pg_dump -Fc --no-owner --no-privileges",
            "version": run("pg_dump", "--version").strip(), "server_version": server}


def dump(engine: Engine, target: Path) -> dict:
    """Read the facts and run pg_dump in one exported snapshot, so the manifest counts
    exactly what the dump holds while the app goes on committing."""
    dbname, env = libpq(engine.url)
    snapshot_isolation = {"isolation_level": "REPEATABLE READ"}
    with engine.connect().execution_options(**snapshot_isolation) as connection, (
            connection.begin()):
        snapshot = connection.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
        facts = _facts(connection)
        run("pg_dump", "-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
            f"--file={target}", f"--dbname={dbname}", env=env)
    return facts


def _facts(connection) -> dict:
    def query(sql: str) -> list:
        return connection.exec_driver_sql(sql).all()

    return database_facts(query, {name for (name,) in query(TABLES)})


def verify(staged: Path) -> None:
    """Refuse a dump pg_restore cannot read, before the configured database is touched."""
    try:
        run("pg_restore", "--list", str(staged))
    except ToolFailed as failure:
        raise Refused(f"the archived dump cannot be read: {failure}") from None


def restore(engine: Engine, staged: Path) -> None:
    dbname, env = libpq(engine.url)
    run("pg_restore", *RESTORE_OPTIONS, f"--dbname={dbname}", str(staged), env=env)


def run(program: str, *args: str, env: dict | None = None) -> str:
    """Run a PostgreSQL client tool; ToolFailed carries its stderr."""
    try:
        result = subprocess.run([program, *args], capture_output=True, text=True, env=env)
    except OSError as error:
        raise ToolFailed(f"{program} could not be started: {error}") from None
    if result.returncode != 0:
        raise ToolFailed(f"{program} failed (exit {result.returncode}):\n"
                         f"{result.stderr.strip()}")
    return result.stdout
