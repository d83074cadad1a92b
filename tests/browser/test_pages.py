"""Public pages in a real browser: search in Chinese, accession page, English, compare."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db


def search_wushan(page):
    page.goto("/search")
    box = page.locator("input[name=q]")
    box.fill("巫山脆李")
    box.press("Enter")
    page.wait_for_url(re.compile(r"\?q="))  # the form's action is "/", the search page
    return page.locator("table.list tbody tr", has_text="WSL00001")


def test_search_in_chinese(page, screenshot):
    row = search_wushan(page)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("巫山脆李")
    expect(row.locator("a[href='/accessions/WSL00001']")).to_be_visible()
    screenshot(page, "01-search-zh")


def test_open_accession_from_results(page, screenshot):
    search_wushan(page).get_by_role("link", name="WSL00001").click()
    page.wait_for_url("**/accessions/WSL00001")
    expect(page.locator("h1")).to_contain_text("巫山脆李")
    passport = page.locator("table.passport")
    expect(passport.locator("tr", has_text="种质库编号")).to_contain_text("WSL00001")
    expect(page.get_by_role("heading", name="性状")).to_be_visible()
    expect(page.locator("table.traits tbody tr").first).to_be_visible()
    screenshot(page, "02-accession-zh")


def test_switch_to_english_sticks(page, screenshot):
    page.goto("/accessions/WSL00001")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    page.locator("header a[hreflang=en]").click()
    page.wait_for_url("**/accessions/WSL00001?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("table.passport")).to_contain_text("Accession number")
    expect(page.get_by_role("heading", name="Passport data")).to_be_visible()
    screenshot(page, "03-accession-en")
    # The choice is kept in the session: a page opened without ?lang is still English.
    page.goto("/search?q=cuili")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("table.list thead")).to_contain_text("Accession number")
    expect(page.locator("header a[hreflang=zh-CN]")).to_have_text("中文")


def test_compare_two_accessions(page, screenshot):
    page.goto("/compare")
    box = page.locator("input[name=a]")
    box.fill("WSL00001,WSL00002")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/compare\?a=WSL00001"))
    head = page.locator("table.compare thead th")
    expect(head).to_have_count(3)  # the row labels, then one column per accession
    expect(head.nth(1)).to_contain_text("WSL00001")
    expect(head.nth(1)).to_contain_text("巫山脆李")
    expect(head.nth(2)).to_contain_text("WSL00002")
    expect(page.locator("table.compare tbody tr.trait").first).to_be_visible()
    screenshot(page, "04-compare")


def test_a_harvest_date_class_narrows_to_its_count(page, screenshot):
    page.goto("/search?q=李")
    classes = page.locator("aside.facets ul.trait-classes").first
    link = classes.locator("li a").first
    count = classes.locator("li .num").first.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"trait=HARVEST_DATE"))
    expect(page.locator("section.results > p").first).to_contain_text(
        re.compile(rf"(^|\D){count} "))
    screenshot(page, "08-harvest-class")
