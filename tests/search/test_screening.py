"""Elite screening by a selection index, and the extremes of a trait."""
import json
import statistics


def screen(cli, *args):
    result = cli("screen", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def z(values: dict, number: str) -> float:
    return (values[number] - statistics.fmean(values.values())) / statistics.stdev(
        values.values())


def test_index_is_the_weighted_sum_of_standardised_values(cli, catalogue):
    result = screen(cli, "--trait", "SSC:+2", "--trait", "FRUIT_CRACKING:-1")
    ssc = {"S001": 13.5, "S002": 12.0, "S003": 16.0, "S004": 15.0, "S005": 17.5, "S006": 14.5}
    cracking = {"S001": 1, "S002": 5, "S003": 3, "S004": 7, "S005": 1, "S006": 3}
    expected = {n: 2 * z(ssc, n) - z(cracking, n) for n in ssc}
    ranked = sorted(expected, key=expected.get, reverse=True)
    assert [item["accenumb"] for item in result["items"]] == ranked
    first = result["items"][0]
    assert abs(first["index"] - expected[ranked[0]]) < 0.01
    assert first["contributions"]["SSC"]["value"] == ssc[ranked[0]]


def test_filters_apply_first_and_targets_rank_by_closeness(cli, catalogue):
    result = screen(cli, "--trait", "HARVEST_DATE:~07-15", "--filter", "FRUIT_WEIGHT:..59")
    numbers = [item["accenumb"] for item in result["items"]]
    # 12 July (S001) and 18 July (S005) are 3 days off 15 July; 8 July, then 20 August.
    assert numbers[:2] in (["S001", "S005"], ["S005", "S001"])
    assert numbers[2:] == ["S006", "S003"] and "S002" not in numbers


def test_the_earliest_percent_to_ripen(cli, catalogue):
    result = screen(cli, "--extreme", "HARVEST_DATE:bottom:34")
    assert [item["accenumb"] for item in result["items"]] == ["S006", "S001"]
    latest = screen(cli, "--extreme", "HARVEST_DATE:top:20")
    assert [item["accenumb"] for item in latest["items"]] == ["S004", "S003"][:latest["total"]]


def test_screening_over_http(client, catalogue):
    response = client.get("/api/v1/screening?trait=SSC:%2B1&top=2")
    assert response.status_code == 200
    assert [i["accenumb"] for i in response.get_json()["items"]] == ["S005", "S003"]
    bad = client.get("/api/v1/screening?trait=SSC:*2")
    assert bad.status_code == 400 and bad.get_json()["errors"][0]["field"] == "trait"


def test_bad_criteria_are_refused(cli, catalogue):
    assert cli("screen", "--trait", "FLESH_COLOR:+1").exit_code == 2
    assert cli("screen", "--extreme", "SSC:middle:5").exit_code == 2


def test_target_dates_read_as_the_search_reads_them(client, catalogue):
    def order(target):
        response = client.get("/api/v1/screening",
                              query_string={"trait": f"HARVEST_DATE:~{target}"})
        assert response.status_code == 200, response.get_data(as_text=True)
        return [i["accenumb"] for i in response.get_json()["items"]]
    # 0720 is 20 July, never day 720; 7月20日 as the sheet import reads it
    assert order("0720") == order("07-20") == order("7月20日")
    assert order("0720")[:2] == ["S005", "S002"]  # 07-18, 07-25 (S006 is restricted)


def test_api_messages_speak_the_callers_language(client, catalogue):
    bad = client.get("/api/v1/screening?trait=SSC:%2B0&lang=zh_CN").get_json()
    assert "权重须大于 0" in bad["errors"][0]["messages"][0]
    english = client.get("/api/v1/screening?trait=SSC:%2B0&lang=en").get_json()
    assert english["errors"][0]["messages"][0].startswith("weights must be above 0")
    date = client.get("/api/v1/screening?trait=HARVEST_DATE:~13-40&lang=en").get_json()
    assert date["status"] == 400 and "13-40" in date["errors"][0]["messages"][0]
