"""Page weight for benchmarks/web.py: a page's HTML plus the same-origin assets it loads."""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from web_http import encode, fetch_ok

WEIGHT_TARGET_KB = 500.0
# What map.js fetches as soon as a page with a map loads: the outlines it draws on and a
# search's collecting sites. A first visit downloads them like the page's own assets.
SCRIPT_DATA = ("data-countries", "data-provinces", "data-points")


@dataclass
class Weight:
    label: str
    path: str
    html_bytes: int
    asset_bytes: int
    assets: int  # distinct same-origin URLs fetched
    references: int  # asset references in the HTML, duplicates included
    gzip_bytes: int  # HTML and each asset gzip-compressed separately, summed
    external: list[str]
    data_bytes: int = 0  # of the assets: the JSON map.js fetches (SCRIPT_DATA)

    @property
    def total_bytes(self) -> int:
        return self.html_bytes + self.asset_bytes

    def meets_target(self) -> bool:
        return self.total_bytes < WEIGHT_TARGET_KB * 1000


class AssetParser(HTMLParser):
    """Stylesheet, script and image URLs, in document order, and the URLs of SCRIPT_DATA.
    Tags inside <title> are text for a browser (the element holds raw text), so they are
    skipped here too."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.data: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif not self.in_title:
            self.urls += [url for url in [asset_url(tag, dict(attrs))] if url]
            self.data += [value for name, value in attrs if name in SCRIPT_DATA and value]

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False


def asset_url(tag: str, attrs: dict[str, str | None]) -> str | None:
    if tag == "link" and "stylesheet" in (attrs.get("rel") or "").lower().split():
        return attrs.get("href") or None
    if tag in ("script", "img"):
        return attrs.get("src") or None
    return None


def weigh(port: int, label: str, path: str, headers: dict[str, str] | None = None) -> Weight:
    """The page's HTML and its same-origin assets, each distinct URL fetched once (with
    headers, e.g. a signed-in user's cookie)."""
    wire = {**(headers or {}), "Accept-Encoding": "gzip"}  # as a browser asks
    html = fetch_ok(port, path, wire).body
    parser = AssetParser()
    parser.feed(_plain(html).decode("utf-8", errors="replace"))
    base = f"http://127.0.0.1:{port}{encode(path)}"
    urls = [urljoin(base, url) for url in parser.urls + parser.data]
    local = [u for u in dict.fromkeys(urls) if urlsplit(u).netloc == urlsplit(base).netloc]
    bodies = [fetch_ok(port, _path_of(u), wire).body for u in local]
    data = {urljoin(base, url) for url in parser.data}
    return Weight(label, path, len(html), sum(map(len, bodies)), len(local), len(urls),
                  sum(len(gzip.compress(_plain(b), compresslevel=6)) for b in [html, *bodies]),
                  [u for u in dict.fromkeys(urls) if u not in local],
                  sum(len(b) for u, b in zip(local, bodies, strict=True) if u in data))


def _plain(body: bytes) -> bytes:
    """A body as the browser reads it: the app gzips scripts, styles and JSON on the wire."""
    return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


