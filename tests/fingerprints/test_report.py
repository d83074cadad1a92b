"""`germplasm fingerprints report`: planted duplicates found and nothing else at a stated
threshold, markers compared, parent–offspring pairs sharing no allele, .xlsx output."""
import json

import numpy as np
from openpyxl import load_workbook

from germplasm.fingerprints.distance import distances
from tests.conftest import write

# name: CPPCT022, UDP96-005, BPPCT007 (a/b); "" is untyped
PRINTS = {
    "Van": ("190/200", "110/120", "130/140"),
    "Stella": ("180/210", "130/150", "120/150"),
    "Lapins": ("190/210", "110/112", "130/150"),  # shares nothing with Stella at UDP96-005
    "A": ("220/230", "140/142", "124/126"),
    "A2": ("220/230", "140/142", "124/126"),  # A's clone under another name
    "B": ("186/188", "102/104", "152/154"),
    "C": ("186/188", "102/104", "152/156"),  # half an allele off at one marker: d = 1/6
    "P": ("220/230", "", ""),  # agrees with A at the one marker typed
}


def plant(make_accession, cli, tmp_path) -> dict:
    made = {name: make_accession(ACCENAME=name, ANCEST="Van / Stella" if name == "Lapins"
                                 else "") for name in PRINTS}
    lines = ["ACCESSION,CPPCT022_a,CPPCT022_b,UDP96-005_a,UDP96-005_b,BPPCT007_a,BPPCT007_b"]
    for name, prints in PRINTS.items():
        cells = [c for p in prints for c in (p.split("/") if p else ("NA", "NA"))]
        lines.append(",".join([name, *cells]))
    result = cli("import", "genotypes", write(tmp_path / "g.csv", "\n".join(lines) + "\n"),
                 "--kind", "ssr")
    assert result.exit_code == 0, result.output
    return {name: a.accenumb for name, a in made.items()}


def report(cli, *args) -> dict:
    result = cli("fingerprints", "report", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_identical_fingerprints_at_threshold_zero(make_accession, cli, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    found = report(cli, "--min-markers", "2")
    assert found["duplicates"] == [sorted([n["A"], n["A2"]])]
    # One marker in common is enough by default, so P joins A's group.
    assert report(cli)["duplicates"] == [sorted([n["A"], n["A2"], n["P"]])]


def test_near_identical_at_a_stated_threshold(make_accession, cli, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    found = report(cli, "--threshold", "0.2", "--min-markers", "3")
    assert found["duplicates"] == sorted([sorted([n["A"], n["A2"]]), sorted([n["B"], n["C"]])])
    assert report(cli, "--threshold", "0.16", "--min-markers", "3")["duplicates"] == \
        [sorted([n["A"], n["A2"]])]


def test_parent_conflict_names_the_parent_and_markers(make_accession, cli, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    assert report(cli)["parent_conflicts"] == [
        {"accenumb": n["Lapins"], "parent": n["Stella"], "markers": ["UDP96-005"]}]


def test_text_and_xlsx_output(make_accession, cli, tmp_path, markers):
    n = plant(make_accession, cli, tmp_path)
    out = tmp_path / "report.xlsx"
    result = cli("fingerprints", "report", "--min-markers", "2", "-o", out)
    assert result.exit_code == 0, result.output
    assert "1 duplicate group(s), 1 parent conflict(s)" in result.output
    book = load_workbook(out)
    assert [r[1] for r in book["duplicates"].iter_rows(min_row=2, values_only=True)] == \
        sorted([n["A"], n["A2"]])
    assert list(book["parent_conflicts"].iter_rows(min_row=2, values_only=True)) == \
        [(n["Lapins"], n["Stella"], "UDP96-005")]


def test_distance_counts_markers_compared_and_handles_hexaploids():
    found = distances({1: {1: (180, 190, 200, 210, 220, 230), 2: (110,)},
                       2: {1: (180, 190, 200)},
                       3: {2: (120,)}})
    assert found.compared.tolist() == [[2, 1, 1], [1, 1, 0], [1, 0, 1]]
    assert np.isclose(found.distance[0, 1], 0.5)  # 3 shared of the larger set's 6
    assert np.isclose(found.distance[0, 2], 1.0)
    assert np.isnan(found.distance[1, 2])  # no marker typed in both
    assert np.isclose(found.distance[0, 0], 0.0)
