"""`germplasm demo` adds five years of material requests in every state of the workflow,
made through the services, so the ledger agrees with the lots (checked after the test by
the package's autouse fixture) and every step has its demo date."""
from collections import Counter

from sqlalchemy import func, select

from germplasm.extensions import db
from germplasm.inventory.models import LotTransaction
from germplasm.requests.models import (
    Allocation,
    MaterialRequest,
    RequestTransition,
    Shipment,
    UsageReport,
)
from germplasm.requests.states import STATES


def _demo(cli, seed=3):
    result = cli("demo", "--accessions", 200, "--no-evaluations", "--seed", seed)
    assert result.exit_code == 0, result.output
    return db.session.scalars(select(MaterialRequest).order_by(MaterialRequest.id)).all()


def test_demo_requests(cli):
    """One demo (it takes a while), every property checked on it."""
    requests = _demo(cli)
    _cover_every_state_and_five_years(requests)
    _every_step_is_dated_in_order_and_in_the_past(requests)
    _abroad_requests_travel_with_a_phytosanitary_certificate()
    _reservations_are_what_the_allocations_hold()


def _cover_every_state_and_five_years(requests):
    assert set(Counter(r.status for r in requests)) == set(STATES)
    years = Counter(r.submitted_at.year for r in requests)
    assert sorted(years) == [2022, 2023, 2024, 2025, 2026]
    assert all(r.number == f"R{r.submitted_at.year}-{r.id:05d}" for r in requests)
    assert {r.recipient_kind for r in requests} == {
        "research", "university", "enterprise", "cooperative", "farmer"}
    assert len({r.province for r in requests if r.province}) >= 4
    assert len({r.intended_use for r in requests}) >= 4
    assert len({r.requester_id for r in requests}) >= 8


def _every_step_is_dated_in_order_and_in_the_past(requests):
    for request in requests:
        times = [t.at for t in request.transitions]
        assert times == sorted(times), request.number
        assert times[0].date() == request.submitted_at.date()
        assert times[-1].year <= 2026
        assert request.status == request.transitions[-1].to_state
    latest = db.session.scalar(select(func.max(RequestTransition.at)))
    assert latest.year == 2026 and latest.month <= 11
    shipped = db.session.scalars(select(Shipment)).all()
    assert shipped and all(s.shipped_on.year in range(2022, 2027) for s in shipped)
    assert db.session.scalar(select(func.count()).select_from(UsageReport)) > 0
    allocated = db.session.scalars(select(Allocation.at)).all()
    assert min(allocated).year == 2022 and max(allocated).year == 2026


def _abroad_requests_travel_with_a_phytosanitary_certificate():
    abroad = db.session.scalars(select(Shipment).join(MaterialRequest).where(
        MaterialRequest.country != "CHN")).all()
    home = db.session.scalars(select(Shipment).join(MaterialRequest).where(
        MaterialRequest.country == "CHN")).all()
    assert home and all(s.phyto_certificate is None for s in home)
    assert abroad and all(s.phyto_certificate for s in abroad)


def _reservations_are_what_the_allocations_hold():
    held = db.session.scalar(select(func.coalesce(func.sum(Allocation.quantity_milli), 0))
                             .where(Allocation.status == "reserved"))
    reserved = db.session.scalar(select(func.coalesce(func.sum(LotTransaction.reserved_milli), 0))
                                 .where(LotTransaction.request_item_id.is_not(None)))
    assert held > 0 and reserved == held
