"""Moving a demo request's times back to its demo dates. The services stamp everything with
the present; the demo keeps a clock per request that walks forward from its submission, and
each recorded step (transition, allocation, shipment, usage report, notification) is given
the clock's time. Ledger entries keep the time they were written: the ledger is append-only
and no demo rewrites it."""
import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select, update

from germplasm.extensions import db
from germplasm.requests.models import MaterialRequest, Notification

READ_AFTER = timedelta(days=60)  # older demo notices count as read


class Clock:
    def __init__(self, rng: random.Random, request: MaterialRequest, day: date, last: date):
        self.rng, self.request = rng, request
        self.last = datetime.combine(last, time(18), UTC)
        self.now = self._on(day)
        # Notifications created after this are the ones the services wrote just now.
        self.fresh = datetime.now(UTC) - timedelta(hours=1)

    def _on(self, day: date) -> datetime:
        moment = datetime.combine(day, time(self.rng.randint(8, 17), self.rng.randint(0, 59)),
                                  UTC)
        return min(moment, self.last)

    def after(self, days: int) -> datetime:
        self.now = min(self._on(self.now.date() + timedelta(days=days)), self.last)
        return self.now

    def on(self, day: date) -> datetime:
        """Jump to `day` (never backwards)."""
        self.now = max(self.now, self._on(day))
        return self.now

    def stamp_submission(self) -> None:
        """The request's number carries its year; the services numbered it in this one."""
        request = self.request
        old = request.number
        request.submitted_at = request.mta_accepted_at = request.created_at = self.now
        request.number = f"R{self.now.year}-{request.id:05d}"
        for notice in db.session.scalars(select(Notification).where(
                Notification.request_id == request.id)):
            notice.subject = notice.subject.replace(old, request.number)
            notice.body = notice.body.replace(old, request.number)
        self.moved(request.transitions[0])

    def moved(self, transition) -> None:
        transition.at = self.now
        db.session.flush()
        db.session.execute(update(Notification).where(
            Notification.request_id == self.request.id, Notification.created_at > self.fresh)
            .values(created_at=self.now).execution_options(synchronize_session=False))


def backdate_request(request: MaterialRequest, clock: Clock) -> None:
    request.updated_at = clock.now
    db.session.flush()
    # Demo notices were never mailed: marked sent, so that a configured SMTP server does
    # not write to the demo's example addresses.
    db.session.execute(update(Notification).where(Notification.request_id == request.id)
                       .values(sent_at=Notification.created_at,
                               read=Notification.created_at < clock.last - READ_AFTER)
                       .execution_options(synchronize_session=False))
