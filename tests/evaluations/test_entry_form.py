"""The entry form's notes, tree number, typed dates, camera photo and descriptor groups, and
the worklist's unfinished filter and jump box, over HTTP (issue 10)."""
import html
import io
import re
from datetime import date

import pytest

from germplasm.accessions import photos
from germplasm.accessions.models import AccessionPhoto
from germplasm.audit.models import AuditEntry
from germplasm.evaluations.models import Descriptor, Observation
from germplasm.extensions import db
from tests.accessions.test_photos import png
from tests.evaluations.test_entry_pages import campaign, entry_url, staff, token  # noqa: F401


def post(client, campaign, accenumb, lang="zh_CN", **fields):  # noqa: F811
    url = entry_url(campaign, accenumb)
    page = client.get(f"{url}?lang={lang}").get_data(as_text=True)
    data = {"csrf_token": token(page), "save": "1"} | fields
    return client.post(url, data=data, content_type="multipart/form-data")


def stored(code):
    return db.session.execute(
        db.select(Observation.value_num, Observation.value_date, Observation.plant,
                  Observation.notes, Observation.observed_on)
        .join(Descriptor).where(Descriptor.code == code)).all()


def test_notes_and_tree_number_are_stored_and_shown_again(staff, campaign):  # noqa: F811
    response = post(staff, campaign, "WSL0001", plant="12", FRUIT_WEIGHT="35.5",
                    **{"note-FRUIT_WEIGHT": "两个虫果未称"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("?replicate=1&plant=12")
    assert stored("FRUIT_WEIGHT") == [(35.5, None, "12", "两个虫果未称", None)]
    page = staff.get(entry_url(campaign, "WSL0001") + "?plant=12").get_data(as_text=True)
    assert 'name="plant" value="12"' in page and 'value="两个虫果未称"' in page
    assert 'value="35.5"' in page
    other_tree = staff.get(entry_url(campaign, "WSL0001") + "?plant=13").get_data(as_text=True)
    assert 'value="35.5"' not in other_tree  # each tree has its own values


def test_a_note_without_a_value_is_refused_by_name(staff, campaign):  # noqa: F811
    response = post(staff, campaign, "WSL0001", **{"note-FRUIT_WEIGHT": "落果"})
    assert response.status_code == 422
    assert "平均单果重：只有备注没有数值" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == 0


@pytest.mark.parametrize("typed", ["7-15", "0715", "7月15日", "2026-07-15", "07/15"])
def test_dates_are_typed_as_staff_write_them_with_the_campaigns_year(staff, campaign, typed):  # noqa: F811
    response = post(staff, campaign, "WSL0002", HARVEST_DATE=typed, observed_on="0716")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert stored("HARVEST_DATE") == [(196.0, date(2026, 7, 15), "", None, date(2026, 7, 16))]


def test_dates_are_plain_text_fields_not_the_locale_picker(staff, campaign):  # noqa: F811
    page = staff.get(entry_url(campaign, "WSL0001")).get_data(as_text=True)
    assert 'type="date"' not in page
    assert re.search(r'<input id="f-HARVEST_DATE" name="HARVEST_DATE" class="trait" value=""'
                     r' autocomplete="off" placeholder="如 7-15、0715、7月15日"', page)


@pytest.mark.parametrize("lang, typed, message", [
    ("zh_CN", "13-45", "果实成熟期：13-45 不是有效日期（2026 年没有这一天）"),
    ("zh_CN", "2-30", "果实成熟期：2-30 不是有效日期"),
    ("zh_CN", "七月", "果实成熟期：七月 不是日期；请写作 7-15、0715、7月15日 或 2026-07-15"),
    ("en", "0230", "Harvest (ripening) date: 0230 is not a real date (no such day in 2026)"),
])
def test_an_impossible_date_names_its_field(staff, campaign, lang, typed, message):  # noqa: F811
    response = post(staff, campaign, "WSL0001", lang=lang, HARVEST_DATE=typed,
                    FRUIT_WEIGHT="30")
    body = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 422 and message in body
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == 0


def test_an_impossible_observation_date_is_refused(staff, campaign):  # noqa: F811
    response = post(staff, campaign, "WSL0001", observed_on="1332", FRUIT_WEIGHT="30")
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "观测日期：1332 不是有效日期（2026 年没有这一天）" in body
    assert "观测日期: 观测日期" not in body  # named once


@pytest.fixture
def photo_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "GERMPLASM_PHOTO_DIR", str(tmp_path / "photos"))
    return tmp_path / "photos"


def test_a_camera_photo_becomes_an_accession_photo(staff, campaign, photo_dir, tmp_path):  # noqa: F811
    page = staff.get(entry_url(campaign, "WSL0001")).get_data(as_text=True)
    assert ('<input id="f-photo" type="file" name="photo" accept="image/*" '
            'capture="environment">') in page and 'enctype="multipart/form-data"' in page
    picture = png(tmp_path / "p.png").read_bytes()
    response = post(staff, campaign, "WSL0001", FRUIT_WEIGHT="30", observed_on="7-15",
                    photo=(io.BytesIO(picture), "IMG_0042.png", "image/png"))
    assert response.status_code == 302
    photo = db.session.scalars(db.select(AccessionPhoto)).one()
    assert (photo.caption, photo.taken_on, photo.user) == ("2026 果实评价", "2026-07-15", "zhang")
    assert (photo_dir / photo.filename).read_bytes() == picture
    audit = db.session.scalar(db.select(AuditEntry).filter_by(entity="photo"))
    assert audit.new_value == "IMG_0042.png"
    assert "照片已添加到 WSL0001" in staff.get(response.headers["Location"]).get_data(as_text=True)
    assert f'photos/{photo.id}"' in staff.get("/accessions/WSL0001").get_data(
        as_text=True)


@pytest.mark.parametrize("upload, message", [
    ((b"<html><script>alert(1)</script>", "fruit.jpg", "image/jpeg"),
     "照片：fruit.jpg：文件内容不是图片"),
    ((b"%PDF-1.4", "report.pdf", "application/pdf"),
     "照片：report.pdf 不是图片；请拍摄或选择 JPEG、PNG 或 WebP 照片"),
])
def test_a_file_that_is_no_picture_is_refused(staff, campaign, photo_dir, upload, message):  # noqa: F811
    content, name, kind = upload
    response = post(staff, campaign, "WSL0001", FRUIT_WEIGHT="30",
                    photo=(io.BytesIO(content), name, kind))
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(AccessionPhoto.id))) == 0
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == 0  # nothing kept
    assert not photo_dir.exists() or not any(photo_dir.iterdir())


