"""Downloads from the search page in a real browser: named after the search and the day, a CSV
with the BOM Excel needs, an .xlsx with numbers as numbers and a frozen header."""
import re
from datetime import date

from openpyxl import load_workbook


def download(page, label: str, folder):
    with page.expect_download() as info:
        page.locator("a[download]", has_text=label).first.click()
    saved = folder / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


def dated(name: str, pattern: str, before: date) -> bool:
    match = re.fullmatch(pattern, name)
    return bool(match) and match.group(1) in {before.isoformat(), date.today().isoformat()}


def test_search_downloads_are_named_and_open_right_in_excel(page, screenshot, tmp_path):
    before = date.today()
    page.goto("/?q=李&col=SSC&col=HARVEST_DATE")
    screenshot(page, "10a-search-export-links")
    workbook = download(page, "Excel", tmp_path)
    assert dated(workbook.name, r"plum-search-李-(\d{4}-\d\d-\d\d)\.xlsx", before), workbook.name
    sheet = load_workbook(workbook).active
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    ssc = [row[header.index("可溶性固形物含量")] for row in sheet.iter_rows(min_row=2)]
    assert {c.data_type for c in ssc if c.value is not None} == {"n"}
    table = download(page, "CSV", tmp_path)
    assert dated(table.name, r"plum-search-李-(\d{4}-\d\d-\d\d)\.csv", before), table.name
    assert table.read_bytes().startswith(b"\xef\xbb\xbf")
    mcpd = download(page, "MCPD", tmp_path)
    assert dated(mcpd.name, r"plum-mcpd-李-(\d{4}-\d\d-\d\d)\.csv", before), mcpd.name
    assert mcpd.read_bytes().startswith(b"\xef\xbb\xbfPUID,INSTCODE,ACCENUMB")
