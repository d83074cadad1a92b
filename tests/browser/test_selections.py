"""Selections in a real browser: tick results, add a whole search, compare from the
selection, save it under a name and open its shared link as someone else."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db


def _all_count(page) -> int:
    return int(re.search(r"全部 (\d+) 条", page.locator(".pick-all button").inner_text()).group(1))


def _header_size(page) -> int:
    return int(page.locator("#selection-size").inner_text())


def test_tick_results_then_compare_from_the_selection(page, screenshot):
    page.goto("/?q=李")
    rows = page.locator("#pick-form tbody tr")
    first, second = (rows.nth(i).locator("td").nth(1).inner_text() for i in (0, 1))
    rows.nth(0).locator("input[type=checkbox]").check()
    rows.nth(1).locator("input[type=checkbox]").check()
    page.get_by_role("button", name="把勾选的加入选集").click()
    expect(page.get_by_role("alert")).to_contain_text("2 份已加入选集")
    assert _header_size(page) == 2
    screenshot(page, "selection-ticked-zh")
    page.locator("a.selection-link").click()
    expect(page.locator("h1")).to_have_text("我的选集")
    expect(page.locator("#selection-items tbody tr")).to_have_count(2)
    screenshot(page, "selection-page-zh")
    for box in page.locator("#selection-items tbody input[type=checkbox]").all():
        box.check()
    page.get_by_role("button", name="比较勾选的（最多 6 份）").click()
    page.wait_for_url(re.compile(r"/compare\?"))
    body = page.locator("main").inner_text()
    assert first in body and second in body


def test_add_a_whole_search_save_it_and_share_the_link(browser, page, live_server, log_in,
                                                       screenshot):
    log_in(page)
    page.goto("/?origin=CHN")
    total = _all_count(page)
    page.locator(".pick-all button").click()
    expect(page.get_by_role("alert")).to_contain_text(f"共 {total} 份")
    assert _header_size(page) == total
    page.goto("/selection")
    page.fill("input[name=name]", "中国来源种质")
    page.get_by_role("button", name="保存", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("已保存为“中国来源种质”")
    link = page.locator("input.share").input_value()
    screenshot(page, "selection-saved-zh")
    page.goto("/selections")
    expect(page.get_by_role("link", name="中国来源种质")).to_be_visible()
    stranger = browser.new_context(base_url=live_server, locale="zh-CN").new_page()
    stranger.goto("/?origin=CHN")
    public = _all_count(stranger)  # staff also see restricted accessions; the public do not
    assert public < total
    stranger.goto(link)
    expect(stranger.locator("h1")).to_contain_text("中国来源种质")
    expect(stranger.locator("main")).to_contain_text(f"共 {public} 份种质")
    stranger.get_by_role("link", name="在检索页打开").click()
    expect(stranger.locator(".chips")).to_contain_text(re.compile("选集[:：] ?中国来源种质"))
    screenshot(stranger, "selection-shared-search-zh")
    stranger.context.close()
