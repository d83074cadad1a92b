"""Ordinal and coded traits shown as grades and counts of grades, never as means; compare
highlights only differences that matter.

The catalogue fixture (tests/catalogue.py) grades FRUIT_CRACKING 1, 5, 3, 7, 1 for the public
S001..S005 and 3 for the restricted S006; FLESH_COLOR is yellow (5) for S001, S003, S004 and
the restricted S006.
"""
import re

import pytest

from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db


def observe(accession, code: str, raws, year: int) -> None:
    """Record one or more replicates of a trait in the campaign of that year."""
    campaign, _ = campaigns.get_or_create(f"{year} 评价", year)
    descriptor = descriptors_by_code([code])[0]
    items = [NewObservation(accession_id=accession.id, descriptor=descriptor, replicate=i,
                            value=ValueParser(descriptor).parse(raw, year))
             for i, raw in enumerate(raws, start=1)]
    record(campaign, items, user="tests", source="test")
    db.session.commit()


@pytest.fixture
def vigour(catalogue):
    """S001's tree vigour over five years: medium three times, strong twice (mean 5.8)."""
    for year, grade in zip(range(2021, 2026), ("5", "7", "5", "7", "5"), strict=True):
        observe(catalogue["S001"], "TREE_VIGOR", [grade], year)
    return catalogue


def _row(page: str, name: str) -> str:
    match = re.search(rf"<tr><th><a [^>]*>{name}</a>.*?</tr>", page, re.S)
    assert match, name
    return match.group(0)


def test_accession_page_shows_the_grade_and_the_years_of_each_grade(client, vigour):
    row = _row(client.get("/accessions/S001").get_data(as_text=True), "树势")
    assert "中 (5)" in row and "5 年中 3 年：中，2 年：强" in row
    assert "5.8" not in row and "±" not in row  # no mean, no standard deviation
    english = _row(client.get("/accessions/S001?lang=en").get_data(as_text=True), "Tree vigour")
    assert "medium (5)" in english and "3 of 5 years: medium, 2: strong" in english


def test_a_year_with_several_scores_counts_its_observations(client, catalogue):
    observe(catalogue["S002"], "FRUIT_CRACKING", ["5", "7", "5"], 2025)
    row = _row(client.get("/accessions/S002").get_data(as_text=True), "裂果")
    assert "3 次观测中 2 次：中等，1 次：重" in row  # 2025's own cell
    assert "5.7" not in row and "5.5" not in row  # neither year's mean nor the overall


def _svg(page: str, name: str) -> str:
    match = re.search(rf'<svg class="chart grades"[^>]*aria-label="{name}[^"]*".*?</svg>', page,
                      re.S)
    assert match, name
    return match.group(0)


def test_ordinal_chart_has_one_bar_per_grade_and_marks_this_accession(client, catalogue):
    page = client.get("/accessions/S003").get_data(as_text=True)
    svg = _svg(page, "裂果")
    assert svg.count("<rect") == 5  # 1, 3, 5, 7, 9: one bar each, not 20 bins
    labels = re.findall(r'<tspan[^>]*>([^<]+)</tspan>', svg)
    assert labels == ["无或极轻", "轻", "中等", "重", "极重"]
    assert re.search(r'class="bar own"><title>轻: 1</title>', svg)  # S003 is graded 3
    assert "5 份种质中 1 份为此等级" in page  # S006 (restricted) not counted


def test_descriptor_page_draws_grades_from_public_accessions(client, catalogue):
    svg = _svg(client.get("/descriptors/FRUIT_CRACKING").get_data(as_text=True), "裂果")
    counts = re.findall(r"<title>[^<:]+: (\d+)</title>", svg)
    assert counts == ["2", "1", "1", "1", "0"]  # S006's 3 is left out


def test_category_counts_link_to_the_matching_accessions(client, catalogue):
    page = client.get("/descriptors/FLESH_COLOR").get_data(as_text=True)
    link = re.search(r'<li>5 黄色\s*<a class="n" href="([^"]+)"[^>]*>(\d+)</a>', page)
    href, count = link.group(1), int(link.group(2))
    assert href == "/?trait=FLESH_COLOR:5" and count == 3  # not the restricted S006
    found = client.get(href).get_data(as_text=True)
    assert sorted(set(re.findall(r">(S00\d)<", found))) == ["S001", "S003", "S004"]


def _trait_classes(page: str) -> dict[str, str]:
    rows = re.findall(r'<tr class="trait ([a-z ]*)"><th><a [^>]*>([^<]+)</a>', page)
    return {name: kind.strip() for kind, name in rows}


def test_compare_states_its_rule_and_highlights_only_differences_that_matter(
        client, make_accession, catalogue):
    near = make_accession(accenumb="S009", accename="Near")
    for code, raw in (("SSC", "13.8"), ("FLESH_COLOR", "黄色"), ("FRUIT_CRACKING", "3")):
        observe(near, code, [raw], 2026)
    page = client.get("/compare?a=S001,S009").get_data(as_text=True)
    kinds = _trait_classes(page)
    assert kinds["可溶性固形物含量"] == ""  # 0.3 °Brix apart: below 10 % of 5.5
    assert kinds["裂果"] == "differs"  # 无或极轻 (1) against 轻 (3)
    assert kinds["果肉颜色"] == ""
    assert "黄色 (5)" not in page  # a category's code is not a score: its label alone
    assert "差异超过该性状在资源中变幅的 10%" in page
    assert "无或极轻 (1)" in page and "轻 (3)" in page
    far = client.get("/compare?a=S001,S003").get_data(as_text=True)
    assert _trait_classes(far)["可溶性固形物含量"] == "differs"  # 2.5 °Brix apart


def test_compare_allows_for_measurement_noise(client, catalogue):
    observe(catalogue["S002"], "SSC", ["10.0", "14.0"], 2025)  # with 2026's 12.0: sd 2
    page = client.get("/compare?a=S001,S003&lang=en").get_data(as_text=True)
    assert _trait_classes(page)["Soluble solids content"] == ""  # 2.5 apart, noise 2 x 2
    assert "highlighted above 4.0 °Brix" in page
