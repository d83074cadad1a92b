"""The Content-Security-Policy forbids inline scripts, and every page still works under it:
no violation reported, the map drawn, the entry form's checks and the admin's confirmations."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ADMIN

pytestmark = pytest.mark.no_db
PUBLIC_PAGES = ("/", "/?q=李&trait=SSC:12..", "/accessions/WSL00001", "/catalogue",
                "/calendar", "/compare?a=WSL00001,WSL00002", "/descriptors/",
                "/descriptors/SSC", "/login")


def watch_violations(page) -> list[str]:
    """Console errors about the policy, and the page's own violation events."""
    seen = []
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text
            or "Refused to" in m.text else None)
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.error('Refused to ' + e.violatedDirective + ' ' + e.blockedURI))")
    return seen


def test_public_pages_run_without_a_single_violation(page, screenshot):
    violations = watch_violations(page)
    for path in PUBLIC_PAGES:
        response = page.goto(path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    page.goto("/accessions/WSL00001")
    expect(page.locator("#map.leaflet-container")).to_be_visible()  # Leaflet ran from files
    screenshot(page, "csp-accession-map")
    assert violations == []


def test_staff_entry_form_checks_in_place_under_the_policy(page, log_in):
    violations = watch_violations(page)
    log_in(page)
    page.goto("/campaigns/")
    page.get_by_role("link", name="2026 浏览器测试").click()
    page.locator("a[href*='/entry/WSL00001']").first.click()
    page.fill("input[name=FRUIT_WEIGHT]", "9999")
    page.keyboard.press("Tab")
    expect(page.locator("#e-FRUIT_WEIGHT")).not_to_be_empty()  # entry.js ran
    assert violations == []


def test_admin_delete_asks_first_under_the_policy(page, log_in, screenshot):
    violations = watch_violations(page)
    log_in(page, *ADMIN)
    page.goto("/admin/accessions/?search=WSL00003")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("form.icon button").first.click()
    page.wait_for_timeout(300)
    assert asked, "the delete button asked for no confirmation"
    expect(page.locator("table.model-list")).to_contain_text("WSL00003")  # dismissed: still there
    screenshot(page, "csp-admin-list")
    assert violations == []
