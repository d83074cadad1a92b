"""`germplasm fingerprints report --kind snp` and `/fingerprints?kind=snp`: the distance on a
hand-computed example, planted duplicates found and nothing else at a stated threshold,
SNPs called in both, parents homozygous for the opposite allele, the --json shape, the demo."""
import json

import numpy as np
from openpyxl import load_workbook

from germplasm.fingerprints.snp_distance import distances, opposite_homozygotes
from tests.conftest import write

SNPS = [f"s{i}" for i in range(1, 11)]
PRINTS = {
    "Van": "0 0 1 2 2 1 0 1 2 0",
    "Stella": "2 2 1 0 0 1 2 1 0 2",
    "Lapins": "2 1 1 0 1 1 1 1 1 1",  # opposite to Van (a recorded parent) at s1 and s4
    "A": "0 1 2 0 1 2 0 1 2 NA",
    "A2": "0 1 2 0 1 2 0 1 2 1",  # A's clone: identical over the 9 SNPs called in both
    "B": "1 1 1 0 0 0 2 2 2 1",
    "C": "1 1 1 0 0 0 2 2 2 2",  # one step off at one SNP of ten: d = 0.5 / 10 = 0.05
}


def plant(make_accession, cli, tmp_path) -> dict:
    made = {name: make_accession(ACCENAME=name, ANCEST="Van / Stella" if name == "Lapins"
                                 else "") for name in PRINTS}
    lines = ["NAME," + ",".join(SNPS)] + [f"{n},{p.replace(' ', ',')}" for n, p in PRINTS.items()]
    result = cli("import", "genotypes", write(tmp_path / "snp.csv", "\n".join(lines) + "\n"),
                 "--kind", "snp")
    assert result.exit_code == 0, result.output
    return {name: a.accenumb for name, a in made.items()}


