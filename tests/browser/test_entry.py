"""Staff evaluation entry in a real browser: keyboard-only recording and a phone-sized form."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CAMPAIGN

pytestmark = pytest.mark.no_db

TRAIT_FIELDS = "form.entry fieldset input, form.entry fieldset select"


def open_worklist(page):
    page.goto("/campaigns/")
    page.get_by_role("link", name=CAMPAIGN).click()
    page.wait_for_url(re.compile(r"/campaigns/\d+$"))
    return page.url


def open_entry(page, accenumb):
    worklist = open_worklist(page)
    page.goto(f"{worklist}/entry/{accenumb}")
    expect(page.locator("h1")).to_contain_text(accenumb)
    return worklist


def focused(page, attribute="name"):
    return page.evaluate(f"document.activeElement.getAttribute('{attribute}')")


def test_record_with_keyboard_alone(page, log_in, screenshot):
    log_in(page)
    worklist = open_entry(page, "WSL00001")
    # The form lists the campaign's traits by group (fruit, then quality): weight, flesh
    # colour, SSC. Tab follows that order; the first trait field has focus on arrival.
    order = page.locator(TRAIT_FIELDS).evaluate_all("fields => fields.map(f => f.name)")
    assert order == ["FRUIT_WEIGHT", "FLESH_COLOR", "SSC"]
    assert focused(page) == "FRUIT_WEIGHT"
    keyboard = page.keyboard
    keyboard.type("45.5")
    keyboard.press("Tab")
    assert focused(page) == "FLESH_COLOR"
    keyboard.press("ArrowDown")  # from the empty option to "1 白色"
    keyboard.press("ArrowDown")  # "2 绿色"
    expect(page.locator("select[name=FLESH_COLOR]")).to_have_value("2")
    keyboard.press("Tab")
    assert focused(page) == "SSC"
    keyboard.type("14.2")
    screenshot(page, "05a-entry-filled")
    keyboard.press("Enter")  # submits with the first button, 保存并下一份 (save and next)

    page.wait_for_url(re.compile(r"/entry/WSL00002"))
    expect(page.locator("p.flash.success")).to_contain_text("已保存 WSL00001 的 3 项数据")
    expect(page.locator("h1")).to_contain_text("WSL00002")
    assert focused(page) == "FRUIT_WEIGHT"
    screenshot(page, "05b-entry-next")

    page.goto(worklist)
    row = page.locator("table.worklist tbody tr", has_text="WSL00001")
    expect(row.locator("td.num")).to_have_text("3 / 3")
    page.goto("/accessions/WSL00001")
    page.get_by_text("鉴定记录").click()  # open the evaluation history
    history = page.locator("details table.list tbody tr", has_text=CAMPAIGN)
    expect(history).to_have_count(3)
    expect(history.filter(has_text="平均单果重")).to_contain_text("45.5")
    expect(history.filter(has_text="可溶性固形物含量")).to_contain_text("14.2")
    expect(history.filter(has_text="果肉颜色")).to_contain_text("绿色")
    screenshot(page, "05c-evaluation-history")


def test_enter_in_a_select_saves(page, log_in, screenshot):
    """Enter in any trait field saves, the drop-downs included (keyboard-only entry)."""
    log_in(page)
    open_entry(page, "WSL00002")
    keyboard = page.keyboard
    assert focused(page) == "FRUIT_WEIGHT"
    keyboard.type("30")
    keyboard.press("Tab")
    assert focused(page) == "FLESH_COLOR"
    keyboard.press("5")  # type-ahead: "5 黄色"
    expect(page.locator("select[name=FLESH_COLOR]")).to_have_value("5")
    keyboard.press("Enter")
    # WSL00002 is the last accession, so "save and next" stays on its form.
    try:
        expect(page.locator("p.flash.success")).to_contain_text("已保存 WSL00002 的 2 项数据")
    finally:
        screenshot(page, "05d-enter-in-select")


def test_entry_form_fits_a_phone(browser, live_server, log_in, screenshot):
    context = browser.new_context(base_url=live_server, locale="zh-CN", is_mobile=True,
                                  has_touch=True, viewport={"width": 390, "height": 844},
                                  device_scale_factor=2)
    try:
        page = context.new_page()
        log_in(page)
        open_entry(page, "WSL00001")
        expect(page.locator("form.entry button[name=save_next]")).to_be_visible()
        widths = page.evaluate(
            "({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})")
        screenshot(page, "06-entry-phone")
        assert widths["inner"] == 390
        assert widths["scroll"] <= widths["inner"] + 1, f"page scrolls sideways: {widths}"
    finally:
        context.close()
