"""A photo taken with the phone's camera on the entry form, kept as an accession photo.

The upload goes through the photo service the command line and the accession page use
(photos.add_uploaded_photo: a real JPEG, PNG or WebP picture by its content, the size
limit, audited); its refusals come back in the page's language, prefixed "Photo"."""
from pathlib import PurePath

from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from germplasm.accessions import photos
from germplasm.accessions.models import Accession, AccessionPhoto
from germplasm.evaluations.entry_fields import EntryProblem

SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def store(accession: Accession, upload: FileStorage, user: str, caption: str,
          taken_on: str | None) -> AccessionPhoto:
    """Check and keep the uploaded picture; EntryProblem says why one is refused."""
    try:
        photo = photos.add_uploaded_photo(accession, upload.stream, _file_name(upload), user,
                                          caption, origin="web form")
    except photos.PhotoProblem as problem:
        raise EntryProblem(_("Photo: %(reason)s", reason=str(problem))) from None
    photo.taken_on = taken_on
    return photo


def _file_name(upload: FileStorage) -> str:
    """The name the phone sent, given the picture's suffix when it has none (a camera
    capture may arrive as 'image' or 'blob' with only its content type)."""
    name = PurePath((upload.filename or "").replace("\\", "/")).name.strip() or "photo"
    if PurePath(name).suffix.lower() in photos.TYPES:
        return name
    suffix = SUFFIXES.get(upload.mimetype)
    if suffix is None:
        raise EntryProblem(_("Photo: %(name)s is not a picture; take or choose a JPEG, "
                             "PNG or WebP photo", name=name))
    return name + suffix
