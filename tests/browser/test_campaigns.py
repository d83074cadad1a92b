"""Campaign management in a real browser: a new campaign from a selection, a descriptor
group ticked at once and pasted numbers; a bad number refused; the Excel template
downloaded; progress as counts and as a grid."""
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db

NAME = "2026 浏览器新建任务"


def tick_two_results(page):
    page.goto("/?q=李")
    rows = page.locator("#pick-form tbody tr")
    numbers = [rows.nth(i).locator("td").nth(1).inner_text().strip() for i in (0, 1)]
    for i in (0, 1):
        rows.nth(i).locator("input[type=checkbox]").check()
    page.get_by_role("button", name="把勾选的加入选集").click()
    expect(page.get_by_role("alert")).to_contain_text("2 份已加入选集")
    return numbers


def test_create_a_campaign_then_download_and_follow_it(page, log_in, screenshot, tmp_path):
    log_in(page)
    picked = tick_two_results(page)
    page.goto("/campaigns/")
    page.get_by_role("link", name="新建评价任务").first.click()
    page.fill("input[name=name]", NAME)
    page.fill("input[name=year]", "2026")
    page.fill("input[name=site]", "巫山圃")
    quality = page.locator("fieldset.descriptor-group", has_text="品质")
    quality.locator("input.group-toggle").check()  # the whole group at once
    boxes = quality.locator("input[name=descriptor]")
    count = boxes.count()
    assert count > 5 and all(boxes.nth(i).is_checked() for i in range(count))
    boxes.nth(0).uncheck()  # the group box now shows "some"
    assert quality.locator("input.group-toggle").evaluate("b => b.indeterminate")
    page.select_option("select[name=selection]", label="当前选集 (2)")
    page.fill("textarea[name=numbers]", "WSL00003, NOPE-9\nWSL00004")
    screenshot(page, "10-campaign-new-zh")
    page.get_by_role("button", name="创建评价任务").click()
    expect(page.locator("#e-accessions")).to_contain_text("NOPE-9")
    assert page.locator("input[name=name]").input_value() == NAME  # the form is kept
    screenshot(page, "10-campaign-new-refused-zh")
    page.fill("textarea[name=numbers]", "WSL00003, WSL00004")
    page.get_by_role("button", name="创建评价任务").click()
    page.wait_for_url(re.compile(r"/campaigns/\d+/progress$"))
    progress = page.url
    expect(page.get_by_role("alert")).to_contain_text(f"{count - 1} 个性状，4 份种质")
    rows = page.locator("table.accession-progress tbody tr")
    expect(rows).to_have_count(4)
    assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(4)][2:] == [
        "WSL00003", "WSL00004"]
    assert sorted(rows.nth(i).locator("td").nth(1).inner_text() for i in (0, 1)) == sorted(picked)
    screenshot(page, "10-campaign-progress-zh")

    with page.expect_download() as waiting:
        page.get_by_role("link", name="下载 Excel 记录模板").click()
    download = waiting.value
    assert re.fullmatch(r"plum-campaign-2026_浏览器新建任务-\d{4}-\d\d-\d\d\.xlsx",
                        download.suggested_filename), download.suggested_filename
    download.save_as(tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx")["记录表"]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["ACCENUMB", "名称"] and len(headers) == 6 + count - 1
    assert [sheet.cell(row=r, column=1).value for r in (4, 5)] == ["WSL00003", "WSL00004"]

    # Record one accession in the entry form, then see it counted in both views.
    rows.nth(2).get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("WSL00003")
    number = page.locator("form.entry input[data-max]:not([data-max=''])").first
    low, high = (float(number.get_attribute(a)) for a in ("data-min", "data-max"))
    number.fill(f"{(low + high) / 2:g}")
    page.locator("form.entry button[type=submit]").first.click()
    expect(page.get_by_role("alert")).to_contain_text("WSL00003")
    page.goto(progress)
    expect(page.locator("table.accession-progress tbody tr").nth(2)).to_contain_text(
        f"1 / {count - 1}")
    page.get_by_role("link", name=re.compile("显示性状明细表")).click()
    expect(page.locator("table.progress-grid td.y")).to_have_count(1)
    screenshot(page, "10-campaign-grid-zh")
    page.goto(progress.replace("/progress", "/edit"))
    expect(page.locator("small.recorded")).to_have_text("已记录 1")  # cannot be dropped
    screenshot(page, "10-campaign-edit-zh")
    page.goto("/campaigns/?lang=en")
    expect(page.locator("table.campaigns")).to_contain_text(NAME)
    screenshot(page, "10-campaign-list-en")
    page.goto("/campaigns/?lang=zh_CN")
