"""Finding accessions by what they are called: Chinese, pinyin, English, misspelt."""
import json

import pytest


@pytest.fixture
def search(cli, catalogue):
    def run(*args):
        result = cli("search", *args, "--json", "--public-only")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)
    return run


def numbers(result) -> list[str]:
    return [item["accenumb"] for item in result["items"]]


@pytest.mark.parametrize("query", ["巫山脆李", "巫山", "脆李", "cuili", "wushan cuili",
                                   "wushancuili", "Wūshān", "S001", "s001"])
def test_wushan_crisp_plum_is_found_every_way(search, query):
    assert numbers(search(query))[0] == "S001"


def test_a_single_character_still_matches(search):
    assert numbers(search("脆")) == ["S001"]  # S006 青脆李 is restricted
    assert numbers(search("蜂")) == ["S005"]
    # 李 is in every name and in the Chinese names of the plum species (中国李, 欧洲李).
    assert search("李")["total"] == 6


def test_accents_are_folded(search):
    assert numbers(search("cacanska")) == ["S003"]
    assert numbers(search("president")) == ["S004"]


def test_misspelt_names_match_fuzzily_without_flooding(search):
    assert numbers(search("Santa Rsoa")) == ["S002"]
    # An exact match exists, so fuzzy matching is not used: Rosa Negra stays out.
    assert numbers(search("Santa Rosa")) == ["S002"]


def test_field_prefixes(search):
    assert set(numbers(search("species:domestica"))) == {"S003", "S004"}
    assert set(numbers(search("origin:CHN"))) == {"S001", "S005"}
    assert numbers(search("李 province:贵州")) == ["S005"]


def test_restricted_accessions_only_for_staff(cli, catalogue):
    everyone = json.loads(cli("search", "青脆李", "--json").output)
    public = json.loads(cli("search", "青脆李", "--json", "--public-only").output)
    assert [i["accenumb"] for i in everyone["items"]] == ["S006"] and public["total"] == 0


def test_json_shape(search):
    result = search("巫山脆李")
    assert set(result) >= {"total", "page", "items", "facets"}
    item = result["items"][0]
    assert item["names"] == ["巫山脆李", "Wūshān Cuìlǐ"] and item["species"] == "Prunus salicina"
    assert item["score"] > 0 and item["traits"]["SSC"] == 13.5


def test_a_name_match_outranks_a_pedigree_match(cli, catalogue, make_accession, index_dir):
    from search import accession_index

    make_accession(accenumb="S050", accename="巫脆1号", ancest="巫山脆李 × Santa Rosa")
    accession_index.rebuild()
    result = json.loads(cli("search", "巫山脆李", "--json", "--public-only").output)
    assert [i["accenumb"] for i in result["items"]] == ["S001", "S050"]
