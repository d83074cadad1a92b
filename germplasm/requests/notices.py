"""What the requester and the curators are told, written to the notifications outbox in the
same transaction as the change itself (germplasm.requests.mailer sends it later). Texts are
bilingual: the recipient's language is not known."""
from sqlalchemy import select, update

from germplasm.extensions import db
from germplasm.requests.models import MaterialRequest, Notification

# state -> (event, Chinese, English) told to the requester
TOLD = {
    "approved": ("approved", "已批准", "has been approved"),
    "partly_approved": ("approved", "已部分批准", "has been partly approved"),
    "rejected": ("rejected", "未获批准", "has not been approved"),
    "partly_shipped": ("shipped", "已部分发货", "has been partly shipped"),
    "shipped": ("shipped", "已发货", "has been shipped"),
    "feedback_due": ("feedback_due", "请提交利用反馈", "is due for its usage report"),
}


def submitted(request: MaterialRequest) -> None:
    _to_requester(request, "received", "已收到", "has been received")
    for curator_id in _curator_ids():
        _write(request, "submitted", user_id=curator_id, email=None,
               subject=f"新的材料申请 {request.number} / New material request {request.number}",
               body=f"{request.institution}（{request.recipient_name}）申请 "
                    f"{len(request.items)} 份种质。\n"
                    f"{request.institution} ({request.recipient_name}) asks for "
                    f"{len(request.items)} accessions.")


def moved(request: MaterialRequest, state: str) -> None:
    if state in TOLD:
        event, zh, en = TOLD[state]
        _to_requester(request, event, zh, en)


def _to_requester(request: MaterialRequest, event: str, zh: str, en: str) -> None:
    extra = ""
    if event == "shipped" and request.shipments:
        last = request.shipments[-1]
        extra = f"\n{last.carrier} {last.tracking_number or ''}".rstrip()
    if event == "feedback_due":
        extra = f"\n截止日期 / due: {request.feedback_due_on}"
    _write(request, event, user_id=request.requester_id, email=request.email,
           subject=f"材料申请 {request.number} {zh} / Material request {request.number} {en}",
           body=f"您的材料申请 {request.number} {zh}。\n"
                f"Your material request {request.number} {en}.{extra}")


def _write(request: MaterialRequest, event: str, **fields) -> None:
    db.session.add(Notification(request_id=request.id, event=event, **fields))
    db.session.info["notified"] = True  # germplasm.requests.mailer sends after the commit


def _curator_ids() -> list[int]:
    from germplasm.accounts.models import User

    return list(db.session.scalars(select(User.id).where(
        User.role.in_(("curator", "admin")), User.active.is_(True))))


def for_user(user_id: int, limit: int = 50) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user_id)
                                   .order_by(Notification.id.desc()).limit(limit)))


def mark_read(user_id: int, ids) -> None:
    """The user's notifications `ids` have been seen."""
    if not ids:
        return
    db.session.execute(update(Notification).where(
        Notification.user_id == user_id, Notification.id.in_(list(ids))).values(read=True)
        .execution_options(synchronize_session=False))
