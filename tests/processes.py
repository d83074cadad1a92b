"""The real `germplasm` console script in a subprocess, and a fresh database for it
(the `fresh_db` fixture is registered in tests/conftest.py)."""
import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import BIN
from tests.databases import fresh_database


def germplasm(url, *args, check=True):
    index = Path(tempfile.gettempdir()) / f"germplasm-index-{hashlib.md5(url.encode()).hexdigest()}"
    env = os.environ | {"GERMPLASM_DATABASE_URL": url, "GERMPLASM_INDEX_DIR": str(index)}
    result = subprocess.run([BIN / "germplasm", *map(str, args)], env=env, capture_output=True,
                            text=True, timeout=600)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def fresh_db(tmp_path):
    with fresh_database(tmp_path) as url:
        germplasm(url, "init")
        yield url
