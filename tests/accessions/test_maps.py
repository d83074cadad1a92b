"""Maps over HTTP: the vendored outlines are served, and the search result's map holds only
what the visitor may see, with wild collecting sites rounded for the public."""
import json
import re

import pytest

from germplasm.accounts.services import create_user
from search import accession_index
from tests.accounts.test_login import login


@pytest.fixture
def sites(make_accession, index_dir):
    make_accession(accenumb="MW1", accename="野李", sampstat="110",
                   declatitude="31.07512", declongitude="109.87643")
    make_accession(accenumb="MC1", accename="巫山脆李", sampstat="300",
                   declatitude="31.07512", declongitude="109.87643")
    make_accession(accenumb="MR1", accename="秘密李", restricted="Y",
                   declatitude="30.5", declongitude="108.25")
    make_accession(accenumb="MN1", accename="无坐标李")
    accession_index.rebuild()


def points(client, query: str = "") -> dict:
    response = client.get(f"/map/points.json{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_outline_files_are_served_and_revalidated(client):
    countries = client.get("/static/vendor/outlines/countries-110m.json")
    assert countries.status_code == 200
    topology = json.loads(countries.get_data())
    assert topology["type"] == "Topology"
    assert len(topology["objects"]["countries"]["geometries"]) > 150
    provinces = client.get("/static/vendor/outlines/china-provinces.geojson")
    lines = json.loads(provinces.get_data())
    assert lines["features"][0]["geometry"]["type"] == "MultiLineString"
    assert len(provinces.get_data()) < 150_000 and len(countries.get_data()) < 150_000
    again = client.get("/static/vendor/outlines/countries-110m.json",
                       headers={"If-None-Match": countries.headers["ETag"]})
    assert again.status_code == 304  # the browser keeps its copy and only asks if it changed
    script = client.get("/static/vendor/topojson-client/topojson-client.min.js")
    assert script.status_code == 200 and b"topojson" in script.get_data()


def test_accession_page_points_its_map_at_the_outlines(client, sites):
    page = client.get("/accessions/MC1").get_data(as_text=True)
    assert 'data-countries="/static/vendor/outlines/countries-110m.json"' in page
    assert 'data-provinces="/static/vendor/outlines/china-provinces.geojson"' in page
    assert "topojson-client.min.js" in page


def test_a_page_without_a_map_loads_no_outline(client, make_accession):
    make_accession(accenumb="NM1")
    page = client.get("/accessions/NM1").get_data(as_text=True)
    assert "outlines" not in page and "topojson" not in page and "leaflet.js" not in page


def test_results_map_holds_only_public_sites_wild_ones_rounded(client, sites):
    data = points(client)
    by_number = {p["accenumb"]: p for p in data["items"]}
    assert set(by_number) == {"MW1", "MC1"}  # no restricted one, none without coordinates
    assert data["total"] == 3 and data["located"] == 2
    wild, cultivar = by_number["MW1"], by_number["MC1"]
    assert (wild["lat"], wild["lon"], wild["rounded"]) == (31.1, 109.9, True)
    assert (cultivar["lat"], cultivar["lon"], cultivar["rounded"]) == (31.07512, 109.87643, False)
    assert wild["name"] == "野李" and wild["url"] == "/accessions/MW1"
    assert "31.075" not in json.dumps(wild)


def test_staff_see_restricted_and_exact_sites(client, sites):
    create_user("map.staff", "staff", "orchard-2026")
    login(client, "map.staff", "orchard-2026")
    by_number = {p["accenumb"]: p for p in points(client)["items"]}
    assert set(by_number) == {"MW1", "MC1", "MR1"}
    assert (by_number["MW1"]["lat"], by_number["MW1"]["rounded"]) == (31.07512, False)


def test_results_map_follows_the_search_query(client, sites):
    assert [p["accenumb"] for p in points(client, "?q=巫山脆李")["items"]] == ["MC1"]
    page = client.get("/map?q=巫山脆李&page=2")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and 'id="results-map"' in text
    points_url = re.search(r'data-points="([^"]*)"', text).group(1)
    assert points_url.startswith("/map/points.json?q=") and "page" not in points_url


def test_a_malformed_query_is_a_clear_400(client, sites):
    response = client.get("/map/points.json?trait=NOPE:1..2")
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["field"] == "trait"
    page = client.get("/map?trait=NOPE:1..2")
    assert page.status_code == 400 and "NOPE" in page.get_data(as_text=True)


def test_search_page_links_to_the_map_of_its_results(client, sites):
    page = client.get("/?q=巫山脆李").get_data(as_text=True)
    assert 'href="/map?q=' in page
