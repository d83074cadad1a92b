"""Fixtures: one migrated database per run, one rolled-back transaction per test."""
import sys
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy.orm import scoped_session, sessionmaker

from germplasm import MIGRATIONS_DIR, create_app
from germplasm.extensions import db
from germplasm.initial_data import load_initial_data
from tests.databases import fresh_database

pytest_plugins = ["tests.catalogue", "tests.processes"]  # shared fixtures
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    with fresh_database(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "GERMPLASM_INDEX_DIR": str(tmp_path_factory.mktemp("index")),
        "GERMPLASM_PHOTO_DIR": str(tmp_path_factory.mktemp("photos")),  # not the checkout's
        # Tests run in one connection's transaction: no thread may catch the index up with
        # it (tests/feed/test_index_follows_feed.py runs real servers that do).
        "GERMPLASM_INDEX_BACKGROUND": False,
    })
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_initial_data()
        db.session.commit()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def session(request, app):
    """Run the test inside a transaction that is rolled back; commits become savepoints."""
    if "no_db" in request.keywords:
        yield None
        return
    with app.app_context():
        connection = db.engine.connect()
        transaction = connection.begin()
        original = db.session
        db.session = scoped_session(sessionmaker(
            bind=connection, join_transaction_mode="create_savepoint"))
        _align_index_with_feed(app)
        try:
            yield db.session
        finally:
            db.session.remove()
            db.session = original
            transaction.rollback()
            connection.close()


def _align_index_with_feed(app) -> None:
    """Each test's changes are rolled back, and on SQLite their feed cursors are given again
    to the next test's changes: the index on disk holds whatever the last test left, so
    tell it that it is current with the feed as this test starts."""
    from germplasm.feed.outbox import latest_cursor
    from search.feed_follow import hold_cursor

    path = Path(app.config["GERMPLASM_INDEX_DIR"])
    if path.exists():
        hold_cursor(path, latest_cursor())


@pytest.fixture(autouse=True)
def fresh_rate_limits(app):
    """Each test starts with no failed logins counted against the test client's address."""
    from germplasm.extensions import limiter

    with app.app_context():
        limiter.reset()
    yield


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def cli(app):
    from germplasm.cli import cli as group

    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(group, [str(a) for a in args])


@pytest.fixture
def as_role(client):
    """Sign the client in as a new user `<role>.user` with `role` (committed: a refused save
    rolls back the test's transaction)."""
    from germplasm.accounts.services import create_user
    from tests.accounts.test_login import login

    def sign_in(role: str):
        user = create_user(f"{role}.user", role, "orchard-2026", f"{role} 用户")
        db.session.commit()
        assert login(client, user.username, "orchard-2026").status_code == 302
        return user
    return sign_in


@pytest.fixture
def make_accession():
    """Create an accession through the import service; keyword args are MCPD columns."""
    from germplasm.accessions.services import get_by_number, upsert_rows
    from schemas.accession import McpdRowSchema

    counter = iter(range(1, 10**6))

    def make(**columns):
        row = {"INSTCODE": "CHN385", "ACCENUMB": f"T{next(counter):05d}", "GENUS": "Prunus",
               "SPECIES": "salicina"} | {k.upper(): v for k, v in columns.items()}
        upsert_rows([(2, McpdRowSchema().load(row))], user="tester", source="factory")
        # Commit (a savepoint here) so a command's rollback under test cannot undo the fixture.
        db.session.commit()
        return get_by_number(row["ACCENUMB"], row["INSTCODE"])

    return make


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
