"""Propagation batches: counts only move forward (every backward move refused, naming the
field), ready plants enter a seedling lot through the ledger, the year's figure of seedlings
raised, the CLI and the staff pages. After each test `germplasm lots check` must agree."""
import html
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.inventory import batch_figures, batches, ledger
from germplasm.inventory.batch_models import BatchCount, BatchHistoryIsAppendOnly
from tests.accounts.test_login import login

D = date(2025, 3, 1)


@pytest.fixture
def make_batch(make_accession):
    def make(started=100, method="grafting", accession=None, **fields):
        accession = accession or make_accession()
        batch = batches.create(accession.id, batches.BatchFields(
            method, fields.pop("started_on", date(2024, 10, 1)), started, **fields),
            actor="tester")
        db.session.commit()
        return batch

    return make


def _refused(batch, field, match, **counts):
    history = len(batch.history)
    before = batch.counts()
    with pytest.raises(batches.BatchProblem, match=match) as caught:
        batches.record_counts(batch, actor="t", **{"counted_on": D, **counts})
    db.session.rollback()
    db.session.refresh(batch)
    assert caught.value.field == field
    assert batch.counts() == before and len(batch.history) == history


def test_a_batch_starts_with_all_plants_surviving(make_batch, make_accession):
    rootstock = make_accession(accenumb="ROOT1")
    batch = make_batch(started=120, rootstock="ROOT1", batch_number="PB-A")
    assert batch.counts() == {"started": 120, "surviving": 120, "ready": 0, "dispatched": 0,
                              "lost": 0}
    assert batch.rootstock_accession_id == rootstock.id and batch.rootstock == "ROOT1"
    assert batch.lot is None
    assert [e.changes() for e in batch.history] == [{"started": (0, 120),
                                                     "surviving": (0, 120)}]
    assert make_batch(rootstock="毛桃").rootstock_text == "毛桃"
    assert batches.next_number(2024) == "PB2024-0002"  # PB2024-0001 was the auto one


def test_counts_only_move_forward_and_each_backward_move_names_its_field(make_batch):
    batch = make_batch(started=100)
    batches.record_counts(batch, actor="t", counted_on=D, surviving=90, ready=40,
                          dispatched=10)
    db.session.commit()
    assert batch.counts() == {"started": 100, "surviving": 90, "ready": 40, "dispatched": 10,
                              "lost": 10}
    _refused(batch, "surviving", "surviving can only go down", surviving=95)
    _refused(batch, "lost", "must add up", surviving=80, lost=15)
    _refused(batch, "surviving", "surviving can only go down", lost=5)  # fewer lost = more alive
    _refused(batch, "ready", "ready can only go up", ready=39)
    _refused(batch, "dispatched", "dispatched can only go up", dispatched=9)
    _refused(batch, "ready", "cannot exceed surviving", ready=91)
    _refused(batch, "surviving", "cannot exceed surviving", surviving=39)
    _refused(batch, "dispatched", "cannot exceed ready", dispatched=41)
    _refused(batch, "surviving", "whole number", surviving=-1)
    _refused(batch, "counted_on", "before", ready=45, counted_on=date(2025, 2, 1))
    assert batches.record_counts(batch, actor="t", counted_on=D, ready=40) is None


def test_creation_refusals_name_the_field(make_batch, make_accession):
    accession = make_accession()
    make_batch(batch_number="PB-X")
    cases = [("method", dict(method="budding")), ("started", dict(started=0)),
             ("rootstock", dict(method="sowing", rootstock="毛桃")),
             ("batch_number", dict(batch_number="PB-X")),
             ("batch_number", dict(batch_number="a b")),
             ("started_on", dict(started_on=date(2999, 1, 1)))]
    for field, overrides in cases:
        values = {"method": "grafting", "started_on": date(2024, 1, 1), "started": 5,
                  **overrides}
        with pytest.raises(batches.BatchProblem) as caught:
            batches.create(accession.id, batches.BatchFields(**values), actor="t")
        assert caught.value.field == field, overrides
    with pytest.raises(batches.BatchProblem) as caught:
        batches.accession_of("NOPE")
    assert caught.value.field == "accenumb"


