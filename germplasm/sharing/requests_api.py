"""/api/v1/requests: partners ask for material and follow their requests; curators move
them through the workflow, allocate lots and ship. Every write needs a bearer token with the
write scope (a browser never sends one on its own, so no CSRF token is needed); a requester
sees only their own requests, curators all of them."""
from flask import current_app, g, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_smorest import abort
from marshmallow import fields, validate

from germplasm import locking
from germplasm.accounts.bearer import may_write
from germplasm.accounts.permissions import restricted_scope
from germplasm.extensions import csrf, db
from germplasm.inventory.queries import page
from germplasm.requests import allocations, receipt, shipping, workflow
from germplasm.requests.models import MaterialRequest
from germplasm.requests.problems import RequestProblem
from germplasm.requests.queries import sees_all, visible_request, visible_requests
from germplasm.requests.states import STATES
from germplasm.requests.submission import Ask, Recipient, Submission, submit
from germplasm.sharing.openapi import ApiBlueprint
from germplasm.sharing.paging import LINK_HEADERS, PageArgs, paged
from schemas.material_request import AllocationSchema, RequestPage, RequestSchema
from schemas.material_request_post import (
    AllocationIn,
    ReceiptIn,
    RequestIn,
    ShipmentIn,
    TransitionIn,
    UsageReportIn,
)
from search.sync import commit

bp = ApiBlueprint("api_requests", __name__, url_prefix="/api/v1",
                  description="材料申请 / Material requests")
csrf.exempt(bp)
ID = [{"in": "path", "name": "request_id", "description": "申请编号 / request id"}]


@bp.before_request
def _signed_in() -> None:
    """Requests are personal: a token (or a session for reading) is needed for all of it."""
    request.max_content_length = current_app.config["GERMPLASM_API_MAX_BODY_MB"] * 1024 * 1024
    token = g.get("api_token")
    if token is None and (request.method == "POST" or not _session_user()):
        abort(401, message=_("Material requests need a bearer token."))
    if request.method == "POST" and not may_write():
        abort(403, message=_("This token may only read; writing needs a token with the "
                             "write scope."))
    if request.method == "POST" and not locking.is_postgresql():
        # SQLite: the token was read in a transaction another writer may have overtaken
        # since; start afresh as the writer, so we wait our turn instead of failing.
        db.session.commit()
        locking.take_write_lock()


def _session_user() -> bool:
    return current_user.is_authenticated


def _me():
    return current_user


class RequestQuery(PageArgs):
    status = fields.String(validate=validate.OneOf(STATES), metadata={
        "description": "按状态筛选 / only requests in this state", "enum": list(STATES)})


@bp.get("/requests")
@bp.arguments(RequestQuery, location="query")
@bp.response(200, RequestPage, headers=LINK_HEADERS)
def list_requests(args):
    """材料申请列表 / Material requests

    申请人只看到自己的申请；审核员（curator）及以上看到全部。

    A requester sees their own requests; curators and above see all of them."""
    total, rows = page(visible_requests(_me(), args.get("status")),
                       (MaterialRequest.id.desc(),), args["page"], args["per_page"])
    return paged(rows, total, args["page"], args["per_page"])


@bp.post("/requests")
@bp.arguments(RequestIn)
@bp.response(201, RequestSchema)
@bp.alt_response(403, response="FORBIDDEN")
def create_request(body):
    """提交材料申请 / Submit a material request

    必须接受材料转移协议（`mta_accepted: true`）；只能申请调用者可见的种质。

    The material transfer agreement must be accepted (`mta_accepted: true`); only
    accessions the caller may see can be requested."""
    submission = Submission(
        recipient=Recipient(**body["recipient"]), intended_use=body["intended_use"],
        mta_accepted=body["mta_accepted"], use_note=body.get("use_note"),
        mta_version=body.get("mta_version"), items=[Ask(**item) for item in body["items"]])
    return _done(lambda: submit(_me(), submission, restricted_scope()))


@bp.get("/requests/<int:request_id>", parameters=ID)
@bp.response(200, RequestSchema)
def get_request(request_id: int):
    """一份材料申请 / One material request

    他人的申请对申请人是 404。/ Someone else's request is 404 to a requester."""
    return _visible(request_id)


