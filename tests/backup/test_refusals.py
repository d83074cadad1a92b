"""Restore refuses, with exit status 2 and nothing changed: a target holding data, a file
that is not a backup, a backup of the other engine, a damaged archive."""
import io
import json
import tarfile
from dataclasses import replace

import pytest

from tests.backup.conftest import manifest_of
from tests.backup.support import Instance
from tests.databases import POSTGRES_URL, fresh_database

pytestmark = pytest.mark.no_db


def state(instance) -> tuple:
    """What a refused restore must leave exactly as it was."""
    folders = [p for p in (instance.photo_dir, instance.index_dir) if p.exists()]
    return instance.tables(), instance.photos(), sorted(
        str(p) for folder in folders for p in folder.rglob("*"))


def refused(instance, archive, *words: str) -> None:
    before = state(instance)
    result = instance.run("restore", archive, check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr
    assert state(instance) == before


def test_a_database_with_users_or_accessions_is_not_overwritten(source, source_backup, empty):
    empty.run("init")
    empty.run("users", "create", "wang", "--role", "staff", "--password", "x-2026-y")
    refused(empty, source_backup, "already holds 1 users", "--force")
    empty.run("demo", "--accessions", 3, "--no-evaluations")
    refused(empty, source_backup, "already holds 3 accessions and ")  # users: the demo's too


def test_a_file_that_is_not_a_backup_is_refused(empty, tmp_path):
    empty.run("init")
    (tmp_path / "notes.tar.gz").write_text("not an archive")
    refused(empty, tmp_path / "notes.tar.gz", "not a readable backup archive")
    refused(empty, tarball(tmp_path / "other.tar.gz", {"readme.txt": b"hi"}), "no manifest.json")
    refused(empty, tarball(tmp_path / "json.tar.gz", {"manifest.json": b"{oops"}), "not JSON")
    foreign = json.dumps({"format": "something-else"}).encode()
    refused(empty, tarball(tmp_path / "foreign.tar.gz", {"manifest.json": foreign}),
            "not a germplasm manifest")


def tarball(path, files: dict[str, bytes]):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_a_damaged_archive_is_refused_before_anything_changes(source_backup, empty, tmp_path):
    data = source_backup.read_bytes()
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(data[: len(data) // 2])
    refused(empty, cut, "cannot unpack")
    assert not empty.photo_dir.exists()


def test_a_backup_of_the_other_engine_is_refused(source_backup, empty, tmp_path):
    """On PostgreSQL, a real SQLite backup; without PostgreSQL at hand, a real SQLite
    backup whose manifest says it came from PostgreSQL."""
    empty.run("init")
    if POSTGRES_URL:
        other = sqlite_backup(tmp_path)
        refused(empty, other, "this is a SQLite backup", "configured database is PostgreSQL")
    else:
        other = relabelled(source_backup, tmp_path / "pg.tar.gz")
        refused(empty, other, "this is a PostgreSQL backup", "configured database is SQLite")


def sqlite_backup(tmp_path):
    instance = Instance(f"sqlite:///{tmp_path / 'other.db'}", tmp_path / "other")
    instance.run("init")
    instance.run("backup", tmp_path / "sqlite.tar.gz")
    assert manifest_of(tmp_path / "sqlite.tar.gz")["engine"] == "sqlite"
    return tmp_path / "sqlite.tar.gz"


def relabelled(archive, path):
    manifest = manifest_of(archive) | {"engine": "postgresql", "database": "database.pgdump"}
    with tarfile.open(archive, "r:gz") as tar:
        files = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    files["database.pgdump"] = files.pop("database.sqlite3")
    return tarball(path, files | {"manifest.json": json.dumps(manifest).encode()})


def test_wrong_arguments_exit_2(source, tmp_path):
    for args in (["restore"], ["restore", tmp_path / "missing.tar.gz"], ["backup"],
                 ["backup", tmp_path / "backup.zip"], ["backup", tmp_path / "no" / "b.tar.gz"],
                 ["restore", tmp_path]):
        result = replace(source, secret_key="k").run(*args, check=False)
        assert result.returncode == 2 and "Traceback" not in result.stderr, args
    assert list(tmp_path.iterdir()) == []


def test_a_refused_backup_of_an_uninitialised_database(tmp_path):
    with fresh_database(tmp_path) as url:
        blank = Instance(url, tmp_path / "blank")
        result = blank.run("backup", tmp_path / "b.tar.gz", check=False)
    assert result.returncode == 2 and "germplasm init" in result.stderr
    assert not (tmp_path / "b.tar.gz").exists()
