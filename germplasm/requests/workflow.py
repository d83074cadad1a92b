"""Moving a request from state to state by the table in germplasm.requests.states; every
move is recorded with who, when and a note, and its consequences (releasing reservations,
telling the requester) happen in the same transaction."""
from germplasm.extensions import db
from germplasm.requests import notices, states
from germplasm.requests.models import MaterialRequest, RequestTransition
from germplasm.requests.problems import Conflict, NotAllowed


def record(request: MaterialRequest, source: str | None, target: str, actor: str,
           note: str | None = None) -> RequestTransition:
    transition = RequestTransition(request_id=request.id, from_state=source, to_state=target,
                                   actor=actor, note=(note or "").strip() or None)
    request.transitions.append(transition)
    request.status = target
    db.session.flush()
    return transition


def move(request: MaterialRequest, target: str, *, actor: str, curator: bool,
         note: str | None = None, by_event: str | None = None) -> RequestTransition:
    """Move `request` to `target`, or raise Conflict (the table does not allow it) or
    NotAllowed (the requester may only cancel)."""
    if target not in states.STATES:
        raise Conflict("to", f"unknown state {target!r}; one of {', '.join(states.STATES)}")
    if not curator and target not in states.REQUESTER_MAY:
        raise NotAllowed("a requester may only cancel a request")
    if not states.allowed(request.status, target):
        raise Conflict("to", f"a request that is {request.status} cannot become {target}",
                       "forbidden_move", state=request.status, target=target)
    needed = states.BY_EVENT.get(target)
    if needed and by_event != needed:
        raise Conflict("to", f"a request becomes {target} by recording its {needed}",
                       f"by_{needed}", target=target)
    source = request.status
    transition = record(request, source, target, actor, note)
    if target in states.RELEASING:
        _release_all(request, actor, target)
    notices.moved(request, target)
    return transition


def _release_all(request: MaterialRequest, actor: str, why: str) -> None:
    from germplasm.requests.allocations import release

    for item in request.items:
        for allocation in item.allocations:
            if allocation.status == "reserved":
                release(allocation, actor=actor, note=f"request {request.number} {why}")
