"""The staff worklist and entry form over HTTP."""
import html
import re

import pytest

from germplasm.accounts.services import create_user
from germplasm.evaluations import campaigns
from germplasm.evaluations.models import Observation
from germplasm.extensions import db
from tests.accounts.test_login import login


@pytest.fixture
def campaign(plums):
    campaign, _ = campaigns.get_or_create("2026 果实评价", 2026, "巫山圃")
    campaigns.add_descriptors(campaign, campaigns.descriptors_by_code(
        ["FRUIT_WEIGHT", "FLESH_COLOR", "HARVEST_DATE"]))
    campaigns.add_to_worklist(campaign, [a.id for a in plums])
    db.session.commit()
    return campaign


@pytest.fixture
def staff(client):
    create_user("zhang", "staff", "nursery-2026", "张园")
    db.session.commit()
    login(client, "zhang", "nursery-2026")
    return client


def token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def entry_url(campaign, accenumb):
    return f"/campaigns/{campaign.id}/entry/{accenumb}"


def test_worklist_shows_progress(staff, campaign):
    page = staff.get(f"/campaigns/{campaign.id}").get_data(as_text=True)
    assert "2026 果实评价" in page and "0 / 3" in page and "WSL0003" in page


def test_entry_form_saves_and_moves_to_the_next_accession(staff, campaign):
    page = staff.get(entry_url(campaign, "WSL0001")).get_data(as_text=True)
    assert 'name="FLESH_COLOR"' in page and 'data-max="300' in page
    response = staff.post(entry_url(campaign, "WSL0001"), data={
        "csrf_token": token(page), "replicate": "1", "observed_on": "2026-07-15",
        "FRUIT_WEIGHT": "35.5", "FLESH_COLOR": "5", "HARVEST_DATE": "2026-07-14",
        "save_next": "1"})
    assert response.status_code == 302 and response.headers["Location"].endswith(
        entry_url(campaign, "WSL0002") + "?replicate=1")
    stored = db.session.execute(db.select(Observation.value_num, Observation.observer)).all()
    assert sorted(stored, key=str) == sorted([(35.5, "张园"), (None, "张园"), (195.0, "张园")],
                                             key=str)
    again = staff.get(entry_url(campaign, "WSL0001")).get_data(as_text=True)
    assert 'value="35.5"' in again and '<option value="5" selected>' in again
    assert "3 / 3" in staff.get(f"/campaigns/{campaign.id}").get_data(as_text=True)


def test_invalid_values_are_shown_in_place_and_nothing_is_saved(staff, campaign):
    page = staff.get(entry_url(campaign, "WSL0002")).get_data(as_text=True)
    response = staff.post(entry_url(campaign, "WSL0002"), data={
        "csrf_token": token(page), "FRUIT_WEIGHT": "900", "FLESH_COLOR": "5"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="e-FRUIT_WEIGHT" aria-live="polite">900 超出 FRUIT_WEIGHT 的有效范围' in body
    assert 'value="900"' in body  # what the user typed is kept
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == 0


def test_entry_pages_need_staff(client, campaign):
    assert client.get(f"/campaigns/{campaign.id}").status_code == 302  # to the login page
    create_user("reader", "researcher", "reading-2026")
    db.session.commit()
    login(client, "reader", "reading-2026")
    assert client.get(f"/campaigns/{campaign.id}").status_code == 403


def test_entry_post_without_csrf_is_400(staff, campaign):
    response = staff.post(entry_url(campaign, "WSL0001"), data={"FRUIT_WEIGHT": "30"})
    assert response.status_code == 400


@pytest.mark.parametrize("replicate", ["9" * 20, "-5", "0", "1.5", "x"])
def test_an_impossible_replicate_is_explained_not_a_500(staff, campaign, replicate):
    assert staff.get(entry_url(campaign, "WSL0001") + f"?replicate={replicate}"
                     ).status_code == 400
    page = staff.get(entry_url(campaign, "WSL0001")).get_data(as_text=True)
    response = staff.post(entry_url(campaign, "WSL0001"), data={
        "csrf_token": token(page), "replicate": replicate, "FRUIT_WEIGHT": "30"})
    assert response.status_code == 422
    assert "must be a whole number from 1 to 999" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == 0


def test_an_overlong_observer_is_refused_with_the_columns_limit(staff, campaign):
    page = staff.get(entry_url(campaign, "WSL0001")).get_data(as_text=True)
    response = staff.post(entry_url(campaign, "WSL0001"), data={
        "csrf_token": token(page), "observer": "张" * 5000, "FRUIT_WEIGHT": "30"})
    assert response.status_code == 422
    assert "has 5000 characters; at most 100" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Observation.id))) == 0


def test_a_value_changed_since_the_form_was_opened_is_not_overwritten(staff, campaign, cli,
                                                                        tmp_path):
    url = entry_url(campaign, "WSL0001")
    page = staff.get(url).get_data(as_text=True)  # a phone opens the empty form ...
    sheet = tmp_path / "sheet.csv"  # ... a sheet import records a weight meanwhile ...
    sheet.write_text("ACCENUMB,FRUIT_WEIGHT\nWSL0001,41\n", encoding="utf-8")
    assert cli("import", "observations", sheet, "--campaign", campaign.name).exit_code == 0
    shown = re.search(r'name="shown" value="([^"]*)"', page).group(1)
    response = staff.post(url, data={  # ... and the phone saves another weight
        "csrf_token": token(page), "shown": html.unescape(shown), "FRUIT_WEIGHT": "35",
        "FLESH_COLOR": "5"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "打开此表单后已被他人改为“41”" in body
    stored = db.session.scalars(db.select(Observation.value_num)).all()
    assert stored == [41.0]  # the import's value, and nothing of the phone's
    again = re.search(r'name="shown" value="([^"]*)"', body).group(1)
    saved = staff.post(url, data={"csrf_token": token(body), "shown": html.unescape(again),
                                  "FRUIT_WEIGHT": "35", "FLESH_COLOR": "5"})
    assert saved.status_code == 302  # seen and confirmed: now it is saved