def test_ready_plants_enter_the_seedling_lot_through_the_ledger(make_batch, cli):
    batch = make_batch(started=50, batch_number="PB2024-0100")
    batches.record_counts(batch, actor="t", counted_on=D, surviving=45, ready=20)
    batches.record_counts(batch, actor="t", counted_on=date(2025, 4, 1), ready=30,
                          dispatched=5)
    db.session.commit()
    lot = batch.lot
    assert (lot.lot_number, lot.material, lot.unit, lot.distributable) == (
        "PB2024-0100", "seedling", "plant", True)
    assert lot.accession_id == batch.accession_id
    assert lot.on_hand_milli == (30 - 5) * 1000
    assert [(e.kind, e.on_hand_milli) for e in ledger.entries(lot)] == [
        ("propagate", 20_000), ("propagate", 10_000), ("ship", -5_000)]
    result = cli("lots", "check")
    assert result.exit_code == 0 and "every lot agrees" in result.output


def test_dispatch_cannot_take_reserved_plants(make_batch):
    batch = make_batch(started=10)
    batches.record_counts(batch, actor="t", counted_on=D, ready=10)
    ledger.record(batch.lot, "reserve", actor="curator", reserved=8000)
    db.session.commit()
    _refused(batch, "dispatched", "unreserved", dispatched=3)
    assert batch.lot.on_hand_milli == 10_000


def test_the_history_is_append_only(make_batch):
    entry = make_batch().history[0]
    entry.actor = "someone else"
    with pytest.raises(BatchHistoryIsAppendOnly):
        db.session.flush()
    db.session.rollback()


def test_the_years_figure_counts_plants_made_ready_that_year(make_batch, app):
    autumn = make_batch(started=200, started_on=date(2023, 9, 1))
    batches.record_counts(autumn, actor="t", counted_on=date(2023, 12, 1), ready=30)
    batches.record_counts(autumn, actor="t", counted_on=date(2024, 4, 1), ready=150,
                          lost=20)
    spring = make_batch(started=100, method="sowing", started_on=date(2024, 3, 1))
    batches.record_counts(spring, actor="t", counted_on=date(2024, 10, 1), ready=60)
    db.session.commit()
    raised = batch_figures.raised_in(2024)
    assert (raised.raised, raised.plan, raised.percent) == (120 + 60, 50_000, 0)
    assert batch_figures.raised_in(2023).raised == 30
    assert batch_figures.raised_in(2022).raised == 0
    assert {b.batch_number for b in batch_figures.batches_in(2024)} == {
        autumn.batch_number, spring.batch_number}
    app.config["GERMPLASM_SEEDLING_PLAN"] = 300
    try:
        assert batch_figures.raised_in(2024).percent == 60
    finally:
        app.config["GERMPLASM_SEEDLING_PLAN"] = 50_000


def test_the_cli(cli, make_accession):
    make_accession(accenumb="CLI1")
    result = cli("batches", "create", "CLI1", "--method", "grafting", "--started", 80,
                 "--on", "2025-02-10", "--rootstock", "山桃", "--number", "PB-CLI")
    assert result.exit_code == 0, result.output
    assert "PB-CLI" in result.output
    result = cli("batches", "count", "PB-CLI", "--surviving", 70, "--ready", 50,
                 "--on", "2025-05-01")
    assert result.exit_code == 0, result.output
    assert "ready 50" in result.output and "lot PB-CLI" in result.output
    back = cli("batches", "count", "PB-CLI", "--ready", 40)
    assert back.exit_code == 1 and "ready: ready can only go up" in back.output
    assert cli("batches", "count", "NOPE", "--ready", 1).exit_code == 1
    bad = cli("batches", "create", "NOPE", "--method", "sowing", "--started", 5)
    assert bad.exit_code == 1 and "accenumb: no accession NOPE" in bad.output
    listed = cli("batches", "list", "--year", 2025)
    assert listed.exit_code == 0
    assert re.search(r"PB-CLI\tCLI1\tgrafting\t2025-02-10\tstarted 80 surviving 70 ready 50 "
                     r"dispatched 0 lost 10\tPB-CLI", listed.output), listed.output
    assert "2025: 50 seedlings raised of the plan's 50000 (0%)" in listed.output


