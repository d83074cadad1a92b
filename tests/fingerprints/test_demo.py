"""`germplasm demo` plants two duplicate pairs, one mislabel and one name shared by two
accessions of different fingerprints; the report finds exactly those at threshold 0.25 over
all eight markers."""
import json

from loaders.demo_fingerprints import MARKERS


def test_demo_report_finds_the_planted_cases_and_nothing_else(cli, client):
    assert cli("demo", "--accessions", 40, "--seed", 3).exit_code == 0
    result = cli("fingerprints", "report", "--json", "--threshold", "0.25", "--min-markers",
                 len(MARKERS))
    found = json.loads(result.output)
    assert len(found["duplicates"]) == 2 and all(len(g) == 2 for g in found["duplicates"])
    # The mislabelled cultivar shares no allele at CPPCT022 with either recorded parent.
    conflicts = found["parent_conflicts"]
    assert len({c["accenumb"] for c in conflicts}) == 1
    assert len({c["parent"] for c in conflicts}) == len(conflicts) >= 1
    assert all(c["markers"] == ["CPPCT022"] for c in conflicts)
    first = found["duplicates"][0]
    page = client.get("/fingerprints?threshold=0.25&min_markers=8").get_data(as_text=True)
    assert f'{first[0]}</a> = <a href="/accessions/{first[1]}"' in page
    # The second also goes by the first's name (a synonym), but its fingerprint is its own.
    assert len(found["name_conflicts"]) == 1
    same = found["name_conflicts"][0]
    assert same["markers_compared"] == len(MARKERS) and same["distance"] > 0.5
    assert not set(same["accessions"]) & {a for g in found["duplicates"] for a in g}
    names = client.get(f"/accessions/{same['accessions'][1]}").get_data(as_text=True)
    assert same["name"] in names
    assert f'{same["accessions"][0]}</a> ≠ <a href="/accessions/{same["accessions"][1]}"' \
        in page and "同名而指纹不同" in page
