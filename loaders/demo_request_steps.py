"""A demo request's way from review to its final state: allocation from the chosen lots,
approval, preparation, shipping (with a phytosanitary certificate abroad), receipt, the
usage report; or a cancellation that gives the reservations back."""
from datetime import timedelta

from germplasm.requests import receipt, shipping, workflow
from germplasm.requests.allocations import allocate
from germplasm.requests.models import MaterialRequest
from loaders import demo_request_data as data


def walk(rng, request: MaterialRequest, target: str, clock, stock, asks: list, curator: str,
         allocated) -> None:
    clock.on(allocated)
    served = asks[:1] if target == "partly_approved" else asks
    for item, (lot, quantity) in zip(request.items, served, strict=False):
        made = allocate(request, item, lot[1], quantity, actor=curator, today=clock.now.date())
        made.allocation.at = clock.now
        stock.free[lot[0]] -= made.allocation.quantity_milli
    if target == "cancelled":
        _cancel(rng, request, clock, stock, curator)
        return
    approval = "partly_approved" if target == "partly_approved" else "approved"
    clock.moved(workflow.move(request, approval, actor=curator, curator=True,
                              note="演示：同意提供"))
    if target in ("approved", "partly_approved"):
        return
    clock.after(rng.randint(1, 3))
    clock.moved(workflow.move(request, "being_prepared", actor=curator, curator=True))
    if target == "being_prepared":
        return
    _ship(rng, request, clock, curator, partly=target == "partly_shipped")
    if target in ("partly_shipped", "shipped"):
        return
    _after_receipt(rng, request, target, clock)


def _cancel(rng, request: MaterialRequest, clock, stock, curator: str) -> None:
    clock.after(rng.randint(1, 20))
    reserved = [a for item in request.items for a in item.allocations if a.status == "reserved"]
    clock.moved(workflow.move(request, "cancelled", actor=request.requester.username,
                              curator=False, note="演示：申请人取消"))
    for allocation in reserved:
        stock.free[allocation.lot_id] += allocation.quantity_milli


def _ship(rng, request: MaterialRequest, clock, curator: str, partly: bool) -> None:
    clock.after(rng.randint(2, 7))
    reserved = [a for item in request.items for a in item.allocations]
    chosen = reserved[:1] if partly else None
    dispatch = shipping.Dispatch(
        carrier=rng.choice(data.CARRIERS), shipped_on=clock.now.date(),
        tracking_number=f"SF{rng.randrange(10**11, 10**12)}",
        phyto_certificate=(f"PC{clock.now.year}-{rng.randint(1000, 9999)}"
                           if shipping.needs_certificate(request) else None),
        allocation_ids=[a.id for a in chosen] if chosen else None)
    shipment = shipping.ship(request, dispatch, actor=curator)
    shipment.at = clock.now
    clock.moved(request.transitions[-1])


def _after_receipt(rng, request: MaterialRequest, target: str, clock) -> None:
    clock.after(rng.randint(2, 6))
    receipt.confirm_receipt(request, actor=request.requester.username,
                            received_on=clock.now.date(), note="演示：已收到，状态良好")
    clock.moved(request.transitions[-1])
    if target == "received":
        return
    if target == "feedback_due":
        clock.on(request.feedback_due_on - timedelta(days=30))
        clock.moved(workflow.move(request, "feedback_due", actor="system", curator=True,
                                  note=f"usage report due {request.feedback_due_on}"))
        return
    clock.after(rng.randint(150, 330))
    usage, results = rng.choice(data.USAGE)
    report = receipt.report_usage(request, author=request.requester.username, usage=usage,
                                  results=results)
    report.at = clock.now
    clock.moved(request.transitions[-1])
