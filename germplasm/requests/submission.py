"""Submitting a request: who receives the material, what for, under which agreement, and
what is asked for. Everything is checked before anything is written; the first problem found
is raised naming its field (items by position: `items[2].quantity`)."""
import re
from dataclasses import dataclass, field

from sqlalchemy import func, select

from germplasm.accessions.models import Accession
from germplasm.accessions.visibility import Scope, may_see
from germplasm.db import utcnow
from germplasm.extensions import db
from germplasm.inventory.models import MATERIAL_UNITS
from germplasm.inventory.quantities import QuantityProblem, to_milli
from germplasm.requests import notices, workflow
from germplasm.requests.models import (
    INTENDED_USES,
    RECIPIENT_KINDS,
    MaterialRequest,
    RequestItem,
)
from germplasm.requests.problems import RequestProblem
from germplasm.requests.settings import mta, review_accessions

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class Recipient:
    name: str
    institution: str
    kind: str
    address: str
    country: str
    email: str
    province: str | None = None
    final_recipient: str | None = None


@dataclass
class Ask:
    accenumb: str
    material: str
    quantity: object
    instcode: str | None = None


@dataclass
class Submission:
    recipient: Recipient
    intended_use: str
    mta_accepted: bool
    items: list[Ask] = field(default_factory=list)
    use_note: str | None = None
    mta_version: str | None = None  # the version the requester read; None: the current one


def submit(user, submission: Submission, scope: Scope) -> MaterialRequest:
    """A new request in state `submitted`, flagged for review where it deserves it."""
    values = _checked_request(submission)
    asked = [_checked_item(i, ask, scope) for i, ask in enumerate(submission.items)]
    if not asked:
        raise RequestProblem("items", "a request asks for at least one accession")
    _no_repeats(asked)
    request = MaterialRequest(requester_id=user.id, status="submitted", **values,
                              mta_accepted_at=utcnow(), submitted_at=utcnow(),
                              review_flags=",".join(_flags(user, asked)) or None)
    request.items = [RequestItem(**item) for item in asked]
    db.session.add(request)
    db.session.flush()
    request.number = f"R{request.submitted_at.year}-{request.id:05d}"
    workflow.record(request, None, "submitted", user.username, submission.use_note)
    notices.submitted(request)
    return request


def _checked_request(submission: Submission) -> dict:
    version, _text = mta()
    if submission.mta_accepted is not True:
        raise RequestProblem("mta_accepted", "the material transfer agreement must be "
                             "accepted (mta_accepted: true)")
    if submission.mta_version not in (None, version):
        raise RequestProblem("mta_version", f"the agreement now in force is version {version}; "
                             "read it and accept that one")
    if submission.intended_use not in INTENDED_USES:
        raise RequestProblem("intended_use", f"one of {', '.join(INTENDED_USES)}")
    note = (submission.use_note or "").strip() or None
    if submission.intended_use == "other" and not note:
        raise RequestProblem("use_note", "say what the material is for when the use is 'other'")
    return {**_checked_recipient(submission.recipient), "intended_use": submission.intended_use,
            "use_note": note, "mta_version": version}


def _checked_recipient(recipient: Recipient) -> dict:
    for name in ("name", "institution", "address"):
        if not (getattr(recipient, name) or "").strip():
            raise RequestProblem(f"recipient.{name}", "required")
    if recipient.kind not in RECIPIENT_KINDS:
        raise RequestProblem("recipient.kind", f"one of {', '.join(RECIPIENT_KINDS)}")
    country = (recipient.country or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", country):
        raise RequestProblem("recipient.country", "a three-letter ISO 3166 code such as CHN")
    email = (recipient.email or "").strip()
    if not EMAIL.match(email):
        raise RequestProblem("recipient.email", f"{email!r} is not an e-mail address")
    return {"recipient_name": recipient.name.strip()[:200],
            "institution": recipient.institution.strip()[:300],
            "recipient_kind": recipient.kind, "address": recipient.address.strip(),
            "country": country, "email": email[:200],
            "province": (recipient.province or "").strip()[:60] or None,
            "final_recipient": (recipient.final_recipient or "").strip()[:300] or None}


def _checked_item(index: int, ask: Ask, scope: Scope) -> dict:
    where = f"items[{index}]"
    accession = _accession(ask)
    if accession is None or not may_see(accession.restricted, accession.instcode, scope):
        raise RequestProblem(f"{where}.accenumb", f"there is no accession {ask.accenumb!r}")
    if ask.material not in MATERIAL_UNITS:
        raise RequestProblem(f"{where}.material", f"one of {', '.join(MATERIAL_UNITS)}")
    unit = MATERIAL_UNITS[ask.material][0]
    try:
        quantity = to_milli(ask.quantity, unit)
    except QuantityProblem as problem:
        raise RequestProblem(f"{where}.quantity", str(problem), code="bad_quantity",
                             unit=unit) from None
    if quantity <= 0:
        raise RequestProblem(f"{where}.quantity", "ask for more than nothing",
                             code="bad_quantity", unit=unit)
    return {"accession_id": accession.id, "accession": accession, "material": ask.material,
            "quantity_milli": quantity, "unit": unit}


def _accession(ask: Ask) -> Accession | None:
    query = select(Accession).where(Accession.accenumb == (ask.accenumb or "").strip())
    if ask.instcode:
        query = query.where(Accession.instcode == ask.instcode)
    return db.session.scalars(query.order_by(Accession.id)).first()


def _no_repeats(asked: list[dict]) -> None:
    seen = set()
    for index, item in enumerate(asked):
        key = (item["accession_id"], item["material"])
        if key in seen:
            raise RequestProblem(f"items[{index}]", "this accession and material are asked "
                                 "for twice; ask once for the whole quantity")
        seen.add(key)


def _flags(user, asked: list[dict]) -> list[str]:
    """Why curators should look twice; never a reason to refuse."""
    flags = []
    earlier = db.session.scalar(select(func.count()).select_from(MaterialRequest)
                                .where(MaterialRequest.requester_id == user.id))
    if not earlier:
        flags.append("first_request")
    if len({item["accession_id"] for item in asked}) > review_accessions():
        flags.append("many_accessions")
    if any(item["accession"].restricted for item in asked):
        flags.append("restricted")
    return flags
