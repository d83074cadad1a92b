"""The demo's material requests: five years (2022–2026) of requests in every state of the
workflow, made through the request services exactly as a requester and a curator would
(submit, move, allocate, ship, confirm receipt, report usage), so the ledger, the
notifications and the transitions are all real. Afterwards their times are moved back to
the demo's dates: services stamp "now", a demo needs a past."""
import random
from datetime import date, timedelta

from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.accounts.services import create_without_password, find
from germplasm.extensions import db
from germplasm.inventory.batch_models import PropagationBatch
from germplasm.inventory.lots import available_milli
from germplasm.inventory.models import Lot
from germplasm.inventory.seasons import in_window
from germplasm.requests import submission, workflow
from germplasm.requests.models import MaterialRequest
from loaders import demo_request_data as data
from loaders.demo_request_times import Clock, backdate_request

FIRST_YEAR, LAST_YEAR = 2022, 2026
LAST_DAY = date(LAST_YEAR, 11, 30)  # fixed, so the demo is the same whatever day it is made
PER_YEAR = 24
# Final states of a finished year's requests, and of the last (still open) year's.
PAST = {"closed": 14, "feedback_due": 2, "rejected": 2, "cancelled": 2}
OPEN = {"submitted": 3, "in_review": 3, "on_hold": 2, "approved": 2, "partly_approved": 2,
        "being_prepared": 2, "partly_shipped": 2, "shipped": 3, "received": 5,
        "rejected": 2, "cancelled": 2, "closed": 2}
# Last year's requests are submitted this many days before LAST_DAY, by final state, so
# that whatever follows the submission still happens before it.
RECENT = {"submitted": (1, 20), "in_review": (3, 30), "on_hold": (10, 60),
          "approved": (10, 40), "partly_approved": (10, 40), "being_prepared": (12, 40),
          "partly_shipped": (20, 60), "shipped": (15, 60), "received": (40, 300),
          "closed": (200, 330), "rejected": (15, 200), "cancelled": (15, 200),
          "feedback_due": (330, 334)}
# Material -> (smallest, largest) quantity asked for one accession.
ASKED = {"scion": (5, 30), "budwood": (5, 20), "seedling": (2, 30), "pollen": (1, 3),
         "tree": (1, 2), "rootstock": (5, 20), "seed": (20, 100), "in_vitro": (1, 5)}
ALLOCATED = ("approved", "partly_approved", "being_prepared", "partly_shipped", "shipped",
             "received", "feedback_due", "closed")


def add_demo_requests(seed: int, user: str) -> int:
    """Requests added (one of each state at least, when there are lots to draw on)."""
    rng = random.Random(seed + 13)
    stock = _Stock()
    if not stock.lots:
        return 0
    users = _requesters()
    made = 0
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for target in _targets(rng, year):
            made += _one(rng, stock, users, year, target, user)
    return made


def _targets(rng: random.Random, year: int) -> list[str]:
    weights = OPEN if year == LAST_YEAR else PAST
    drawn = rng.choices(list(weights), list(weights.values()), k=PER_YEAR)
    if year == LAST_YEAR:  # every state at least once
        from germplasm.requests.states import STATES

        drawn = [*STATES, *drawn[len(STATES):]]
    return drawn


def _requesters() -> list:
    """The demo's requester accounts, one per recipient (no password: an admin may set one)."""
    users = []
    for username, person, *_ in data.RECIPIENTS:
        users.append(find(username) or create_without_password(username, "researcher", person))
    return users


