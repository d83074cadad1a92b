"""A filled source instance and its backup, made once for the backup tests."""
import json

import pytest

from tests.backup.support import REAL_KEY_FILE, Instance, members, png
from tests.databases import fresh_database


@pytest.fixture(scope="session", autouse=True)
def checkout_secret_key_untouched():
    """No test may write the checkout's own instance/secret_key."""
    before = (REAL_KEY_FILE.read_bytes(), REAL_KEY_FILE.stat().st_mtime_ns)
    yield
    assert (REAL_KEY_FILE.read_bytes(), REAL_KEY_FILE.stat().st_mtime_ns) == before


@pytest.fixture(scope="session")
def source(tmp_path_factory):
    """init, a demo catalogue with five years of evaluations, a user and a photo."""
    root = tmp_path_factory.mktemp("source")
    with fresh_database(root) as url:
        instance = Instance(url, root, secret_key=None)
        instance.run("init")
        instance.run("demo", "--accessions", 60, "--seed", 3)
        instance.run("users", "create", "zhang", "--role", "curator", "--password", "巫山李子-2026",
                     "--name", "张三")
        instance.run("photos", "add", "WSL00001", png(root / "fruit.png"), "--caption", "果实",
                     "--taken-on", "2026-07-12")
        yield instance


@pytest.fixture(scope="session")
def source_backup(source, tmp_path_factory):
    path = tmp_path_factory.mktemp("archives") / "source.tar.gz"
    result = source.run("backup", path)
    assert "60 accessions" in result.stdout
    return path


@pytest.fixture
def empty(tmp_path):
    """A fresh database with nothing in it, and no photo or index folder yet."""
    with fresh_database(tmp_path) as url:
        yield Instance(url, tmp_path / "target")


def manifest_of(archive) -> dict:
    return json.loads(members(archive)["manifest.json"])
