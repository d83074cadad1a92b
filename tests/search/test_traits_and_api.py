"""Trait filters, sorting, facets and errors, through the HTTP API and the CLI."""
import logging

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.accounts.test_login import login


def api(client, query: str):
    response = client.get(f"/api/v1/accessions?{query}")
    return response.status_code, response.get_json()


def numbers(body) -> list[str]:
    return [item["accenumb"] for item in body["items"]]


def test_numeric_ranges_with_open_ends(client, catalogue):
    assert set(numbers(api(client, "trait=SSC:14..")[1])) == {"S003", "S004", "S005"}
    assert set(numbers(api(client, "trait=FRUIT_WEIGHT:..40")[1])) == {"S001", "S005"}
    both = api(client, "trait=SSC:13..16&trait=FRUIT_WEIGHT:40..")[1]
    assert set(numbers(both)) == {"S003", "S004"}


def test_dates_by_month_day_or_day_of_year(client, catalogue):
    early = {"S001", "S005"}  # harvested 12 and 18 July; S006 (8 July) is restricted
    assert set(numbers(api(client, "trait=HARVEST_DATE:..07-20")[1])) == early
    assert set(numbers(api(client, "trait=HARVEST_DATE:..201")[1])) == early


def test_categories_by_label_in_either_language(client, catalogue):
    yellow = api(client, "trait=FLESH_COLOR:yellow")[1]
    assert set(numbers(yellow)) == {"S001", "S003", "S004"}
    assert set(numbers(api(client, "trait=FLESH_COLOR:黄色|red")[1])) == {
        "S001", "S002", "S003", "S004"}


def test_sort_by_a_trait_descending(client, catalogue):
    body = api(client, "sort=-SSC")[1]
    assert numbers(body)[:4] == ["S005", "S003", "S004", "S001"]
    assert numbers(body)[-1] == "S007"  # no SSC: last


def test_facets_count_the_result_set(client, catalogue):
    facets = api(client, "trait=SSC:13..")[1]["facets"]
    assert {f["value"]: f["count"] for f in facets["sampstat"]} == {300: 2, 500: 2}
    assert {f["value"]: f["count"] for f in facets["traits"]["FLESH_COLOR"]} == {"5": 3, "3": 1}


def test_pagination_caps_the_page_size(client, catalogue):
    body = api(client, "per_page=1000&page=1")[1]
    assert body["per_page"] == 100 and body["total"] == 6
    assert numbers(api(client, "per_page=2&page=2")[1]) == ["S003", "S004"]


def test_malformed_parameters_are_a_clear_400(client, catalogue):
    for query, field in (("trait=SSC:abc..", "trait"), ("trait=NOPE:1..2", "trait"),
                         ("trait=HARVEST_DATE:13-40..", "trait"), ("sort=colour", "sort"),
                         ("trait=FLESH_COLOR:blue", "trait"), ("page=0", "page")):
        status, body = api(client, query)
        assert status == 400, query
        assert body["errors"][0]["field"] == field and body["message"], query


def test_staff_see_restricted_accessions_through_the_api(client, catalogue):
    assert "S006" not in numbers(api(client, "q=青脆李")[1])
    create_user("li", "staff", "orchard-2026")
    db.session.commit()
    login(client, "li", "orchard-2026")
    assert numbers(api(client, "q=青脆李")[1]) == ["S006"]


def test_the_index_follows_commits_and_ignores_rollbacks(cli, client, catalogue, tmp_path):
    sheet = tmp_path / "new.csv"
    sheet.write_text("INSTCODE,ACCENUMB,ACCENAME,GENUS,SPECIES\n"
                     "CHN385,S100,奉节脆李,Prunus,salicina\n", encoding="utf-8")
    assert cli("import", "mcpd", sheet, "--dry-run").exit_code == 0
    assert api(client, "q=fengjie")[1]["total"] == 0
    assert cli("import", "mcpd", sheet).exit_code == 0
    assert numbers(api(client, "q=fengjie")[1]) == ["S100"]


def test_without_an_index_search_answers_from_the_database(client, catalogue, index_dir,
                                                          caplog):
    import shutil

    from search import text

    shutil.rmtree(index_dir)
    text.forget()
    with caplog.at_level(logging.WARNING):
        status, body = api(client, "q=巫山")
    assert status == 200 and numbers(body) == ["S001"] and body["source"] == "database"
    assert "answering from the database" in caplog.text


def test_a_corrupt_index_is_also_survived(client, catalogue, index_dir):
    from search import text

    for path in index_dir.iterdir():
        path.write_bytes(b"garbage")
    text.forget()
    status, body = api(client, "q=Santa")
    assert status == 200 and body["source"] == "database" and numbers(body) == ["S002"]


def test_reindex_command(cli, catalogue, index_dir):
    import shutil

    shutil.rmtree(index_dir)
    result = cli("reindex")
    assert result.exit_code == 0 and "indexed 7 accessions" in result.output
    assert (index_dir / "_MAIN_1.toc").exists()


def test_a_revised_category_label_reaches_search_at_once(client, cli, catalogue, tmp_path):
    """Descriptors live in the search snapshot; revising one must make the snapshot stale."""
    import json

    from germplasm.evaluations.descriptors import shipped_descriptors

    entry = next(e for e in shipped_descriptors() if e["code"] == "FLESH_COLOR")
    assert api(client, "trait=FLESH_COLOR:柠檬黄")[0] == 400
    for category in entry["categories"]:
        if category["label_zh"] == "黄色":
            category["label_zh"] = "柠檬黄"
    path = tmp_path / "d.json"
    path.write_text(json.dumps([entry], ensure_ascii=False), encoding="utf-8")
    assert cli("import", "descriptors", path).exit_code == 0
    status, body = api(client, "trait=FLESH_COLOR:柠檬黄")
    assert status == 200 and numbers(body) == ["S001", "S003", "S004"]  # yellow, code 5
