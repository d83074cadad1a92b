"""`germplasm core build` on a generated collection (tests/core/conftest.py): the core is
saved as a selection of N accessions, keeps more alleles and families than random subsets of
the same size, is the same for the same seed, takes traits, SSR or both, a percentage, and
refuses what it cannot build with a message, an exit code and nothing saved."""
import csv
import json
import random

from openpyxl import load_workbook
from sqlalchemy import func, select

from germplasm.extensions import db
from germplasm.fingerprints.services import fingerprints
from germplasm.selections.models import Selection, SelectionItem
from tests.core.conftest import FAMILIES


def build(cli, *args) -> dict:
    result = cli("core", "build", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def entries(token: str) -> list[str]:
    from germplasm.accessions.models import Accession

    query = (select(Accession.accenumb).join(SelectionItem,
                                              SelectionItem.accession_id == Accession.id)
             .join(Selection).where(Selection.token == token))
    return sorted(db.session.scalars(query))


def saved_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Selection)
                             .where(Selection.name.is_not(None)))


def coverage(numbers) -> float:
    """Percent of the collection's (marker, size) alleles found in these accessions."""
    from germplasm.fingerprints.services import accession_numbers

    prints = fingerprints()
    by_number = {n: prints[a] for a, n in accession_numbers(prints).items()}

    def alleles(chosen) -> set:
        return {(m, s) for n in chosen for m, sizes in by_number.get(n, {}).items()
                for s in sizes}
    return 100 * len(alleles(numbers)) / len(alleles(by_number))


def test_the_core_is_a_saved_published_selection_of_n_accessions(cli, collection):
    found = build(cli, "--size", 8, "--from", "both", "--name", "核心 8")
    assert found["size"] == 8 and found["candidates"] == len(collection) == sum(FAMILIES)
    chosen = entries(found["selection"]["token"])
    assert len(chosen) == 8 and set(chosen) <= set(collection)
    selection = db.session.scalar(select(Selection).where(
        Selection.token == found["selection"]["token"]))
    assert selection.name == "核心 8" and selection.published and selection.owner_id is None


def test_the_core_keeps_more_alleles_and_families_than_random_subsets(cli, collection):
    found = build(cli, "--size", 8, "--from", "ssr")
    chosen = entries(found["selection"]["token"])
    # One accession of each of the eight families: none is left without a representative.
    assert sorted(collection[n] for n in chosen) == list(range(len(FAMILIES)))
    assert found["allele_coverage"]["core"] == round(coverage(chosen), 2)
    typed = list(collection)[2:]
    for seed in range(1, 6):
        subset = random.Random(seed).sample(typed, 8)
        assert coverage(chosen) >= coverage(subset), seed
        report = build(cli, "--size", 8, "--from", "ssr", "--seed", seed)
        assert report["allele_coverage"]["core"] >= report["allele_coverage"]["random"]
        assert report["nearest_distance"]["core"] < report["nearest_distance"]["random"]


def test_the_same_seed_gives_the_same_core(cli, collection):
    first = build(cli, "--size", 10, "--seed", 5, "--name", "a")
    again = build(cli, "--size", 10, "--seed", 5, "--name", "b")
    assert entries(first["selection"]["token"]) == entries(again["selection"]["token"])
    assert first["nearest_distance"] == again["nearest_distance"]


def test_traits_ssr_or_both(cli, collection):
    numbers = list(collection)
    untyped, unmeasured = set(numbers[:2]), set(numbers[2:4])
    traits = build(cli, "--size", 30, "--from", "traits")
    ssr = build(cli, "--size", 30, "--from", "ssr")
    both = build(cli, "--size", 39, "--from", "both")
    assert traits["candidates"] == ssr["candidates"] == 38 and both["candidates"] == 40
    assert not set(entries(traits["selection"]["token"])) & unmeasured
    assert not set(entries(ssr["selection"]["token"])) & untyped
    assert traits["numeric"][0]["code"] == "FRUIT_WEIGHT"
    assert traits["categorical"] == [{"code": "FLESH_COLOR", "categories": 8,
                                      "core": 8, "random": traits["categorical"][0]["random"]}]
    whole = traits["numeric"][1]["whole"]
    assert traits["numeric"][1]["code"] == "SSC" and whole["n"] == 38
    assert whole["min"] <= traits["numeric"][1]["core"]["min"] <= whole["max"]
    assert len(entries(both["selection"]["token"])) == 39


def test_a_percentage_of_the_candidates(cli, collection):
    found = build(cli, "--percent", 25, "--from", "ssr")
    assert found["size"] == 10 and len(entries(found["selection"]["token"])) == 10


def test_the_entries_to_csv_and_to_xlsx_with_the_report(cli, collection, tmp_path):
    found = build(cli, "--size", 6, "-o", tmp_path / "core.csv")
    with open(tmp_path / "core.csv", encoding="utf-8-sig") as text:
        rows = list(csv.DictReader(text))
    assert sorted(r["ACCENUMB"] for r in rows) == entries(found["selection"]["token"])
    assert sum(int(r["REPRESENTS"]) for r in rows) == found["candidates"]
    build(cli, "--size", 6, "-o", tmp_path / "core.xlsx")
    book = load_workbook(tmp_path / "core.xlsx")
    assert book.sheetnames == ["core", "report"] and book["core"].max_row == 7
    measures = [row[0] for row in book["report"].iter_rows(values_only=True)]
    assert any("SSR" in str(m) for m in measures)


def test_the_text_report(cli, collection):
    result = cli("core", "build", "--size", 8)
    assert result.exit_code == 0, result.output
    assert "selection=" in result.output and "A-NE" in result.output
    assert "FLESH_COLOR" in result.output


def test_a_core_larger_than_the_candidates_is_refused_and_nothing_saved(cli, collection):
    before = saved_count()
    result = cli("core", "build", "--size", 39, "--from", "ssr")
    assert result.exit_code == 1 and "38" in result.output
    assert saved_count() == before


def test_no_data_for_the_source_is_refused(cli, make_accession):
    make_accession()
    before = saved_count()
    for source in ("ssr", "traits", "both"):
        result = cli("core", "build", "--size", 1, "--from", source)
        assert result.exit_code == 1, result.output
        assert "SSR" in result.output or "性状" in result.output or "trait" in result.output
    assert saved_count() == before


def test_size_and_percent_together_are_a_usage_error(cli, collection):
    result = cli("core", "build", "--size", 5, "--percent", 10)
    assert result.exit_code == 2 and saved_count() == 0
