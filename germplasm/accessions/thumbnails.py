"""Small copies of accession photos for result lists and the compare page.

Made once, on first request, and kept beside the photos (thumbs/<name>.jpg), so photos
added before thumbnails existed get theirs too. A JPEG whatever the original: thumbnails
are looked at, never downloaded, and JPEG is the smallest for photographs."""
import os
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from germplasm.accessions.models import AccessionPhoto
from germplasm.accessions.photos import photo_dir

SIZE = 160  # pixels, the longer side: result lists and compare
# The accession page's gallery: sharp in its 240 px frames on a 2x screen, a fraction of a
# camera's 3-8 MB original (which the picture links to).
VIEW_SIZE = 480
FOLDERS = {SIZE: "thumbs", VIEW_SIZE: "views"}


def thumbs_dir(size: int = SIZE) -> Path:
    return photo_dir() / FOLDERS[size]


def thumbnail(photo: AccessionPhoto, size: int = SIZE) -> Path:
    """The small copy's file, made now if it is not there yet (FileNotFoundError when the
    photo's own file is gone)."""
    target = thumbs_dir(size) / f"{Path(photo.filename).stem}.jpg"
    if not target.is_file():
        _make(photo_dir() / photo.filename, target, size)
    return target


def _make(source: Path, target: Path, size: int) -> None:
    with Image.open(source) as picture:
        small = ImageOps.exif_transpose(picture)  # phones store pictures sideways
        small.thumbnail((size, size))
        if small.mode != "RGB":  # transparency over white, as the page shows it
            small = _on_white(small.convert("RGBA"))
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed: two requests making the same thumbnail never serve half a file.
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(handle, "wb") as out:
        small.save(out, "JPEG", quality=82, optimize=True)
    os.replace(temporary, target)


def _on_white(picture: Image.Image) -> Image.Image:
    background = Image.new("RGB", picture.size, "white")
    background.paste(picture, mask=picture.getchannel("A"))
    return background
