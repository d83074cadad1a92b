"""Elite screening in a real browser: from a search to the screening form, a selection index
with a target date typed as 7月20日, the ranked table checked for the selection, the extremes,
and a bad row named in Chinese."""
import re


def index_values(page) -> list[float]:
    cells = page.locator("table.screening tbody td:nth-child(6)")
    return [float(text) for text in cells.all_inner_texts()]


def test_screen_a_search_by_an_index_and_its_extremes(page, screenshot):
    page.goto("/?species=Prunus salicina")
    page.get_by_role("link", name="筛选这些种质").click()
    page.wait_for_url(re.compile(r"/screening\?"))
    assert page.locator(".screening-form .chip").count() >= 1  # the species filter, kept
    page.select_option("select[name=s0]", "SSC")
    page.fill("input[name=s0w]", "2")
    page.select_option("select[name=s1]", "HARVEST_DATE")
    page.select_option("select[name=s1dir]", "~")
    page.fill("input[name=s1target]", "7月20日")
    page.select_option("select[name=s2]", "FRUIT_CRACKING")
    page.select_option("select[name=s2dir]", "-")
    page.get_by_role("button", name="按选择指数排序").click()
    page.wait_for_selector("table.screening")
    values = index_values(page)
    assert len(values) > 5 and values == sorted(values, reverse=True)
    assert page.locator("table.screening thead").inner_text().count("贡献") == 3
    assert "≈ 07-20" in page.locator("table.screening thead").inner_text()
    boxes = page.locator("form.to-selection input[name=accenumb]")
    assert boxes.count() == len(values) and all(
        boxes.nth(i).is_checked() for i in range(boxes.count()))
    assert page.locator("form.to-selection").get_attribute("action") == "/selection/add"
    screenshot(page, "10-screening-index")

    page.select_option("select[name=xcode]", "HARVEST_DATE")
    page.select_option("select[name=xend]", "bottom")
    page.fill("input[name=xn]", "5")
    page.get_by_role("button", name="列出极端值").click()
    page.wait_for_url(re.compile(r"mode=extreme"))
    days = page.locator("table.screening tbody td:nth-child(6)").all_inner_texts()
    assert len(days) >= 5 and days == sorted(days)  # the earliest, MM-DD ascending
    screenshot(page, "10-screening-extremes")
    page.locator("form.to-selection input[name=accenumb]").nth(4).uncheck()
    page.get_by_role("button", name="将勾选的种质加入我的选集").click()
    page.wait_for_url(re.compile(r"/screening\?.*mode=extreme"))  # back to the same table
    assert re.search(r"选集\s*\(4\)", page.locator("header nav").inner_text())


def test_a_bad_row_is_named_in_chinese(page, screenshot):
    page.goto("/screening?s0=SSC&s0w=2&s1=HARVEST_DATE&s1dir=~&s1target=13月40日&mode=index")
    alert = page.locator("p.flash.error")
    assert "第 2 行，目标值" in alert.inner_text()
    assert page.locator("tr.invalid select[name=s1]").count() == 1
    screenshot(page, "10-screening-bad-row")


def test_the_english_page(page, screenshot):
    page.goto("/screening?lang=en&origin=CHN&s0=FRUIT_WEIGHT&s0w=1&s1=HARVEST_DATE&s1dir=~"
              "&s1target=0720&s1w=2&mode=index")
    head = page.locator("table.screening thead").inner_text()
    assert "Rank" in head and "Index" in head and "Contribution" in head and "≈ 07-20" in head
    assert page.locator(".chip", has_text="Origin").count() == 1
    assert page.get_by_role("button", name="Add the checked accessions to my selection").count()
    screenshot(page, "10-screening-index-en")