def test_a_photo_over_the_size_limit_is_refused(staff, campaign, photo_dir, tmp_path,  # noqa: F811
                                                monkeypatch):
    monkeypatch.setattr(photos, "MAX_BYTES", 2 * 2**20)
    big = io.BytesIO(png(tmp_path / "p.png").read_bytes() + b"\0" * (3 * 2**20))
    response = post(staff, campaign, "WSL0001", photo=(big, "big.png", "image/png"))
    assert response.status_code == 422
    assert "照片：big.png：文件超过 2 MB" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(AccessionPhoto.id))) == 0


def test_descriptors_are_grouped_with_filled_counts(staff, campaign):  # noqa: F811
    post(staff, campaign, "WSL0001", FRUIT_WEIGHT="30")
    page = staff.get(entry_url(campaign, "WSL0001")).get_data(as_text=True)
    groups = re.findall(r'<details class="group" data-group="(\w+)"( open)?>\s*<summary>'
                        r'([^<]+)<span class="count"[^>]*>(\d+ / \d+)</span>', page)
    assert groups == [("phenology", " open", "植物学特征与物候 ", "0 / 1"),
                      ("fruit", "", "果实与农艺性状 ", "1 / 2")]


def test_worklist_shows_only_unfinished_accessions_on_request(staff, campaign):  # noqa: F811
    post(staff, campaign, "WSL0001", FRUIT_WEIGHT="30", FLESH_COLOR="5", HARVEST_DATE="7-15")
    post(staff, campaign, "WSL0002", FRUIT_WEIGHT="30")
    every = staff.get(f"/campaigns/{campaign.id}").get_data(as_text=True)
    assert all(n in every for n in ("WSL0001", "WSL0002", "WSL0003"))
    assert "全部（3）" in every and "只看未完成（2）" in every
    open_ones = staff.get(f"/campaigns/{campaign.id}?unfinished=1").get_data(as_text=True)
    rows = re.findall(r"<td><a href=\"[^\"]+\">(WSL\d+)</a></td>", open_ones)
    assert rows == ["WSL0002", "WSL0003"]


