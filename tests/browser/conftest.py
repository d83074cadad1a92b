"""Browser tests: a real server on a demo database, driven by Debian's Chromium via Playwright.

No browser is ever downloaded: Chromium comes from Debian (`apt-get install chromium
fonts-noto-cjk`, which `.ci/run` does in CI). Without it the tests are skipped.
"""
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import BIN
from tests.databases import fresh_database

CHROMIUM = shutil.which("chromium")
NO_CHROMIUM = "chromium not installed: apt-get install chromium fonts-noto-cjk"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
CAMPAIGN = "2026 浏览器测试"
STAFF = ("staffer", "orchard-2026")
ADMIN = ("chief", "orchard-2026")
RESEARCHER = ("yanjiu", "orchard-2026")
CURATOR = ("keeper", "orchard-2026")
# Lots in season all year, so the material request tests do not depend on today's date.
REQUEST_LOTS = """ACCENUMB,LOT_NUMBER,MATERIAL,QUANTITY,UNIT,LOCATION,DISTRIBUTABLE
WSL00003,BT-0003,budwood,60,piece,冷库1,yes
WSL00004,BT-0004,budwood,60,piece,冷库1,yes
"""

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the `test` extras install it; say so rather than fail on import
    sync_playwright = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _germplasm(env: dict, *args: str, timeout: int = 600) -> None:
    result = subprocess.run([str(BIN / "germplasm"), *args], env=env, capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, f"germplasm {' '.join(args)}:\n{result.stdout}{result.stderr}"


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)  # not listening yet
            continue
        time.sleep(0.2)
    raise RuntimeError(f"server did not answer within {timeout} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Base URL of `germplasm run` on a fresh demo database with a staff user and a campaign."""
    tmp = tmp_path_factory.mktemp("browser")
    with fresh_database(tmp) as url:
        env = os.environ | {
            "GERMPLASM_DATABASE_URL": url,
            "GERMPLASM_INDEX_DIR": str(tmp / "index"),
            "GERMPLASM_SECRET_KEY": "test",
            "GERMPLASM_PHOTO_DIR": str(tmp / "photos"),  # not the checkout's instance folder
        }
        _germplasm(env, "init")
        _germplasm(env, "demo", "--accessions", "300", "--seed", "1")
        _germplasm(env, "users", "create", STAFF[0], "--role", "staff",
                   "--password", STAFF[1], "--name", "测试员")
        _germplasm(env, "users", "create", ADMIN[0], "--role", "admin",
                   "--password", ADMIN[1], "--name", "管理员")
        for (name, password), role, shown in ((RESEARCHER, "researcher", "研究员"),
                                              (CURATOR, "curator", "审核员")):
            _germplasm(env, "users", "create", name, "--role", role, "--password", password,
                       "--name", shown)
        (tmp / "request-lots.csv").write_text(REQUEST_LOTS, encoding="utf-8")
        _germplasm(env, "import", "lots", str(tmp / "request-lots.csv"))
        _germplasm(env, "campaign", "create", CAMPAIGN, "--year", "2026",
                   "--descriptors", "FRUIT_WEIGHT,SSC,FLESH_COLOR",
                   "--accessions", "WSL00001,WSL00002")
        port = _free_port()
        log = tmp / "server.log"
        with log.open("w") as output:
            server = subprocess.Popen(
                [str(BIN / "germplasm"), "run", "--host", "127.0.0.1", "--port", str(port)],
                env=env, stdout=output, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base + "/", server, log)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@pytest.fixture(scope="session")
def browser():
    # A missing browser fails the browser tests: they test features, and a skip would hide them.
    if CHROMIUM is None:
        pytest.fail(NO_CHROMIUM)
    if sync_playwright is None:
        pytest.fail("playwright not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (own cookies) in Chinese; `page.goto('/path')` is relative."""
    context = browser.new_context(base_url=live_server, locale="zh-CN",
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """screenshot(page, name): save a full-page PNG to tests/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def log_in():
    """log_in(page): sign in through the login form as the staff user; stays on the home page."""

    def sign_in(page, username: str = STAFF[0], password: str = STAFF[1]) -> None:
        page.goto("/login")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("form.login button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)

    return sign_in
