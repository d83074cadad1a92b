"""Error answers: JSON in the API's one shape under /api/, a page in the site's layout
elsewhere; and the guard that keeps control characters away from the database."""
from flask import Flask, abort, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from schemas.text_checks import CONTROL


def init_errors(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.before_request(refuse_control_characters)


def is_api_request() -> bool:
    return request.path.startswith("/api/")


def api_error(status: int, message: str, errors: list | None = None):
    return jsonify({"status": status, "message": message, "errors": errors or []}), status


def handle_http_error(error: HTTPException):
    status = error.code or 500
    # An unexpected error says nothing of its cause: the log has it.
    message = error.description if status < 500 else _("Internal server error.")
    if is_api_request():
        response, status = api_error(status, message)
        kept = {k: v for k, v in error.get_headers() if k in ("Allow", "Retry-After")}
        response.headers.update(kept)
        return response, status
    if status == 404:
        return render_template("errors/404.html"), 404
    return render_template("errors/error.html", status=status, message=message), status


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
