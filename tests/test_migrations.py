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


def test_altering_a_parent_table_keeps_its_childrens_rows(tmp_path):
    """SQLite rebuilds a table to drop a column; with foreign keys on, dropping the old
    `accessions` cascaded to every name. Down one revision and up again keeps them."""
    from germplasm.accessions.models import AccessionName
    from germplasm.accessions.services import upsert_rows
    from germplasm.initial_data import load_initial_data
    from schemas.accession import McpdRowSchema

    with fresh_database(tmp_path) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade(directory=MIGRATIONS_DIR)
            load_initial_data()
            row = McpdRowSchema().load({"INSTCODE": "CHN385", "ACCENUMB": "MG1",
                                        "GENUS": "Prunus", "ACCENAME": "巫山脆李;Wūshān Cuìlǐ"})
            upsert_rows([(2, row)], user="tests", source="test")
            db.session.commit()
            db.session.remove()
            downgrade(directory=MIGRATIONS_DIR, revision="4e1072321882")  # drops a column
            upgrade(directory=MIGRATIONS_DIR)
            names = db.session.scalars(db.select(AccessionName.name)).all()
            db.session.remove()
            db.engine.dispose()
    assert sorted(names) == ["Wūshān Cuìlǐ", "巫山脆李"]
