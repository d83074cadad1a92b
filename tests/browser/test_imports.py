"""Sheet upload in a real browser: a bad sheet shows its rejected cells, a good one is
checked, confirmed and imported, its progress followed by the page's script."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ADMIN
from tests.imports.conftest import BAD, GOOD

pytestmark = pytest.mark.no_db


def upload(page, path):
    page.goto("/imports")
    page.check("input[name=kind][value=mcpd]")
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="上传并检查").click()
    page.wait_for_url(re.compile(r"/imports/\d+$"))


def test_bad_sheet_then_good_sheet(page, log_in, screenshot, tmp_path):
    log_in(page, *ADMIN)
    bad = tmp_path / "bad-passport.csv"
    bad.write_text(BAD.replace("UP", "BR"), encoding="utf-8")
    upload(page, bad)
    rejected = page.locator("table.sheet-table td.rejected")
    expect(rejected).to_have_count(2)  # the page reloaded itself when the check ended
    expect(rejected.first).to_have_text("ZZZ")
    expect(page.locator("table.rejections tbody tr")).to_have_count(2)
    expect(page.get_by_role("button", name="确认导入")).to_have_count(0)
    expect(page.locator("dd.rejected")).to_have_text("2")
    screenshot(page, "10a-upload-rejected-rows")
    page.get_by_role("button", name="取消").click()
    expect(page.locator("p.flash.success")).to_contain_text("已取消")

    good = tmp_path / "good-passport.csv"
    good.write_text(GOOD.replace("UP", "BR"), encoding="utf-8")
    upload(page, good)
    expect(page.locator("dd.created")).to_have_text("2")
    screenshot(page, "10b-upload-checked")
    page.get_by_role("button", name="确认导入").click()
    expect(page.locator("section.report h2")).to_have_text("导入报告")
    expect(page.locator("p.written")).to_have_text("已写入资源库。")
    expect(page.locator("dd.created")).to_have_text("2")
    screenshot(page, "10c-upload-imported")
    page.goto("/accessions/BR0001")
    expect(page.locator("h1")).to_contain_text("BR0001")
