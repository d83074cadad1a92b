"""flask-admin at /admin for curators and admins, built inside create_app().

Passport, descriptor, account and campaign edits go through the services (see
admin_views.py), taxa and institutes too (admin_reference.py). Labels are in the request's
language, with MCPD codes as hints (admin_labels.py).
"""
import html
import re

from flask import Flask, request
from flask_admin import Admin
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from germplasm.accessions.models import Accession, AccessionName, AccessionPhoto, Institute, Taxon
from germplasm.accessions.words import NAME_TYPES
from germplasm.accounts.models import User
from germplasm.admin_labels import CAMPAIGN, NAME, OBSERVATION, SCRIPTS, STATUSES, labels, words
from germplasm.admin_photos import PhotoView
from germplasm.admin_reference import InstituteView, TaxonView
from germplasm.admin_users import UserView
from germplasm.admin_views import (
    AccessionView,
    DescriptorView,
    GuardedModelView,
    IndexView,
)
from germplasm.evaluations.campaign_edits import FIELDS as CAMPAIGN_FIELDS
from germplasm.evaluations.campaign_edits import create_campaign, update_campaign
from germplasm.evaluations.models import Campaign, Descriptor, Observation
from germplasm.extensions import db
from germplasm.security_headers import csp_nonce


class NameView(GuardedModelView):
    """Accession names, read-only: they are edited as ACCENAME on the accession."""

    can_create = can_edit = can_delete = False
    column_list = ("accession", "name", "name_type", "lang", "position")
    column_searchable_list = ("name", "accession.accenumb")
    column_filters = ("name_type", "lang")
    column_default_sort = "name"
    column_labels, column_descriptions = labels(NAME)
    column_formatters = {"name_type": words(NAME_TYPES), "lang": words(SCRIPTS)}


class CampaignView(GuardedModelView):
    """Campaigns; worklists and observations come from `germplasm campaign` and imports.
    Saved through germplasm.evaluations.campaign_edits: audited, and a new year moves the
    campaign's trait summaries with it."""

    can_delete = False  # a campaign's observations are the record; not deleted from here
    column_list = ("name", "year", "site", "observers")
    column_searchable_list = ("name", "site", "observers")
    column_filters = ("year", "site")
    column_default_sort = ("year", True)
    column_labels, column_descriptions = labels(CAMPAIGN)
    form_columns = ("name", "year", "site", "observers", "description", "descriptors")

    def create_model(self, form):
        created = []

        def change():
            created.append(create_campaign(_campaign_values(form), form.descriptors.data or [],
                                           current_user.username))
        return created[0] if self.save(form, change) else False

    def update_model(self, form, model) -> bool:
        def change():
            update_campaign(model, _campaign_values(form), form.descriptors.data or [],
                            current_user.username)
        return self.save(form, change)


def _campaign_values(form) -> dict:
    return {field: form[field].data for field in CAMPAIGN_FIELDS}


class ObservationView(GuardedModelView):
    """Observations, read-only: they are recorded through entry forms and imports."""

    can_create = can_edit = can_delete = False
    column_list = ("campaign", "accession", "descriptor", "plant", "replicate", "value_num",
                   "value_text", "value_date", "observed_on", "observer", "status")
    column_searchable_list = ("accession.accenumb", "descriptor.code", "observer")
    column_filters = ("campaign.name", "campaign.year", "descriptor.code", "status")
    column_labels, column_descriptions = labels(OBSERVATION)
    column_formatters = {"status": words(STATUSES)}


INLINE_HANDLER = re.compile(rb'\son(click|change|submit)="')
# flask-admin hands its scripts their data (filters, confirmations) as JSON in hidden divs,
# which screen readers and text tools read as words ("null", "delete", "options"); as JSON
# script blocks they are data only (never run, so the CSP is not involved). jQuery's .text()
# reads both alike.
JSON_DIV = re.compile(rb'<div id="([a-z-]+-data)" class="d-none">(.*?)</div>', re.S)
TOGGLE = b'aria-label="Toggle navigation"'  # flask-admin's navbar, untranslated


def defuse_inline_handlers(response):
    """flask-admin's templates carry a few onclick="..." handlers, which our policy forbids
    (and Chrome reports). They reach the browser as data-onclick, which static/admin-csp.js
    turns into listeners; no inline handler is ever parsed. Its hidden JSON and its one
    untranslated label are rewritten too (see above)."""
    if request.path.startswith("/admin") and response.mimetype == "text/html" and \
            not response.direct_passthrough:
        page = INLINE_HANDLER.sub(rb' data-on\1="', response.get_data())
        page = JSON_DIV.sub(rb'<script type="application/json" id="\1">\2</script>', page)
        toggle = html.escape(_("Toggle navigation")).encode()
        response.set_data(page.replace(TOGGLE, b'aria-label="' + toggle + b'"'))
    return response


def init_admin(app: Flask) -> Admin:
    # Views are passed `db`, not `db.session`: flask-admin 2.x then looks up `db.session` at
    # every use. A session captured here would go stale because the tests swap
    # `db.session` for a per-test savepoint session (and the old form is deprecated).
    admin = Admin(app, name=_l("Germplasm admin"),
                  index_view=IndexView(name=_l("Admin home"), url="/admin"),
                  csp_nonce_generator=csp_nonce)
    views = (
        (AccessionView, Accession, "accessions", _l("Accessions")),
        (NameView, AccessionName, "names", _l("Names")),
        (PhotoView, AccessionPhoto, "photos", _l("Photos")),
        (TaxonView, Taxon, "taxa", _l("Taxa")),
        (InstituteView, Institute, "institutes", _l("Institutes")),
        (DescriptorView, Descriptor, "descriptors", _l("Descriptors")),
        (CampaignView, Campaign, "campaigns", _l("Campaigns")),
        (ObservationView, Observation, "observations", _l("Observations")),
        (UserView, User, "users", _l("Users")),
    )
    app.after_request(defuse_inline_handlers)
    for view, model, url, name in views:
        # "admin_" endpoints: the app already has blueprints called "accessions" and so on.
        admin.add_view(view(model, db, name=name, endpoint=f"admin_{url}", url=url))
    return admin
