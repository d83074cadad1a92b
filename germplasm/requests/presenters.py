"""What the request pages show, read from the services and the database (never written):
each item's lots with the proposed one first, the moves a user may make, the cart's lines."""
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from germplasm.extensions import db
from germplasm.inventory.lots import available_milli
from germplasm.inventory.models import Lot
from germplasm.inventory.quantities import from_milli
from germplasm.inventory.words import unit_label
from germplasm.requests import allocations, cart, states
from germplasm.requests.models import MaterialRequest, RequestItem
from germplasm.requests.problems import Conflict
from germplasm.requests.shipping import SHIPPING_FROM, needs_certificate


def amount(milli: int, unit: str) -> str:
    return f"{from_milli(milli)} {unit_label(unit)}"


def moves(found: MaterialRequest, curator: bool) -> list[str]:
    """The states a button may move the request to: events (shipment, receipt) have their
    own forms; a requester may only cancel."""
    following = states.TRANSITIONS.get(found.status, ())
    if not curator:
        return [s for s in following if s in states.REQUESTER_MAY]
    return [s for s in following if s not in states.BY_EVENT]


def may(found: MaterialRequest, curator: bool) -> dict:
    return {"allocate": curator and found.status in states.ALLOCATING,
            "ship": curator and found.status in SHIPPING_FROM,
            "confirm": states.allowed(found.status, "received"),
            "report": found.status in ("received", "feedback_due"),
            "certificate": needs_certificate(found)}


def item_lots(item: RequestItem, today: date | None = None) -> dict:
    """The item's lots of its material, the proposed (best) one first, each with what is
    available and why it cannot serve the item if it cannot."""
    today = today or date.today()
    proposed = allocations.proposals(item, today)
    others = db.session.scalars(select(Lot).where(
        Lot.accession_id == item.accession_id, Lot.material == item.material,
        Lot.unit == item.unit).order_by(Lot.lot_number)).all()
    rows = [_lot_row(lot, today) for lot in [*proposed, *(o for o in others if o not in proposed)]]
    outstanding = allocations.outstanding_milli(item)
    best = proposed[0] if proposed else None
    quantity = min(outstanding, available_milli(best)) if best else outstanding
    return {"item": item, "lots": rows, "proposed": best.lot_number if best else None,
            "outstanding": outstanding, "quantity": from_milli(quantity)}


def _lot_row(lot: Lot, today: date) -> dict:
    """The service decides whether the lot may be sent now; the words say why not."""
    try:
        allocations.refuse_unfit(lot, today)
        reason = None if available_milli(lot) else _("nothing available")
    except Conflict:
        reason = _why_not(lot, today)
    return {"lot": lot, "available": amount(available_milli(lot), lot.unit), "reason": reason,
            "fit": reason is None}


def _why_not(lot: Lot, today: date) -> str:
    if not lot.distributable:
        return _("not distributable")
    if lot.expires_on and lot.expires_on < today:
        return _("expired on %(day)s", day=lot.expires_on)
    if lot.health_status == "infected":
        return _("failed its health test")
    return _("out of season")


def cart_lines(user_id: int) -> list[dict]:
    from germplasm.inventory.models import MATERIAL_UNITS

    lines = []
    for item in cart.items(user_id):
        unit = MATERIAL_UNITS[item.material][0]
        there = cart.availability(item.accession_id, item.material)
        lines.append({"item": item, "quantity": from_milli(item.quantity_milli), "unit": unit,
                      "now": amount(there.now_milli, unit) if there.now_milli else None,
                      "later": amount(there.later_milli, unit) if there.later_milli else None,
                      "opens": there.opens})
    return lines


def last_recipient(user_id: int) -> dict:
    """The recipient of the user's previous request, to fill the next form with."""
    last = db.session.scalar(select(MaterialRequest).where(
        MaterialRequest.requester_id == user_id).order_by(MaterialRequest.id.desc()).limit(1))
    if last is None:
        return {}
    return {"name": last.recipient_name, "institution": last.institution,
            "kind": last.recipient_kind, "address": last.address, "country": last.country,
            "province": last.province, "email": last.email}


def shipped_or_reserved(found: MaterialRequest) -> list:
    return [a for item in found.items for a in item.allocations
            if a.status in ("reserved", "shipped")]


def packet_labels_url(found: MaterialRequest) -> str | None:
    """The packet labels (germplasm.inventory.labels) of what is reserved or shipped, with the
    request's number on each; None when nothing is."""
    from flask import url_for

    from germplasm.inventory.quantities import from_milli

    specs = [f"{a.lot.lot_number}:{from_milli(a.quantity_milli)}"
             for a in shipped_or_reserved(found)]
    return url_for("labels.lots", lot=specs, request=found.number) if specs else None
