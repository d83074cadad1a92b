"""Photos on the web: staff add them from the accession page; thumbnails for lists."""
from flask import abort, flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accessions import queries
from germplasm.accessions.models import AccessionPhoto
from germplasm.accessions.photos import MAX_BYTES, PhotoProblem, add_uploaded_photos
from germplasm.accessions.thumbnails import SIZE, VIEW_SIZE, thumbnail
from germplasm.accessions.views import bp, render_detail
from germplasm.accounts.permissions import is_staff, restricted_scope
from germplasm.db import is_row_id
from germplasm.extensions import db

MAX_FILES = 10
ONE_DAY = 86400


@bp.post("/accessions/<int:accession_id>/photos")
def upload_photos(accession_id: int):
    """Add the chosen pictures (all or none) with one caption; anyone below staff gets 403,
    signed in or not: there is no form for them to have come from."""
    if not is_staff():
        abort(403)
    accession = queries.find_by_id(accession_id, True) if is_row_id(accession_id) else None
    if accession is None:
        abort(404)
    if (request.content_length or 0) > MAX_FILES * MAX_BYTES:
        abort(413, _("The upload is larger than %(mb)s MB.", mb=MAX_FILES * MAX_BYTES // 2**20))
    files = [f for f in request.files.getlist("file") if f.filename][:MAX_FILES]
    caption = request.form.get("caption", "").strip() or None
    try:
        if not files:
            raise PhotoProblem(_("Choose a picture file (JPEG, PNG or WebP)."))
        add_uploaded_photos(accession, [(f.stream, f.filename) for f in files],
                            current_user.username, caption, origin="accession page")
    except PhotoProblem as problem:
        db.session.rollback()
        flash(_("No photo was added: %(reason)s", reason=str(problem)), "error")
        return render_detail(accession, status=422)
    db.session.commit()
    flash(_("Photos added: %(n)s.", n=len(files)), "success")
    return redirect(url_for("accessions.detail", accenumb=accession.accenumb,
                            _anchor="photos"), code=303)


@bp.get("/photos/<int:photo_id>/thumb")
def photo_thumbnail(photo_id: int):
    return _small_copy(photo_id, SIZE)


@bp.get("/photos/<int:photo_id>/view")
def photo_view(photo_id: int):
    return _small_copy(photo_id, VIEW_SIZE)


def _small_copy(photo_id: int, size: int):
    """A small JPEG of a photo, under its accession's rule: restricted ones for those who
    may see the accession,
    and never kept in a shared cache."""
    picture = db.session.get(AccessionPhoto, photo_id) if is_row_id(photo_id) else None
    accession = picture and queries.find_by_id(picture.accession_id, restricted_scope())
    if accession is None:
        abort(404)
    try:
        path = thumbnail(picture, size)
    except (FileNotFoundError, OSError):  # the photo's file was removed or damaged by hand
        abort(404)
    response = send_file(path, mimetype="image/jpeg", max_age=ONE_DAY, conditional=True)
    response.headers["Cache-Control"] = ("private, no-store" if accession.restricted
                                         else f"public, max-age={ONE_DAY}")
    return response
