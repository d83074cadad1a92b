"""The search page says what is true: facet counts beside their own labels, active filters
shown as removable chips, no hidden filters, the trait panel and the language switch in step
with the URL (issue 10)."""
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _query(url: str) -> list[tuple[str, str]]:
    return sorted(parse_qsl(urlsplit(url).query))


def _misplaced_counts(page) -> list[str]:
    """Facet items whose count is not on the first line of its own label."""
    wrong = []
    for item in page.locator("aside.facets li").all():
        label = item.locator("a").bounding_box()
        count = item.locator(".num").bounding_box()
        line = item.locator(".num").evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        first_line_middle = label["y"] + min(label["height"], line) / 2
        beside = count["x"] >= label["x"] + label["width"] - 1
        on_first_line = count["y"] <= first_line_middle <= count["y"] + count["height"]
        if not (beside and on_first_line):
            wrong.append(item.inner_text().replace("\n", " "))
    return wrong


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_every_facet_count_sits_beside_its_own_label(page, screenshot, lang, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"/search?q=李&lang={lang}")
    expect(page.locator("aside.facets li").first).to_be_visible()
    assert page.locator("aside.facets li").count() > 10
    screenshot(page, f"10a-facets-{lang}-{viewport['width']}")
    assert _misplaced_counts(page) == []


def test_a_facet_click_shows_a_chip_that_removes_only_it(page, screenshot):
    page.goto("/search?q=李&t0=SSC&t0min=10")
    page.locator("aside.facets h2", has_text="按省份").locator("+ ul li a").first.click()
    page.wait_for_url(re.compile(r"province="))
    chips = page.locator("ul.chips li")
    expect(chips).to_have_count(3)  # text, SSC range, province
    expect(page.locator("ul.chips")).to_contain_text("李")
    expect(page.locator("ul.chips")).to_contain_text("可溶性固形物")
    screenshot(page, "10b-chips")
    before = _query(page.url)
    chips.filter(has_text="省份").locator("a").click()
    page.wait_for_url(lambda url: "province=" not in url)
    assert _query(page.url) == [p for p in before if p[0] != "province"]
    expect(chips).to_have_count(2)


def test_a_new_text_search_after_a_province_facet_is_not_limited_by_it(page):
    page.goto("/search?q=李")
    page.locator("aside.facets h2", has_text="按省份").locator("+ ul li a").first.click()
    page.wait_for_url(re.compile(r"province="))
    assert page.locator("form.search-form input[type=hidden][name=province]").count() == 0
    box = page.locator("input[name=q]")
    box.fill("Prunus")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=Prunus"))
    assert "province=" not in page.url
    expect(page.locator("ul.chips li")).to_have_count(1)  # the text alone


def test_a_trait_facet_link_fills_the_trait_panel(page, screenshot):
    page.goto("/search?q=李")
    page.locator("aside.facets ul.trait-classes").first.locator("li a").first.click()
    page.wait_for_url(re.compile(r"trait=HARVEST_DATE"))
    low, high = dict(_query(page.url))["trait"].split(":", 1)[1].split("..")
    panel = page.locator("form.search-form details").first
    expect(panel).to_have_attribute("open", "")
    expect(panel.locator("select[name=t0]")).to_have_value("HARVEST_DATE")
    expect(panel.locator("input[name=t0min]")).to_have_value(low)
    expect(panel.locator("input[name=t0max]")).to_have_value(high)
    screenshot(page, "10c-trait-panel")
    total = page.locator("section.results > p").first.inner_text()
    page.locator("form.search-form button[type=submit]").click()  # the same search again
    page.wait_for_url(re.compile(r"t0=HARVEST_DATE"))
    assert "trait=" not in page.url
    expect(page.locator("section.results > p").first).to_have_text(total)
    expect(page.locator("ul.chips li")).to_have_count(2)


def test_a_category_filter_checks_its_box_and_has_a_chip(page):
    page.goto("/search?trait=FLESH_COLOR:yellow")
    box = page.locator("input[name=c_FLESH_COLOR][value='5']")
    expect(box).to_be_checked()
    expect(page.locator("ul.chips")).to_contain_text("黄色")


def test_the_language_switch_keeps_the_query(page, screenshot):
    page.goto("/search?q=李&species=Prunus%20salicina")
    page.locator("header a[hreflang=en]").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert ("q", "李") in _query(page.url) and ("species", "Prunus salicina") in _query(page.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("ul.chips")).to_contain_text("Prunus salicina")
    screenshot(page, "10d-chips-en")
    page.locator("header a[hreflang=zh-CN]").click()
    page.wait_for_url(re.compile(r"lang=zh_CN"))
    assert ("species", "Prunus salicina") in _query(page.url)
    assert [k for k, _ in _query(page.url)].count("lang") == 1
