"""The accession page's change history in a real browser: staff see who changed what, when,
from what to what; the public see no history at all."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db


def test_staff_see_the_history_and_the_public_do_not(page, log_in, screenshot):
    page.goto("/accessions/WSL00003")
    expect(page.locator("h1")).to_be_visible()
    expect(page.get_by_role("heading", name="修改记录")).to_have_count(0)
    log_in(page)
    page.goto("/accessions/WSL00003")
    history = page.locator("section", has=page.get_by_role("heading", name="修改记录"))
    expect(history).to_be_visible()
    rows = history.locator("tbody tr")
    assert rows.count() >= 1
    first = rows.first.inner_text()
    assert "新建" in first or "修改" in first, first  # the action, in Chinese
    expect(history).to_contain_text("演示数据")  # the demo's source, as words
    screenshot(page, "10-accession-history-zh")
