"""Login and logout."""
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from germplasm.accounts.services import authenticate

bp = Blueprint("accounts", __name__)


class LoginForm(FlaskForm):
    username = StringField("username", validators=[DataRequired()])
    password = PasswordField("password", validators=[DataRequired()])


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        flash(_("Wrong user name or password."), "error")
    status = 200 if request.method == "GET" else 401
    return render_template("accounts/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    return redirect(url_for("accessions.search_page"))


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    if target and not urlsplit(target).netloc and target.startswith("/"):
        return target
    return url_for("accessions.search_page")
