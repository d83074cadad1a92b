"""/api/docs: the API's interactive documentation renders from vendored files alone (no
request leaves the server, no CSP violation), lists the endpoints and can call one."""
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_content_security_policy import watch_violations

pytestmark = pytest.mark.no_db


def test_the_docs_render_offline_and_try_an_endpoint(page, live_server, screenshot):
    violations = watch_violations(page)
    outside = []

    def only_our_server(route):
        if urlsplit(route.request.url).netloc != urlsplit(live_server).netloc:
            outside.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", only_our_server)
    page.goto("/api/docs")
    expect(page).to_have_title(re.compile("API 文档"))
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("李种质资源共享平台")
    search = page.locator("#operations-search-searchAccessions")
    expect(search).to_contain_text("/api/v1/accessions")
    expect(page.locator("#operations-search-screenAccessions")).to_be_visible()
    search.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    search.locator("tr[data-param-name='q'] input").fill("李")
    page.get_by_role("button", name="Execute").click()
    code = search.locator(".live-responses-table tbody td.response-col_status").first
    expect(code).to_have_text("200")
    expect(search.locator(".live-responses-table")).to_contain_text('"total"')
    screenshot(page, "api-docs")
    assert outside == [] and violations == []


def test_the_docs_page_switches_to_english(page):
    page.goto("/")
    page.locator("footer").get_by_role("link", name="API 文档").click()  # every page links it
    expect(page).to_have_url(re.compile("/api/docs$"))
    page.get_by_role("link", name="English").click()
    expect(page).to_have_title(re.compile("API documentation"))
    expect(page.locator("main h1")).to_have_text("API documentation")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Plum Germplasm")
