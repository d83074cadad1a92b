"""Trait filters read dates as the sheet import does, and answer a value that cannot be meant
(outside the scale, an impossible date) with a message in the caller's language: 400 with a
visible message on the page, 400 in the one JSON error shape under /api/.

The catalogue fixture harvests S001 on 07-12, S005 on 07-18, S002 on 07-25 (S006, restricted,
on 07-08); SSC runs from 12.0 to 17.5 on a scale of 2 to 35 °Brix."""
import pytest

EARLY = {"S001", "S005"}  # visible accessions harvested by 07-20


def numbers(client, query: str) -> set[str]:
    response = client.get(f"/api/v1/accessions?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return {item["accenumb"] for item in response.get_json()["items"]}


@pytest.mark.parametrize("written", ["07-20", "7-20", "0720", "7月20日", "07/20", "7/20",
                                     "2026-07-20", "2026年7月20日", "201"])
def test_the_import_s_date_forms_all_mean_the_same_day(client, catalogue, written):
    assert numbers(client, f"trait=HARVEST_DATE:..{written}") == EARLY
    assert numbers(client, f"q=HARVEST_DATE:..{written}") == EARLY


def test_a_four_digit_date_is_a_month_and_day_not_day_720(client, catalogue):
    assert numbers(client, "trait=HARVEST_DATE:0720..0731") == {"S002"}


def test_the_page_reads_a_chinese_date_in_a_trait_row(client, catalogue):
    response = client.get("/?t0=HARVEST_DATE&t0max=7月20日")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "S001" in page and "S005" in page and "S002" not in page


REFUSED = [  # (trait filter, what the English message says)
    ("SSC:140..", "SSC: 140.. is outside the scale (2 °Brix to 35 °Brix)"),
    ("SSC:..1", "outside the scale"),
    ("HARVEST_DATE:1340..", "13-40 is not a date"),
    ("HARVEST_DATE:13-45..", "13-45 is not a date"),
    ("HARVEST_DATE:720..", "720.. is outside the scale (05-01 to 10-31)"),
    ("HARVEST_DATE:11-01..", "outside the scale (05-01 to 10-31)"),
    ("HARVEST_DATE:..7月45日", "is not a date"),
    ("HARVEST_DATE:..soon", "soon is not a date"),
]


@pytest.mark.parametrize("expression,english", REFUSED)
def test_an_impossible_filter_is_refused_in_the_api_s_error_shape(client, catalogue,
                                                                   expression, english):
    response = client.get(f"/api/v1/accessions?trait={expression}&lang=en")
    assert response.status_code == 400
    body = response.get_json()
    assert body["status"] == 400 and english in body["message"]
    assert body["errors"][0]["field"] == "trait"
    assert english in body["errors"][0]["messages"][0]


def test_the_api_answers_in_chinese_by_default(client, catalogue):
    body = client.get("/api/v1/accessions?trait=SSC:140..").get_json()
    assert body["message"] == ("参数 trait 有误：SSC：140.. 超出该性状的取值范围"
                               "（2 °Brix 至 35 °Brix），不会有任何结果")


def test_an_impossible_filter_in_the_text_names_q(client, catalogue):
    body = client.get("/api/v1/accessions?q=SSC:140..").get_json()
    assert body["errors"][0]["field"] == "q"


@pytest.mark.parametrize("url,chinese,english", [
    ("/?trait=SSC:140..", "超出该性状的取值范围", "outside the scale"),
    ("/?t0=SSC&t0min=140", "超出该性状的取值范围", "outside the scale"),
    ("/?t0=HARVEST_DATE&t0min=13-45", "13-45 不是有效日期", "13-45 is not a date"),
    ("/?trait=SSC:abc..", "不是数字", "is not a number"),
    ("/?trait=NOPE:1..", "NOPE 不是性状代码", "is not a descriptor code"),
    ("/?trait=FLESH_COLOR:blue", "不是 FLESH_COLOR 的类别", "is not a category"),
])
def test_the_page_says_what_is_wrong_in_its_own_language(client, catalogue, url, chinese,
                                                          english):
    response = client.get(url)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert chinese in page and english not in page
    english_page = client.get(url + "&lang=en").get_data(as_text=True)
    assert english in english_page and chinese not in english_page


def test_the_command_line_keeps_english_messages(cli, catalogue):
    result = cli("search", "--trait", "SSC:140..")
    assert result.exit_code == 2
    assert "outside the scale" in result.output


def test_a_range_that_only_reaches_past_the_scale_is_kept(client, catalogue):
    assert numbers(client, "trait=SSC:0..14") == {"S001", "S002"}
