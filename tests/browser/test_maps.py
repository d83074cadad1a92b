"""The maps draw the vendored outlines (countries and China's provinces) in a real browser,
with nothing fetched beyond the test server: the accession page's collecting site and the map
of a search result's collecting sites."""
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db


@pytest.fixture
def offline(page, live_server):
    """Abort every request that leaves the test server; return the list of those asked for."""
    own, outside = urlsplit(live_server).netloc, []

    def handle(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    page.route("**/*", handle)
    return outside


def outline_paths(page, selector: str) -> int:
    expect(page.locator(f"{selector}[data-drawn='1']")).to_have_count(1)
    return page.locator(f"{selector} .leaflet-outlines-pane path").count()


def test_accession_map_draws_countries_and_provinces(page, offline, screenshot):
    page.goto("/accessions/WSL00001")
    assert outline_paths(page, "#map") > 100  # the world's countries, then province lines
    assert page.locator("#map .leaflet-overlay-pane path").count() == 1  # the site
    screenshot(page, "map-accession-outlines")
    assert offline == []


def test_results_map_draws_every_located_result(page, offline, screenshot):
    page.goto("/?q=李")
    page.get_by_role("link", name="采集地地图").click()
    page.wait_for_url("**/map?q=*")
    assert outline_paths(page, "#results-map") > 100
    expect(page.locator("#results-map[data-sites]")).to_have_count(1)
    sites = int(page.locator("#results-map").get_attribute("data-sites"))
    assert sites > 10
    assert page.locator("#results-map .leaflet-overlay-pane path").count() == sites
    assert f"有 {sites} 份带采集地坐标" in page.locator("main").inner_text()
    screenshot(page, "map-search-results")
    assert offline == []
