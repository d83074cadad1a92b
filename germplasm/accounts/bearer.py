"""Requests that carry `Authorization: Bearer <token>` act as the token's user. A header
naming no valid token is refused with 401, never treated as anonymous: a script with an
expired token should learn so, not silently see only public data."""
from flask import Flask, abort, g, request
from flask_babel import gettext as _

from germplasm.accounts import tokens
from germplasm.extensions import login_manager


def init_bearer(app: Flask) -> None:
    app.before_request(_read_token)
    login_manager.request_loader(_user_of_token)


def _read_token() -> None:
    g.pop("api_token", None)  # an app context shared by requests (tests) keeps `g`
    header = request.headers.get("Authorization")
    if header is None:
        return
    try:
        g.api_token = tokens.from_header(header)
    except tokens.TokenProblem:
        abort(401, _("The token is unknown, expired or revoked."))


def _user_of_token(_request):
    token = g.get("api_token")
    return token.user if token is not None else None


def may_write() -> bool:
    """A session user may write; a token only with the write scope."""
    token = g.get("api_token")
    return token is None or token.scope == "write"
