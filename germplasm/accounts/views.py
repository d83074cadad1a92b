"""Login and logout."""
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from germplasm.accounts.services import LoginLocked, authenticate, revoke_sessions
from germplasm.extensions import db, limiter

bp = Blueprint("accounts", __name__)


class LoginForm(FlaskForm):
    username = StringField("username", validators=[DataRequired()])
    password = PasswordField("password", validators=[DataRequired()])


def _login_rate() -> str:
    return current_app.config["GERMPLASM_LOGIN_RATE"]


def _failed(response) -> bool:
    return response.status_code != 302  # only failed attempts count against the address


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_rate, methods=["POST"], deduct_when=_failed)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = authenticate(form.username.data, form.password.data)
        except LoginLocked as locked:
            flash(_("Too many failed logins for this user name. Try again after %(time)s, "
                    "or ask an administrator to unlock it.",
                    time=format_datetime(locked.until, "short")), "error")
            return render_template("accounts/login.html", form=form), 429
        db.session.commit()  # the count of failures (or its reset) outlives the request
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        flash(_("Wrong user name or password."), "error")
    status = 200 if request.method == "GET" else 401
    return render_template("accounts/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout():
    revoke_sessions(current_user)  # a copy of the cookie dies with this session
    db.session.commit()
    logout_user()
    return redirect(url_for("accessions.search_page"))


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    if target and not urlsplit(target).netloc and target.startswith("/"):
        return target
    return url_for("accessions.search_page")
