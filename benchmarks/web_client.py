"""A signed-in browser for benchmarks/web.py: a cookie jar, forms with their csrf_token,
and a multipart upload, over web_http's one-connection-per-request fetch."""
from __future__ import annotations

import secrets
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from load_users import HiddenFields
from web_http import Fetched, fetch


class Browser:
    """Requests carry the cookies earlier answers set; an unexpected status is an error."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies = port, SimpleCookie()

    @property
    def headers(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())}

    def send(self, path: str, expect: int, method: str = "GET", body: bytes | None = None,
             content_type: str = "", accept: str = "") -> Fetched:
        headers = {**self.headers, **({"Content-Type": content_type} if content_type else {}),
                   **({"Accept": accept} if accept else {})}
        got = fetch(self.port, path, method, body, headers)
        for value in got.headers.get_all("Set-Cookie") or []:
            self.cookies.load(value)
        if got.status != expect:
            raise RuntimeError(f"{method} {path}: HTTP {got.status} (expected {expect})\n"
                               f"{got.body[:1500].decode(errors='replace')}")
        return got

    def csrf(self, path: str) -> str:
        """The csrf_token of the page's forms (the session's, the same on every page)."""
        token = HiddenFields(self.send(path, 200).body).fields.get("csrf_token")
        if not token:
            raise RuntimeError(f"{path}: no csrf_token in the page")
        return token

    def post(self, path: str, form: list[tuple[str, str]], expect: int = 303,
             accept: str = "") -> Fetched:
        """POST a form (pairs, so that a field may repeat); the answer, usually a redirect."""
        return self.send(path, expect, "POST", urlencode(form).encode(),
                         "application/x-www-form-urlencoded", accept)

    def upload(self, path: str, fields: dict[str, str], file_field: str, file: Path,
               expect: int = 303) -> Fetched:
        """POST multipart/form-data, as a browser sends a file input."""
        boundary = f"----bench{secrets.token_hex(12)}"
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                 f"{value}\r\n".encode() for name, value in fields.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                     f'filename="{file.name}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
                     + file.read_bytes() + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.send(path, expect, "POST", body, f"multipart/form-data; boundary={boundary}")

    def log_in(self, username: str, password: str) -> None:
        token = self.csrf("/login")
        self.post("/login", [("csrf_token", token), ("username", username),
                             ("password", password)], expect=302)
