"""Material requests in a real browser: a researcher fills the request cart from an
accession page and the search results and submits it under the MTA; a curator allocates the
proposed lots, approves, prepares and ships it, and opens the dispatch note."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CURATOR, RESEARCHER

pytestmark = pytest.mark.no_db
PHONE = {"width": 390, "height": 844}


def _cart_size(page) -> int:
    return int(page.locator("#cart-size").inner_text())


def _fill_cart(page, screenshot=None) -> None:
    """WSL00003 from its page, WSL00004 from the search results: 5 pieces of budwood each."""
    page.goto("/accessions/WSL00003")
    before = _cart_size(page)
    form = page.locator("form.cart-add")
    form.locator("select[name=material]").select_option("budwood")
    form.locator("input[name=quantity]").fill("5")
    form.get_by_role("button", name="加入申请单").click()
    expect(page.get_by_role("alert")).to_contain_text("已加入申请单")
    assert _cart_size(page) == before + 1
    page.goto("/?q=WSL00004")
    page.locator(".cart-fields select[name=material]").select_option("budwood")
    page.locator(".cart-fields input[name=quantity]").fill("5")
    if screenshot:
        screenshot(page, "request-search-results-zh")
    page.get_by_role("button", name="加入申请单 WSL00004").click()
    expect(page.get_by_role("alert")).to_contain_text("已加入申请单")
    assert _cart_size(page) == before + 2


def _submit(page, screenshot=None) -> str:
    """Submit the cart (first without the MTA, which is refused); the new request's number."""
    page.goto("/cart/submit")
    page.fill("#name", "李研究员")
    page.fill("#institution", "西南大学园艺园林学院")
    page.select_option("#kind", "university")
    page.select_option("#intended_use", "breeding")
    page.fill("#address", "重庆市北碚区天生路2号")
    page.fill("#province", "重庆")
    page.fill("#email", "li@example.edu.cn")
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#e-mta_accepted")).to_have_text("提交申请须接受材料转移协议。")
    if screenshot:
        screenshot(page, "request-submit-mta-missing-zh")
    page.check("#mta_accepted")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url(re.compile(r"/requests/\d+$"))
    heading = page.locator("h1").inner_text()
    return re.search(r"R\d{4}-\d{5}", heading).group(0)


def test_a_researcher_fills_the_cart_and_submits_a_request(browser, live_server, log_in,
                                                           screenshot):
    context = browser.new_context(base_url=live_server, locale="zh-CN",
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, *RESEARCHER)
    _fill_cart(page, screenshot)
    page.goto("/cart")
    expect(page.locator("table.cart tbody tr")).to_have_count(2)
    expect(page.locator("table.cart")).to_contain_text("现可提供")
    screenshot(page, "request-cart-zh")
    page.set_viewport_size(PHONE)
    screenshot(page, "request-cart-phone-zh")
    page.set_viewport_size({"width": 1280, "height": 900})
    number = _submit(page, screenshot)
    expect(page.get_by_role("alert").first).to_contain_text(f"申请 {number} 已提交")
    expect(page.locator("h1")).to_contain_text("提交")
    assert _cart_size(page) == 0
    screenshot(page, "request-submitted-zh")
    page.goto("/requests")
    expect(page.locator("table.requests")).to_contain_text(number)
    context.close()


def test_a_curator_allocates_approves_ships_and_prints_the_dispatch_note(
        browser, live_server, log_in, screenshot):
    asker = browser.new_context(base_url=live_server, locale="zh-CN")
    page = asker.new_page()
    log_in(page, *RESEARCHER)
    _fill_cart(page)
    number = _submit(page)
    asker.close()

    context = browser.new_context(base_url=live_server, locale="zh-CN",
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, *CURATOR)
    page.goto("/requests")
    expect(page.locator("table.requests")).to_contain_text(number)
    page.get_by_role("link", name=number).click()
    page.get_by_role("button", name="审核中", exact=True).click()
    expect(page.locator("h1 .state")).to_have_text("审核中")
    forms = page.locator("form.allocate")
    expect(forms).to_have_count(2)
    proposed = [forms.nth(i).locator("input[name=lot]:checked").get_attribute("value")
                for i in range(2)]
    assert sorted(proposed) == ["BT-0003", "BT-0004"]
    screenshot(page, "request-allocation-zh")
    for lot in proposed:
        page.locator("form.allocate", has=page.locator(f"input[value='{lot}']:checked")) \
            .get_by_role("button", name="分配").click()
        expect(page.get_by_role("alert").first).to_contain_text(f"已从批次 {lot} 预留")
    expect(page.locator("tr.allocation-reserved")).to_have_count(2)
    page.get_by_role("button", name="已批准", exact=True).click()
    expect(page.locator("h1 .state")).to_have_text("已批准")
    page.fill("#note", "材料已备好")
    page.get_by_role("button", name="备货中", exact=True).click()
    expect(page.locator("h1 .state")).to_have_text("备货中")
    page.fill("#carrier", "顺丰速运")
    page.fill("#tracking_number", "SF1234567890")
    screenshot(page, "request-ship-form-zh")
    page.get_by_role("button", name="发货", exact=True).click()
    expect(page.locator("h1 .state")).to_have_text("已发货")
    expect(page.locator("section.history")).to_contain_text("材料已备好")
    screenshot(page, "request-shipped-zh")
    page.get_by_role("link", name="发货单").click()
    page.wait_for_url(re.compile(r"/dispatch-note$"))
    sheet = page.locator("article.sheet")
    for words in (number, "BT-0003", "BT-0004", "WSL00003", "WSL00004", "芽条", "5 支",
                  "李研究员", "重庆市北碚区天生路2号", "2026-1 版", "SF1234567890"):
        expect(sheet).to_contain_text(words)
    screenshot(page, "request-dispatch-note-zh")
    page.emulate_media(media="print")
    expect(page.locator(".screen-only")).to_be_hidden()
    page.emulate_media(media="screen")
    context.close()
