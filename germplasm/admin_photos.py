"""Accession photos in the admin: a list with thumbnails, and an upload that goes through
germplasm.accessions.photos.add_uploaded_photo (checked and audited as the CLI's)."""
from flask import url_for
from flask_admin.form import BaseForm
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.orm import joinedload
from wtforms import FileField, StringField
from wtforms.validators import InputRequired, Length, Optional

from germplasm.accessions.models import AccessionPhoto
from germplasm.accessions.photos import (
    CAPTION_LENGTH,
    MAX_BYTES,
    PhotoProblem,
    add_uploaded_photo,
)
from germplasm.accessions.services import get_by_number
from germplasm.admin_views import GuardedModelView


def photo_form():
    return type("PhotoForm", (BaseForm,), {
        "accenumb": StringField(_l("Accession number"), description="ACCENUMB",
                                validators=[InputRequired(), Length(max=100)]),
        "instcode": StringField(_l("Institute code"), validators=[Optional(), Length(max=16)],
                                description=_l("INSTCODE: only when the number exists at "
                                               "several institutes")),
        "file": FileField(_l("Photo file"), description=_l(
            "JPEG, PNG or WebP, at most %(mb)s MB", mb=MAX_BYTES // 2**20)),
        "caption": StringField(_l("Photo caption"),
                               validators=[Optional(), Length(max=CAPTION_LENGTH)]),
    })


def _thumbnail(view, context, model, name) -> Markup:
    return Markup('<img src="{}" alt="" width="64" loading="lazy">').format(
        url_for("accessions.photo_thumbnail", photo_id=model.id))


class PhotoView(GuardedModelView):
    """Photos are added here or from the accession page or `germplasm photos add`; not edited
    (a caption change would bypass the audit trail) nor deleted here."""

    can_edit = can_delete = False
    column_list = ("id", "accession.accenumb", "caption", "taken_on", "user")
    column_labels = {"id": _l("Photos"), "accession.accenumb": _l("Accession number"),
                     "caption": _l("Photo caption"), "taken_on": _l("Taken on"),
                     "user": _l("Added by")}
    column_descriptions = {"accession.accenumb": "ACCENUMB"}  # the MCPD code as the hint
    column_formatters = {"id": _thumbnail}
    column_searchable_list = ("accession.accenumb", "caption")
    column_default_sort = ("id", True)

    def get_query(self):
        return super().get_query().options(joinedload(AccessionPhoto.accession))

    def get_create_form(self):
        return photo_form()

    def create_model(self, form):
        created = []

        def change():
            accession = get_by_number(form.accenumb.data.strip(),
                                      (form.instcode.data or "").strip() or None)
            if accession is None:
                raise PhotoProblem(_("No accession is numbered %(number)s.",
                                     number=form.accenumb.data))
            upload = form.file.data
            if not getattr(upload, "filename", ""):
                raise PhotoProblem(_("Choose a picture file (JPEG, PNG or WebP)."))
            created.append(add_uploaded_photo(accession, upload.stream, upload.filename,
                                              current_user.username,
                                              form.caption.data or None, origin="admin"))
        return created[0] if self.save(form, change) else False
