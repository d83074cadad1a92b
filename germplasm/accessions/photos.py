"""Accession photos: stored under GERMPLASM_PHOTO_DIR, recorded in accession_photos."""
import shutil
import uuid
from pathlib import Path

from flask import current_app
from PIL import Image

from germplasm.accessions.models import Accession, AccessionPhoto
from germplasm.audit import services as audit
from germplasm.extensions import db

TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
         ".webp": "image/webp"}
SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF")
MAX_BYTES = 20 * 1024 * 1024


class PhotoProblem(ValueError):
    pass


def photo_dir() -> Path:
    return Path(current_app.config["GERMPLASM_PHOTO_DIR"])


def add_photo(accession: Accession, source: Path, user: str, caption: str | None = None,
              taken_on: str | None = None) -> AccessionPhoto:
    """Copy an image file in; refuse anything that is not a JPEG, PNG or WebP picture."""
    suffix = source.suffix.lower()
    if suffix not in TYPES:
        raise PhotoProblem(f"{source.name}: only {', '.join(sorted(TYPES))} pictures")
    if source.stat().st_size > MAX_BYTES:
        raise PhotoProblem(f"{source.name}: larger than {MAX_BYTES // 2**20} MB")
    with source.open("rb") as handle:
        if not handle.read(8).startswith(SIGNATURES):
            raise PhotoProblem(f"{source.name}: the content is not a picture")
    _check_picture(source, suffix)
    name = f"{uuid.uuid4().hex}{suffix}"
    photo_dir().mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, photo_dir() / name)
    photo = AccessionPhoto(accession_id=accession.id, filename=name, content_type=TYPES[suffix],
                           caption=caption, taken_on=taken_on, user=user)
    db.session.add(photo)
    db.session.flush()
    audit.record(user, "photo", photo.id, "create", accession_id=accession.id,
                 new=source.name)
    return photo


def _check_picture(source: Path, suffix: str) -> None:
    """Decode the whole picture: a PNG or JPEG header in front of HTML or script (a file a
    browser might be tricked into running) does not decode, and is no photo."""
    try:
        with Image.open(source) as picture:
            picture.load()
            kind = Image.MIME.get(picture.format or "")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoProblem(f"{source.name}: the content is not a readable picture") from None
    if kind != TYPES[suffix]:
        raise PhotoProblem(f"{source.name}: the content is {kind or 'unknown'}, not {suffix}")


def photos_of(accession_id: int) -> list[AccessionPhoto]:
    return list(db.session.scalars(db.select(AccessionPhoto).filter_by(
        accession_id=accession_id).order_by(AccessionPhoto.id)))
