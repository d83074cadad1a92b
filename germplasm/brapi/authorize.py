"""GET/POST /brapi/authorize: how Field Book signs in without an OpenID provider (its "old
custom" BrAPI authorization: it opens `<server>/brapi/authorize?display_name=Field Book&
return_url=fieldbook://` in the browser and reads `?status=200&token=…` from the return URL).

The signed-in user confirms, and a token of their own is made for the app: write scope for
staff (who record observations), read for everyone else. The token goes back only to an app's
own URL scheme listed in GERMPLASM_BRAPI_RETURN_URLS (default `fieldbook://`): a web address
could hand the token to any site."""
from urllib.parse import urlencode

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from germplasm.accounts import tokens
from germplasm.extensions import db

bp = Blueprint("brapi_authorize", __name__, url_prefix="/brapi")
TOKEN_DAYS = 365  # a season in the field and the next; revoked at /account/tokens


@bp.get("/authorize")
@login_required
def ask():
    problem = _return_problem(request.args.get("return_url", ""))
    return _page(problem), 400 if problem else 200


@bp.post("/authorize")
@login_required
def answer():
    return_url = request.form.get("return_url", "")
    problem = _return_problem(return_url)
    if problem:
        return _page(problem, request.form), 400
    if request.form.get("decision") != "allow":
        return redirect(_with(return_url, status=401))
    scope = "write" if current_user.is_staff else "read"
    _token, secret = tokens.create(current_user, _app_name(request.form), TOKEN_DAYS, scope)
    db.session.commit()
    return redirect(_with(return_url, status=200, token=secret))


def _app_name(values) -> str:
    return (values.get("display_name") or "BrAPI app").strip()[:100] or "BrAPI app"


def _return_problem(return_url: str) -> str | None:
    allowed = current_app.config["GERMPLASM_BRAPI_RETURN_URLS"]
    if any(return_url.startswith(prefix) for prefix in allowed):
        return None
    return _("This app's return address (%(url)s) is not one this genebank sends tokens to.",
             url=return_url[:200] or "—")


def _with(return_url: str, **values) -> str:
    joiner = "&" if "?" in return_url else "?"
    return f"{return_url}{joiner}{urlencode(values)}"


def _page(problem: str | None, values=None):
    values = values or request.args
    return render_template("brapi/authorize.html", problem=problem, app=_app_name(values),
                           action=url_for("brapi_authorize.answer"),
                           hidden={"display_name": _app_name(values),
                                   "return_url": values.get("return_url", "")},
                           scope="write" if current_user.is_staff else "read")
