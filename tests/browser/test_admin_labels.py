"""The admin in a real browser: the accession form in Chinese with each field's MCPD code,
English after the switch, and a bad institute code answered beside its field."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ADMIN

pytestmark = pytest.mark.no_db


def field(page, name: str):
    """A form field's group: label, input and hint."""
    return page.locator("div.form-group", has=page.locator(f"[name={name}]"))


def open_accession_form(page, number: str) -> None:
    page.goto(f"/admin/accessions/?search={number}")
    page.locator("table.model-list a[href*='/admin/accessions/edit/']").first.click()
    page.wait_for_url("**/admin/accessions/edit/**")


def test_the_accession_form_in_chinese_with_mcpd_codes(page, log_in, screenshot):
    log_in(page, *ADMIN)
    open_accession_form(page, "WSL00001")
    site = field(page, "COLLSITE")
    expect(site.locator("label")).to_have_text("采集地点")
    expect(site.locator("small")).to_have_text("COLLSITE")
    expect(field(page, "ACQDATE").locator("small")).to_have_text("ACQDATE · YYYYMMDD")
    expect(field(page, "ORIGCTY").locator("label")).to_have_text("原产国")
    expect(page.locator("a.navbar-brand")).to_have_text("种质库管理")
    screenshot(page, "10-admin-accession-form-zh")
    page.goto(page.url + "&lang=en")
    expect(field(page, "COLLSITE").locator("label")).to_have_text("Collecting site")
    expect(page.locator("a.navbar-brand")).to_have_text("Germplasm admin")
    page.goto("/admin/?lang=zh_CN")  # the session's language back for the next tests


def test_the_accession_list_headers_carry_the_code_as_a_hint(page, log_in, screenshot):
    log_in(page, *ADMIN)
    page.goto("/admin/accessions/")
    header = page.locator("th.col-accenumb")
    expect(header).to_contain_text("种质库编号")
    # Bootstrap's tooltip script moves the title to data-original-title.
    expect(header.locator("[title=ACCENUMB], [data-original-title=ACCENUMB]")).to_have_count(1)
    # The filters' data reaches flask-admin's script (sent as a JSON block): a SAMPSTAT
    # filter offers its codes with Chinese labels.
    page.get_by_text("添加筛选器").click()
    page.locator("a.filter", has_text="种质类型").click()
    options = page.locator("table.filters select.filter-val option")
    expect(options.filter(has_text="100 野生")).to_have_count(1)
    expect(options.filter(has_text="Wild")).to_have_count(0)
    screenshot(page, "10-admin-accession-list-zh")


def test_a_malformed_institute_code_is_answered_beside_the_field(page, log_in, screenshot):
    log_in(page, *ADMIN)
    page.goto("/admin/institutes/new/")
    page.fill("input[name=code]", "CN-12")
    page.fill("input[name=name_zh]", "测试单位")
    page.locator("input[type=submit]").first.click()
    code = field(page, "code")
    expect(code).to_contain_text("CN-12 不是 FAO WIEWS 代码")
    expect(page.locator(".alert-danger").first).to_contain_text("未保存")
    screenshot(page, "10-admin-institute-refused")
