"""One-time authorization codes of the OAuth code flow, signed rather than stored: a code names
the user, the app's redirect URI and its PKCE challenge, and lasts two minutes. PKCE is
required, so a code seen by another app is useless without the verifier only the asking app
holds."""
import base64
import hashlib
import hmac

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

LIFETIME_SECONDS = 120
SALT = "oauth-authorization-code"


class CodeProblem(ValueError):
    """The OAuth error code (RFC 6749 §5.2) is the first argument, the reason the second."""


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def issue(user_id: int, redirect_uri: str, challenge: str, method: str) -> str:
    return _signer().dumps({"u": user_id, "r": redirect_uri, "c": challenge, "m": method})


def redeem(code: str, redirect_uri: str, verifier: str) -> int:
    """The user id the code was issued for, if the redirect URI and the verifier match."""
    try:
        claims = _signer().loads(code, max_age=LIFETIME_SECONDS)
    except BadSignature:
        raise CodeProblem("invalid_grant", "the code is unknown or expired") from None
    if claims["r"] != redirect_uri:
        raise CodeProblem("invalid_grant", "redirect_uri differs from the authorization's")
    if not verifier or not hmac.compare_digest(challenge_of(verifier, claims["m"]), claims["c"]):
        raise CodeProblem("invalid_grant", "code_verifier does not match the code_challenge")
    return claims["u"]


def challenge_of(verifier: str, method: str) -> str:
    if method == "plain":
        return verifier
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