def _staff(client):
    create_user("zhao.nursery", "staff", "orchard-2026")
    db.session.commit()
    assert login(client, "zhao.nursery", "orchard-2026").status_code == 302


def _token(client, path):
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_staff_start_a_batch_and_record_counts_on_the_pages(client, make_accession):
    make_accession(accenumb="WEB1")
    _staff(client)
    year = date.today().year
    page = html.unescape(client.get("/seedlings").get_data(as_text=True))
    assert "苗木生产" in page and "计划 50000" in page and 'id="plan-progress"' in page
    answer = client.post("/seedlings", data={
        "csrf_token": _token(client, "/seedlings"), "accenumb": "WEB1", "method": "sowing",
        "started": "40", "started_on": f"{year}-01-01", "batch_number": "PB-WEB"})
    assert answer.status_code == 303, answer.get_data(as_text=True)
    token = _token(client, "/seedlings/PB-WEB")
    answer = client.post("/seedlings/PB-WEB/counts", data={
        "csrf_token": token, "surviving": "36", "ready": "30", "counted_on": f"{year}-01-01"})
    assert answer.status_code == 303
    page = html.unescape(client.get("/seedlings/PB-WEB").get_data(as_text=True))
    assert "已出圃" in page and "存活 40 → 36" in page and "zhao.nursery" in page
    backwards = client.post("/seedlings/PB-WEB/counts", data={
        "csrf_token": token, "ready": "20", "counted_on": f"{year}-01-01"})
    assert backwards.status_code == 422
    assert "可出圃: ready can only go up" in html.unescape(backwards.get_data(as_text=True))
    listing = html.unescape(client.get(f"/seedlings?year={year}").get_data(as_text=True))
    assert "PB-WEB" in listing and f"{year} 年已育苗 30 株" in listing
    assert db.session.scalar(select(func.count()).select_from(BatchCount)) == 2
    english = html.unescape(client.get("/seedlings?lang=en").get_data(as_text=True))
    assert "Seedling production" in english and "30 seedlings raised" in english


def test_a_wrong_batch_form_says_which_field(client):
    _staff(client)
    answer = client.post("/seedlings", data={
        "csrf_token": _token(client, "/seedlings"), "accenumb": "NOPE", "method": "grafting",
        "started": "5", "started_on": "2025-01-01"})
    assert answer.status_code == 422
    assert "no accession NOPE" in html.unescape(answer.get_data(as_text=True))
    no_token = client.post("/seedlings", data={"accenumb": "X", "started": "5"})
    assert no_token.status_code in (400, 422)


def test_visitors_and_researchers_cannot_see_the_seedling_pages(client, make_batch):
    make_batch(batch_number="PB-HIDDEN")
    assert client.get("/seedlings").status_code == 302  # to the login page
    assert client.get("/seedlings/PB-HIDDEN").status_code == 302
    assert "/seedlings" not in client.get("/catalogue").get_data(as_text=True)
    create_user("reader", "researcher", "reading-2026")
    db.session.commit()
    login(client, "reader", "reading-2026")
    assert client.get("/seedlings").status_code == 403
    assert client.post("/seedlings/PB-HIDDEN/counts", data={"ready": "1"}).status_code in (
        400, 403)


def test_the_demo_raises_seedlings_in_batches(cli):
    result = cli("demo", "--accessions", 80, "--no-evaluations", "--seed", 5)
    assert result.exit_code == 0, result.output
    found = batch_figures.batches_in()
    assert len(found) >= 6 and {b.method for b in found} == {"grafting", "sowing"}
    ready = [b for b in found if b.ready]
    assert ready and all(b.lot.on_hand_milli == (b.ready - b.dispatched) * 1000 for b in ready)
    last_year = batch_figures.raised_in(date.today().year - 1)
    assert 0 < last_year.raised < last_year.plan
