"""The ripening calendar in a real browser: the count is stated, the pager reaches every row
and keeps the search, each row names its accession, and each mean's dot is drawn inside its
harvest window (none lost between weeks)."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db
DRAWN = """() => [...document.querySelectorAll('table.calendar tbody tr')].map(row => {
  const box = selector => row.querySelector(selector).getBoundingClientRect();
  const window = box('.window'), mean = box('.mean');
  return {number: row.querySelector('th a').textContent,
          name: row.querySelector('td.names').textContent.trim(),
          from: window.left, to: window.right, dot: (mean.left + mean.right) / 2,
          size: mean.width};
})"""


def test_every_row_is_named_and_its_mean_drawn_inside_its_window(page, screenshot):
    page.goto("/calendar?q=李")
    count = page.locator("p.calendar-count")
    expect(count).to_contain_text(re.compile(r"第 1–100 条，共 (\d{3}) 条"))
    total = int(re.search(r"共 (\d+) 条", count.inner_text()).group(1))
    rows = page.evaluate(DRAWN)
    assert len(rows) == 100
    assert sum(row["name"] != "—" for row in rows) > 50  # a dash where none is recorded
    for row in rows:
        assert row["name"] and row["size"] >= 6, row
        assert row["from"] - 0.5 <= row["dot"] <= row["to"] + 0.5, row
    screenshot(page, "10-calendar-zh")
    page.locator("nav.calendar-pager").first.get_by_role("link", name=str(-(-total // 100)),
                                                         exact=True).click()
    page.wait_for_url(re.compile(r"q=%E6%9D%8E.*page=|page=.*q=%E6%9D%8E"))
    expect(count).to_contain_text(f"共 {total} 条")
    last = page.evaluate(DRAWN)
    assert len(last) == total - (total - 1) // 100 * 100
    assert not {r["number"] for r in last} & {r["number"] for r in rows}


def test_the_calendar_speaks_english(page, screenshot):
    page.goto("/calendar?q=李&lang=en")
    expect(page.locator("p.calendar-count")).to_contain_text(re.compile(r"Rows 1–100 of \d+\."))
    expect(page.locator("table.calendar thead")).to_contain_text("Harvest window")
    dot = page.locator("table.calendar tbody tr .mean").first
    expect(dot).to_have_attribute("title",
                                  re.compile(r"^Mean \d\d-\d\d \(day [\d.]+ of the year\)$"))
    screenshot(page, "10-calendar-en")
