"""`germplasm backup` while the app commits: the restored copy is one committed state."""
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.backup.conftest import manifest_of
from tests.backup.support import Instance, png
from tests.backup.writer import PREFIX
from tests.databases import fresh_database

pytestmark = pytest.mark.no_db
REPO = Path(__file__).resolve().parents[2]


def test_a_backup_taken_while_a_writer_commits_restores_a_committed_state(tmp_path):
    (tmp_path / "live").mkdir()
    with fresh_database(tmp_path / "live") as live_url, fresh_database(tmp_path) as target_url:
        live = Instance(live_url, tmp_path / "live")
        live.run("init")
        live.run("demo", "--accessions", 60, "--seed", 3)
        archive, before, during, commits = backup_while_writing(live, tmp_path)
        target = Instance(target_url, tmp_path / "target")
        target.run("restore", archive)
        restored = writer_rows(target)
        written = writer_rows(live)
        consistent(target)
    per_commit, remainder = divmod(len(written["audit"]), commits)
    assert during, "the writer committed nothing while the backup ran"
    assert before <= len(restored["accessions"]) <= commits
    # A committed state: the first k commits, each whole (accession, photo row, file, audit).
    k = len(restored["accessions"])
    assert restored["accessions"] == [f"{PREFIX}{n:05d}" for n in range(1, k + 1)]
    assert remainder == 0 and len(written["photos"]) == commits
    assert len(restored["photos"]) == k and len(restored["audit"]) == k * per_commit
    assert manifest_of(archive)["counts"]["accessions"] == 60 + k


def backup_while_writing(live, tmp_path):
    log, stop, picture = tmp_path / "commits.log", tmp_path / "stop", png(tmp_path / "p.png")
    writer = subprocess.Popen([sys.executable, "-m", "tests.backup.writer", log, stop, picture],
                              cwd=REPO, env=live.env(), stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: len(read_log(log)) >= 3, writer)
        started = time.time()
        live.run("backup", tmp_path / "live.tar.gz")
        finished = time.time()
        wait_for(lambda: read_log(log)[-1][1] > finished, writer)
    finally:
        stop.touch()
        _, errors = writer.communicate(timeout=120)
    assert writer.returncode == 0, errors
    commits = read_log(log)
    before = max(n for n, at in commits if at < started)
    during = [n for n, at in commits if started < at < finished]
    return tmp_path / "live.tar.gz", before, during, len(commits)


def read_log(log: Path) -> list[tuple[int, float]]:
    if not log.exists():
        return []
    return [(int(n), float(at)) for n, at in
            (line.split() for line in log.read_text().splitlines())]


def wait_for(condition, writer, seconds: float = 120) -> None:
    deadline = time.time() + seconds
    while not condition():
        assert writer.poll() is None, writer.stderr.read()
        assert time.time() < deadline, "the writer did not get going"
        time.sleep(0.1)


WRITER_ROWS = {
    "accessions": f"SELECT accenumb FROM accessions WHERE accenumb LIKE '{PREFIX}%' "
                  "ORDER BY accenumb",
    "photos": "SELECT filename FROM accession_photos WHERE \"user\" = 'writer'",
    "audit": "SELECT id FROM audit_entries WHERE \"user\" = 'writer'",
}


def writer_rows(instance) -> dict[str, list]:
    engine = create_engine(instance.url)
    with engine.connect() as connection:
        rows = {what: list(connection.execute(text(sql)).scalars())
                for what, sql in WRITER_ROWS.items()}
    engine.dispose()
    return rows


def consistent(instance) -> None:
    """Sound pages and keys (SQLite checks them here; pg_restore did on PostgreSQL), and a
    file for every photo row."""
    engine = create_engine(instance.url)
    with engine.connect() as connection:
        files = set(connection.execute(text("SELECT filename FROM accession_photos")).scalars())
        if engine.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    engine.dispose()
    assert files and files <= {p.name for p in instance.photo_dir.iterdir()}
