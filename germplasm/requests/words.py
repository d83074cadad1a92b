"""Words for the request workflow's stored values, Chinese first."""
from flask_babel import lazy_gettext as _l

STATE_LABELS = {
    "submitted": _l("Submitted"), "in_review": _l("In review"), "approved": _l("Approved"),
    "partly_approved": _l("Partly approved"), "rejected": _l("Not approved"),
    "on_hold": _l("On hold"), "being_prepared": _l("Being prepared"),
    "partly_shipped": _l("Partly shipped"), "shipped": _l("Shipped"),
    "received": _l("Received"), "feedback_due": _l("Feedback due"), "closed": _l("Closed"),
    "cancelled": _l("Cancelled"),
}
KIND_LABELS = {
    "research": _l("Research institute"), "university": _l("University"),
    "enterprise": _l("Enterprise"), "cooperative": _l("Cooperative"), "farmer": _l("Farmer"),
}
USE_LABELS = {
    "research": _l("Research"), "teaching": _l("Teaching"), "breeding": _l("Breeding"),
    "production": _l("Production"), "conservation": _l("Conservation"), "other": _l("Other"),
}
FLAG_LABELS = {
    "first_request": _l("First request"), "many_accessions": _l("Many accessions"),
    "restricted": _l("Restricted material"),
}
HEALTH_LABELS = {"untested": _l("untested"), "healthy": _l("healthy"),
                 "infected": _l("infected")}
ALLOCATION_LABELS = {"reserved": _l("reserved"), "released": _l("released"),
                     "shipped": _l("shipped")}


def state_label(code: str | None) -> str:
    return str(STATE_LABELS.get(code, code or ""))


def kind_label(code: str) -> str:
    return str(KIND_LABELS.get(code, code))


def use_label(code: str) -> str:
    return str(USE_LABELS.get(code, code))


def flag_label(code: str) -> str:
    return str(FLAG_LABELS.get(code, code))


def health_label(code: str) -> str:
    return str(HEALTH_LABELS.get(code, code))


def allocation_label(code: str) -> str:
    return str(ALLOCATION_LABELS.get(code, code))
