"""GET /brapi/v2/observations (filters germplasmDbId, observationVariableDbId, studyDbId,
seasonDbId, trialDbId, observationUnitDbId, observationDbId), observations/{observationDbId}
and POST search/observations (answered at once, 200, paged by the body's page/pageSize).
Observations of restricted accessions only for staff.

POST /observations and PUT /observations, /observations/{id} (observation_writes,
observation_puts) need a bearer token with the write scope whose user is staff or above;
they answer the observations as stored, or 400 naming every problem, with nothing written."""
from flask import Blueprint, abort, current_app, g, request
from flask_babel import gettext as _

from germplasm import locking
from germplasm.accounts.bearer import may_write
from germplasm.brapi import observation_puts as puts
from germplasm.brapi import observation_records as records
from germplasm.brapi import observation_writes as writes
from germplasm.brapi.envelope import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    Paging,
    frame,
    listing,
    one,
    paging,
)
from germplasm.evaluations.listing import count
from germplasm.extensions import csrf, db
from schemas.brapi_observation import ObservationSchema
from search.sync import commit

bp = Blueprint("brapi_observations", __name__, url_prefix="/brapi/v2")
csrf.exempt(bp)  # writes need a bearer token (observation_writes), never a session cookie


def answer(query, pages: Paging):
    rows = records.page(query, pages.offset, pages.size)
    return listing(ObservationSchema(many=True).dump(records.observations(rows)),
                   count(query), pages)


@bp.get("/observations")
def observations():
    filters = {name: [request.args.get(name, "")] for name in records.FILTERS}
    return answer(records.observations_query(filters), paging())


def found(observation_db_id: str) -> dict:
    """The visible observation with this id; 404 alike for one that is not shown."""
    rows = records.page(records.observations_query(
        {"observationDbId": [observation_db_id]}), 0, 1)
    if not rows:
        abort(404, _("There is no observation with this id."))
    return ObservationSchema().dump(records.observations(rows)[0])


@bp.get("/observations/<string:observationDbId>")
def observation(observationDbId: str):  # noqa: N803 (BrAPI's name, shown in /serverinfo)
    return one(found(observationDbId))


def _body_list(body: dict, key: str) -> list[str]:
    value = body.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        abort(400, _("%(name)s must be a list of ids", name=key))
    return [str(v) for v in value]


def _body_whole(body: dict, key: str, default: int, low: int, high: int) -> int:
    value = body.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        abort(400, _("%(name)s must be a whole number from %(low)s to %(high)s", name=key,
                     low=low, high=high))
    return value


@bp.post("/search/observations")
def search_observations():
    """The GET filters as lists (germplasmDbIds, studyDbIds, ...), answered at once. A search
    is a read, as BrAPI says: open to anyone, with the caller's access rules."""
    body = request.get_json(silent=True)
    if body is None:
        body = {}
    if not isinstance(body, dict):
        abort(400, _("The search must be a JSON object."))
    filters = {name: _body_list(body, f"{name}s") for name in records.FILTERS}
    pages = Paging(_body_whole(body, "page", 0, 0, MAX_PAGE),
                   min(_body_whole(body, "pageSize", 1000, 1, 10**9), MAX_PAGE_SIZE))
    return answer(records.observations_query(filters), pages)


def _writer():
    """The token's user, if the token may write and the user is staff or above (a session
    cookie never writes here: these calls take no CSRF token)."""
    request.max_content_length = current_app.config["GERMPLASM_API_MAX_BODY_MB"] * 1024 * 1024
    token = g.get("api_token")
    if token is None:
        abort(401, _("Writing through the API needs a bearer token with the write scope."))
    if not may_write():
        abort(403, _("This token may only read; writing needs a token with the write scope."))
    if not token.user.is_staff:
        abort(403, _("Only staff and above may write through the API."))
    locking.take_write_lock()  # SQLite: become the writer before reading what to write
    return token.user


def _refused(problems: list[str]):
    db.session.rollback()
    summary = _("Nothing was recorded: %(count)d problems.", count=len(problems))
    return frame(None, None, [{"message": m, "messageType": "ERROR"}
                              for m in [summary, *problems]]), 400


def _recorded(ids: list[int], references: list) -> list[dict]:
    """The observations as stored now, in the given order (Field Book's own references
    echoed, so that it can match each answer to what it sent)."""
    rows = records.page(records.observations_query(
        {"observationDbId": [str(i) for i in ids]}), 0, max(len(ids), 1))
    by_id = {record["observationDbId"]: record for record in records.observations(rows)}
    result = []
    for observation_id, reference in zip(ids, references, strict=True):
        record = dict(by_id[str(observation_id)])
        if isinstance(reference, list):
            record["externalReferences"] = [r for r in reference if isinstance(r, dict)]
        result.append(record)
    return ObservationSchema(many=True).dump(result)


def _write(items: list, problems: writes.Problems, user) -> list[int] | None:
    """Record the items unless a problem was found; None (and problems) if anything fails."""
    try:
        ids = writes.record(items, user.username) if items else []
    except writes.Rejected as rejected:
        problems.extend(rejected.problems)
    if problems:
        return None
    commit()
    return ids


@bp.post("/observations")
def post_observations():
    user = _writer()
    body = request.get_json(silent=True)
    if not isinstance(body, list):
        abort(400, _("The body must be a JSON list of observations."))
    problems, items = writes.Problems(), []
    for index, observation in enumerate(body):
        name = _("item %(index)s", index=index)
        found = writes.posted_item(name, observation, problems)
        if found:
            items.append((name, *found))
    ids = _write(items, problems, user)
    if ids is None:
        return _refused(problems)
    references = [o.get("externalReferences") for o in body]
    return listing(_recorded(ids, references), len(ids), Paging(0, max(len(ids), 1)))


def _put(changes: dict, user) -> tuple[list[int], writes.Problems]:
    """Apply {observationDbId: BrAPI observation}; the ids, or the problems."""
    problems, items, ids = writes.Problems(), [], []
    for observation_db_id, body in changes.items():
        name = _("observation %(id)s", id=observation_db_id)
        observation = puts.stored(str(observation_db_id))
        if observation is None:
            problems.add(name, None, _("There is no observation with this id."))
            continue
        ids.append(observation.id)
        found = puts.put_item(name, observation, body, problems)
        if found:
            items.append((name, *found))
    return (ids, problems) if _write(items, problems, user) is not None else ([], problems)


@bp.put("/observations")
def put_observations():
    user = _writer()
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, _("The body must be a JSON object of observations by their "
                     "observationDbId."))
    ids, problems = _put(body, user)
    if problems:
        return _refused(problems)
    return listing(_recorded(ids, [None] * len(ids)), len(ids), Paging(0, max(len(ids), 1)))


@bp.put("/observations/<string:observationDbId>")
def put_observation(observationDbId: str):  # noqa: N803
    user = _writer()
    if puts.stored(observationDbId) is None:
        abort(404, _("There is no observation with this id."))
    body = request.get_json(silent=True)
    ids, problems = _put({observationDbId: {} if body is None else body}, user)
    if problems:
        return _refused(problems)
    return one(_recorded(ids, [None])[0])
