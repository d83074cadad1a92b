"""/account/tokens: signed-in users make, see and revoke their own API tokens. A new token is
shown once, in the answer to the form (never in a flash message, which lives in the cookie)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from germplasm.accounts import tokens
from germplasm.accounts.views import bp
from germplasm.extensions import db

EXPIRY_CHOICES = (30, 90, 365, 0)  # days; 0: never


@bp.get("/account/tokens")
@login_required
def tokens_page():
    return _page()


@bp.post("/account/tokens")
@login_required
def create_token():
    scope = request.form.get("scope", "read")
    if scope == "write" and not current_user.is_staff:
        return _page(error=_("Only staff and above may write through the API."), status=400)
    days = request.form.get("expires_days", "90")
    if not days.isdigit() or int(days) not in EXPIRY_CHOICES:
        return _page(error=_("Choose how long the token lasts."), status=400)
    token, secret = tokens.create(current_user, request.form.get("name"), int(days) or None,
                                  scope)
    db.session.commit()
    return _page(new=(token, secret))


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    try:
        tokens.revoke(token_id, owner=current_user)
    except tokens.TokenProblem:
        abort(404)
    db.session.commit()
    flash(_("The token was revoked; requests with it are refused from now on."), "success")
    return redirect(url_for("accounts.tokens_page"))


def _page(new=None, error=None, status=200):
    return render_template("accounts/tokens.html", tokens=tokens.listed(current_user),
                           state=tokens.state, new=new, error=error,
                           choices=EXPIRY_CHOICES), status
