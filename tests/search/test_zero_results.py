"""A search that finds nothing says so, and offers what was probably meant: the closest
names and taxa, and the trait filter an everyday word stands for; never a restricted record."""
import pytest

from germplasm.accounts.services import create_user
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from search import accession_index
from search.params import descriptor_table
from search.query import parse_trait
from search.trait_words import TRAIT_WORDS
from tests.accounts.test_login import login


def sign_in_as_staff(client):
    create_user("curator.wu", "staff", "orchard-2026")
    login(client, "curator.wu", "orchard-2026")


def api(client, query: str) -> dict:
    response = client.get(f"/api/v1/accessions?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()


@pytest.mark.parametrize("typo,species", [("Prunus salicna", "Prunus salicina"),
                                          ("domestca", "Prunus domestica"),
                                          ("cerasifra", "Prunus cerasifera")])
def test_a_misspelt_taxon_is_offered_as_a_species_filter(client, catalogue, make_accession,
                                                          typo, species):
    make_accession(accenumb="C001", accename="Myrobalan", species="cerasifera")
    body = api(client, f"q={typo}")
    assert body["total"] == 0
    offered = body["suggestions"]["taxa"]
    assert offered and offered[0]["species"] == species and offered[0]["q"] == ""
    epithet = species.split()[1]
    assert api(client, f"species={epithet}")["total"] >= 1


def test_the_closest_names_are_offered(client, catalogue):
    body = api(client, "q=Santa Rossaa Negra")
    assert body["total"] == 0
    names = {s["name"] for s in body["suggestions"]["names"]}
    assert "Santa Rosa" in names or "Rosa Negra" in names


def test_a_restricted_name_is_never_offered_to_the_public(client, catalogue):
    body = api(client, "q=青脆梨")
    assert body["total"] == 0
    assert "青脆李" not in {s["name"] for s in body["suggestions"]["names"]}
    sign_in_as_staff(client)
    staff = api(client, "q=青脆梨")
    assert "青脆李" in {s["name"] for s in staff["suggestions"]["names"]}


def test_trait_words_become_trait_filters_counted_over_the_visible(client, catalogue):
    body = api(client, "q=黄肉")
    assert body["total"] == 0
    offer = body["suggestions"]["traits"][0]
    assert offer["trait"] == ["FLESH_COLOR:5"] and offer["q"] == ""
    assert offer["count"] == 3  # S001, S003 and S004 (code 5); S006 is restricted
    assert offer["label"] == "果肉颜色：黄色"
    found = api(client, "trait=FLESH_COLOR:5")
    assert {i["accenumb"] for i in found["items"]} == {"S001", "S003", "S004"}
    sign_in_as_staff(client)
    assert api(client, "q=黄肉")["suggestions"]["traits"][0]["count"] == 4


def test_two_trait_words_are_offered_together_first(client, catalogue):
    body = api(client, "q=黄肉 大果&lang=en")
    offers = body["suggestions"]["traits"]
    assert offers[0]["trait"] == ["FLESH_COLOR:5", "FRUIT_WEIGHT:60.."]
    assert offers[0]["count"] == 1  # S004 is yellow (5) and weighs 60 g
    assert [o["trait"] for o in offers[1:]] == [["FLESH_COLOR:5"], ["FRUIT_WEIGHT:60.."]]
    assert offers[2]["label"] == "Mean fruit weight ≥ 60 g"


def test_early_ripening_means_an_early_harvest_date(client, catalogue, make_accession):
    early = make_accession(accenumb="E001", accename="Oishi-wase")
    campaign, _ = campaigns.get_or_create("2026 评价", 2026)
    (harvest,) = descriptors_by_code(["HARVEST_DATE"])
    record(campaign, [NewObservation(accession_id=early.id, descriptor=harvest,
                                     value=ValueParser(harvest).parse("2026-06-15", 2026))],
           user="tests", source="test")
    db.session.commit()
    accession_index.rebuild()
    for word in ("早熟", "early"):
        offer = api(client, f"q={word}")["suggestions"]["traits"][0]
        assert offer["trait"] == ["HARVEST_DATE:..06-30"] and offer["count"] == 1
    assert [i["accenumb"] for i in api(client, "trait=HARVEST_DATE:..06-30")["items"]] == [
        "E001"]


def test_a_search_that_finds_something_offers_nothing(client, catalogue):
    assert "suggestions" not in api(client, "q=cuili")


def test_every_trait_word_names_a_real_filter(app, catalogue):
    descriptors = descriptor_table()
    for _, expression in TRAIT_WORDS:
        parse_trait(expression, descriptors)  # raises QueryProblem if the code or label is wrong
