"""A real BrAPI client from the package index against the app served by gunicorn on the
BrAPI world (tests/brapi/conftest.py): brapi-proxy, which a partner runs to merge several
BrAPI v2.1 servers behind one address.

PyPI has no BrAPI client library proper: `brapi` is the client of a Brazilian stock-market
API (brapi.dev), `pybrapi` is not published, `brapi2biosamples` pins requests 2.22. The one
package that consumes BrAPI v2.1 servers is brapi-proxy: started with our base URL as its
upstream (`[server.plum] url=…/brapi/v2, calls=germplasm`), it reads our /serverinfo and
serves a call only when we advertise it (for version 2.1, as JSON), fetches one germplasm
through our `germplasm/{germplasmDbId}` (because we advertise it), and re-pages its callers'
`page`/`pageSize` over ours from our `metadata.pagination`; with `authorization=TOKEN` it
sends our bearer token upstream. It is run here as its own command; the test reads what it
answers over HTTP, as the proxy's users would: listing, fetching one and paging through all
germplasm are the proxy's requests to us, not the test's. It cannot post, so writes are not
tested here (tests/brapi/test_observations.py does them).

brapi-proxy pins Flask, requests and waitress to exact versions, older than the app's:
`make test` installs it in a venv of its own, .venv/brapi-proxy (see the Makefile)."""
import os
import signal
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from germplasm import create_app
from germplasm.accessions.services import get_by_number, upsert_rows
from germplasm.extensions import db
from schemas.accession import McpdRowSchema
from tests.brapi.conftest import build_world
from tests.browser.conftest import _free_port, _wait_until_up
from tests.conftest import BIN
from tests.databases import fresh_database
from tests.processes import germplasm
from tests.requests.live import Server

pytestmark = pytest.mark.no_db  # the world is committed in the live server's own database
PROXY = BIN.parent / "brapi-proxy" / "bin" / "brapi_proxy"  # `make test` installs it


@dataclass
class Live:
    ids: dict  # accenumb -> germplasmDbId as we serve it
    anonymous: "Proxy"
    staff: "Proxy"


class Proxy:
    """brapi-proxy in front of `upstream`, with our bearer token when given."""

    def __init__(self, upstream: str, folder: Path, token: str | None = None):
        if not PROXY.exists():
            pytest.fail(f"{PROXY} is missing: `make test` installs brapi-proxy there")
        folder.mkdir()
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}/brapi/v2"
        config = folder / "config.ini"
        config.write_text(
            f"[brapi]\nport={port}\nhost=127.0.0.1\nlocation=/brapi/v2\nthreads=2\n"
            f"[serverinfo]\nserverName=plum partners\n"
            f"[server.plum]\nurl={upstream}/brapi/v2\ncalls=germplasm\n"
            + (f"authorization={token}\n" if token else ""), encoding="utf-8")
        self.log = (folder / "proxy.log").open("w")
        # its own session: the proxy serves from a child process, stopped with it
        self.process = subprocess.Popen([PROXY, "--config", str(config)], stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        _wait_until_up(f"{self.base}/serverinfo", self.process, Path(self.log.name))

    def get(self, path: str, **params) -> requests.Response:
        return requests.get(f"{self.base}/{path}", params=params, timeout=60)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()


def _make_accession(**columns):
    """As tests/conftest.py's make_accession (a function fixture; this world is the module's)."""
    row = {"INSTCODE": "CHN385", "GENUS": "Prunus", "SPECIES": "salicina"} | {
        key.upper(): value for key, value in columns.items()}
    upsert_rows([(2, McpdRowSchema().load(row))], user="tester", source="factory")
    db.session.commit()
    return get_by_number(row["ACCENUMB"], row["INSTCODE"])


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    folder = tmp_path_factory.mktemp("brapi_client")
    with fresh_database(folder) as url:
        germplasm(url, "init")
        app = create_app({"SQLALCHEMY_DATABASE_URI": url,
                          "GERMPLASM_INDEX_DIR": str(folder / "index"),
                          "GERMPLASM_PHOTO_DIR": str(folder / "photos"),
                          "GERMPLASM_INDEX_BACKGROUND": False})
        with app.app_context():
            world = build_world(_make_accession)
            db.session.remove()
            db.engine.dispose()
        server = Server(url, folder)
        proxies = []
        try:
            proxies.append(Proxy(server.base, folder / "anonymous"))
            proxies.append(Proxy(server.base, folder / "staff", world.staff_token))
            yield Live({number: str(i) for number, i in world.ids.items()}, *proxies)
        finally:
            for proxy in proxies:
                proxy.stop()
            server.stop()


def _ok(response: requests.Response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def test_the_client_takes_our_germplasm_calls_from_serverinfo(live):
    calls = {c["service"] for c in _ok(live.anonymous.get("serverinfo"))["result"]["calls"]}
    assert {"germplasm", "germplasm/<germplasmDbId>"} <= calls


def test_lists_germplasm(live):
    answer = _ok(live.anonymous.get("germplasm"))
    assert answer["metadata"]["pagination"]["totalCount"] == 3
    records = {r["accessionNumber"]: r for r in answer["result"]["data"]}
    assert sorted(records) == ["B001", "B002", "B003"]
    first = records["B001"]
    assert first["germplasmDbId"] == live.ids["B001"]
    assert first["germplasmName"] == "巫山脆李"
    assert [s["synonym"] for s in first["synonyms"]] == ["Wūshān Cuìlǐ", "Wushan Crisp"]
    assert first["germplasmPUI"] == "10.18730/B001"
    assert records["B003"]["instituteCode"] == "CHN004"


def test_fetches_one_with_its_site_rounded_for_the_public(live):
    wild = live.ids["B002"]
    public = _ok(live.anonymous.get(f"germplasm/{wild}"))["result"]
    exact = _ok(live.staff.get(f"germplasm/{wild}"))["result"]
    assert public["accessionNumber"] == exact["accessionNumber"] == "B002"
    point = [o["coordinates"]["geometry"]["coordinates"] for o in (public, exact)
             for o in o["germplasmOrigin"]]
    assert point == [[109.9, 31.1], [109.87812, 31.07519]]


def test_the_restricted_accession_reaches_staff_only(live):
    hidden = live.ids["B004"]
    assert live.anonymous.get(f"germplasm/{hidden}").status_code == 404
    assert _ok(live.staff.get(f"germplasm/{hidden}"))["result"]["accessionNumber"] == "B004"


@pytest.mark.parametrize("caller, expected", [
    ("anonymous", ["B001", "B002", "B003"]),
    ("staff", ["B001", "B002", "B003", "B004"]),
])
def test_pages_through_all_germplasm_each_once(live, caller, expected):
    proxy, seen, page, pages = getattr(live, caller), Counter(), 0, 1
    while page < pages:
        answer = _ok(proxy.get("germplasm", page=page, pageSize=2))
        assert answer["metadata"]["pagination"]["currentPage"] == page
        assert len(answer["result"]["data"]) <= 2
        seen.update(r["germplasmDbId"] for r in answer["result"]["data"])
        pages = answer["metadata"]["pagination"]["totalPages"]
        page += 1
    assert pages == 2
    assert seen == Counter(live.ids[number] for number in expected)
