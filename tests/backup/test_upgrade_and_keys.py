"""A backup of an older schema is upgraded on restore; the secret key goes where it belongs."""
import csv

import pytest
from alembic.script import ScriptDirectory

from germplasm import MIGRATIONS_DIR, create_app
from germplasm.cli import cli
from tests.backup.conftest import manifest_of
from tests.backup.support import REAL_KEY_FILE, Instance, members
from tests.databases import fresh_database

pytestmark = pytest.mark.no_db


def test_a_backup_of_an_older_schema_is_upgraded_on_restore(empty, tmp_path):
    scripts = ScriptDirectory(MIGRATIONS_DIR)
    head = scripts.get_current_head()
    older = scripts.get_revision(head).down_revision
    # Data written at head, then the newest migration undone: a backup as an older
    # germplasm would have made it, whatever the models look like today.
    empty.run("init")
    empty.run("import", "mcpd", mcpd_file(tmp_path / "old.csv"))
    empty.run("db", "downgrade", older)
    empty.run("backup", tmp_path / "old.tar.gz")
    assert manifest_of(tmp_path / "old.tar.gz")["alembic_revision"] == older
    (tmp_path / "blank").mkdir()
    with fresh_database(tmp_path / "blank") as url:
        blank = Instance(url, tmp_path / "blank")
        restored = blank.run("restore", tmp_path / "old.tar.gz")
        assert f"schema upgraded from {older} to {head}" in restored.stdout
        assert head in blank.run("db", "current").stdout
        assert "OLD00002" in blank.run("search", "OLD00002").stdout
        assert_rows_kept(empty.tables(with_columns=True), blank.tables(with_columns=True))


def assert_rows_kept(old: dict, new: dict) -> None:
    """Every row of the old schema is there after the upgrade (new columns aside)."""
    assert old["accessions"]
    for table, (columns, rows) in old.items():
        if table == "alembic_version":
            continue
        new_columns, new_rows = new[table]
        kept = [tuple(row[new_columns.index(c)] for c in columns) for row in new_rows]
        assert kept == rows, table


def mcpd_file(path):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["INSTCODE", "ACCENUMB", "GENUS", "SPECIES", "ACCENAME", "ORIGCTY"])
        writer.writerow(["CHN385", "OLD00001", "Prunus", "salicina", "老树李;Lǎoshù Lǐ", "CHN"])
        writer.writerow(["CHN385", "OLD00002", "Prunus", "domestica", "Stanley", "USA"])
    return path


def test_a_key_from_the_environment_is_noted_not_archived(empty, tmp_path):
    keyed = Instance(empty.url, empty.root, secret_key="kept-in-the-vault-2026")
    keyed.run("init")
    keyed.run("backup", tmp_path / "b.tar.gz")
    files = members(tmp_path / "b.tar.gz")
    assert "secret_key" not in files
    assert not any(b"kept-in-the-vault-2026" in data for data in files.values())
    assert manifest_of(tmp_path / "b.tar.gz")["secret_key"] == "environment"


def test_restore_writes_the_archived_key_into_the_instance_folder(source_backup, empty,
                                                                   tmp_path, monkeypatch):
    """In process, so the instance folder can be a temporary one: the console script's
    is the checkout's, whose key no test may overwrite."""
    monkeypatch.delenv("GERMPLASM_SECRET_KEY", raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty.url,
                      "GERMPLASM_PHOTO_DIR": str(empty.photo_dir),
                      "GERMPLASM_INDEX_DIR": str(empty.index_dir)})
    app.instance_path = str(tmp_path / "instance")
    result = app.test_cli_runner().invoke(cli, ["restore", str(source_backup)])
    assert result.exit_code == 0, result.output
    key = tmp_path / "instance" / "secret_key"
    assert f"secret key: restored to {key}" in result.output
    assert key.read_bytes() == REAL_KEY_FILE.read_bytes()
    assert key.stat().st_mode & 0o777 == 0o600
    with app.app_context():
        from germplasm.extensions import db

        db.engine.dispose()
