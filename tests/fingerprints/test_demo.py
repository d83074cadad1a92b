"""`germplasm demo` plants two duplicate pairs and one mislabel among synthetic fingerprints;
the report finds exactly those at threshold 0.25 over all eight markers."""
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
