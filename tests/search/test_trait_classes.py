"""Classes of measured traits in the facets: on the demo catalogue, following a class's
link keeps exactly the accessions it counted, and the classes share out every match."""
from urllib.parse import quote, urlencode

import numpy as np
import pytest

from search import accession_index
from search.trait_classes import class_edges

MEASURED = ("HARVEST_DATE", "FRUIT_WEIGHT", "SSC")
SEARCHES = [{}, {"q": "李"}, {"species": "salicina"}, {"trait": "FLESH_COLOR:yellow|红色"},
            {"q": "脆", "trait": "SSC:12.."}]


def get(client, params: dict) -> dict:
    response = client.get("/api/v1/accessions?" + urlencode({**params, "per_page": 1}, doseq=True))
    assert response.status_code == 200, response.get_data(True)
    return response.get_json()


@pytest.mark.parametrize("params", SEARCHES)
def test_each_class_link_keeps_exactly_its_count(client, demo, index_dir, params):
    accession_index.rebuild()
    facets = get(client, params)["facets"]["traits"]
    for code in MEASURED:
        assert facets[code], code
        for trait_class in facets[code]:
            extra = [*([params["trait"]] if "trait" in params else []),
                     f"{code}:{trait_class['value']}"]
            narrowed = get(client, {**params, "trait": extra})
            assert narrowed["total"] == trait_class["count"], (code, trait_class)


def test_classes_share_out_every_accession_with_the_trait(client, demo, index_dir):
    body = get(client, {})
    for code in MEASURED:
        with_trait = get(client, {"trait": f"{code}:-1000..100000"})["total"]
        assert sum(c["count"] for c in body["facets"]["traits"][code]) == with_trait


def test_dates_are_labelled_as_month_and_day(client, demo, index_dir):
    classes = get(client, {})["facets"]["traits"]["HARVEST_DATE"]
    first = classes[0]["label"]
    assert len(first) == 11 and first[2] == "-" and first[5] == "–", first


def test_the_search_page_links_trait_classes(client, demo, index_dir):
    page = client.get("/?species=salicina").get_data(True)
    classes = get(client, {"species": "salicina"})["facets"]["traits"]["SSC"]
    link = quote(f"SSC:{classes[0]['value']}", safe=":")  # ':' may stay as it is in a query
    assert f"trait={link}" in page and classes[0]["label"] in page


@pytest.mark.parametrize("low, high, is_date, step", [
    (9.3, 18.7, False, 2.0), (12.0, 12.0, False, 1.0), (150.0, 240.0, True, 15.0),
    (-30.2, -18.1, False, 2.5), (0.31, 1.74, False, 0.25)])
def test_class_edges_are_round_steps_covering_the_range(low, high, is_date, step):
    edges = class_edges(low, high, is_date)
    assert edges[0] <= low and edges[-1] <= high < edges[-1] + step
    assert np.allclose(np.diff(edges), step)
