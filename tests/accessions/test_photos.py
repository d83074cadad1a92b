"""Accession photos: added from the command line, shown on the page, guarded like it."""
import re
import struct
import zlib

import pytest


def png(path, width=2, height=2):
    """A real, tiny PNG file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\x00" + b"\xa0\x30\x80" * width for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(
        ">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b""))
    return path


@pytest.fixture
def photo_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "GERMPLASM_PHOTO_DIR", str(tmp_path / "photos"))
    return tmp_path / "photos"


def test_photo_added_shown_and_served(cli, client, make_accession, photo_dir, tmp_path):
    make_accession(accenumb="P1", accename="巫山脆李")
    result = cli("photos", "add", "P1", png(tmp_path / "fruit.png"), "--caption", "果实",
                 "--taken-on", "2026-07-12")
    assert result.exit_code == 0, result.output
    page = client.get("/accessions/P1").get_data(as_text=True)
    original = re.search(r'<a href="(/photos/\d+)"><img src="/photos/\d+/view"', page).group(1)
    assert 'alt="果实"' in page and "2026-07-12" in page
    served = client.get(original)  # the 480 px copy on the page links to the original
    assert served.status_code == 200 and served.mimetype == "image/png"
    assert served.data == (tmp_path / "fruit.png").read_bytes()


def test_not_a_picture_is_refused(cli, make_accession, photo_dir, tmp_path):
    make_accession(accenumb="P2")
    fake = tmp_path / "fake.jpg"
    fake.write_text("not a picture")
    result = cli("photos", "add", "P2", fake)
    assert result.exit_code == 2 and "not a picture" in result.output
    assert not photo_dir.exists() or not any(photo_dir.iterdir())


def test_photos_of_restricted_accessions_are_hidden(cli, client, make_accession, photo_dir,
                                                    tmp_path):
    make_accession(accenumb="P3", restricted="Y")
    cli("photos", "add", "P3", png(tmp_path / "tree.png"))
    from germplasm.accessions.models import AccessionPhoto
    from germplasm.extensions import db

    photo = db.session.scalars(db.select(AccessionPhoto)).one()
    assert client.get(f"/photos/{photo.id}").status_code == 404


def test_a_picture_header_in_front_of_html_is_not_a_photo(cli, make_accession, photo_dir,
                                                          tmp_path):
    make_accession(accenumb="P7")
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n<html><script>alert(document.cookie)</script></html>")
    result = cli("photos", "add", "P7", fake)
    assert result.exit_code == 2 and "not a readable picture" in result.output
    jpeg_named_png = tmp_path / "real.jpg"
    jpeg_named_png.write_bytes(png(tmp_path / "x.png").read_bytes())
    wrong = cli("photos", "add", "P7", jpeg_named_png)
    assert wrong.exit_code == 2 and "image/png, not .jpg" in wrong.output


def test_photos_are_served_nosniff_and_restricted_ones_privately(cli, client, make_accession,
                                                                 photo_dir, tmp_path):
    from germplasm.accessions.models import AccessionPhoto
    from germplasm.accounts.services import create_user
    from germplasm.extensions import db
    from tests.accounts.test_login import login

    make_accession(accenumb="P8")
    make_accession(accenumb="P9", restricted="Y")
    for number in ("P8", "P9"):
        assert cli("photos", "add", number, png(tmp_path / f"{number}.png")).exit_code == 0
    public, restricted = db.session.scalars(db.select(AccessionPhoto.id)
                                            .order_by(AccessionPhoto.id)).all()[-2:]
    response = client.get(f"/photos/{public}")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "public" in response.headers["Cache-Control"]
    create_user("photo.staff", "staff", "orchard-2026")
    db.session.commit()
    login(client, "photo.staff", "orchard-2026")
    private = client.get(f"/photos/{restricted}")
    assert private.status_code == 200 and private.headers["Cache-Control"] == "private, no-store"


def test_one_bad_file_adds_none_of_the_others(cli, make_accession, photo_dir, tmp_path):
    from germplasm.accessions.models import AccessionPhoto
    from germplasm.extensions import db

    make_accession(accenumb="P10")
    fake = tmp_path / "fake.png"
    fake.write_text("not a picture")
    result = cli("photos", "add", "P10", png(tmp_path / "good.png"), fake)
    assert result.exit_code == 2 and "fake.png: the content is not a picture" in result.output
    assert db.session.scalar(db.select(db.func.count(AccessionPhoto.id))) == 0
    assert not any(photo_dir.iterdir())  # the good file's copy is gone too
