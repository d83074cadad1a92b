"""The users list in the admin, for the admin role only: accounts are created, given a role
and an institute, deactivated and unlocked through germplasm.accounts.services."""
from flask import flash
from flask_admin.actions import action
from flask_admin.form import BaseForm
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.validators import InputRequired, Length, Optional

from germplasm.accounts import services as accounts
from germplasm.accounts import throttle
from germplasm.accounts.models import User
from germplasm.accounts.services import create_user
from germplasm.admin_labels import ROLES, USER, choices, labels, words
from germplasm.admin_views import GuardedModelView
from germplasm.extensions import db


class UserView(GuardedModelView):
    """Accounts, for the admin role only. Passwords are set, never shown; usernames are
    fixed once created because the audit trail records them; deactivate instead of delete."""

    required_role = "admin"
    can_delete = False
    column_list = ("username", "display_name", "role", "instcode", "active", "created_at")
    column_searchable_list = ("username", "display_name")
    column_filters = ("role", "instcode", "active")
    column_default_sort = "username"
    column_labels, column_descriptions = labels(USER)
    column_formatters = {"role": words(ROLES)}

    def get_create_form(self):
        return user_form(creating=True)

    def get_edit_form(self):
        return user_form(creating=False)

    def create_model(self, form):
        created = []

        def change():
            user = create_user(form.username.data.strip(), form.role.data, form.password.data,
                               form.display_name.data or None, form.instcode.data or None)
            user.active = form.active.data
            created.append(user)
        return created[0] if self.save(form, change) else False

    def update_model(self, form, model) -> bool:
        if model.id == current_user.id and (form.role.data != "admin" or not form.active.data):
            flash(_("You cannot demote or deactivate yourself."), "error")
            return False

        def change():
            accounts.change_role(model, form.role.data)
            accounts.change_institute(model, form.instcode.data or None)
            if not form.active.data:
                accounts.deactivate(model)
            model.active = form.active.data
            model.display_name = form.display_name.data or None
            if form.password.data:
                accounts.change_password(model, form.password.data)
        saved = self.save(form, change)
        if saved and model.id == current_user.id:
            login_user(model)  # a new password ended every session: keep this one going
        return saved

    @action("unlock", _l("Unlock logins"), _l("Unlock the selected users' logins?"))
    def unlock(self, ids) -> None:
        names = db.session.scalars(db.select(User.username).where(User.id.in_(ids))).all()
        unlocked = [name for name in names if throttle.clear(name)]
        db.session.commit()
        flash(_("Unlocked: %(names)s", names=", ".join(unlocked) or "—"), "success")


def user_form(creating: bool):
    """No password_hash anywhere: a write-only password field (required when creating)."""
    password_check = [InputRequired() if creating else Optional(), Length(min=8)]
    fields = {}
    if creating:  # fields are ordered by creation, so the username comes first
        fields["username"] = StringField(USER["username"][0],
                                         validators=[InputRequired(), Length(max=80)])
    fields |= {
        "display_name": StringField(USER["display_name"][0],
                                    validators=[Optional(), Length(max=120)]),
        "role": SelectField(USER["role"][0], choices=choices(ROLES)),
        "instcode": StringField(USER["instcode"][0], description=USER["instcode"][1],
                                validators=[Optional(), Length(max=16)]),
        "active": BooleanField(USER["active"][0], default=True),
        "password": PasswordField(USER["password"][0], validators=password_check,
                                  description="" if creating else _l(
                                      "leave empty to keep the current one")),
    }
    return type("UserForm", (BaseForm,), fields)