class _Stock:
    """The demo lots a request may draw on, with what each still has available (kept here:
    asking the lots again after every ledger entry would cost a query per lot)."""

    def __init__(self):
        # Not the propagation batches' seedling lots: their stock is the batches' counts
        # (ready less dispatched), which the demo's shipments would not move.
        batch_lots = select(PropagationBatch.lot_id).where(PropagationBatch.lot_id.is_not(None))
        rows = db.session.scalars(select(Lot).join(Accession).where(
            Lot.distributable.is_(True), Lot.health_status != "infected",
            Lot.expires_on.is_(None), Accession.restricted.is_(False),
            Lot.id.not_in(batch_lots)).order_by(Lot.id)).all()
        self.lots = [(lot.id, lot.lot_number, lot.accession.accenumb, lot.material, lot.unit,
                      lot.available_from, lot.available_to) for lot in rows]
        self.free = {lot.id: available_milli(lot) for lot in rows}

    def choose(self, rng: random.Random, day: date, count: int) -> list[tuple]:
        """Up to `count` lots of one material, in season on `day`, of different accessions."""
        fit = [lot for lot in self.lots if in_window(lot[5], lot[6], day)
               and self.free[lot[0]] >= 2000]
        if not fit:
            return []
        material = rng.choice(sorted({lot[3] for lot in fit}))
        same = [lot for lot in fit if lot[3] == material]
        chosen, seen = [], set()
        for lot in rng.sample(same, len(same)):
            if lot[2] not in seen and len(chosen) < count:
                chosen.append(lot)
                seen.add(lot[2])
        return chosen

    def quantity(self, rng: random.Random, lot: tuple) -> int:
        low, high = ASKED.get(lot[3], (1, 5))
        most = max(1, self.free[lot[0]] // 8000)  # leave stock for later requests
        return min(rng.randint(low, high), most)


def _one(rng, stock: _Stock, users: list, year: int, target: str, curator: str) -> int:
    submitted = _submitted_on(rng, year, target)
    allocated = min(submitted + timedelta(days=rng.randint(2, 10)), LAST_DAY)
    needs_two = target in ("partly_approved", "partly_shipped")
    lots = stock.choose(rng, allocated, rng.randint(2 if needs_two else 1, 4))
    if len(lots) < (2 if needs_two else 1):
        return 0
    index = rng.choices(range(len(data.RECIPIENTS)), data.WEIGHTS)[0]
    requester, recipient = users[index], data.RECIPIENTS[index]
    asks = [(lot, stock.quantity(rng, lot)) for lot in lots]
    request = submission.submit(requester, _submission(rng, recipient, asks), scope=False)
    clock = Clock(rng, request, submitted, LAST_DAY)
    clock.stamp_submission()
    _follow(rng, request, target, clock, stock, asks, curator, allocated)
    backdate_request(request, clock)
    return 1


def _submitted_on(rng: random.Random, year: int, target: str) -> date:
    if year == LAST_YEAR:
        low, high = RECENT[target]
        return LAST_DAY - timedelta(days=rng.randint(low, high))
    last = date(year, 10, 31) if target == "feedback_due" else date(year, 12, 20)
    return date(year, 1, 2) + timedelta(days=rng.randint(0, (last - date(year, 1, 2)).days))


def _submission(rng, recipient: tuple, asks: list) -> submission.Submission:
    username, person, institution, kind, province, country, address = recipient
    use = rng.choices(list(data.USES[kind]), list(data.USES[kind].values()))[0]
    note = rng.choice(data.USE_NOTES[use])
    return submission.Submission(
        recipient=submission.Recipient(person, institution, kind, address, country,
                                       f"{username.removeprefix('demo.')}@example.org",
                                       province=province),
        intended_use=use, use_note=note, mta_accepted=True,
        items=[submission.Ask(lot[2], lot[3], quantity) for lot, quantity in asks])


def _follow(rng, request: MaterialRequest, target: str, clock: Clock, stock: _Stock,
            asks: list, curator: str, allocated: date) -> None:
    """Walk the request from `submitted` to `target` the way curators would."""
    from loaders.demo_request_steps import walk

    if target == "submitted":
        return
    clock.after(rng.randint(1, 3))
    clock.moved(workflow.move(request, "in_review", actor=curator, curator=True,
                              note="演示：开始审核"))
    if target in ("in_review", "on_hold", "rejected"):
        if target != "in_review":
            clock.after(rng.randint(1, 10))
            clock.moved(workflow.move(request, target, actor=curator, curator=True,
                                      note="演示：" + ("暂缓" if target == "on_hold" else
                                                       "材料不在可分发期")))
        return
    walk(rng, request, target, clock, stock, asks, curator, allocated)
