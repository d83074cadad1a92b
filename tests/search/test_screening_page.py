"""The screening page (/screening): a selection index or a trait's extremes over the search's
result set, as a ranked table that can become a selection or a download.

The catalogue fixture's S006 is restricted (SSC 14.5, cracking 3, harvested 07-08, the
earliest): the public neither sees it nor has its values in the z-scores.
"""
import csv
import io
import re
import statistics

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from germplasm.accounts.services import create_user
from tests.accounts.test_login import login

SSC = {"S001": 13.5, "S002": 12.0, "S003": 16.0, "S004": 15.0, "S005": 17.5, "S006": 14.5}
CRACKING = {"S001": 1, "S002": 5, "S003": 3, "S004": 7, "S005": 1, "S006": 3}
INDEX = {"s0": "SSC", "s0dir": "+", "s0w": "2", "s1": "FRUIT_CRACKING", "s1dir": "-",
         "s1w": "1", "mode": "index"}


@pytest.fixture
def staff(client):
    create_user("curator.he", "staff", "orchard-2026")
    login(client, "curator.he", "orchard-2026")
    return client


def expected_index(seen: list[str]) -> dict[str, float]:
    """2·z(SSC) − z(cracking), the z-scores over the accessions the caller may see."""
    def z(values, number):
        shown = [values[n] for n in seen]
        return (values[number] - statistics.fmean(shown)) / statistics.stdev(shown)
    return {n: 2 * z(SSC, n) - z(CRACKING, n) for n in seen}


