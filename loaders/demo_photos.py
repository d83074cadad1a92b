"""Drawings for the demo catalogue's photo gallery and result thumbnails: a plum on a twig in
the accession's flesh colour, captioned as a drawing so nobody takes it for a photograph."""
import random
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from germplasm.accessions.models import Accession
from germplasm.accessions.photos import add_photo
from germplasm.extensions import db

CAPTION = "演示用示意图，非实拍"  # a demo drawing, not a photograph
SKINS = [(122, 28, 60), (160, 40, 70), (90, 30, 80), (200, 170, 60), (120, 150, 60),
         (70, 40, 90), (180, 60, 50)]


def add_demo_photos(count: int, seed: int, user: str) -> int:
    """One drawing each for the first `count` public accessions; returns how many."""
    rng = random.Random(seed)
    query = (db.select(Accession).where(Accession.restricted.is_(False))
             .order_by(Accession.accenumb).limit(count))
    accessions = list(db.session.scalars(query))
    with tempfile.TemporaryDirectory() as folder:
        for accession in accessions:
            path = Path(folder) / f"{accession.accenumb}.jpg"
            _draw(rng).save(path, "JPEG", quality=85)
            add_photo(accession, path, user, caption=CAPTION, origin=f"demo seed {seed}")
    return len(accessions)


def _draw(rng: random.Random) -> Image.Image:
    image = Image.new("RGB", (480, 360), (236, 242, 228))
    pen = ImageDraw.Draw(image)
    pen.line([(60, 40), (250, 120), (430, 90)], fill=(96, 70, 40), width=9)
    pen.polygon([(250, 120), (330, 60), (380, 120), (300, 150)], fill=(70, 130, 60))
    skin = rng.choice(SKINS)
    size = rng.randint(120, 170)
    left, top = 250 - size // 2, 130
    pen.ellipse([left, top, left + size, top + int(size * 0.95)], fill=skin)
    pen.ellipse([left + size // 5, top + size // 6, left + size // 3, top + size // 3],
                fill=tuple(min(255, c + 70) for c in skin))  # the bloom's highlight
    return image
