"""Headers every response carries: a Content-Security-Policy without inline scripts, no
framing, no MIME sniffing, no full referrers to other sites."""
import secrets
from urllib.parse import urlsplit

from flask import Flask, current_app, g

FIXED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def init_security_headers(app: Flask) -> None:
    app.after_request(add_security_headers)


def csp_nonce() -> str:
    """A nonce for this response's script tags; only flask-admin's templates need one (our
    own pages load every script from a file)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def content_security_policy() -> str:
    scripts = "'self'" + (f" 'nonce-{g.csp_nonce}'" if "csp_nonce" in g else "")
    images = " ".join(["'self'", "data:", *_tile_origin()])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", f"img-src {images}",
        # Leaflet and flask-admin position elements with style attributes: styles may be
        # inline, scripts may not.
        "style-src 'self' 'unsafe-inline'", "object-src 'none'", "base-uri 'self'",
        "form-action 'self'", "frame-ancestors 'none'",
    ])


def _tile_origin() -> list[str]:
    """The map tile server, when one is configured (GERMPLASM_MAP_TILES)."""
    url = current_app.config.get("GERMPLASM_MAP_TILES") or ""
    parts = urlsplit(url.replace("{s}", "*"))
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


def add_security_headers(response):
    response.headers.setdefault("Content-Security-Policy", content_security_policy())
    for name, value in FIXED.items():
        response.headers.setdefault(name, value)
    return response
