"""Simulated users for benchmarks/load.py: what they request, how each request is timed and
judged, and the record of every request."""
from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from web_http import fetch

# Anonymous users pick a kind by weight; each kind has its URLs (all must answer 200).
SEARCHES = [{}, {"q": "脆李"}, {"q": "巫山脆李"}, {"q": "李", "sort": "-SSC"}, {"q": "黄"},
            {"q": "cuili"}, {"q": "wushan cuili"}, {"q": "wushancuili"}, {"q": "Santa Rosa"},
            {"q": "Santa Rsoa"}, {"q": "president", "lang": "en"}, {"q": "cacanska"},
            {"q": "cuili", "t0": "SSC", "t0min": "13"}, {"q": "plum", "t0": "FRUIT_WEIGHT",
            "t0min": "40"}, {"t0": "HARVEST_DATE", "t0max": "07-20", "sort": "HARVEST_DATE"},
            {"q": "李", "c_FLESH_COLOR": "5"}, {"q": "species:domestica origin:SRB"},
            {"q": "李", "page": "3"}]
API_SEARCHES = [{"q": "cuili"}, {"q": "李", "trait": "SSC:14..", "sort": "-SSC"},
                {"q": "wushan cuili", "per_page": "50"}, {"trait": "HARVEST_DATE:..07-20"},
                {"q": "plum", "trait": "FLESH_COLOR:yellow|红色"}, {"origin": "SRB"},
                {"q": "巫山", "page": "2"}]
SCREENINGS = [[("trait", "SSC:+2"), ("trait", "FRUIT_WEIGHT:+1"), ("trait", "FRUIT_CRACKING:-1"),
               ("filter", "HARVEST_DATE:..07-20"), ("top", "20")],
              [("trait", "HARVEST_DATE:~07-10"), ("trait", "SSC:+1")],
              [("extreme", "HARVEST_DATE:bottom:5")]]
WEIGHTS = {"search page": 40, "accession page": 35, "API accessions": 15, "API screening": 10}
DESCRIPTORS = "FRUIT_WEIGHT,SSC,FLESH_COLOR,HARVEST_DATE,FRUIT_CRACKING"


class HiddenFields(HTMLParser):
    """The hidden inputs of a page's forms (csrf_token, and whatever else a browser sends)."""

    def __init__(self, body: bytes) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.feed(body.decode(errors="replace"))

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""


def url(path: str, params) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def anonymous_url(kind: str, rng: random.Random, accessions: list[str]) -> str:
    if kind == "search page":
        return url("/", rng.choice(SEARCHES))
    if kind == "accession page":
        return f"/accessions/{rng.choice(accessions)}"
    if kind == "API accessions":
        return url("/api/v1/accessions", rng.choice(API_SEARCHES))
    return url("/api/v1/screening", rng.choice(SCREENINGS))


def entry_values(rng: random.Random, year: int) -> dict[str, str]:
    """Valid values for the campaign's DESCRIPTORS."""
    harvest = date(year, 6, 1).toordinal() + rng.randrange(90)
    return {"FRUIT_WEIGHT": f"{rng.uniform(10, 120):.1f}", "SSC": f"{rng.uniform(8, 20):.1f}",
            "FLESH_COLOR": str(rng.randint(1, 8)), "FRUIT_CRACKING": rng.choice("13579"),
            "HARVEST_DATE": date.fromordinal(harvest).isoformat()}


@dataclass
class Sample:
    kind: str
    start: float  # seconds since the run started
    ms: float
    ok: bool


@dataclass
class Record:
    """Every request of the run, error samples, and the accessions whose entry was saved."""
    t0: float = field(default_factory=time.perf_counter)
    samples: list[Sample] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    saved: set[str] = field(default_factory=set)
    keep: int = 20

    def error(self, text: str) -> None:
        if len(self.errors) < self.keep:
            self.errors.append(text)


