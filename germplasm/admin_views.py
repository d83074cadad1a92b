"""flask-admin views whose edits must go through the services (audit trail, search index,
descriptor versions); germplasm/admin.py assembles them with the plain views."""
import logging

from flask import abort, flash, url_for
from flask_admin import AdminIndexView
from flask_admin.babel import gettext
from flask_admin.contrib.sqla import ModelView
from flask_admin.contrib.sqla.filters import IntEqualFilter
from flask_admin.contrib.sqla.tools import parse_like_term
from flask_admin.form import BaseForm
from flask_admin.helpers import get_form_data
from flask_admin.model import typefmt
from flask_babel import LazyString, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import or_
from wtforms import BooleanField, HiddenField, SelectField, StringField
from wtforms.validators import Optional, Regexp

from germplasm.accessions.deletion import delete_accession
from germplasm.accessions.mcpd_fields import ALL_COLUMNS, FLAG_FIELDS, MULTI_VALUED, code_lists
from germplasm.accessions.models import Accession, AccessionName
from germplasm.accessions.photos import PhotoProblem
from germplasm.accessions.reference_checks import ReferenceProblem
from germplasm.accessions.services import PassportProblem, lock_current, update_passport
from germplasm.accounts.services import AccountError
from germplasm.admin_labels import (
    ACCESSION,
    BETTER,
    DESCRIPTOR,
    GROUPS,
    choices,
    in_language,
    labels,
    mcpd,
    with_hint,
    words,
    yes_no,
    yes_no_icon,
)
from germplasm.evaluations.campaigns import CampaignProblem
from germplasm.evaluations.descriptors import PLAIN, VERSIONED, DescriptorProblem, revise
from germplasm.evaluations.scale_words import SCALE_TYPES, unit_label
from germplasm.extensions import db, login_manager
from loaders.mcpd_export import mcpd_row

log = logging.getLogger(__name__)


def is_admin() -> bool:
    return current_user.is_authenticated and current_user.has_role("admin")


REFUSALS = (PassportProblem, AccountError, DescriptorProblem, CampaignProblem, ReferenceProblem,
            PhotoProblem)


