"""Backup, then restore into an empty instance: the same exports, rows, photos, search."""
import json

import pytest

from germplasm.backup.manifest import FORMAT_VERSION
from loaders.demo_catalogue import DEMO_PHOTOS
from tests.backup.conftest import manifest_of
from tests.backup.support import REAL_KEY_FILE, members
from tests.databases import POSTGRES_URL

pytestmark = pytest.mark.no_db
ENGINE = "postgresql" if POSTGRES_URL else "sqlite"


def test_the_archive_holds_manifest_database_photos_and_secret_key(source, source_backup):
    files = members(source_backup)
    database = "database.pgdump" if POSTGRES_URL else "database.sqlite3"
    photos = {f"photos/{name}" for name in source.photos()}
    assert set(files) == {"manifest.json", database, "secret_key"} | photos and photos
    assert files["secret_key"] == REAL_KEY_FILE.read_bytes()  # no GERMPLASM_SECRET_KEY there
    assert all(files[f"photos/{name}"] == data for name, data in source.photos().items())
    manifest = manifest_of(source_backup)
    tables = source.tables()
    assert manifest["counts"] == {
        "accessions": 60, "observations": len(tables["observations"]),
        "users": len(tables["users"]),  # the one added by hand and the demo's requesters
        "audit_entries": len(tables["audit_entries"]),
        "photos": 1 + DEMO_PHOTOS}  # the one added by hand and the demo's drawings
    assert manifest["engine"] == ENGINE and manifest["format_version"] == FORMAT_VERSION
    assert manifest["alembic_revision"] == tables["alembic_version"][0][0]
    assert manifest["secret_key"] == "archived" and manifest["missing_photos"] == []
    assert manifest["created_at"].endswith("+00:00") and manifest["package_version"]
    assert ("pg_dump (PostgreSQL) 15" if POSTGRES_URL else "3.") in manifest["tool"]["version"]
    assert source_backup.stat().st_mode & 0o777 == 0o600  # it holds password hashes


def test_restore_into_an_empty_instance_gives_the_same_catalogue(source, source_backup, empty,
                                                                  tmp_path):
    empty.run("init")  # a new server set up with `germplasm init`, then restored into
    restored = empty.run("restore", source_backup)
    users = len(source.tables()["users"])
    assert users > 1  # the one added by hand and the demo's requesters
    assert "60 accessions" in restored.stdout and f"{users} users" in restored.stdout
    assert "search index rebuilt: 60 accessions" in restored.stdout
    assert "GERMPLASM_SECRET_KEY is set" in restored.stdout
    assert empty.exports(tmp_path / "restored") == source.exports(tmp_path / "source")
    _assert_same_rows(source.tables(), empty.tables())
    assert empty.photos() == source.photos()


def _assert_same_rows(expected: dict, actual: dict) -> None:
    assert expected["audit_entries"] and actual["audit_entries"] == expected["audit_entries"]
    assert expected["users"] and actual["users"] == expected["users"]
    assert actual["descriptor_revisions"] == expected["descriptor_revisions"]
    assert actual == expected  # and every other table, row for row


def test_the_restored_instance_searches_and_logs_in(source, source_backup, empty):
    empty.run("restore", source_backup)
    found = json.loads(empty.run("search", "巫山脆李", "--json").stdout)
    assert found["source"] == "index" and found["total"] >= 1
    assert found["items"][0]["accenumb"] == "WSL00001"
    head = empty.run("db", "heads").stdout.split()[0]
    assert head in empty.run("db", "current").stdout
    assert _can_log_in(empty, "zhang", "巫山李子-2026")


def _can_log_in(instance, username: str, password: str) -> bool:
    from sqlalchemy import create_engine, text
    from werkzeug.security import check_password_hash

    engine = create_engine(instance.url)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM users WHERE username = :u"),
                                    {"u": username}).scalar_one()
    engine.dispose()
    return check_password_hash(stored, password)


def test_force_replaces_a_database_that_holds_data(source, source_backup, empty, tmp_path):
    empty.run("init")
    empty.run("demo", "--accessions", 5, "--seed", 9, "--no-evaluations")
    empty.run("users", "create", "wang", "--role", "staff", "--password", "x-2026-y")
    assert empty.run("restore", source_backup, check=False).returncode == 2
    empty.run("restore", source_backup, "--force")
    assert empty.exports(tmp_path / "restored") == source.exports(tmp_path / "source")
    _assert_same_rows(source.tables(), empty.tables())
