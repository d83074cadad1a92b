"""Every process's search index follows the change feed: a change committed by another
process (or node, with its own index folder on the same database), or by a process killed
between its commit and its index update, is found without a restart or a reindex."""
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from germplasm.extensions import db
from tests.browser.conftest import _free_port, _wait_until_up
from tests.conftest import BIN
from tests.processes import germplasm

SHEET = ("INSTCODE,ACCENUMB,GENUS,SPECIES,ACCENAME,COLLSITE\n"
         "CHN385,F001,Prunus,salicina,巫山脆李,巫山县\n")

COMMIT_THEN_DIE = """
import os, signal
from germplasm import create_app
from germplasm.accessions.services import upsert_rows
from germplasm.extensions import db
from schemas.accession import McpdRowSchema

with create_app().app_context():
    row = McpdRowSchema().load({"INSTCODE": "CHN385", "ACCENUMB": "F002", "GENUS": "Prunus",
                                "SPECIES": "salicina", "ACCENAME": "龙眼李"})
    upsert_rows([(2, row)], user="tests", source="killed")
    db.session.commit()  # committed; the index update that would follow never runs
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_commit_in_this_process_without_an_index_update_is_found(client, catalogue):
    from germplasm.accessions.services import get_by_number, update_passport

    update_passport(get_by_number("S002"), {"ACCENAME": "Santa Rosa;玫瑰皇后"},
                    user="tests", source="test")
    db.session.commit()  # a plain commit: only the feed knows
    answer = client.get("/api/v1/accessions?q=玫瑰皇后").json
    assert [item["accenumb"] for item in answer["items"]] == ["S002"]


def test_the_next_process_catches_up_after_a_kill_9(fresh_db, tmp_path):
    sheet = tmp_path / "one.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    germplasm(fresh_db, "import", "mcpd", sheet)
    germplasm(fresh_db, "reindex")
    env = _env_of(fresh_db)
    died = subprocess.run([sys.executable, "-c", COMMIT_THEN_DIE], env=env, capture_output=True,
                          text=True, timeout=300)
    assert died.returncode == -signal.SIGKILL, died.stderr
    found = germplasm(fresh_db, "search", "龙眼李").stdout
    assert "F002" in found and found.startswith("1 accessions"), found


def _env_of(url: str) -> dict:
    """The environment tests.processes.germplasm gives its commands (the same index)."""
    import hashlib
    import tempfile

    index = Path(tempfile.gettempdir()) / f"germplasm-index-{hashlib.md5(url.encode()).hexdigest()}"
    return os.environ | {"GERMPLASM_DATABASE_URL": url, "GERMPLASM_INDEX_DIR": str(index),
                         "PYTHONPATH": str(Path(__file__).resolve().parents[2])}


class Node:
    """An app server with its own index folder, on the shared database."""

    def __init__(self, url: str, folder: Path, **settings):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = folder / "server.log"
        env = os.environ | {"GERMPLASM_DATABASE_URL": url,
                            "GERMPLASM_INDEX_DIR": str(folder / "index"),
                            "GERMPLASM_SECRET_KEY": "two-nodes-share-one-key"} | settings
        subprocess.run([BIN / "germplasm", "reindex"], env=env, check=True, capture_output=True,
                       timeout=300)
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [BIN / "gunicorn", "-w", "2", "-b", f"127.0.0.1:{self.port}", "wsgi:app"],
                env=env, stdout=output, stderr=subprocess.STDOUT,
                cwd=Path(__file__).resolve().parents[2])
        _wait_until_up(self.base + "/", self.process, self.log)

    def found(self, text: str) -> list[str]:
        answer = requests.get(f"{self.base}/api/v1/accessions", params={"q": text}, timeout=10)
        return [item["accenumb"] for item in answer.json()["items"]]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def _curator_edit(node: Node, accenumb_id: int, **fields) -> None:
    """A curator signs in on this node and edits an accession in the admin."""
    web = requests.Session()
    login = web.get(f"{node.base}/login", timeout=10).text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', login).group(1)
    signed = web.post(f"{node.base}/login", data={"username": "qian.curator",
                      "password": "orchard-2026", "csrf_token": token}, timeout=10,
                      allow_redirects=False)
    assert signed.status_code == 302, signed.text
    path = f"{node.base}/admin/accessions/edit/?id={accenumb_id}"
    form = web.get(path, timeout=10).text
    version = re.search(r'<input[^>]*name="version"[^>]*value="(\d+)"', form).group(1)
    tag = re.search(r'<input[^>]*name="csrf_token"[^>]*>', form).group(0)
    token = re.search(r'value="([^"]+)"', tag).group(1)
    saved = web.post(path, data={"csrf_token": token, "version": version, **fields},
                     timeout=10, allow_redirects=False)
    assert saved.status_code == 302, saved.text


def test_a_change_through_one_node_is_found_on_the_other(fresh_db, tmp_path):
    sheet = tmp_path / "one.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    germplasm(fresh_db, "import", "mcpd", sheet)
    germplasm(fresh_db, "users", "create", "qian.curator", "--role", "curator",
              "--password", "orchard-2026")
    first = Node(fresh_db, _folder(tmp_path, "a"))
    # The second node catches up in a thread, as after another node's large import.
    second = Node(fresh_db, _folder(tmp_path, "b"), GERMPLASM_INDEX_INLINE_LIMIT="0")
    try:
        assert first.found("巫山脆李") == ["F001"] == second.found("巫山脆李")
        assert second.found("奉节") == []
        _curator_edit(first, 1, COLLSITE="重庆市奉节县")
        assert _within(10, lambda: second.found("奉节") == ["F001"])
        assert first.found("奉节") == ["F001"]
    finally:
        first.stop()
        second.stop()


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder


def _within(seconds: float, condition) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_missing_index_is_built_by_the_first_commit(fresh_db, tmp_path):
    sheet = tmp_path / "one.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    germplasm(fresh_db, "import", "mcpd", sheet)  # no reindex: the import's commit builds it
    found = germplasm(fresh_db, "search", "巫山脆李").stdout
    assert found.startswith("1 accessions (page 1, from the index)"), found
