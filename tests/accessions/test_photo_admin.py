"""Photos in the admin: curators upload through the same service as the page and the CLI."""
import io

from germplasm.accessions.models import AccessionPhoto
from germplasm.audit.models import AuditEntry
from germplasm.extensions import db
from tests.accessions.test_photo_uploads import photo_dir, picture  # noqa: F401
from tests.test_admin import page_token, text


def _post(client, **fields):
    data = {"csrf_token": page_token(client, "/admin/photos/new/"), "accenumb": "", "instcode": "",
            "caption": ""} | fields
    return client.post("/admin/photos/new/", data=data, content_type="multipart/form-data")


def test_a_curator_uploads_a_photo_in_the_admin(client, as_role, make_accession, photo_dir):  # noqa: F811
    plum = make_accession(accenumb="AD1", accename="槜李")
    as_role("curator")
    form = text(client.get("/admin/photos/new/"))
    assert 'type="file"' in form and "照片文件" in form
    response = _post(client, accenumb="AD1", caption="花",
                     file=(io.BytesIO(picture("PNG")), "flower.png"))
    assert response.status_code == 302, text(response)[:3000]
    photo = db.session.scalars(db.select(AccessionPhoto)).one()
    assert (photo.accession_id, photo.caption, photo.content_type, photo.user) == (
        plum.id, "花", "image/png", "curator.user")
    assert (photo_dir / photo.filename).is_file()
    entry = db.session.scalars(db.select(AuditEntry).filter_by(entity="photo")).one()
    assert (entry.new_value, entry.source, entry.accession_id) == ("flower.png", "admin", plum.id)
    listing = text(client.get("/admin/photos/"))
    assert f'src="/photos/{photo.id}/thumb"' in listing and "AD1" in listing


def test_the_admin_refuses_what_the_cli_refuses(client, as_role, make_accession, photo_dir):  # noqa: F811
    make_accession(accenumb="AD2")
    as_role("curator")
    fake = _post(client, accenumb="AD2", file=(io.BytesIO(b"GIF89a not really"), "fake.png"))
    assert fake.status_code == 200
    assert "fake.png：文件内容不是图片" in text(fake) and "未保存" in text(fake)
    nobody = _post(client, accenumb="NOPE", file=(io.BytesIO(picture()), "a.jpg"))
    assert "没有库编号为 NOPE 的种质。" in text(nobody)
    assert db.session.scalar(db.select(db.func.count(AccessionPhoto.id))) == 0
    assert not photo_dir.exists() or not any(photo_dir.iterdir())


def test_staff_cannot_open_the_admin_photos(client, as_role):  # noqa: F811
    as_role("staff")
    assert client.get("/admin/photos/").status_code == 403
    assert client.get("/admin/photos/new/").status_code == 403
