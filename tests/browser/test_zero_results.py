"""A search that finds nothing, in a real browser: it says so and offers what was meant
(a misspelt taxon, a trait word), and a filter nothing can pass is explained, not emptied."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db


def search_for(page, text: str) -> None:
    page.goto("/search")
    box = page.locator("input[name=q]")
    box.fill(text)
    box.press("Enter")
    page.wait_for_url(re.compile(r"\?q="))


def test_a_misspelt_taxon_offers_the_real_one(page, screenshot):
    search_for(page, "Prunus salicna")
    found = page.locator("section.nothing-found")
    expect(found.get_by_role("heading", name="没有找到种质")).to_be_visible()
    link = found.get_by_role("link", name="Prunus salicina")
    expect(link).to_be_visible()
    screenshot(page, "zero-results-taxon-zh")
    link.click()
    page.wait_for_url(re.compile(r"species=Prunus"))
    expect(page.locator("table.list tbody tr").first).to_contain_text("Prunus salicina")


def test_a_trait_word_offers_its_filter(page, screenshot):
    search_for(page, "黄肉 早熟")
    found = page.locator("section.nothing-found")
    expect(found.get_by_role("heading", name="您是不是要按性状筛选")).to_be_visible()
    link = found.get_by_role("link", name=re.compile("果肉颜色：黄色")).first
    expect(link).to_be_visible()
    screenshot(page, "zero-results-traits-zh")
    link.click()
    page.wait_for_url(re.compile(r"trait=FLESH_COLOR"))
    expect(page.locator("table.list tbody tr").first).to_be_visible()


def test_an_impossible_filter_is_explained(page, screenshot):
    page.goto("/?t0=SSC&t0min=140")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("超出该性状的取值范围")
    screenshot(page, "trait-filter-out-of-scale-zh")
    page.goto("/?t0=HARVEST_DATE&t0max=7月20日&lang=en")
    expect(page.locator("table.list tbody tr").first).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
