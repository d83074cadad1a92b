"""Photos in a real browser: staff add one on the accession page (a bad file is refused with
its name and reason), a curator in the admin; thumbnails load in search rows and in compare,
also for visitors who are not signed in."""
import re

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from tests.browser.conftest import ADMIN

pytestmark = pytest.mark.no_db


def plum_picture(path, color=(110, 30, 90)):
    """A plum-coloured fruit on leaf green, so the screenshots show something."""
    picture = Image.new("RGB", (900, 675), (70, 120, 60))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((250, 140, 650, 540), fill=color)
    draw.ellipse((380, 220, 450, 290), fill=(200, 150, 190))
    picture.save(path, "JPEG", quality=85)
    return path


def loaded(locator) -> bool:
    """The image was fetched and decoded (a broken thumbnail has naturalWidth 0)."""
    return locator.evaluate("img => img.complete && img.naturalWidth > 0")


def test_staff_add_a_photo_on_the_accession_page(page, log_in, screenshot, tmp_path):
    log_in(page)  # staff
    page.goto("/accessions/WSL00003")
    form = page.locator("form.photo-upload")
    expect(form).to_be_visible()
    fake = tmp_path / "果实.jpg"
    fake.write_bytes(b"<html><script>alert(1)</script></html>")
    form.locator("input[type=file]").set_input_files(str(fake))
    form.locator("button[type=submit]").click()
    expect(page.locator("p.flash.error")).to_have_text("未添加照片：果实.jpg：文件内容不是图片")
    screenshot(page, "10f-photo-refused")

    form = page.locator("form.photo-upload")
    form.locator("input[type=file]").set_input_files(str(plum_picture(tmp_path / "fruit.jpg")))
    form.locator("input[name=caption]").fill("成熟果实 2026")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accessions/WSL00003#photos$"))
    expect(page.locator("p.flash.success")).to_have_text("已添加 1 张照片。")
    photo = page.locator("#photos img[alt='成熟果实 2026']")
    expect(photo).to_be_visible()
    assert loaded(photo)
    page.locator("#photos").scroll_into_view_if_needed()
    screenshot(page, "10f-photo-added")


def _visitor(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="zh-CN",
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    return context


def test_thumbnails_in_search_and_compare(browser, live_server, page, log_in, screenshot,
                                          tmp_path):
    log_in(page, *ADMIN)
    page.goto("/admin/photos/new/")
    page.fill("input[name=accenumb]", "WSL00004")
    page.set_input_files("input[name=file]",
                         str(plum_picture(tmp_path / "tree.jpg", color=(180, 40, 60))))
    page.fill("input[name=caption]", "树形")
    page.locator("form.admin-form [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/photos/"))
    thumb = page.locator("table img[src$='/thumb']").first
    expect(thumb).to_be_visible()
    assert loaded(thumb)
    screenshot(page, "10f-admin-photos")

    context = _visitor(browser, live_server)
    visitor = context.new_page()
    try:
        visitor.goto("/search?q=WSL00004")
        row = visitor.locator("table.list tbody tr", has_text="WSL00004").first
        thumb = row.locator("img.thumb")
        expect(thumb).to_be_visible()
        assert loaded(thumb)
        size = thumb.evaluate("img => [img.naturalWidth, img.naturalHeight]")
        assert size == [160, 120]
        screenshot(visitor, "10f-search-thumbnails")
        # WSL00290 is past the demo's drawings (the first 24 public accessions have one).
        visitor.goto("/compare?a=WSL00004,WSL00290")
        heads = visitor.locator("table.compare thead th")
        expect(heads).to_have_count(3)
        expect(heads.nth(1).locator("img.thumb")).to_be_visible()
        assert loaded(heads.nth(1).locator("img.thumb"))
        expect(heads.nth(2).locator("img")).to_have_count(0)  # no photo, no empty frame
        screenshot(visitor, "10f-compare-thumbnails")
    finally:
        context.close()
