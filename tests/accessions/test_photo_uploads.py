"""Photos added from the accession page: staff only, checked as the CLI checks them,
audited; thumbnails made once and served under the accession's rule."""
import html
import io
import re

import pytest
from PIL import Image

from germplasm.accessions.models import AccessionPhoto
from germplasm.audit.models import AuditEntry
from germplasm.extensions import db
from tests.test_admin import page_token


@pytest.fixture
def photo_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "GERMPLASM_PHOTO_DIR", str(tmp_path / "photos"))
    return tmp_path / "photos"



def picture(kind="JPEG", size=(800, 600), color=(160, 40, 90)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, kind)
    return out.getvalue()


def upload(client, accession, files, caption="", token_path=None):
    token = page_token(client, token_path or f"/accessions/{accession.accenumb}")
    data = {"csrf_token": token, "caption": caption,
            "file": [(io.BytesIO(body), name) for name, body in files]}
    return client.post(f"/accessions/{accession.id}/photos", data=data,
                       content_type="multipart/form-data")


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_staff_add_photos_from_the_page(client, as_role, make_accession, photo_dir):
    plum = make_accession(accenumb="U1", accename="巫山脆李")
    as_role("staff")
    page = text(client.get("/accessions/U1"))
    assert 'enctype="multipart/form-data"' in page and "添加照片" in page
    response = upload(client, plum, [("果实.jpg", picture()), ("tree.png", picture("PNG"))],
                      caption="成熟果实")
    assert response.status_code == 303, text(response)[:500]
    shown = text(client.get(response.headers["Location"]))
    assert "已添加 2 张照片" in shown and shown.count('alt="成熟果实"') == 2
    history = shown.split('class="history"')[1]
    assert "果实.jpg" in history and "种质页面" in history  # the change history says where from
    photos = db.session.scalars(db.select(AccessionPhoto).filter_by(accession_id=plum.id)
                                .order_by(AccessionPhoto.id)).all()
    assert [p.content_type for p in photos] == ["image/jpeg", "image/png"]
    assert all((photo_dir / p.filename).is_file() for p in photos)
    entries = db.session.scalars(db.select(AuditEntry).filter_by(entity="photo")
                                 .order_by(AuditEntry.id)).all()
    assert [(e.user, e.new_value, e.source, e.accession_id) for e in entries] == [
        ("staff.user", "果实.jpg", "accession page", plum.id),
        ("staff.user", "tree.png", "accession page", plum.id)]


@pytest.mark.parametrize("name, body, reason", [
    ("fake.jpg", b"<html><script>alert(1)</script></html>", "文件内容不是图片"),
    ("header.png", b"\x89PNG\r\n\x1a\n<html></html>", "文件内容不是可读取的图片"),
    ("renamed.jpg", picture("PNG"), "文件内容是 image/png，而不是 .jpg"),
    ("notes.txt", b"hello", "只接受 .jpeg, .jpg, .png, .webp 格式的图片"),
])
def test_a_bad_file_is_refused_with_its_name_and_reason(client, as_role, make_accession,
                                                        photo_dir, name, body, reason):
    plum = make_accession(accenumb="U2")
    as_role("curator")
    response = upload(client, plum, [("good.jpg", picture()), (name, body)])
    assert response.status_code == 422
    assert f"未添加照片：{name}：{reason}" in text(response)
    assert db.session.scalar(db.select(db.func.count(AccessionPhoto.id))) == 0
    assert not photo_dir.exists() or not any(photo_dir.iterdir())  # the good one neither


def test_refusals_are_in_english_on_the_english_page(client, as_role, make_accession,
                                                     photo_dir, monkeypatch):
    from germplasm.accessions import photos

    plum = make_accession(accenumb="U3")
    as_role("staff")
    client.get("/accessions/U3?lang=en")
    monkeypatch.setattr(photos, "MAX_BYTES", 2000)
    response = upload(client, plum, [("big.jpg", picture(size=(400, 400)))])
    assert response.status_code == 422
    assert "No photo was added: big.jpg: larger than 0 MB" in text(response)
    empty = upload(client, plum, [])
    assert empty.status_code == 422 and "Choose a picture file" in text(empty)


def test_anonymous_and_researchers_get_403_and_no_form(client, as_role, make_accession,
                                                       photo_dir):
    plum = make_accession(accenumb="U4")
    assert "photo-upload" not in text(client.get("/accessions/U4"))
    assert upload(client, plum, [("a.jpg", picture())], token_path="/login").status_code == 403
    as_role("researcher")
    assert "photo-upload" not in text(client.get("/accessions/U4"))
    assert upload(client, plum, [("a.jpg", picture())]).status_code == 403
    assert db.session.scalar(db.select(db.func.count(AccessionPhoto.id))) == 0


