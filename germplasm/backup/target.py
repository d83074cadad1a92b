"""The configured database a restore writes into: checks first, then the finishing steps."""
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from flask_migrate import upgrade
from sqlalchemy import inspect, text

from germplasm import MIGRATIONS_DIR
from germplasm.backup.errors import Refused
from germplasm.backup.manifest import ENGINE_NAMES, database_facts
from germplasm.extensions import db
from search import accession_index

GUARDED = ("accessions", "users")


def engine_name() -> str:
    return db.engine.url.get_backend_name()


def check_engine(archived: str, configured: str) -> None:
    if archived != configured:
        raise Refused(
            f"this is a {ENGINE_NAMES[archived]} backup and the configured database is "
            f"{ENGINE_NAMES.get(configured, configured)}; a backup restores only into the "
            f"engine it was made from: point GERMPLASM_DATABASE_URL at a "
            f"{ENGINE_NAMES[archived]} database")


def check_revision(revision: str | None) -> None:
    """Refuse a backup whose schema this code does not know (made by a newer germplasm)."""
    try:
        known = revision is not None and _scripts().get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        raise Refused(f"the backup's schema revision {revision!r} is unknown to this "
                      "germplasm; restore it with the version that made it, or a newer one")


def check_empty() -> None:
    holdings = {table: n for table, n in _holdings().items() if n}
    if holdings:
        what = " and ".join(f"{n} {table}" for table, n in holdings.items())
        raise Refused(f"the configured database already holds {what}; nothing was changed. "
                      "Restoring would replace them: add --force to do so")


def _holdings() -> dict[str, int]:
    url = db.engine.url
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").exists():
        return {}  # not even a file yet (and looking must not create one)
    tables = set(inspect(db.engine).get_table_names())
    return {table: db.session.scalar(text(f"SELECT count(*) FROM {table}"))
            for table in GUARDED if table in tables}


def release_connections() -> None:
    """Close every pooled connection before the database is replaced underneath them."""
    db.session.remove()
    db.engine.dispose()


def upgrade_if_older(revision: str) -> str | None:
    head = _scripts().get_current_head()
    if revision == head:
        return None
    upgrade(directory=MIGRATIONS_DIR)
    return head


def current_facts() -> dict:
    tables = set(inspect(db.engine).get_table_names())
    return database_facts(lambda sql: db.session.execute(text(sql)).all(), tables)


def rebuild_index() -> int:
    return accession_index.rebuild(release=db.session.expunge_all)


def _scripts() -> ScriptDirectory:
    return ScriptDirectory(MIGRATIONS_DIR)
