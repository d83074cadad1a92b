"""The ripening calendar over HTTP: every matching accession is reachable page by page with
the count stated, each row names its accession, every mean is drawn at its exact day, and
restricted accessions stay hidden from the public."""
import html
import re
from datetime import date, timedelta

import pytest

from germplasm.accessions.services import upsert_rows
from germplasm.accounts.services import create_user
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from schemas.accession import McpdRowSchema
from search import accession_index
from tests.accounts.test_login import csrf_token, login

DATED = 250  # three pages of 100
ROW = re.compile(r"<tr><th><a href=\"/accessions/([^\"]+)\">.*?</tr>", re.S)


def _accession(number: str, name: str, **more) -> dict:
    return {"INSTCODE": "CHN385", "ACCENUMB": number, "ACCENAME": name, "GENUS": "Prunus",
            "SPECIES": "salicina", "ORIGCTY": "CHN"} | more


@pytest.fixture
def orchard(index_dir):
    """DATED Chinese accessions harvested over two years (days 190..), CAL0007 on days 200
    and 201 (mean 200.5) and CAL0008 on 203 and 204 (mean 203.5, between two weeks); an
    undated one; a restricted dated one; a dated one from the USA the filter leaves out."""
    rows = [_accession(f"CAL{i:04d}", f"日历李{i}号;Rìlì {i}") for i in range(DATED)]
    rows += [_accession("CALNONE", "无采收李"), _accession("CALSECRET", "秘密李", RESTRICTED="Y"),
             _accession("CALUSA", "Calendar Rosa", ORIGCTY="USA")]
    loaded = upsert_rows([(n + 2, McpdRowSchema().load(r)) for n, r in enumerate(rows)],
                         user="tests", source="fixture")
    assert loaded.created == len(rows)
    ids = dict(db.session.execute(db.text(
        "SELECT accenumb, id FROM accessions WHERE accenumb LIKE 'CAL%'")).all())
    days = {f"CAL{i:04d}": (190 + i % 40, 191 + i % 40 + i % 3) for i in range(DATED)}
    days |= {"CAL0007": (200, 201), "CAL0008": (203, 204), "CALSECRET": (195, 196),
             "CALUSA": (200, 200)}
    harvest = descriptors_by_code(["HARVEST_DATE"])[0]
    parse = ValueParser(harvest).parse
    for year, which in ((2025, 0), (2026, 1)):
        campaign, _ = campaigns.get_or_create(f"{year} 采收", year)
        record(campaign, [NewObservation(accession_id=ids[number], descriptor=harvest,
                                         value=parse(_date(year, pair[which]), year))
                          for number, pair in days.items()], user="tests", source="fixture")
    db.session.commit()
    accession_index.rebuild()


def _date(year: int, day: int) -> str:
    return (date(year, 1, 1) + timedelta(days=day - 1)).isoformat()


def rows_of(page: str) -> dict[str, str]:
    return {m.group(1): m.group(0) for m in ROW.finditer(page)}


def every_page(client, url: str) -> tuple[list[str], list[str]]:
    """Follow the pager's "next" links from url: (accession numbers in order, pages seen)."""
    numbers, pages = [], []
    while url:
        page = client.get(url).get_data(as_text=True)
        pages.append(page)
        numbers += list(rows_of(page))
        following = re.search(r'<a rel="next" href="([^"]+)"', page)
        url = html.unescape(following.group(1)) if following else None
    return numbers, pages


def test_every_matching_accession_is_reachable_page_by_page_with_the_count_stated(
        client, orchard):
    numbers, pages = every_page(client, "/calendar?origin=CHN")
    assert len(pages) == 3 and len(numbers) == len(set(numbers)) == DATED
    assert set(numbers) == {f"CAL{i:04d}" for i in range(DATED)}  # not USA, undated, secret
    assert "第 1–100 条，共 250 条" in pages[0] and "第 201–250 条，共 250 条" in pages[2]
    assert "符合条件的种质共 251 份，其中 1 份没有采收期记录，未列出" in pages[0]
    english = client.get("/calendar?origin=CHN&page=2&lang=en").get_data(as_text=True)
    assert "Rows 101–200 of 250." in english
    assert 'href="/calendar?origin=CHN&amp;lang=en&amp;page=3"' in english  # keeps the query
    first_days = [int(re.search(r'class="days">\d\d-\d\d', r).group(0)[-2:]) for r in
                  rows_of(pages[0]).values()]
    assert first_days == sorted(first_days)  # earliest harvest first (July days)


def test_each_row_shows_the_accession_name_beside_its_number(client, orchard):
    page = client.get("/calendar?origin=CHN").get_data(as_text=True)
    assert "日历李7号；Rìlì 7" in rows_of(page)["CAL0007"]


def mean_left(row: str) -> float:
    return float(re.search(r'class="mean" style="left: ([\d.]+)%"', row).group(1))


def week_left(page: str, label: str) -> float:
    return float(re.search(rf'<span style="left: ([\d.]+)%">{label}</span>', page).group(1))


def test_every_mean_is_drawn_at_its_exact_day(client, orchard):
    page = client.get("/calendar?a=CAL0007,CAL0008,CAL0000,CAL0039").get_data(as_text=True)
    rows = rows_of(page)
    assert all(row.count('class="mean"') == 1 for row in rows.values())
    week_of_16th, week_of_23rd = week_left(page, "07-16"), week_left(page, "07-23")
    # 203.5 (07-22 and 07-23) sits in no week of whole days: drawn mid-day 203.5, at the line
    # where the week of 07-23 (day 204) begins; 200.5 four sevenths into the week of 07-16.
    assert mean_left(rows["CAL0008"]) == pytest.approx(week_of_23rd, abs=0.01)
    expected = week_of_16th + (week_of_23rd - week_of_16th) * 4 / 7
    assert mean_left(rows["CAL0007"]) == pytest.approx(expected, abs=0.01)
    assert "平均 07-19（全年第 200.5 天）" in rows["CAL0007"]


def test_restricted_accessions_are_hidden_from_the_public_and_shown_to_staff(client, orchard):
    numbers, pages = every_page(client, "/calendar?origin=CHN")
    assert "CALSECRET" not in numbers and not any("秘密李" in page for page in pages)
    assert "共 250 条" in pages[0]
    create_user("calendar.staff", "staff", "orchard-2026")
    login(client, "calendar.staff", "orchard-2026")
    numbers, pages = every_page(client, "/calendar?origin=CHN")
    assert "CALSECRET" in numbers and "共 251 条" in pages[0]
    assert any("秘密李" in rows_of(page).get("CALSECRET", "") for page in pages)


def test_a_page_past_the_last_says_so(client, orchard):
    page = client.get("/calendar?origin=CHN&page=9").get_data(as_text=True)
    assert "第 9 页超出了最后一页（第 3 页）" in page and not rows_of(page)


def test_a_selection_is_drawn_and_its_undated_member_counted(client, orchard):
    added = client.post("/selection/add", headers={"Accept": "application/json"},
                        data={"csrf_token": csrf_token(client, "/"),
                              "accenumb": ["CAL0001", "CAL0008", "CALUSA", "CALNONE"]})
    assert added.status_code == 200 and added.json["count"] == 4, added.get_data(as_text=True)
    page = client.get("/calendar?selection=current").get_data(as_text=True)
    assert set(rows_of(page)) == {"CAL0001", "CAL0008", "CALUSA"}
    assert "第 1–3 条，共 3 条" in page and "共 4 份，其中 1 份没有采收期记录" in page