def test_the_post_is_refused_without_its_csrf_token(client, as_role, make_accession,
                                                    photo_dir):
    plum = make_accession(accenumb="U5")
    as_role("staff")
    response = client.post(f"/accessions/{plum.id}/photos",
                           data={"file": (io.BytesIO(picture()), "a.jpg")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(AccessionPhoto.id))) == 0


def _add(client, accession) -> int:
    assert upload(client, accession, [("big.jpg", picture(size=(1200, 900)))]).status_code == 303
    return db.session.scalars(db.select(AccessionPhoto.id).filter_by(
        accession_id=accession.id).order_by(AccessionPhoto.id.desc())).first()


def test_thumbnails_are_small_made_once_and_cached(client, as_role, make_accession, photo_dir,
                                                  monkeypatch):
    from germplasm.accessions import thumbnails

    plum = make_accession(accenumb="U6")
    as_role("staff")
    photo = _add(client, plum)
    response = client.get(f"/photos/{photo}/thumb")
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    assert Image.open(io.BytesIO(response.data)).size == (160, 120)
    assert response.headers["Cache-Control"] == "public, max-age=86400"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    monkeypatch.setattr(thumbnails, "_make", lambda *a: pytest.fail("made twice"))
    again = client.get(f"/photos/{photo}/thumb")
    assert again.data == response.data
    etag = again.headers["ETag"]
    assert client.get(f"/photos/{photo}/thumb",
                      headers={"If-None-Match": etag}).status_code == 304


def test_thumbnails_of_restricted_accessions_are_for_staff_only(client, as_role, make_accession,
                                                                photo_dir):
    from tests.test_admin import log_out

    secret = make_accession(accenumb="U7", restricted="Y")
    as_role("staff")
    photo = _add(client, secret)
    private = client.get(f"/photos/{photo}/thumb")
    assert private.status_code == 200 and private.headers["Cache-Control"] == "private, no-store"
    log_out(client)
    assert client.get(f"/photos/{photo}/thumb").status_code == 404
    assert client.get(f"/photos/{photo}").status_code == 404


def _thumbs(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'src="/photos/(\d+)/thumb"', page)]


def test_search_rows_show_each_accessions_first_photo(app, client, as_role, catalogue,
                                                      photo_dir):
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    as_role("staff")
    first = _add(client, catalogue["S001"])
    _add(client, catalogue["S001"])
    other = _add(client, catalogue["S005"])
    hidden = _add(client, catalogue["S006"])  # restricted
    staff_page = text(client.get("/search?per_page=50"))
    assert sorted(_thumbs(staff_page)) == sorted([first, other, hidden])
    assert 'alt="S001 的照片"' in staff_page
    client.post("/logout", data={"csrf_token": page_token(client, "/")})
    statements = []

    def note(conn, cursor, statement, *args):
        statements.append(statement)
    event.listen(Engine, "before_cursor_execute", note)
    try:
        public_page = text(client.get("/search?per_page=50"))
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    assert sorted(_thumbs(public_page)) == sorted([first, other])
    assert len([s for s in statements if "accession_photos" in s]) == 1  # not one per row


def test_compare_columns_show_thumbnails(client, as_role, catalogue, photo_dir):
    as_role("staff")
    first = _add(client, catalogue["S001"])
    hidden = _add(client, catalogue["S006"])
    staff = text(client.get("/compare?a=S001,S002,S006"))
    assert _thumbs(staff) == [first, hidden]
    client.post("/logout", data={"csrf_token": page_token(client, "/")})
    public = text(client.get("/compare?a=S001,S002,S006"))
    assert _thumbs(public) == [first] and "S006" not in public.split("<thead>")[1]


def test_the_accession_page_shows_a_480_px_copy_linked_to_the_original(
        client, as_role, make_accession, photo_dir):
    from tests.test_admin import log_out

    plum = make_accession(accenumb="U9")
    secret = make_accession(accenumb="U10", restricted="Y")
    as_role("staff")
    photo, hidden = _add(client, plum), _add(client, secret)
    page = text(client.get("/accessions/U9"))
    assert f'<img src="/photos/{photo}/view"' in page
    assert f'<a href="/photos/{photo}"><img' in page  # the original, one click away
    view = client.get(f"/photos/{photo}/view")
    assert Image.open(io.BytesIO(view.data)).size == (480, 360)
    assert len(view.data) < len(client.get(f"/photos/{photo}").data)
    log_out(client)
    assert client.get(f"/photos/{photo}/view").status_code == 200
    assert client.get(f"/photos/{hidden}/view").status_code == 404