class Session:
    """One browser: a cookie jar and timed requests, each checked against its expected status."""

    def __init__(self, port: int, record: Record) -> None:
        self.port, self.record, self.cookies = port, record, SimpleCookie()

    def request(self, kind: str, path: str, expect: int, form: dict | None = None,
                hidden: dict | None = None):
        """Send, time and judge a request; the response, or None if it is an error. A dict
        as `hidden` receives the page's hidden form fields (no csrf_token is an error)."""
        headers = {"Cookie": "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        try:
            got = fetch(self.port, path, "POST" if form is not None else "GET", body, headers)
        except OSError as error:
            ms = (time.perf_counter() - start) * 1000
            self._log(kind, start, ms, f"{kind} {path}: {type(error).__name__}: {error}")
            return None
        for value in got.headers.get_all("Set-Cookie") or []:
            self.cookies.load(value)
        location = got.headers.get("Location", "")
        if hidden is not None and got.status == 200:
            hidden.update(HiddenFields(got.body).fields)
        problem = (f"HTTP {got.status} (expected {expect})" if got.status != expect else
                   f"redirected to {location}" if expect == 302 and "/login" in location else
                   "no csrf_token in the page" if hidden is not None and "csrf_token" not in
                   hidden else None)
        if problem:
            problem = (f"{kind} {'POST' if form else 'GET'} {path}: {problem}\n"
                       f"{got.body[:1500].decode(errors='replace')}")
        self._log(kind, start, got.total_ms, problem)
        return None if problem else got

    def form(self, kind: str, path: str) -> dict | None:
        """GET a page with a form: its hidden fields, or None if that request failed."""
        hidden: dict[str, str] = {}
        return hidden if self.request(kind, path, 200, hidden=hidden) else None

    def _log(self, kind: str, start: float, ms: float, problem: str | None) -> None:
        self.record.samples.append(Sample(kind, start - self.record.t0, ms, problem is None))
        if problem:
            self.record.error(problem)


def preflight(port: int, accessions: list[str]) -> None:
    """Every anonymous URL once (and warm the workers): a wrong URL is the script's fault."""
    record = Record()
    session = Session(port, record)
    paths = ([url("/", p) for p in SEARCHES] + [url("/api/v1/accessions", p) for p in API_SEARCHES]
             + [url("/api/v1/screening", p) for p in SCREENINGS]
             + [f"/accessions/{n}" for n in accessions[:: max(1, len(accessions) // 8)]])
    for path in paths:
        session.request("preflight", path, 200)
    if record.errors:
        raise RuntimeError("preflight failed:\n" + "\n\n".join(record.errors))


def think(stop: threading.Event, rng: random.Random, mean: float) -> None:
    stop.wait(rng.uniform(0.5 * mean, 1.5 * mean))


def anonymous_user(port, record, stop, seed, accessions, mean_think) -> None:
    rng, session = random.Random(seed), Session(port, record)
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    think(stop, rng, mean_think)
    while not stop.is_set():
        kind = rng.choices(kinds, weights)[0]
        session.request(kind, anonymous_url(kind, rng, accessions), 200)
        think(stop, rng, mean_think)


def staff_user(port, record, stop, seed, login, campaign, mean_think) -> None:
    """Log in, then walk a slice of the campaign's worklist: open the entry form, fill it in,
    save (the answer must be the redirect to the next accession); start over at the end."""
    (username, password), (campaign_id, year, worklist) = login, campaign
    rng, session = random.Random(seed), Session(port, record)
    think(stop, rng, mean_think)
    hidden = session.form("login", "/login")
    if hidden is None or not session.request("login", "/login", 302, {
            **hidden, "username": username, "password": password}):
        return
    position = 0
    while not stop.is_set():
        accenumb = worklist[position % len(worklist)]
        path = f"/campaigns/{campaign_id}/entry/{accenumb}"
        hidden = session.form("entry form", path)
        think(stop, rng, mean_think)
        if hidden is not None and not stop.is_set():
            form = {**hidden, "replicate": "1", "observer": username,
                    "observed_on": date.today().isoformat(), "save_next": "1",
                    **entry_values(rng, year)}
            if session.request("entry save", path, 302, form):
                record.saved.add(accenumb)
            think(stop, rng, mean_think)
        position += 1