@pytest.mark.parametrize("typed, accenumb", [
    ("WSL0002", "WSL0002"), ("wsl0003", "WSL0003"), ("Santa Rosa", "WSL0002"),
    ("青脆李", "WSL0003"), ("santa", "WSL0002")])
def test_the_jump_box_goes_to_the_accessions_form(staff, campaign, typed, accenumb):  # noqa: F811
    response = staff.get(f"/campaigns/{campaign.id}/jump", query_string={"to": typed})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(entry_url(campaign, accenumb))


def test_the_jump_box_explains_no_match_and_lists_several(staff, campaign):  # noqa: F811
    nothing = staff.get(f"/campaigns/{campaign.id}/jump?to=ZZZ9")
    assert nothing.status_code == 404
    assert "本次鉴定的工作清单中没有编号或名称为“ZZZ9”的种质" in nothing.get_data(as_text=True)
    several = staff.get(f"/campaigns/{campaign.id}/jump?to=脆李").get_data(as_text=True)
    assert "有 2 份种质与“脆李”相符" in several
    assert re.findall(r"<td><a href=\"[^\"]+\">(WSL\d+)</a></td>", several) == [
        "WSL0001", "WSL0003"]


def test_switching_tree_on_the_form_is_no_conflict_with_the_tree_shown(staff, campaign):  # noqa: F811
    assert post(staff, campaign, "WSL0001", FRUIT_WEIGHT="30").status_code == 302
    url = entry_url(campaign, "WSL0001")
    page = staff.get(url).get_data(as_text=True)  # shows tree "" with its weight 30
    hidden = {name: html.unescape(re.search(rf'name="{name}" value="([^"]*)"', page).group(1))
              for name in ("shown", "shown_for")}
    typed = {"csrf_token": token(page), "FRUIT_WEIGHT": "30", "save": "1"} | hidden
    moved = staff.post(url, data=typed | {"plant": "7"})  # the same values, for tree 7
    assert moved.status_code == 302, moved.get_data(as_text=True)
    assert sorted(db.session.scalars(db.select(Observation.plant))) == ["", "7"]
    assert post(staff, campaign, "WSL0001", plant="8", FRUIT_WEIGHT="41").status_code == 302
    clash = staff.post(url, data=typed | {"plant": "8"})  # tree 8 has 41, never shown
    assert clash.status_code == 422
    assert "打开此表单后已被他人改为“41”" in clash.get_data(as_text=True)


def test_value_problems_are_in_the_pages_language(staff, campaign):  # noqa: F811
    zh = post(staff, campaign, "WSL0001", FRUIT_WEIGHT="abc", FLESH_COLOR="蓝").get_data(
        as_text=True)
    assert "“abc”不是数字" in zh and "“蓝”不是 FLESH_COLOR 的类别（" in zh
    en = post(staff, campaign, "WSL0001", lang="en", FRUIT_WEIGHT="900").get_data(as_text=True)
    assert "900 is outside the valid range" in en and "of FRUIT_WEIGHT" in en
