"""Ordinal traits as grades in a real browser: the accession page, a descriptor page, compare."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db


def test_accession_page_shows_grades_not_means(page, screenshot):
    page.goto("/accessions/WSL00001")
    vigour = page.locator("table.traits tr", has=page.locator("th a[href$='/TREE_VIGOR']"))
    expect(vigour.locator("td.grade").first).to_contain_text(re.compile(r"[弱中强] \([357]\)"))
    expect(vigour).not_to_contain_text("±")  # an ordinal score has no mean nor SD
    expect(page.locator("table.traits small.spread").first).to_contain_text(
        re.compile(r"\d+ (年中|次观测中) \d+ (年|次)："))
    chart = page.locator("svg.chart.grades").first
    expect(chart).to_be_visible()
    expect(chart.locator("rect.own")).to_have_count(1)
    page.locator("table.traits").scroll_into_view_if_needed()
    screenshot(page, "10e-accession-grades")


def test_descriptor_page_bars_link_to_the_search(page, screenshot):
    page.goto("/descriptors/FRUIT_CRACKING")
    bars = page.locator("svg.chart.grades rect")
    expect(bars).to_have_count(5)  # 无或极轻, 轻, 中等, 重, 极重
    screenshot(page, "10e-descriptor-grades")
    page.locator("ul.categories a.n").first.click()
    page.wait_for_url(re.compile(r"trait=FRUIT_CRACKING"))
    expect(page.locator("table.list tbody tr").first).to_be_visible()


def test_compare_states_the_rule_it_highlights_by(page, screenshot):
    page.goto("/compare?a=WSL00001,WSL00002,WSL00003")
    expect(page.locator("p.rule")).to_contain_text("10%")
    vigour = page.locator("table.compare tr.trait",
                          has=page.locator("th a[href$='/TREE_VIGOR']"))
    expect(vigour.locator("td.grade").first).to_contain_text(re.compile(r"[弱中强] \([357]\)"))
    expect(page.locator("table.compare small.hint").first).to_contain_text("相差超过")
    screenshot(page, "10e-compare-grades")
