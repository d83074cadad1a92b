"""Accession photos: stored under GERMPLASM_PHOTO_DIR, recorded in accession_photos.

The command line, the accession page and the admin all add photos through add_photo, so
every door checks the same things (a real JPEG, PNG or WebP picture by its content, the
size limit) and writes the same audit entry."""
import shutil
import tempfile
import uuid
from pathlib import Path, PurePath

from flask import current_app
from PIL import Image
from sqlalchemy import func

from germplasm.accessions.models import Accession, AccessionPhoto
from germplasm.accessions.queries import visible
from germplasm.accessions.visibility import Scope
from germplasm.audit import services as audit
from germplasm.extensions import db
from search.messages import gettext as _

TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
         ".webp": "image/webp"}
SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF")
MAX_BYTES = 20 * 1024 * 1024
CAPTION_LENGTH = 300


class PhotoProblem(ValueError):
    pass


def photo_dir() -> Path:
    return Path(current_app.config["GERMPLASM_PHOTO_DIR"])


def add_photo(accession: Accession, source: Path, user: str, caption: str | None = None,
              taken_on: str | None = None, *, name: str | None = None,
              origin: str | None = None) -> AccessionPhoto:
    """Copy an image file in; refuse anything that is not a JPEG, PNG or WebP picture.
    `name` is the file's name as the user knows it (an upload's, not its temporary copy's)."""
    name = name or source.name
    suffix = PurePath(name).suffix.lower()
    if suffix not in TYPES:
        raise PhotoProblem(_("%(file)s: only %(types)s pictures", file=name,
                             types=", ".join(sorted(TYPES))))
    if source.stat().st_size > MAX_BYTES:
        raise PhotoProblem(_("%(file)s: larger than %(mb)s MB", file=name, mb=MAX_BYTES // 2**20))
    if caption and len(caption) > CAPTION_LENGTH:
        raise PhotoProblem(_("%(file)s: the caption is longer than %(n)s characters", file=name,
                             n=CAPTION_LENGTH))
    with source.open("rb") as handle:
        if not handle.read(8).startswith(SIGNATURES):
            raise PhotoProblem(_("%(file)s: the content is not a picture", file=name))
    _check_picture(source, suffix, name)
    stored = f"{uuid.uuid4().hex}{suffix}"
    photo_dir().mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, photo_dir() / stored)
    photo = AccessionPhoto(accession_id=accession.id, filename=stored, content_type=TYPES[suffix],
                           caption=caption or None, taken_on=taken_on, user=user)
    db.session.add(photo)
    db.session.flush()
    audit.record(user, "photo", photo.id, "create", accession_id=accession.id, new=name,
                 source=origin)
    return photo


def add_uploaded_photo(accession: Accession, stream, filename: str, user: str,
                       caption: str | None = None, origin: str | None = None) -> AccessionPhoto:
    """An uploaded file (a stream and the name the browser sent), checked as add_photo checks
    a file on disk: it is copied to a temporary file first, at most one byte past the limit."""
    name = PurePath(filename.replace("\\", "/")).name.strip()
    if not name:
        raise PhotoProblem(_("Choose a picture file (JPEG, PNG or WebP)."))
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / f"upload{PurePath(name).suffix.lower()[:8]}"
        with copy.open("wb") as target:
            target.write(stream.read(MAX_BYTES + 1))
        return add_photo(accession, copy, user, caption, name=name, origin=origin)


def add_uploaded_photos(accession: Accession, uploads, user: str, caption: str | None = None,
                        origin: str | None = None) -> list[AccessionPhoto]:
    """Several uploads [(stream, filename)], all or none: when one is refused the files
    already copied in are removed (the caller rolls back their rows)."""
    added: list[AccessionPhoto] = []
    try:
        for stream, filename in uploads:
            added.append(add_uploaded_photo(accession, stream, filename, user, caption, origin))
    except PhotoProblem:
        remove_files(added)
        raise
    return added


def remove_files(photos: list[AccessionPhoto]) -> None:
    """The files of photos whose rows are being rolled back (a later file was refused)."""
    for photo in photos:
        (photo_dir() / photo.filename).unlink(missing_ok=True)


def _check_picture(source: Path, suffix: str, name: str) -> None:
    """Decode the whole picture: a PNG or JPEG header in front of HTML or script (a file a
    browser might be tricked into running) does not decode, and is no photo."""
    try:
        with Image.open(source) as picture:
            picture.load()
            kind = Image.MIME.get(picture.format or "")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoProblem(_("%(file)s: the content is not a readable picture", file=name)) \
            from None
    if kind != TYPES[suffix]:
        raise PhotoProblem(_("%(file)s: the content is %(kind)s, not %(suffix)s", file=name,
                             kind=kind or "unknown", suffix=suffix))


def photos_of(accession_id: int) -> list[AccessionPhoto]:
    return list(db.session.scalars(db.select(AccessionPhoto).filter_by(
        accession_id=accession_id).order_by(AccessionPhoto.id)))


def first_photos(accession_ids, can_see_restricted: Scope) -> dict[int, int]:
    """The first photo of each accession, {accession id: photo id}, in one query."""
    query = visible(db.select(AccessionPhoto.accession_id, func.min(AccessionPhoto.id))
                    .join(Accession).where(AccessionPhoto.accession_id.in_(list(accession_ids)))
                    .group_by(AccessionPhoto.accession_id), can_see_restricted)
    return dict(db.session.execute(query).all())

