"""After shipping: the recipient confirms receipt and owes a usage report (利用反馈) by a
due date; curators see the reports that fall due."""
from datetime import date, timedelta

from sqlalchemy import select

from germplasm.extensions import db
from germplasm.requests import workflow
from germplasm.requests.models import MaterialRequest, UsageReport
from germplasm.requests.problems import Conflict, RequestProblem
from germplasm.requests.settings import feedback_months, reminder_days


def due_date(received_on: date) -> date:
    months = received_on.month - 1 + feedback_months()
    year, month = received_on.year + months // 12, months % 12 + 1
    day = min(received_on.day, 28)  # every month has a 28th
    return date(year, month, day)


def confirm_receipt(request: MaterialRequest, *, actor: str, received_on: date,
                    note: str | None = None) -> None:
    workflow.move(request, "received", actor=actor, curator=True, by_event="receipt",
                  note=note)
    request.received_on = received_on
    request.feedback_due_on = due_date(received_on)
    db.session.flush()


def report_usage(request: MaterialRequest, *, author: str, usage: str,
                 results: str | None = None) -> UsageReport:
    """The usage report closes the request."""
    if request.status not in ("received", "feedback_due"):
        raise Conflict("status", f"a request that is {request.status} takes no usage report "
                       "(confirm receipt first)",
                       "no_report_yet", state=request.status)
    if not (usage or "").strip():
        raise RequestProblem("usage", "say what was done with the material", code="usage")
    report = UsageReport(request_id=request.id, usage=usage.strip(),
                         results=(results or "").strip() or None, author=author)
    request.feedback.append(report)
    db.session.flush()
    workflow.move(request, "closed", actor=author, curator=True, note="usage report received")
    return report


def falling_due(today: date | None = None) -> list[MaterialRequest]:
    """Received requests whose usage report is due within the reminder window or overdue."""
    horizon = (today or date.today()) + timedelta(days=reminder_days())
    return list(db.session.scalars(select(MaterialRequest).where(
        MaterialRequest.status.in_(("received", "feedback_due")),
        MaterialRequest.feedback_due_on <= horizon).order_by(MaterialRequest.feedback_due_on)))


def remind(today: date | None = None, actor: str = "system") -> int:
    """Move received requests whose report falls due to `feedback_due` (which tells the
    requester); how many moved."""
    moved = 0
    for request in falling_due(today):
        if request.status == "received":
            workflow.move(request, "feedback_due", actor=actor, curator=True,
                          note=f"usage report due {request.feedback_due_on}")
            moved += 1
    return moved
