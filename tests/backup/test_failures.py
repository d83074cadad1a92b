"""A tool that fails gives exit status 1 with its message, and leaves no half file."""
import os

import pytest

from tests.backup.support import Instance
from tests.databases import POSTGRES_URL, fresh_database

pytestmark = pytest.mark.no_db


def fake_tool(folder, name: str, passes_when: str = "") -> dict:
    """A stand-in for a PostgreSQL client tool that fails, first on PATH."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    real = f'[ "$1" = "{passes_when}" ] && exec /usr/bin/{name} "$@"\n' if passes_when else ""
    script.write_text(f"#!/bin/sh\n{real}echo '{name}: error: simulated failure' >&2\nexit 1\n")
    script.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def test_a_failed_backup_exits_1_and_keeps_the_earlier_file(tmp_path):
    with fresh_database(tmp_path) as url:
        instance = Instance(url, tmp_path / "instance")
        instance.run("init")
        path = tmp_path / "nightly.tar.gz"
        instance.run("backup", path)
        earlier = path.read_bytes()
        if POSTGRES_URL:
            instance.extra_env = fake_tool(tmp_path / "bin", "pg_dump")
            message = "pg_dump: error: simulated failure"
        else:
            (tmp_path / url.split("/")[-1]).write_bytes(b"this is not a database file")
            message = "SQLite backup of"
        failed = instance.run("backup", path, check=False)
    assert failed.returncode == 1 and message in failed.stderr, failed.stderr
    assert path.read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_failed_restore_exits_1_with_the_tool_message(source_backup, tmp_path):
    with fresh_database(tmp_path) as url:
        if POSTGRES_URL:
            target = Instance(url, tmp_path / "target",
                              extra_env=fake_tool(tmp_path / "bin", "pg_restore", "--list"))
            message = "pg_restore: error: simulated failure"
        else:
            (tmp_path / "occupied").write_text("a file where the database folder should be")
            target = Instance(f"sqlite:///{tmp_path / 'occupied' / 'db.sqlite'}", tmp_path / "t")
            message = "SQLite restore into"
        failed = target.run("restore", source_backup, check=False)
    assert failed.returncode == 1 and message in failed.stderr, failed.stderr
    assert "Traceback" not in failed.stderr and not target.photo_dir.exists()
