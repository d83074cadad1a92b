"""Sending reserved material: a shipment takes the reserved stock out of its lots through the
ledger and moves the request to shipped (or partly shipped while reservations remain)."""
from dataclasses import dataclass
from datetime import date

from germplasm.extensions import db
from germplasm.inventory import batches, ledger
from germplasm.inventory.quantities import MILLI
from germplasm.requests import workflow
from germplasm.requests.models import Allocation, MaterialRequest, Shipment
from germplasm.requests.problems import Conflict, RequestProblem
from germplasm.requests.settings import home_country

SHIPPING_FROM = ("being_prepared", "partly_shipped")


@dataclass
class Dispatch:
    carrier: str
    shipped_on: date
    tracking_number: str | None = None
    phyto_certificate: str | None = None
    allocation_ids: list[int] | None = None  # None: everything reserved


def needs_certificate(request: MaterialRequest) -> bool:
    """Live plant material leaving the country travels with a phytosanitary certificate."""
    return request.country != home_country()


def ship(request: MaterialRequest, dispatch: Dispatch, *, actor: str) -> Shipment:
    if request.status not in SHIPPING_FROM:
        raise Conflict("status", f"a request that is {request.status} cannot be shipped "
                       f"(only when {' or '.join(SHIPPING_FROM)})",
                       "not_shipping", state=request.status)
    if not (dispatch.carrier or "").strip():
        raise RequestProblem("carrier", "required")
    certificate = (dispatch.phyto_certificate or "").strip() or None
    if needs_certificate(request) and not certificate:
        raise Conflict("phyto_certificate", f"material for {request.country} needs a "
                       "phytosanitary certificate number before it is shipped")
    chosen = _chosen(request, dispatch.allocation_ids)
    shipment = Shipment(request_id=request.id, carrier=dispatch.carrier.strip()[:100],
                        tracking_number=(dispatch.tracking_number or "").strip() or None,
                        shipped_on=dispatch.shipped_on, phyto_certificate=certificate,
                        actor=actor)
    request.shipments.append(shipment)
    db.session.flush()
    for allocation in chosen:
        _send(allocation, shipment, request, actor)
    remaining = [a for a in _reserved(request) if a.shipment_id is None]
    workflow.move(request, "partly_shipped" if remaining else "shipped", actor=actor,
                  curator=True, by_event="shipment", note=_note(shipment))
    return shipment


def _reserved(request: MaterialRequest) -> list[Allocation]:
    return [a for item in request.items for a in item.allocations if a.status == "reserved"]


def _chosen(request: MaterialRequest, ids: list[int] | None) -> list[Allocation]:
    reserved = _reserved(request)
    if ids is not None:
        by_id = {a.id: a for a in reserved}
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise RequestProblem("allocations", f"no reserved allocation {unknown[0]} in "
                                 f"request {request.number}")
        reserved = [by_id[i] for i in ids]
    if not reserved:
        raise Conflict("allocations", "nothing is reserved to ship; allocate lots first",
                       "nothing_reserved")
    return reserved


def _send(allocation: Allocation, shipment: Shipment, request: MaterialRequest,
          actor: str) -> None:
    quantity = allocation.quantity_milli
    ledger.record(allocation.lot, "ship", actor=actor, on_hand=-quantity, reserved=-quantity,
                  request_item_id=allocation.item_id, note=f"request {request.number}",
                  key=f"allocation:{allocation.id}:ship")
    allocation.status = "shipped"
    allocation.shipment_id = shipment.id
    db.session.flush()
    if allocation.lot.material == "seedling":  # a propagation batch's seedlings leave too
        batches.note_shipped(allocation.lot, quantity // MILLI, actor=actor,
                             shipped_on=shipment.shipped_on, note=f"request {request.number}")


def _note(shipment: Shipment) -> str:
    tracking = f" {shipment.tracking_number}" if shipment.tracking_number else ""
    return f"{shipment.carrier}{tracking}"
