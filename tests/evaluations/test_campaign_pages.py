"""Campaign management over HTTP: create, extend, template download, progress, permissions."""
import io
import re

import pytest
from openpyxl import load_workbook

from germplasm.accounts.services import create_user
from germplasm.audit.models import AuditEntry
from germplasm.evaluations import campaign_setup, campaigns
from germplasm.evaluations.models import Campaign, Descriptor, WorklistEntry
from germplasm.extensions import db
from tests.accounts.test_login import login
from tests.evaluations.test_entry_pages import entry_url, token


@pytest.fixture
def staff(client):
    create_user("wang", "staff", "nursery-2026", "王园")
    db.session.commit()
    login(client, "wang", "nursery-2026")
    return client


def ids_of(*codes) -> list[str]:
    return [str(d.id) for d in campaigns.descriptors_by_code(codes)]


def form(staff, url, **fields):
    page = staff.get(url).get_data(as_text=True)
    return {"csrf_token": token(page), "year": "2026"} | fields


def counts():
    return [db.session.scalar(db.select(db.func.count()).select_from(model))
            for model in (Campaign, WorklistEntry, AuditEntry)]


def test_create_with_descriptors_and_pasted_numbers(staff, plums):
    page = staff.get("/campaigns/new").get_data(as_text=True)
    assert page.count('name="descriptor"') == 64 and page.count('class="group-toggle"') == 4
    data = form(staff, "/campaigns/new", name="2026 果实", site="巫山圃",
                descriptor=ids_of("FRUIT_WEIGHT", "FLESH_COLOR"),
                numbers="WSL0003，WSL0001\nWSL0002 WSL0003")
    response = staff.post("/campaigns/new", data=data)
    campaign = campaigns.find("2026 果实")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/campaigns/{campaign.id}/progress")
    assert [d.code for d in campaign.descriptors] == ["FRUIT_WEIGHT", "FLESH_COLOR"]
    assert [e.accession.accenumb for e in campaign.worklist] == ["WSL0003", "WSL0001", "WSL0002"]
    entries = db.session.scalars(db.select(AuditEntry).filter_by(entity="campaign")).all()
    assert {(e.action, e.field, e.user, e.source) for e in entries} == {
        ("create", None, "wang", "web form"), ("update", "worklist", "wang", "web form")}
    assert "巫山圃" in staff.get("/campaigns/").get_data(as_text=True)


def test_unknown_numbers_are_named_and_nothing_is_written(staff, plums):
    before = counts()
    data = form(staff, "/campaigns/new", name="坏的", descriptor=ids_of("FRUIT_WEIGHT"),
                numbers="WSL0001, NOPE-1, NOPE-2")
    response = staff.post("/campaigns/new", data=data)
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "NOPE-1, NOPE-2" in body and "没有种质库编号为" in body
    assert "WSL0001, NOPE-1, NOPE-2" in body  # what was typed is kept
    assert counts() == before


def test_bad_year_and_taken_name_are_reported_together(staff, plums):
    staff.post("/campaigns/new", data=form(staff, "/campaigns/new", name="甲"))
    response = staff.post("/campaigns/new", data=form(staff, "/campaigns/new", name="甲",
                                                      year="26x", numbers="ZZZ"))
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and body.count('role="alert"') >= 3
    assert "ZZZ" in body and db.session.scalar(db.select(db.func.count(Campaign.id))) == 1


def test_create_from_a_selection_and_pasted_numbers(staff, plums):
    added = staff.post("/selection/add", headers={"Accept": "application/json"}, data={
        "csrf_token": token(staff.get("/").get_data(as_text=True)),
        "accenumb": ["WSL0003", "WSL0002"]})
    assert added.status_code == 200, added.get_data(as_text=True)
    page = staff.get("/campaigns/new").get_data(as_text=True)
    choice = re.search(r'<option value="([\w-]+)">当前选集 \(2\)</option>', page)
    assert choice, page[page.index('name="selection"'):][:400]
    data = form(staff, "/campaigns/new", name="选集任务", descriptor=ids_of("SSC"),
                selection=choice.group(1), numbers="WSL0001 WSL0002")
    assert staff.post("/campaigns/new", data=data).status_code == 302
    worklist = campaigns.find("选集任务").worklist
    numbers = [e.accession.accenumb for e in worklist]  # the selection's, then the pasted
    assert sorted(numbers[:2]) == ["WSL0002", "WSL0003"] and numbers[2] == "WSL0001"
    before = counts()
    data |= {"name": "另一个", "selection": "no-such-token"}
    refused = staff.post("/campaigns/new", data=data)
    assert refused.status_code == 422 and "no-such-token" in refused.get_data(as_text=True)
    assert counts() == before


@pytest.fixture
def campaign(plums):
    campaign = campaign_setup.create(
        {"name": "2026 果实评价", "year": 2026, "site": "巫山圃"},
        campaigns.descriptors_by_code(["FRUIT_WEIGHT", "FLESH_COLOR", "HARVEST_DATE"]),
        [plums[0].id, plums[1].id], "tests", "fixture")
    db.session.commit()
    return campaign


def save_entry(staff, campaign, accenumb, **values):
    page = staff.get(entry_url(campaign, accenumb)).get_data(as_text=True)
    response = staff.post(entry_url(campaign, accenumb),
                          data={"csrf_token": token(page), "replicate": "1"} | values)
    assert response.status_code == 302, response.get_data(as_text=True)


