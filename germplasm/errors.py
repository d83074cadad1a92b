"""Error answers: JSON in the API's one shape under /api/, a page in the site's layout
elsewhere; and the guard that keeps control characters away from the database."""
import logging

from flask import Flask, abort, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from germplasm.extensions import db
from schemas.text_checks import CONTROL

log = logging.getLogger(__name__)


def init_errors(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(OperationalError, database_busy)
    app.register_error_handler(StaleDataError, changed_meanwhile)
    app.before_request(refuse_control_characters)


def is_api_request() -> bool:
    return request.path.startswith("/api/")


def is_brapi_request() -> bool:
    return request.path.startswith("/brapi/")


def brapi_error(status: int, message: str):
    from germplasm.brapi.envelope import error

    return error(status, message)


def api_error(status: int, message: str, errors: list | None = None):
    return jsonify({"status": status, "message": message, "errors": errors or []}), status


def handle_http_error(error: HTTPException):
    status = error.code or 500
    # An unexpected error says nothing of its cause: the log has it.
    message = error.description if status < 500 else _("Internal server error.")
    if status == 429 or message == type(error).description:
        message = standard_message(status) or message
    if is_brapi_request():
        response, status = brapi_error(status, str(message))
        response.headers.update({k: v for k, v in error.get_headers()
                                 if k in ("Allow", "Retry-After")})
        return response, status
    if is_api_request():
        data = getattr(error, "data", None) or {}  # from webargs and flask_smorest.abort
        # webargs' messages by location, or abort(400, errors=[{"field", "messages"}, ...])
        errors = field_errors(data.get("messages")) or list(data.get("errors") or [])
        if errors and "messages" in data:
            message = _("invalid parameter %(name)s: %(message)s",
                        name=", ".join(e["field"] for e in errors),
                        message="; ".join(errors[0]["messages"]))
        if data.get("message") and status < 500:  # an endpoint's own words
            message = data["message"]
        response, status = api_error(status, str(message), errors)
        kept = {k: v for k, v in error.get_headers() if k in ("Allow", "Retry-After")}
        response.headers.update(kept)
        return response, status
    if status == 404:
        return render_template("errors/404.html"), 404
    return render_template("errors/error.html", status=status, message=message), status


def field_errors(messages) -> list[dict]:
    """webargs' {"query": {"per_page": ["Not a valid integer."]}} as the API's
    [{"field": "per_page", "messages": [...]}]; nested messages (a list's items) flattened,
    except in a JSON body, where each names its path: observations[3].value."""
    if not isinstance(messages, dict):
        return []
    errors = []
    for where, location in messages.items():
        for field, found in (location.items() if isinstance(location, dict) else ()):
            if where == "json":
                errors += [{"field": path, "messages": words}
                           for path, words in _paths(str(field), found)]
            else:
                errors.append({"field": str(field), "messages": _flat(found)})
    return errors


def _paths(prefix: str, found) -> list[tuple[str, list[str]]]:
    if not isinstance(found, dict):
        return [(prefix, _flat(found))]
    return [pair for key, value in found.items() for pair in _paths(
        f"{prefix}[{key}]" if isinstance(key, int) else f"{prefix}.{key}", value)]


def _flat(found) -> list[str]:
    if isinstance(found, dict):
        return [m for value in found.values() for m in _flat(value)]
    if isinstance(found, (list, tuple)):
        return [m for value in found for m in _flat(value)]
    return [str(found)]


def standard_message(status: int) -> str | None:
    """Our words for werkzeug's English default descriptions (an abort() without a message)."""
    return {
        400: _("The request could not be understood."),
        401: _("Please sign in first."),
        403: _("You do not have permission to open this page."),
        404: _("Not found."),
        405: _("This address does not accept that method."),
        413: _("The upload is too large."),
        429: _("Too many requests; wait a moment and try again."),
    }.get(status)


def database_busy(error: OperationalError):
    """A lock wait that timed out or a deadlock the database broke: nothing was saved, and
    trying again will work; say so instead of answering 500."""
    db.session.rollback()
    log.warning("database busy: %s", error.orig)
    return _answer(503, _("The database is busy; nothing was saved. Please try again."),
                   {"Retry-After": "2"})


def changed_meanwhile(_error: StaleDataError):
    db.session.rollback()
    return _answer(409, _("Someone else changed this record meanwhile; nothing was saved. "
                          "Reload it and try again."))


def _answer(status: int, message: str, headers: dict | None = None):
    if is_brapi_request():
        response, status = brapi_error(status, message)
    elif is_api_request():
        response, status = api_error(status, message)
    else:
        response = render_template("errors/error.html", status=status, message=message)
    return response, status, headers or {}


def refuse_control_characters():
    """400 for a control character in the path, a query parameter or a form field."""
    fields = [("path", request.path)]
    fields += [(name, value) for name, value in request.args.items(multi=True)]
    if request.method == "POST" and request.mimetype in (
            "application/x-www-form-urlencoded", "multipart/form-data"):
        fields += [(name, value) for name, value in request.form.items(multi=True)]
    for name, value in fields:
        if CONTROL.search(name) or CONTROL.search(value):
            abort(400, _("%(field)s contains a control character.", field=_safe(name)))


def _safe(name: str) -> str:
    return CONTROL.sub("?", name)[:40]