def report(cli, *args) -> dict:
    result = cli("fingerprints", "report", "--kind", "snp", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_distance_on_a_hand_computed_example():
    calls = np.array([[0, 1, 2, -1], [0, 2, 0, 1], [-1, -1, -1, 2]], dtype=np.int8)
    found = distances([1, 2, 3], calls)
    # A–B: SNPs 1-3 called in both, |d| = 0, 1, 2 → shares 1, ½, 0 → distance ½.
    assert found.compared[0, 1] == 3 and found.distance[0, 1] == 0.5
    assert found.compared[0, 2] == 0 and np.isnan(found.distance[0, 2])
    assert found.compared[1, 2] == 1 and found.distance[1, 2] == 0.5  # 1 against 2
    assert found.distance[1, 1] == 0 and found.compared[1, 1] == 4
    assert list(opposite_homozygotes(calls[0], calls[1])) == [2]


def test_blocks_agree_with_a_direct_computation():
    rng = np.random.default_rng(5)
    calls = rng.integers(-1, 3, size=(6, 20_000)).astype(np.int8)
    found = distances(list(range(6)), calls)
    a, b = calls[2], calls[4]
    both = (a >= 0) & (b >= 0)
    expected = np.abs(a[both].astype(int) - b[both]).mean() / 2
    assert found.compared[2, 4] == both.sum()
    assert abs(found.distance[2, 4] - expected) < 1e-12


def test_duplicates_at_stated_thresholds(make_accession, cli, tmp_path):
    n = plant(make_accession, cli, tmp_path)
    pair = sorted([n["A"], n["A2"]])
    assert report(cli)["duplicates"] == [pair]
    assert report(cli, "--threshold", "0.05")["duplicates"] == sorted(
        [pair, sorted([n["B"], n["C"]])])
    assert report(cli, "--threshold", "0.04")["duplicates"] == [pair]
    # A and A2 have only nine SNPs called in both.
    assert report(cli, "--threshold", "0.05", "--min-markers", "10")["duplicates"] == [
        sorted([n["B"], n["C"]])]


def test_parent_conflict_and_json_shape(make_accession, cli, tmp_path):
    n = plant(make_accession, cli, tmp_path)
    found = report(cli)
    assert set(found) == {"duplicates", "parent_conflicts", "name_conflicts"}
    assert found["parent_conflicts"] == [
        {"accenumb": n["Lapins"], "parent": n["Van"], "markers": ["s1", "s4"], "count": 2}]


def test_api_report_kind_snp(make_accession, cli, client, tmp_path):
    n = plant(make_accession, cli, tmp_path)
    found = client.get("/api/v1/fingerprints/report?kind=snp&threshold=0.05").json
    assert found["duplicates"] == sorted([sorted([n["A"], n["A2"]]), sorted([n["B"], n["C"]])])
    assert found["parent_conflicts"] == [
        {"accenumb": n["Lapins"], "parent": n["Van"], "markers": ["s1", "s4"], "count": 2}]
    assert "count" not in str(client.get("/api/v1/fingerprints/report").json)


def test_same_name_different_snps(make_accession, cli, tmp_path):
    one, two = make_accession(ACCENAME="秋姬"), make_accession(ACCENAME="秋姬")
    path = write(tmp_path / "s.csv", "ACC,a,b,c,d\n"
                 f"{one.accenumb},0,0,1,NA\n{two.accenumb},0,2,1,2\n")
    assert cli("import", "genotypes", path, "--kind", "snp").exit_code == 0
    # Three SNPs called in both; |d| = 0, 2, 0 → shares 1, 0, 1 → distance 1/3.
    assert report(cli)["name_conflicts"] == [
        {"name": "秋姬", "accessions": sorted([one.accenumb, two.accenumb]), "distance": 0.333,
         "markers_compared": 3}]
    assert report(cli, "--threshold", "0.34")["name_conflicts"] == []
    assert report(cli, "--min-markers", "4")["name_conflicts"] == []


def test_conflicting_snps_capped_at_twenty_with_a_count(make_accession, cli, tmp_path):
    parent = make_accession(ACCENAME="Parent")
    child = make_accession(ACCENAME="Child", ANCEST="Parent / Unknown")
    names = [f"rs{i:02d}" for i in range(30)]
    path = write(tmp_path / "s.csv", "ACC," + ",".join(names) + "\n"
                 f"{parent.accenumb}," + ",".join(["2"] * 30) + "\n"
                 f"{child.accenumb}," + ",".join(["0"] * 30) + "\n")
    assert cli("import", "genotypes", path, "--kind", "snp").exit_code == 0
    conflict, = report(cli)["parent_conflicts"]
    assert conflict["markers"] == names[:20] and conflict["count"] == 30
    text = cli("fingerprints", "report", "--kind", "snp", "-o", tmp_path / "r.xlsx")
    assert "(+10 more)" in text.output and "0 duplicate group(s), 1 parent conflict(s)" in \
        text.output
    sheet = load_workbook(tmp_path / "r.xlsx")["parent_conflicts"]
    assert list(sheet.iter_rows(min_row=2, values_only=True))[0][:2] == \
        (child.accenumb, parent.accenumb)


def test_page_switches_kind(make_accession, cli, client, tmp_path):
    n = plant(make_accession, cli, tmp_path)
    page = client.get("/fingerprints?kind=snp&threshold=0.05")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    first, second = sorted([n["A"], n["A2"]])
    assert f'{first}</a> = <a href="/accessions/{second}"' in html
    assert n["Lapins"] in html and "s1 s4" in html and n["Stella"] not in html
    ssr = client.get("/fingerprints").get_data(as_text=True)
    assert first not in ssr and n["Lapins"] not in ssr  # no SSR genotypes planted
    assert client.get("/fingerprints?kind=str").status_code == 400


def test_demo_plants_one_snp_duplicate_pair(cli, client):
    assert cli("demo", "--accessions", 40, "--seed", 3).exit_code == 0
    found = report(cli)
    assert len(found["duplicates"]) == 1 and len(found["duplicates"][0]) == 2
    assert len({c["accenumb"] for c in found["parent_conflicts"]}) <= 1
    first, second = found["duplicates"][0]
    page = client.get("/fingerprints?kind=snp").get_data(as_text=True)
    assert f'{first}</a> = <a href="/accessions/{second}"' in page