def test_edit_adds_and_refuses_dropping_a_recorded_descriptor(staff, campaign):
    save_entry(staff, campaign, "WSL0001", FRUIT_WEIGHT="35")
    url = f"/campaigns/{campaign.id}/edit"
    page = staff.get(url).get_data(as_text=True)
    assert 'value="2026 果实评价"' in page and "已记录 1" in page
    refused = staff.post(url, data=form(staff, url, name="2026 果实评价",
                                        descriptor=ids_of("FLESH_COLOR"), numbers="WSL0003"))
    assert refused.status_code == 422 and "FRUIT_WEIGHT" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert len(campaign.descriptors) == 3 and len(campaign.worklist) == 2
    keep = ids_of("FRUIT_WEIGHT", "FLESH_COLOR", "HARVEST_DATE", "SSC")
    saved = staff.post(url, data=form(staff, url, name="2026 果实评价", descriptor=keep,
                                      numbers="WSL0003 WSL0001"))
    assert saved.status_code == 302
    db.session.expire_all()
    assert [d.code for d in campaign.descriptors][-1] == "SSC"
    assert [e.accession.accenumb for e in campaign.worklist] == ["WSL0001", "WSL0002", "WSL0003"]


def test_template_download_is_the_cli_sheet(staff, campaign, cli, tmp_path):
    response = staff.get(f"/campaigns/{campaign.id}/template.xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    disposition = response.headers["Content-Disposition"]
    assert re.search(r"filename\*=UTF-8''plum-campaign-2026_%E6%9E%9C.*-\d{4}-\d\d-\d\d\.xlsx",
                     disposition), disposition
    web = load_workbook(io.BytesIO(response.data))["记录表"]
    assert cli("campaign", "template", campaign.name, "-o", tmp_path / "t.xlsx").exit_code == 0
    sheet = load_workbook(tmp_path / "t.xlsx")["记录表"]
    rows = [[c.value for c in row] for row in web.iter_rows()]
    assert rows == [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["ACCENUMB", "名称"] and "平均单果重 (g) [FRUIT_WEIGHT]" in rows[0]
    assert [r[0] for r in rows[1:]] == ["WSL0001", "WSL0002"]


def test_progress_counts_recorded_values(staff, campaign):
    save_entry(staff, campaign, "WSL0001", FRUIT_WEIGHT="35", FLESH_COLOR="5")
    save_entry(staff, campaign, "WSL0002", FRUIT_WEIGHT="40")
    page = staff.get(f"/campaigns/{campaign.id}/progress?lang=en").get_data(as_text=True)
    assert "3 of 6 values recorded (50 %)" in page
    per_descriptor = re.findall(r'<small>([A-Z_]+)</small></td><td class="num">(\d+ / \d+)<', page)
    assert sorted(per_descriptor) == [("FLESH_COLOR", "1 / 2"), ("FRUIT_WEIGHT", "2 / 2"),
                                      ("HARVEST_DATE", "0 / 2")]
    per_accession = re.findall(r'>(WSL\d+)</a></td><td>[^<]*</td>\s*<td class="num">(\d+ / \d+)<',
                               page)
    assert per_accession == [("WSL0001", "2 / 3"), ("WSL0002", "1 / 3")]
    assert entry_url(campaign, "WSL0002") in page
    grid = staff.get(f"/campaigns/{campaign.id}/progress?view=grid").get_data(as_text=True)
    assert grid.count('<td class="y">') == 3
    listing = staff.get("/campaigns/").get_data(as_text=True)
    assert "50 %" in listing


def test_pages_need_staff(client, campaign):
    urls = ["/campaigns/new", f"/campaigns/{campaign.id}/edit",
            f"/campaigns/{campaign.id}/template.xlsx", f"/campaigns/{campaign.id}/progress"]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login page
    create_user("reader", "researcher", "reading-2026")
    db.session.commit()
    login(client, "reader", "reading-2026")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403
        assert "您没有权限打开此页面" in response.get_data(as_text=True)
    csrf = token(client.get("/").get_data(as_text=True))  # the logout form's
    data = {"csrf_token": csrf, "name": "x", "year": "2026"}
    assert client.post("/campaigns/new", data=data).status_code == 403
    assert db.session.scalar(db.select(db.func.count(Campaign.id))) == 1


def test_forms_need_the_csrf_token(staff, plums):
    response = staff.post("/campaigns/new", data={"name": "无令牌", "year": "2026"})
    assert response.status_code == 400 and campaigns.find("无令牌") is None


def test_descriptor_ids_from_the_form_are_only_real_ones(staff, plums):
    data = form(staff, "/campaigns/new", name="乙", descriptor=["abc", "999999", ids_of("SSC")[0]])
    assert staff.post("/campaigns/new", data=data).status_code == 302
    assert [d.code for d in campaigns.find("乙").descriptors] == ["SSC"]
    assert db.session.get(Descriptor, 999999) is None


def test_the_cli_creates_through_the_same_audited_service(cli, plums):
    result = cli("campaign", "create", "命令行任务", "--year", 2026, "--descriptors", "SSC",
                 "--accessions", "WSL0002,WSL0001", "--user", "li")
    assert result.exit_code == 0, result.output
    again = cli("campaign", "create", "命令行任务", "--year", 2026, "--descriptors", "FRUIT_WEIGHT",
                "--accessions", "WSL0003", "--user", "li")
    assert again.exit_code == 0 and "updated: 2 descriptors, 1 accessions added" in again.output
    entries = db.session.scalars(db.select(AuditEntry).filter_by(entity="campaign")).all()
    assert [(e.action, e.field, e.new_value, e.source) for e in entries] == [
        ("create", None, "命令行任务", "cli"), ("update", "worklist", "WSL0002;WSL0001", "cli"),
        ("update", "descriptors", "FRUIT_WEIGHT,SSC", "cli"),
        ("update", "worklist", "WSL0003", "cli")]