@bp.post("/requests/<int:request_id>/transitions", parameters=ID)
@bp.arguments(TransitionIn)
@bp.response(200, RequestSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(409, response="CONFLICT")
def transition(body, request_id: int):
    """变更申请状态 / Move a request to another state

    状态表不允许的变更为 409；申请人只能取消（cancelled）。

    409 for a move the workflow's table does not allow; the requester may only cancel."""
    found = _visible(request_id)
    _done(lambda: workflow.move(found, body["to"], actor=_me().username,
                                curator=sees_all(_me()), note=body.get("note")))
    return found


@bp.post("/requests/<int:request_id>/allocations", parameters=ID)
@bp.arguments(AllocationIn)
@bp.response(201, AllocationSchema)
@bp.alt_response(200, schema=AllocationSchema, description="同一 Idempotency-Key 的重试 / a retry")
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(409, response="CONFLICT")
def allocate(body, request_id: int):
    """从批次分配 / Allocate an item from a lot

    预留库存；批次可用量不足、不可分发、不在供应期、已过期或健康检测未通过时为 409。
    带 `Idempotency-Key` 请求头重试不会重复预留。

    Reserves stock; 409 when the lot has less available than asked, is not distributable,
    out of season, expired or failed its health test. Retrying with the same
    `Idempotency-Key` header reserves nothing twice."""
    found = _curated(request_id)
    item = _done_later(lambda: allocations.item_of(found, body["item"]))
    key = request.headers.get("Idempotency-Key")
    result = _done(lambda: allocations.allocate(
        found, item, body["lot"], body["quantity"], actor=_me().username,
        key=f"{_me().id}:{key}"[:100] if key else None))
    return result.allocation, 201 if result.created else 200


@bp.post("/requests/<int:request_id>/shipments", parameters=ID)
@bp.arguments(ShipmentIn)
@bp.response(201, RequestSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(409, response="CONFLICT")
def ship(body, request_id: int):
    """记录发货 / Record a shipment

    发出已预留的材料（扣减库存），申请变为已发货或部分发货；
    寄往国外须有植物检疫证书编号（否则 409）。

    Sends reserved material (out of stock through the ledger); the request becomes shipped or
    partly shipped. Abroad, a phytosanitary certificate number is required (else 409)."""
    found = _curated(request_id)
    dispatch = shipping.Dispatch(
        carrier=body["carrier"], shipped_on=body["shipped_on"],
        tracking_number=body.get("tracking_number"),
        phyto_certificate=body.get("phyto_certificate"),
        allocation_ids=body.get("allocations"))
    _done(lambda: shipping.ship(found, dispatch, actor=_me().username))
    return found, 201


@bp.post("/requests/<int:request_id>/receipt", parameters=ID)
@bp.arguments(ReceiptIn)
@bp.response(200, RequestSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(409, response="CONFLICT")
def confirm_receipt(body, request_id: int):
    """确认收到 / Confirm receipt

    申请人（或审核员）确认收到材料；利用反馈的截止日期随之确定。

    The requester (or a curator) confirms the material arrived; the usage report's due date
    follows from it."""
    found = _visible(request_id)
    _done(lambda: receipt.confirm_receipt(found, actor=_me().username,
                                          received_on=body["received_on"],
                                          note=body.get("note")))
    return found


@bp.post("/requests/<int:request_id>/feedback", parameters=ID)
@bp.arguments(UsageReportIn)
@bp.response(201, RequestSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(409, response="CONFLICT")
def feedback(body, request_id: int):
    """提交利用反馈 / Report on the use of the material

    提交后申请关闭。/ The report closes the request."""
    found = _visible(request_id)
    _done(lambda: receipt.report_usage(found, author=_me().username, usage=body["usage"],
                                       results=body.get("results")))
    return found, 201


def _visible(request_id: int) -> MaterialRequest:
    found = visible_request(_me(), request_id, lock=request.method == "POST")
    if found is None:
        abort(404, message=_("There is no request with this id."))
    return found


def _curated(request_id: int) -> MaterialRequest:
    found = _visible(request_id)
    if not sees_all(_me()):
        abort(403, message=_("Only curators allocate and ship material."))
    return found


def _done_later(action):
    """Run a check that writes nothing; its problem becomes the answer."""
    try:
        return action()
    except RequestProblem as problem:
        _refuse(problem)


def _done(action):
    """Run a service call and commit once; a refusal rolls back and answers in the one
    error shape with the field it names."""
    try:
        result = action()
    except RequestProblem as problem:
        db.session.rollback()
        _refuse(problem)
    commit()
    return result


def _refuse(problem: RequestProblem):
    errors = [{"field": problem.field, "messages": [str(problem)]}] if problem.field else []
    abort(problem.status, message=str(problem), errors=errors)
