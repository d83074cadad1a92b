"""OpenID Connect discovery, authorization and token endpoints, just enough for field apps that
sign in through OAuth (Field Book 7.3 and later: an "OIDC discovery URL" and the code flow with
PKCE, or the implicit flow). The access token they receive is one of our API tokens of the
signed-in user (write scope for staff, read for others), listed and revocable at
/account/tokens. No ID token is issued: the apps need only the access token.

Tokens and codes go only to the redirect URIs in GERMPLASM_OAUTH_REDIRECT_URIS (exact match;
default Field Book's `fieldbook://app/auth`)."""
from urllib.parse import urlencode

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from germplasm.accounts import oauth_codes, tokens
from germplasm.accounts.models import User
from germplasm.extensions import csrf, db

bp = Blueprint("oauth", __name__)
TOKEN_DAYS = 365  # a season in the field and the next
RESPONSE_TYPES = ("code", "token")
CARRIED = ("response_type", "client_id", "redirect_uri", "state", "code_challenge",
           "code_challenge_method", "scope")


@bp.get("/.well-known/openid-configuration")
def discovery():
    def endpoint(name):
        return url_for(name, _external=True)
    return jsonify({
        "issuer": request.url_root.rstrip("/"),
        "authorization_endpoint": endpoint("oauth.authorize"),
        "token_endpoint": endpoint("oauth.token"), "jwks_uri": endpoint("oauth.jwks"),
        "response_types_supported": list(RESPONSE_TYPES),
        "grant_types_supported": ["authorization_code", "implicit"],
        "code_challenge_methods_supported": ["S256", "plain"],
        "token_endpoint_auth_methods_supported": ["none"],
        "scopes_supported": ["openid"], "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"]})


@bp.get("/oauth/jwks")
def jwks():
    return jsonify({"keys": []})  # no ID tokens are signed


@bp.get("/oauth/authorize")
@login_required
def authorize():
    problem = _request_problem(request.args)
    return _consent(request.args, problem), 400 if problem else 200


@bp.post("/oauth/authorize")
@login_required
def decide():
    problem = _request_problem(request.form)
    if problem:
        return _consent(request.form, problem), 400
    asked = request.form
    if asked.get("decision") != "allow":
        return _back(asked, error="access_denied")
    if asked["response_type"] == "code":
        code = oauth_codes.issue(current_user.id, asked["redirect_uri"],
                                 asked["code_challenge"],
                                 asked.get("code_challenge_method") or "plain")
        return _back(asked, code=code)
    return _back(asked, access_token=_new_token(current_user, asked), token_type="Bearer",
                 expires_in=TOKEN_DAYS * 86400)


@bp.post("/oauth/token")
@csrf.exempt
def token():
    form = request.form
    if form.get("grant_type") != "authorization_code":
        return _token_error("unsupported_grant_type", "only authorization_code is offered")
    try:
        user_id = oauth_codes.redeem(form.get("code", ""), form.get("redirect_uri", ""),
                                     form.get("code_verifier", ""))
    except oauth_codes.CodeProblem as problem:
        return _token_error(*problem.args)
    user = db.session.get(User, user_id)
    if user is None or not user.active:
        return _token_error("invalid_grant", "the user may no longer sign in")
    secret = _new_token(user, form)
    return jsonify({"access_token": secret, "token_type": "Bearer",
                    "expires_in": TOKEN_DAYS * 86400, "scope": "openid"})


def _request_problem(asked) -> str | None:
    if asked.get("redirect_uri", "") not in current_app.config["GERMPLASM_OAUTH_REDIRECT_URIS"]:
        return _("This app's return address (%(url)s) is not one this genebank sends tokens to.",
                 url=asked.get("redirect_uri", "")[:200] or "—")
    if asked.get("response_type") not in RESPONSE_TYPES:
        return _("The app asked for something other than a code or a token.")
    if asked["response_type"] == "code" and not asked.get("code_challenge"):
        return _("The app must protect its sign-in with PKCE (a code_challenge).")
    return None


def _new_token(user: User, asked) -> str:
    scope = "write" if user.is_staff else "read"
    name = (asked.get("client_id") or "OAuth app").strip()[:100] or "OAuth app"
    _record, secret = tokens.create(user, name, TOKEN_DAYS, scope)
    db.session.commit()
    return secret


def _back(asked, **values):
    """The code or token (or the refusal) to the app: in the query for a code, in the
    fragment for a token, as OAuth says; the app's state comes back with it."""
    if asked.get("state"):
        values["state"] = asked["state"]
    mark = "#" if asked["response_type"] == "token" else "?"
    return redirect(f"{asked['redirect_uri']}{mark}{urlencode(values)}")


def _token_error(code: str, reason: str):
    return jsonify({"error": code, "error_description": reason}), 400


def _consent(asked, problem: str | None):
    hidden = {name: asked.get(name, "") for name in CARRIED}
    return render_template("brapi/authorize.html", problem=problem,
                           app=asked.get("client_id") or "OAuth app", hidden=hidden,
                           action=url_for("oauth.decide"),
                           scope="write" if current_user.is_staff else "read")
