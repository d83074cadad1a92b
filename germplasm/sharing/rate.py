"""Rate limits of the API: per token for scripts that send one, per address for anonymous
use, so one partner's nightly sync cannot starve the others (429 with Retry-After)."""
from flask import current_app, g
from flask_limiter.util import get_remote_address

from germplasm.extensions import limiter


def api_rate() -> str:
    return current_app.config["GERMPLASM_API_RATE"]


def caller_key() -> str:
    token = g.get("api_token")
    return f"token:{token.id}" if token is not None else f"address:{get_remote_address()}"


def limit_api(blueprint) -> None:
    limiter.limit(api_rate, key_func=caller_key)(blueprint)
