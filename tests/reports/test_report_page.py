"""/reports/distribution: staff and above; the same numbers as the command, with SVG charts
drawn on the server (no script, no outside resource)."""
import html
import re
from io import BytesIO

from openpyxl import load_workbook

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from tests.accounts.test_login import login


def _signed_in(client, role):
    create_user(f"a.{role}", role, "orchard-2026")
    db.session.commit()
    assert login(client, f"a.{role}", "orchard-2026").status_code == 302


def test_anonymous_visitors_are_sent_to_log_in(client):
    answer = client.get("/reports/distribution?year=2025")
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]


def test_researchers_are_refused(client):
    _signed_in(client, "researcher")
    assert client.get("/reports/distribution?year=2025").status_code == 403
    assert client.get("/reports/distribution.xlsx?year=2025").status_code == 403


def test_staff_read_the_year_in_chinese_with_charts(client, year_2025):
    _signed_in(client, "staff")
    answer = client.get("/reports/distribution?year=2025")
    assert answer.status_code == 200
    page = html.unescape(answer.get_data(as_text=True))
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "分发年报 2025" in text
    for expected in ("收到申请 4", "分发种质（份） 3", "鉴定评价种质（份） 2", "收到利用反馈 1",
                     "重庆 2", "KAZ 1", "接穗 (支) 14", "高等院校 1", "科学研究 1",
                     "繁育苗木（株）: 0 / 50000", "鉴定评价种质（份）: 2 / 500"):
        assert expected in text, expected
    assert page.count('<svg class="chart report') == 6  # four tables, two plans
    assert "<script" not in page.split("<main>")[1]
    assert 'href="/reports/distribution"' in page  # the staff navigation links it


def test_other_years_and_bad_years(client, year_2025):
    _signed_in(client, "staff")
    page = client.get("/reports/distribution?year=2024").get_data(as_text=True)
    assert "分发年报 2024" in page and "四川" in page
    assert client.get("/reports/distribution?year=abc").status_code == 200


def test_staff_download_the_workbook(client, year_2025):
    _signed_in(client, "staff")
    answer = client.get("/reports/distribution.xlsx?year=2025")
    assert answer.status_code == 200
    assert "plum-distribution-2025.xlsx" in answer.headers["Content-Disposition"]
    book = load_workbook(BytesIO(answer.data))
    summary = {row[0]: row[1] for row in book["summary"].iter_rows(min_row=3, values_only=True)}
    assert summary["收到申请"] == 4
