"""HTTP for benchmarks/web.py and load.py: the app under gunicorn, and timed requests."""
from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS, START_TIMEOUT_S = 2, 60.0
THREADS = 4  # per worker (gthread), as the README deploys it


@dataclass
class Fetched:
    status: int
    ttfb_ms: float
    total_ms: float
    body: bytes
    headers: http.client.HTTPMessage | None = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(url: str, index_dir: str, log_path: Path, workers: int = WORKERS,
             env: dict[str, str] | None = None) -> Iterator[int]:
    """Run the app under gunicorn on a free port; yield the port; stop it however we leave.
    env: more environment variables for the app (they win over the defaults here)."""
    port = free_port()
    env = {**os.environ, "GERMPLASM_DATABASE_URL": url, "GERMPLASM_INDEX_DIR": index_dir,
           "GERMPLASM_SECRET_KEY": secrets.token_hex(32), **(env or {})}
    # Threads as the README deploys it: a save waiting for a lock holds a thread, not a worker.
    command = [str(GUNICORN), "-w", str(workers), "--threads", str(THREADS),
               "-b", f"127.0.0.1:{port}", "wsgi:app"]
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            wait_until_up(server, port, log_path)
            yield port
        finally:
            stop(server)


def wait_until_up(server: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.returncode}):\n{_tail(log_path)}")
        try:
            if fetch(port, "/static/site.css").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {START_TIMEOUT_S:.0f} s:\n"
                       f"{_tail(log_path)}")


def stop(server: subprocess.Popen) -> None:
    """SIGTERM (graceful: the master stops its workers), then SIGKILL if it lingers."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _tail(path: Path, chars: int = 3000) -> str:
    return path.read_text(errors="replace")[-chars:] if path.exists() else ""


def encode(path: str) -> str:
    """Percent-encode the non-ASCII characters of a path and query string."""
    return quote(path, safe="/?&=,:+-._~%")


def fetch(port: int, path: str, method: str = "GET", body: bytes | None = None,
          headers: dict[str, str] | None = None) -> Fetched:
    """A request on a new connection (GET by default): TTFB until status line and headers,
    total until the body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        start = time.perf_counter()
        connection.request(method, encode(path), body=body, headers=headers or {})
        response = connection.getresponse()
        ttfb = time.perf_counter() - start
        body = response.read()
        total = time.perf_counter() - start
    finally:
        connection.close()
    return Fetched(response.status, ttfb * 1000, total * 1000, body, response.headers)


def fetch_ok(port: int, path: str, headers: dict[str, str] | None = None) -> Fetched:
    fetched = fetch(port, path, headers=headers)
    if fetched.status != 200:
        raise RuntimeError(f"{path}: HTTP {fetched.status} {fetched.body[:300]!r}")
    return fetched


