"""The request workflow in one table: which state may follow which, and who may move it.
Shipping states are reached by recording a shipment, receipt by confirming it, so that what
the state says is always backed by what was recorded."""

STATES = ("submitted", "in_review", "approved", "partly_approved", "rejected", "on_hold",
          "being_prepared", "partly_shipped", "shipped", "received", "feedback_due", "closed",
          "cancelled")

TRANSITIONS = {
    "submitted": ("in_review", "on_hold", "rejected", "cancelled"),
    "in_review": ("approved", "partly_approved", "rejected", "on_hold", "cancelled"),
    "on_hold": ("in_review", "rejected", "cancelled"),
    "approved": ("being_prepared", "on_hold", "cancelled"),
    "partly_approved": ("being_prepared", "on_hold", "cancelled"),
    "being_prepared": ("partly_shipped", "shipped", "cancelled"),
    "partly_shipped": ("shipped", "received"),
    "shipped": ("received",),
    "received": ("feedback_due", "closed"),
    "feedback_due": ("closed",),
    "rejected": (),
    "closed": (),
    "cancelled": (),
}

# Moves that only a recorded event makes (a shipment, a confirmed receipt).
BY_EVENT = {"partly_shipped": "shipment", "shipped": "shipment", "received": "receipt"}
# While in these states curators may allocate stock to the items.
ALLOCATING = ("in_review", "approved", "partly_approved")
# Ending here releases every reservation still held.
RELEASING = ("rejected", "cancelled")
# The requester may cancel; everything else is the curators'.
REQUESTER_MAY = ("cancelled",)


def allowed(source: str, target: str) -> bool:
    return target in TRANSITIONS.get(source, ())


def is_open(state: str) -> bool:
    return bool(TRANSITIONS.get(state))
