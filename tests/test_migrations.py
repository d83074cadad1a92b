"""Migrations: upgrade from empty, downgrade to base, upgrade again; models match them."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect

from germplasm import MIGRATIONS_DIR, create_app
from germplasm.extensions import db
from tests.databases import fresh_database

pytestmark = pytest.mark.no_db


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(tmp_path):
    with fresh_database(tmp_path) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade(directory=MIGRATIONS_DIR)
            assert {"accessions", "accession_names", "taxa", "audit_entries"} <= tables(url)
            downgrade(directory=MIGRATIONS_DIR, revision="base")
            assert tables(url) == set()
            upgrade(directory=MIGRATIONS_DIR)
            with db.engine.connect() as connection:
                differences = compare_metadata(MigrationContext.configure(connection),
                                               db.metadata)
            db.engine.dispose()
    assert differences == [], "the models and the migrations disagree"