def ranked(page: str) -> list[str]:
    """The accession numbers of the result table, in rank order."""
    body = page.split('class="list screening"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'href="/accessions/(S\d+)"', body)


def get(client, **params):
    response = client.get("/screening", query_string={"lang": "en", **params})
    return response, response.get_data(as_text=True)


def test_the_index_ranks_as_computed_by_hand(client, catalogue):
    response, page = get(client, **INDEX)
    assert response.status_code == 200
    expected = expected_index(["S001", "S002", "S003", "S004", "S005"])
    order = sorted(expected, key=expected.get, reverse=True)
    assert ranked(page) == order
    assert f"<b>{expected[order[0]]:.2f}</b>" in page  # the index, shown
    assert "5 accessions ranked" in page and "S006" not in page
    # S005's SSC contribution: 2 · z, its value shown as measured
    contribution = 2 * (17.5 - 14.8) / statistics.stdev([13.5, 12, 16, 15, 17.5])
    assert "17.5" in page and f"{contribution:+.2f}" in page


def test_staff_rank_the_restricted_accession_too(staff, catalogue):
    _response, page = get(staff, **INDEX)
    expected = expected_index(list(SSC))
    assert ranked(page) == sorted(expected, key=expected.get, reverse=True)
    assert "S006" in ranked(page)


@pytest.mark.parametrize("target", ["7-15", "0715", "7月15日", "07-15"])
def test_a_target_date_ranks_by_closeness_within_the_search(client, catalogue, target):
    # the population is the search's: fruit weight at most 59 g (S002 and S004 are heavier)
    _response, page = get(client, s0="HARVEST_DATE", s0dir="~", s0target=target,
                          t0="FRUIT_WEIGHT", t0max="59")
    order = ranked(page)
    assert sorted(order[:2]) == ["S001", "S005"]  # 3 days either side of 15 July
    assert order[2:] == ["S003"]  # 20 August; S006 (8 July) is restricted
    # the search's filter is kept on the form and shown as a chip
    assert "Mean fruit weight: ≤ 59" in page and 'name="t0max" value="59"' in page


def test_extremes_by_count_and_by_percentage(client, staff, catalogue):
    public = client.__class__(client.application)
    _r, page = get(public, mode="extreme", xcode="HARVEST_DATE", xend="bottom", xn="2",
                   xunit="count")
    assert ranked(page) == ["S001", "S005"]  # the earliest two the public may see
    _r, page = get(staff, mode="extreme", xcode="HARVEST_DATE", xend="bottom", xn="2")
    assert ranked(page) == ["S006", "S001"]
    _r, page = get(public, mode="extreme", xcode="SSC", xend="top", xn="40", xunit="percent")
    assert ranked(page) == ["S005", "S003"]


@pytest.mark.parametrize(("params", "field", "words"), [
    ({"s0": "SSC", "s0w": "-3"}, "s0w", "Row 1, weight: '-3' is not a number above 0"),
    ({"s0": "SSC", "s1": "FLESH_COLOR"}, "s1", "Row 2, trait: 'FLESH_COLOR' is not a measured"),
    ({"s0": "HARVEST_DATE", "s0dir": "~"}, "s0target", "Row 1, target: give the target"),
    ({"s0": "HARVEST_DATE", "s0dir": "~", "s0target": "13-40"}, "s0target",
     "Row 1, target: '13-40' is not a date"),
    ({"s0": "SSC", "s0dir": "~", "s0target": "1e400"}, "s0target", "is not a number"),
    ({"s0": "SSC", "s1": "SSC"}, "s1", "Row 2, trait: Soluble solids"),
    ({"s0": "SSC", "s0dir": "*"}, "s0dir", "Row 1, direction"),
    ({"mode": "extreme", "xcode": "SSC", "xn": "0"}, "xn", "Extremes, number: '0'"),
    ({"mode": "extreme", "xcode": "SSC", "xn": "101", "xunit": "percent"}, "xn", "percentage"),
    ({"mode": "extreme", "xcode": "NOPE"}, "xcode", "Extremes, trait"),
    ({"mode": "index"}, "s0", "Choose at least one trait"),
])
def test_a_bad_criterion_is_refused_with_its_row_and_field(client, catalogue, params, field,
                                                           words):
    response, page = get(client, **params)
    assert response.status_code == 400
    assert words in page.replace("&#39;", "'")
    if field.startswith("s"):  # the row at fault is marked on the form
        row = page.split('<tr class="invalid">', 1)[1].split("</tr>", 1)[0]
        assert f'name="{field[:2]}"' in row


def test_messages_are_in_the_page_language(client, catalogue):
    response = client.get("/screening", query_string={"s0": "SSC", "s0w": "abc",
                                                      "lang": "zh_CN"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "第 1 行，权重" in page and "Row 1" not in page


def test_the_table_becomes_a_selection_and_a_selection_is_screened(client, catalogue):
    _r, page = get(client, **INDEX)
    assert 'action="/selection/add"' in page.split('class="to-selection"', 1)[0][-80:]
    form = page.split('class="to-selection"', 1)[1].split("</form>", 1)[0]
    boxes = re.findall(r'name="accenumb" value="(S\d+)" checked', form)
    assert boxes == ranked(page)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    back = re.search(r'name="next" value="([^"]+)"', form).group(1).replace("&amp;", "&")
    assert back.startswith("/screening?")
    answer = client.post("/selection/add", data={"csrf_token": token, "next": back,
                                                 "accenumb": boxes[:2]})
    assert answer.status_code == 302 and answer.headers["Location"].endswith(back)
    # the selection screened by the search's own parameter, which the form keeps
    _r, page = get(client, **INDEX, selection="current")
    assert ranked(page) == boxes[:2]
    assert 'name="selection" value="current"' in page
    own = client.get("/selection").get_data(as_text=True)
    selection = re.search(r"/selections/([A-Za-z0-9_-]+)", own).group(1)
    assert f'href="/screening?selection={selection}"' in own  # the selection page links here


def test_export_as_csv_and_excel(client, catalogue):
    csv_response = client.get("/screening/export/csv", query_string={**INDEX, "lang": "en"})
    assert csv_response.status_code == 200
    assert "plum-screening-SSC-FRUIT_CRACKING-" in csv_response.headers["Content-Disposition"]
    text = csv_response.get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["Rank", "ACCENUMB", "NAMES", "SPECIES", "Index"]
    expected = expected_index(["S001", "S002", "S003", "S004", "S005"])
    assert [r[1] for r in rows[1:]] == sorted(expected, key=expected.get, reverse=True)
    xlsx = client.get("/screening/export/xlsx", query_string={
        "mode": "extreme", "xcode": "HARVEST_DATE", "xend": "bottom", "xn": "3"})
    sheet = load_workbook(io.BytesIO(xlsx.get_data())).active
    values = list(sheet.values)
    assert [v[1] for v in values[1:]] == ["S001", "S005", "S002"]
    assert values[1][4] == "07-12" and values[1][0] == 1
    assert client.get("/screening/export/csv?s0=SSC&s0w=0").status_code == 400


def test_linked_from_the_navigation_and_the_search(client, catalogue):
    home = client.get("/?origin=CHN&page=1").get_data(as_text=True)
    assert 'href="/screening"' in home
    assert 'href="/screening?origin=CHN"' in home
    _r, page = get(client, origin="CHN", sort="nonsense", per_page="5000", col="x", **INDEX)
    assert ranked(page) == ["S005", "S001"]  # the population: Chinese accessions only
    assert 'name="sort"' not in page  # the search's sort, columns and page size play no part


SCREEN_PARAMS = ("s0", "s0dir", "s0target", "s0w", "s1", "s1dir", "s1target", "s1w", "s99",
                 "mode", "xcode", "xend", "xn", "xunit", "page", "q", "t0", "t0max", "trait")
SCREEN_VALUES = st.one_of(st.sampled_from((
    "", "SSC", "HARVEST_DATE", "FRUIT_CRACKING", "FLESH_COLOR", "+", "-", "~", "index", "extreme",
    "top", "bottom", "count", "percent", "0", "-1", "1e400", "nan", "inf", "9" * 400, "7-20",
    "0720", "7月20日", "13-40", "366", "0.5", "1000", "1001", "SSC:12..", "\x00", "%")),
    st.text(max_size=12))


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=st.lists(st.tuples(st.sampled_from(SCREEN_PARAMS), SCREEN_VALUES), max_size=8),
       path=st.sampled_from(("/screening", "/screening/export/csv")))
def test_no_screening_input_answers_500(client, catalogue, query, path):
    response = client.get(path, query_string=query)
    assert response.status_code in (200, 400), (query, response.get_data(as_text=True)[:300])


def test_exports_hide_restricted_accessions_from_the_public(client, staff, catalogue):
    public = client.__class__(client.application)
    query = {"mode": "extreme", "xcode": "HARVEST_DATE", "xend": "bottom", "xn": "10"}
    assert b"S006" not in public.get("/screening/export/csv", query_string=query).get_data()
    assert b"S006" in staff.get("/screening/export/csv", query_string=query).get_data()


def test_the_chinese_page_speaks_chinese(client, catalogue):
    page = client.get("/screening", query_string=INDEX).get_data(as_text=True)
    for words in ("优异种质筛选", "名次", "选择指数", "贡献", "越高越好", "加入我的选集"):
        assert words in page
    for english in ("Rank", "Contribution", "Weight", "higher is better", "Export"):
        assert f">{english}" not in page