class RoleGuard:
    """Curators and admins only: anonymous visitors go to the login page, others get 403."""

    required_role = "curator"

    @property
    def extra_js(self) -> list[str]:
        # flask-admin's inline onclick handlers are refused by our CSP; this file replaces them.
        return [url_for("static", filename="admin-csp.js")]

    def is_accessible(self) -> bool:
        return current_user.is_authenticated and current_user.has_role(self.required_role)

    def inaccessible_callback(self, name, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        abort(403)


class IndexView(RoleGuard, AdminIndexView):
    pass


class GuardedModelView(RoleGuard, ModelView):
    page_size = 50
    column_type_formatters = typefmt.BASE_FORMATTERS | {bool: yes_no_icon}
    column_type_formatters_detail = typefmt.DETAIL_FORMATTERS | {bool: yes_no}

    def save(self, form, change) -> bool:
        """Run `change` and commit; on any failure roll back, so that nothing is saved."""
        try:
            change()
            db.session.commit()
            return True
        except REFUSALS as refusal:
            db.session.rollback()
            show_refusal(form, refusal)
        except Exception as ex:
            db.session.rollback()
            if not self.handle_view_exception(ex):
                flash(gettext("Failed to update record. %(error)s", error=str(ex)), "error")
                log.exception("admin change failed")
        return False


# Passport columns edited as MCPD text; INSTCODE + ACCENUMB are the key, set by imports.
TEXT_COLUMNS = tuple(c for c in ALL_COLUMNS if c not in ("INSTCODE", "ACCENUMB") + FLAG_FIELDS)
_HINTS = {"ACCENAME": _l("name;name"), "ACQDATE": "YYYYMMDD", "COLLDATE": "YYYYMMDD",
          **{c: _l("value;value") for c in MULTI_VALUED},
          # The taxon is chosen by genus, species and subtaxa; authors belong to the taxon.
          **{c: _l("edit under Taxa") for c in ("SPAUTHOR", "SUBTAUTHOR")}}


def passport_form():
    """Each field labelled in the request's language, its MCPD code and format as the hint."""
    fields = {c: StringField(mcpd(c), description=with_hint(c, _HINTS.get(c)))
              for c in TEXT_COLUMNS}
    fields |= {c: BooleanField(mcpd(c), description=c) for c in FLAG_FIELDS}
    # The version the curator is editing: a save after someone else's change is refused.
    fields["version"] = HiddenField()
    return type("PassportForm", (BaseForm,), fields)


def passport_text(accession: Accession) -> dict:
    """The accession as the MCPD text a curator would type (and an export would write)."""
    row = mcpd_row(accession)
    data = {c: "" if row[c] is None else str(row[c]) for c in TEXT_COLUMNS}
    return data | {c: row[c] == "Y" for c in FLAG_FIELDS} | {"version": accession.version}


def edited_version(form) -> int:
    """The version the submitted form was made from (a POST without one is refused)."""
    text = (form["version"].raw_data or [""])[0]
    if not text.isascii() or not text.isdigit():
        raise PassportProblem({"": ["the form has no version: reload it and edit again"]})
    return int(text)


def edited_values(form, current: dict) -> dict:
    """Only the columns the curator changed: an old value that no longer validates must not
    block an unrelated edit. A text field missing from the POST is left as it is."""
    values = {}
    for column in TEXT_COLUMNS:
        field = form[column]
        if field.raw_data and (field.data or "").strip() != current[column]:
            values[column] = field.data
    for column in FLAG_FIELDS:
        if form[column].data != current[column]:
            values[column] = "Y" if form[column].data else "N"
    return values


def _in_language(code: str, en: str, zh: str) -> LazyString:
    return LazyString(lambda: f"{code} {zh if str(get_locale() or 'zh').startswith('zh') else en}")


class AccessionView(GuardedModelView):
    """Passport data. Edits go through update_passport (validated, audited, re-indexed).
    Accessions are not created here: imports (`germplasm import mcpd`) create them.
    Only the admin role may delete; the deletion is audited and leaves the search index."""

    can_create = False
    can_view_details = True
    column_list = ("instcode", "accenumb", "display_name", "taxon", "sampstat", "origcty",
                   "historic", "restricted")
    column_sortable_list = ("accenumb", "sampstat", "origcty", "historic", "restricted")
    column_default_sort = "accenumb"
    column_searchable_list = ("accenumb", "names.name")
    column_labels, column_descriptions = labels(ACCESSION)
    column_filters = (
        IntEqualFilter(Accession.sampstat, mcpd("SAMPSTAT"), options=[
            (code, _in_language(code, en, zh)) for code, en, zh in code_lists()["SAMPSTAT"]]),
        "origcty", "historic", "restricted", "instcode")

    @property
    def can_delete(self) -> bool:
        return is_admin()

    def scaffold_form(self):
        return passport_form()

    def edit_form(self, obj=None):
        # `data` fills the fields on GET; on POST the submitted text wins.
        return self._edit_form_class(get_form_data(), data=passport_text(obj))

    def update_model(self, form, model) -> bool:
        def change():
            expected = edited_version(form)
            lock_current(model)  # compare the form with the row as last committed
            values = edited_values(form, passport_text(model))
            update_passport(model, values, user=current_user.username, source="admin",
                            expected_version=expected)
        return self.save(form, change)

    def delete_model(self, model) -> bool:
        # Through the service: refused (flashed, nothing deleted) while it has trees or lots.
        return self.save(None, lambda: delete_accession(model, current_user.username))

    def _apply_search(self, query, count_query, joins, count_joins, search):
        # Names are one-to-many: EXISTS keeps one row per accession, where flask-admin's join
        # would repeat an accession per matching name and inflate the count.
        for term in search.split():
            like = parse_like_term(term)
            clause = or_(Accession.accenumb.ilike(like),
                         Accession.names.any(AccessionName.name.ilike(like)))
            query = query.filter(clause)
            count_query = count_query.filter(clause) if count_query is not None else None
        return query, count_query, joins, count_joins


def show_refusal(form, refusal: Exception) -> None:
    """A service's refusal: each message beside its field, anything else flashed (a refused
    deletion has no form: all of it is flashed)."""
    errors = getattr(refusal, "errors", None) or {"": [str(refusal)]}
    for column, messages in errors.items():
        messages = messages if isinstance(messages, list) else [str(messages)]
        if form is not None and column in form:
            form[column].errors = list(form[column].errors) + messages
        else:
            flash(f"{column}: {'; '.join(messages)}" if column else messages[0], "error")
    flash(_("Nothing was saved."), "error")


# Everything revise() compares except data_type: changing the type would reinterpret the
# stored observations, so that (like categories) is left to `germplasm import descriptors`.
REVISABLE = tuple(k for k in VERSIONED + PLAIN if k != "data_type")
_VERSION_NOTE = _l("changing this makes a new descriptor version")


class DescriptorView(GuardedModelView):
    """Descriptors are saved through revise(): a change to definition, method, unit or range
    keeps the old version as a revision and raises the version number, exactly as
    `germplasm import descriptors` does; a change to names or labels does not. New
    descriptors, data types and categories come from that import; deactivate, don't delete."""

    can_create = can_delete = False
    column_list = ("code", "name", "group", "data_type", "unit", "version", "active")
    column_searchable_list = ("code", "name_zh", "name_en")
    column_filters = ("group", "data_type", "active")
    column_default_sort = "code"
    column_labels, column_descriptions = labels(DESCRIPTOR)
    column_formatters = {"group": words(GROUPS), "data_type": words(SCALE_TYPES),
                         "name": in_language,
                         "unit": lambda view, context, model, name: unit_label(model.unit)}
    form_columns = ("name_zh", "name_en", "group", "definition_zh", "definition_en",
                    "method_zh", "method_en", "unit", "min_value", "max_value", "min_date",
                    "max_date", "decimals", "better", "trait_class", "trait_name", "method_name",
                    "scale_name", "source", "active")
    # Plain SelectFields with string choices (flask-admin's form_choices passes tuples,
    # which wtforms 3.3 deprecates).
    form_overrides = {"group": SelectField, "better": SelectField}
    form_args = {"group": {"choices": choices(GROUPS)},
                 "better": {"choices": [("", "—"), *choices(BETTER)]},
                 **{k: {"description": _VERSION_NOTE} for k in VERSIONED},
                 **{k: {"validators": [Optional(), Regexp(r"^\d\d-\d\d$", message="MM-DD")],
                        "description": _VERSION_NOTE} for k in ("min_date", "max_date")}}

    def update_model(self, form, model) -> bool:
        fields = descriptor_fields(model) | {k: _blank(form[k].data) for k in REVISABLE}

        def change():
            revise(model, fields, current_user.username)
            model.active = form.active.data
        return self.save(form, change)


def descriptor_fields(descriptor) -> dict:
    """The fields dict revise() expects, as the descriptor stands (categories unchanged)."""
    fields = {k: getattr(descriptor, k) for k in ("code",) + VERSIONED + PLAIN}
    return fields | {"categories": list(descriptor.categories)}


def _blank(value):
    # An emptied text box means "none": "" would differ from NULL and fake a new version.
    return None if value == "" else value
