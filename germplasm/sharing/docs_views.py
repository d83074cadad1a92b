"""/api/docs: the interactive documentation of /api/v1, from vendored Swagger UI assets (it
works without internet access) reading GET /api/v1/openapi.json."""
from flask import Blueprint, render_template

bp = Blueprint("api_docs", __name__)


@bp.get("/api/docs")
def api_docs():
    return render_template("sharing/api_docs.html")
