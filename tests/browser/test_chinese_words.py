"""Chinese pages in a real browser, text drawn by scripts included: pedigree roles, name types,
scale types, units and date percentiles read as Chinese words; no drafting notes."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db
ENGLISH_VOCABULARY = re.compile(r"\b(female|male|parent|registered|synonym|pinyin|chinese|"
                                r"Numerical|Ordinal|Nominal|flowers/bud|years|proposal)\b")


def shown_text(page) -> str:
    return page.locator("body").inner_text()


def test_accession_page_speaks_chinese(page, screenshot):
    page.goto("/accessions/WSL00007")  # 巫山脆李 × Santa Rosa, with a harvest date
    pedigree = page.locator("section", has=page.get_by_role("heading", name="系谱"))
    expect(pedigree).to_contain_text("母本：")
    expect(pedigree).to_contain_text("父本：")
    expect(page.locator("ul.names")).to_contain_text("登记名")  # WS09-001, a breeding line
    harvest = page.locator(".charts figure", has_text="果实成熟期")
    expect(harvest).to_contain_text("晚于")  # a later date, not 高于 ('above')
    expect(harvest).not_to_contain_text("高于")
    assert not ENGLISH_VOCABULARY.findall(shown_text(page))
    screenshot(page, "10-zh-accession-pedigree")


def test_descriptor_pages_speak_chinese(page, screenshot):
    page.goto("/descriptors/")
    table = page.locator("table.list").first
    expect(table).to_contain_text("类别")
    expect(page.locator("body")).to_contain_text("朵/芽")
    assert not ENGLISH_VOCABULARY.findall(shown_text(page))
    screenshot(page, "10-zh-descriptors")
    page.goto("/descriptors/TREE_GROWTH_HABIT")
    expect(page.locator("table.passport")).to_contain_text("类别")
    text = shown_text(page)
    assert "[U]" not in text and not ENGLISH_VOCABULARY.findall(text)
    screenshot(page, "10-zh-descriptor")
