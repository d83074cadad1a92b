"""Staff keep trees and lots on the web, from the accession page: every form with valid input
saves through the services (audited, in the ledger), invalid input is shown beside its field
with nothing saved (422, never a 500), and nobody below staff gets a form."""
import html
import re
from datetime import date

import pytest

from germplasm.audit.services import history
from germplasm.extensions import db
from germplasm.inventory import ledger, lots, plants
from germplasm.inventory.models import Lot, Plant


def token(client, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, page.get_data(as_text=True)
    tag = re.search(r'<input[^>]*name="csrf_token"[^>]*>', page.get_data(as_text=True)).group(0)
    return re.search(r'value="([^"]+)"', tag).group(1)


def post(client, form_page: str, action: str, **data):
    return client.post(action, data={"csrf_token": token(client, form_page), **data})


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def beside(page: str, field: str) -> str:
    """The error shown beside one field."""
    found = re.search(rf'<p class="error" id="e-{field}" role="alert">([^<]*)</p>', page)
    assert found, f"no error beside {field}"
    return found.group(1)


@pytest.fixture
def staff(as_role):
    return as_role("staff")


def test_the_accession_page_links_staff_to_the_forms(client, staff, make_accession, make_lot):
    accession = make_accession()
    tree = plants.plant(accession.id, plants.PlantFields("W", "1", "1"))
    lot = make_lot(accession)
    page = text(client.get(f"/accessions/{accession.accenumb}"))
    for path in (f"/accessions/{accession.id}/trees/new", f"/accessions/{accession.id}/lots/new",
                 f"/trees/{tree.id}", f"/inventory/lots/{lot.id}"):
        assert f'href="{path}"' in page
    assert "添加植株" in page and "添加批次" in page


def test_add_a_tree(client, staff, make_accession):
    accession, stock = make_accession(), make_accession()
    form = f"/accessions/{accession.id}/trees/new"
    page = text(client.get(form))
    assert "区" in page and "株位" in page and "砧木" in page
    assert "接穗" in text(client.get(f"/accessions/{accession.id}/lots/new"))
    answer = post(client, form, form, block="W", row="2", position="3",
                  planted_on="2024-03-01", rootstock=stock.accenumb, notes="")
    assert answer.status_code == 303 and answer.location.endswith("#inventory")
    tree = db.session.scalars(db.select(Plant).where(Plant.accession_id == accession.id)).one()
    assert (tree.place, tree.planted_on, tree.rootstock_accession_id) == (
        "W-2-3", date(2024, 3, 1), stock.id)
    assert [e.source for e in history(accession.id) if e.entity == "plant"] == ["accession page"]
    assert "已添加植株 W-2-3" in text(client.get(f"/accessions/{accession.accenumb}"))


def test_a_tree_form_with_bad_input_shows_the_errors_beside_the_fields(client, staff,
                                                                       make_accession):
    accession = make_accession()
    plants.plant(accession.id, plants.PlantFields("W", "3", "1"))
    db.session.commit()
    form = f"/accessions/{accession.id}/trees/new"
    answer = post(client, form, form, block="", row="3", position="1", planted_on="2024-13-01")
    assert answer.status_code == 422
    page = text(answer)
    assert beside(page, "block") and beside(page, "planted_on")
    taken = post(client, form, form, block="W", row="3", position="1")
    assert taken.status_code == 422
    assert "W-3-1" in beside(text(taken), "position")
    assert db.session.scalar(db.select(db.func.count()).select_from(Plant).where(
        Plant.accession_id == accession.id)) == 1


def test_edit_and_remove_a_tree_and_add_a_virus_test(client, staff, make_accession):
    accession = make_accession()
    tree = plants.plant(accession.id, plants.PlantFields("W", "4", "1", rootstock_text="毛桃"))
    db.session.commit()
    page = f"/trees/{tree.id}"
    assert 'value="毛桃"' in text(client.get(page))
    edited = post(client, page, page, block="W", row="4", position="2", rootstock="山桃")
    assert edited.status_code == 303
    db.session.refresh(tree)
    assert (tree.position, tree.rootstock_text) == ("2", "山桃")
    tested = post(client, page, f"{page}/tests", pathogen="PPV", method="RT-PCR",
                  result="negative", tested_on="2026-05-02")
    assert tested.status_code == 303
    assert [(t.pathogen, t.result) for t in tree.health_tests] == [("PPV", "negative")]
    removed = post(client, page, f"{page}/remove", removed_reason="流胶病",
                   removed_on="2026-06-01")
    assert removed.status_code == 303
    db.session.refresh(tree)
    assert (tree.status, tree.removed_reason, tree.removed_on) == (
        "removed", "流胶病", date(2026, 6, 1))
    actions = [e.action for e in history(accession.id) if e.entity == "plant"]
    assert actions == ["create", "update", "update", "test", "remove"]


def test_tree_forms_refuse_bad_input(client, staff, make_accession):
    accession = make_accession()
    tree = plants.plant(accession.id, plants.PlantFields("W", "5", "1"))
    plants.plant(accession.id, plants.PlantFields("W", "5", "2"))
    db.session.commit()
    page = f"/trees/{tree.id}"
    clash = post(client, page, page, block="W", row="5", position="2")
    assert clash.status_code == 422 and "W-5-2" in beside(text(clash), "position")
    no_reason = post(client, page, f"{page}/remove", removed_reason=" ", removed_on="")
    assert no_reason.status_code == 422
    assert beside(text(no_reason), "removed_reason") and beside(text(no_reason), "removed_on")
    bad_test = post(client, page, f"{page}/tests", pathogen="", method="ELISA",
                    result="maybe", tested_on="2026-05-02")
    assert bad_test.status_code == 422
    assert beside(text(bad_test), "pathogen") and beside(text(bad_test), "result")
    db.session.refresh(tree)
    assert (tree.position, tree.status, tree.health_tests) == ("1", "living", [])


def test_add_a_lot(client, staff, make_accession):
    accession = make_accession()
    form = f"/accessions/{accession.id}/lots/new"
    answer = post(client, form, form, lot_number="WEB-1", material="pollen", unit="g",
                  quantity="2.5", critical="0.5", distributable="y", available_from="03-01",
                  available_to="04-30", location="冷库 2", health_status="healthy")
    assert answer.status_code == 303, text(answer)
    lot = lots.get("WEB-1")
    assert (lot.unit, lot.on_hand_milli, lot.critical_milli, lot.distributable,
            lot.available_from) == ("g", 2500, 500, True, "03-01")
    assert [e.kind for e in ledger.entries(lot)] == ["adjust"]


def test_a_lot_form_with_bad_input_shows_the_errors_beside_the_fields(client, staff,
                                                                      make_accession, make_lot):
    accession = make_accession()
    taken = make_lot(accession)
    form = f"/accessions/{accession.id}/lots/new"
    cases = [({"lot_number": taken.lot_number}, "lot_number"),
             ({"unit": "g"}, "unit"),  # scions are counted in pieces
             ({"quantity": "1.5"}, "quantity"),
             ({"quantity": "many"}, "quantity"),
             ({"available_from": "13-01", "available_to": "02-01"}, "available_from"),
             ({"available_from": "12-01"}, "available_to"),
             ({"lot_number": ""}, "lot_number")]
    for wrong, field in cases:
        data = {"lot_number": "WEB-2", "material": "scion", "unit": "", "quantity": "3",
                "health_status": "untested", **wrong}
        answer = post(client, form, form, **data)
        assert answer.status_code == 422, (wrong, answer.status_code)
        assert beside(text(answer), field), wrong
    assert lots.get("WEB-2") is None


def test_edit_a_lot(client, staff, make_lot):
    lot = make_lot(quantity=10, distributable=False)
    page = f"/inventory/lots/{lot.id}"
    assert 'value="piece" selected' in text(client.get(page)) or "selected" in text(
        client.get(page))
    answer = post(client, page, page, material="scion", unit="piece", critical="2",
                  distributable="y", available_from="12-01", available_to="02-28",
                  location="窖藏", health_status="healthy")
    assert answer.status_code == 303, text(answer)
    db.session.refresh(lot)
    assert (lot.distributable, lot.critical_milli, lot.available_to, lot.location) == (
        True, 2000, "02-28", "窖藏")
    assert lot.on_hand_milli == 10_000  # the stock is the ledger's, not the form's
    bad = post(client, page, page, material="scion", unit="g", health_status="ill")
    assert bad.status_code == 422
    assert beside(text(bad), "health_status")
    worse = post(client, page, page, material="scion", unit="g", health_status="healthy")
    assert worse.status_code == 422 and beside(text(worse), "unit")


def test_record_a_stock_count_and_a_loss(client, staff, make_lot):
    lot = make_lot(quantity=10)
    page = f"/inventory/lots/{lot.id}"
    counted = post(client, page, f"{page}/stock", kind="adjust", quantity="12", note="盘点")
    assert counted.status_code == 303
    lost = post(client, page, f"{page}/stock", kind="loss", quantity="3", note="鼠害")
    assert lost.status_code == 303
    assert [(e.kind, e.on_hand_milli, e.note, e.actor) for e in ledger.entries(lot)][1:] == [
        ("adjust", 2000, "盘点", "staff.user"), ("loss", -3000, "鼠害", "staff.user")]
    db.session.refresh(lot)
    assert lot.on_hand_milli == 9000


def test_stock_forms_refuse_bad_input(client, staff, make_lot):
    lot = make_lot(quantity=2)
    page = f"/inventory/lots/{lot.id}"
    for data in ({"kind": "loss", "quantity": "5"}, {"kind": "loss", "quantity": "0"},
                 {"kind": "adjust", "quantity": "-1"}, {"kind": "adjust", "quantity": "x"},
                 {"kind": "adjust", "quantity": ""}):
        answer = post(client, page, f"{page}/stock", **data)
        assert answer.status_code == 422, data
        assert beside(text(answer), "quantity"), data
    assert len(ledger.entries(lot)) == 1


def test_add_a_viability_test(client, staff, make_lot):
    lot = make_lot(material="pollen", unit="g", quantity="1")
    page = f"/inventory/lots/{lot.id}"
    answer = post(client, page, f"{page}/viability", method="germination", percent="64",
                  n="200", tested_on="2026-04-02")
    assert answer.status_code == 303
    db.session.refresh(lot)
    assert [(t.method, t.percent, t.n) for t in lot.viability_tests] == [
        ("germination", 64, 200)]
    for data, field in (({"percent": "120"}, "percent"), ({"percent": "x"}, "percent"),
                        ({"n": "0"}, "n"), ({"tested_on": "yesterday"}, "tested_on"),
                        ({"method": "guess"}, "method")):
        bad = post(client, page, f"{page}/viability", **{
            "method": "germination", "percent": "50", "tested_on": "2026-04-02", **data})
        assert bad.status_code == 422, data
        assert beside(text(bad), field), data
    assert len(lot.viability_tests) == 1


def test_nobody_below_staff_gets_a_form(client, as_role, make_accession, make_lot):
    accession = make_accession()
    tree = plants.plant(accession.id, plants.PlantFields("W", "9", "1"))
    lot = make_lot(accession)
    paths = [f"/accessions/{accession.id}/trees/new", f"/trees/{tree.id}",
             f"/accessions/{accession.id}/lots/new", f"/inventory/lots/{lot.id}"]
    for path in paths:
        assert client.get(path).status_code == 403
    as_role("researcher")
    for path in paths:
        assert client.get(path).status_code == 403
        assert client.post(path, data={}).status_code in (400, 403)
    assert db.session.get(Lot, lot.id).on_hand_milli == 10_000


def test_missing_records_are_404_and_a_missing_token_is_refused(client, staff):
    assert client.get("/trees/999999").status_code == 404
    assert client.get("/inventory/lots/99999999999").status_code == 404
    assert client.post("/trees/999999/remove", data={}).status_code in (400, 404)
