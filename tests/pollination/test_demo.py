"""`germplasm demo` gives the Japanese plums S-genotypes, so the advice page for 巫山脆李
(WSL00001) shows a ranked list with bloom overlaps, and the parent check its planted case."""
import json
import re


def test_demo_gives_advice_for_wushan_crisp_plum(cli, client):
    assert cli("demo", "--accessions", 40, "--seed", 3).exit_code == 0
    result = cli("pollinizers", "WSL00001", "--json")
    items = json.loads(result.output)["items"]
    assert len(items) >= 5
    assert all(i["years"] == 5 and i["bloom_overlap_days"] is not None for i in items[:5])
    overlaps = [i["bloom_overlap_days"] for i in items if i["compatibility"] == "compatible"]
    assert overlaps == sorted(overlaps, reverse=True)
    page = client.get("/pollinizers?for=WSL00001").get_data(as_text=True)
    assert "巫山脆李" in page and "SaSb" in page
    public = client.get("/api/v1/pollinizers?for=WSL00001").get_json()["items"]
    rows = re.findall(r'<tr class="(?:compatible|half)"><td><a href="[^"]+">([^<]+)</a>', page)
    assert rows == [i["accenumb"] for i in public]  # the page and the API: same advice
    check = cli("s-alleles", "check", "--json")
    assert check.exit_code == 1
    assert len(json.loads(check.output)["parent_conflicts"]) == 1
