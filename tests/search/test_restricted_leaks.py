"""Restricted accessions leave no trace for the public: not through pedigree links, public
figures (counts, histograms, facet classes, z-scores) or whether fuzzy matching runs.

The catalogue fixture's S006 is restricted: SSC 14.5, harvested 07-08 (the earliest), yellow.
"""
import re

import pytest

from germplasm.accounts.services import create_user
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from search import accession_index
from tests.accounts.test_login import login


@pytest.fixture
def staff(client):
    create_user("curator.wu", "staff", "orchard-2026")
    login(client, "curator.wu", "orchard-2026")
    return client


def test_a_restricted_parent_is_not_linked_from_its_public_child(client, make_accession):
    make_accession(accenumb="RP1", accename="Secret Mother", restricted="Y")
    make_accession(accenumb="PC1", accename="Open Child", ancest="Secret Mother/Santa Rosa")
    page = client.get("/accessions/PC1").get_data(as_text=True)
    assert "/accessions/RP1" not in page and "RP1" not in page
    assert "Secret Mother" in page  # the child's own ANCEST text, as written


def test_restricted_progeny_is_not_listed_on_a_public_parent(client, make_accession):
    make_accession(accenumb="PP1", accename="Open Parent")
    make_accession(accenumb="RC1", accename="Secret Child", ancest="Open Parent", restricted="Y")
    make_accession(accenumb="PC2", accename="Open Child Two", ancest="Open Parent")
    page = client.get("/accessions/PP1").get_data(as_text=True)
    assert "RC1" not in page and "Secret Child" not in page
    assert 'href="/accessions/PC2"' in page


def test_staff_see_restricted_relatives(staff, make_accession):
    make_accession(accenumb="RP2", accename="Secret Mother Two", restricted="Y")
    make_accession(accenumb="PC3", accename="Child Three", ancest="Secret Mother Two")
    assert 'href="/accessions/RP2"' in staff.get("/accessions/PC3").get_data(as_text=True)
    assert 'href="/accessions/PC3"' in staff.get("/accessions/RP2").get_data(as_text=True)


def _collection_size(page: str) -> int:
    return int(re.search(r"(\d+) (?:份种质|accessions)", page).group(1))


def test_descriptor_page_counts_public_accessions_only(client, staff, catalogue):
    public = client.__class__(client.application)
    assert _collection_size(public.get("/descriptors/SSC").get_data(as_text=True)) == 5
    assert _collection_size(staff.get("/descriptors/SSC").get_data(as_text=True)) == 6
    colours = public.get("/descriptors/FLESH_COLOR").get_data(as_text=True)
    assert _collection_size(colours) == 5  # S006 (yellow) is not counted


def test_histogram_range_stops_at_the_public_values(client, staff, catalogue):
    public = client.__class__(client.application)
    page = public.get("/descriptors/HARVEST_DATE").get_data(as_text=True)
    assert ">07-12</text>" in page and "07-08" not in page  # S006 ripens 07-08
    assert ">07-08</text>" in staff.get("/descriptors/HARVEST_DATE").get_data(as_text=True)


def test_accession_page_percentiles_count_public_accessions(client, catalogue):
    page = client.get("/accessions/S001?lang=en").get_data(as_text=True)
    assert "of 5 accessions" in page and "of 6 accessions" not in page


def test_facet_classes_are_shaped_by_public_values_only(client, make_accession, catalogue):
    public = make_accession(accenumb="S008", accename="Fourteen")
    campaign, _ = campaigns.get_or_create("2026 评价", 2026)
    ssc = descriptors_by_code(["SSC"])[0]
    value = ValueParser(ssc).parse("14.2")
    record(campaign, [NewObservation(accession_id=public.id, descriptor=ssc, value=value)],
           user="tests", source="test")
    db.session.commit()
    facets = client.get("/api/v1/accessions").get_json()["facets"]["traits"]
    bounds = [f["value"] for f in facets["SSC"]]
    assert "14..14.2" in bounds  # not 14..14.5, restricted S006's value
    assert sum(f["count"] for f in facets["SSC"]) == 6


def test_screening_scores_ignore_restricted_values(client, catalogue):
    body = client.get("/api/v1/screening?trait=SSC:%2B1").get_json()
    public = [13.5, 12.0, 16.0, 15.0, 17.5]
    mean = sum(public) / 5
    sd = (sum((v - mean) ** 2 for v in public) / 4) ** 0.5
    top = body["items"][0]["contributions"]["SSC"]
    assert top["z"] == round((17.5 - mean) / sd, 3)


def test_fuzzy_matching_does_not_reveal_restricted_words(client, make_accession, index_dir):
    make_accession(accenumb="FZ1", accename="Zorbatika", restricted="Y")
    make_accession(accenumb="FZ2", accename="Zorbatiko")
    db.session.commit()
    accession_index.rebuild()

    def found(text):
        return [i["accenumb"] for i in client.get(f"/api/v1/accessions?q={text}")
                .get_json()["items"]]
    # A word only a restricted record holds behaves exactly like a word nobody holds.
    assert found("Zorbatika") == found("Zorbatiku") == ["FZ2"]
