"""The documented /api/v1: one flask-smorest Api per app, serving its OpenAPI document at
GET /api/v1/openapi.json, and the Blueprint class every /api/v1 module uses.

Other modules write their endpoints on an `ApiBlueprint(..., url_prefix="/api/v1")` with
`@bp.arguments(SomeQuerySchema, location="query")` and `@bp.response(200, SomeDumpSchema)`,
and germplasm/__init__.py registers it with `register(app, bp)`: that puts it in the
document and under the API's rate limit. Errors come out in the one shape of
germplasm.errors (validation errors as 400, naming each field; `flask_smorest.abort(404,
message=...)` works too), and every operation lists the 400/401/429 (and, with a path
parameter, 404) answers in the document; document others with `@bp.alt_response(403,
response="FORBIDDEN")` (names: see ERROR_WORDS).
"""
import http

from apispec import BasePlugin
from flask import Flask
from flask_smorest import Api
from flask_smorest import Blueprint as SmorestBlueprint
from webargs.flaskparser import FlaskParser

from germplasm.sharing.rate import limit_api
from schemas.api_error import ErrorSchema

TITLE = "李种质资源共享平台 API / Plum Germplasm Sharing Platform API"
VERSION = "1.0"
DESCRIPTION = """\
李（*Prunus*）种质资源数据库的机器接口：检索、筛选、详细记录与观测数据。
匿名即可读取公开数据；个人访问令牌（在“API 令牌”页面或用 `germplasm tokens create` 创建）
以令牌所属用户的角色访问，请求头为 `Authorization: Bearer gpt_…`。
错误一律为 JSON：`{"status", "message", "errors": [{"field", "messages"}]}`；参数错误为 400。
列表分页：`page`（从 1 起）、`per_page`（默认 20，最多 100，更大的值按 100 计），
返回 `total` 与 `links`（`self`、`next`、`prev`），并在 `Link` 响应头中给出同样的链接（RFC 8288）。

The machine interface of the plum (*Prunus*) germplasm database: search, screening, records
and observations. Public data can be read anonymously; a personal access token (created on
the "API tokens" page or with `germplasm tokens create`) acts with its user's role, sent as
`Authorization: Bearer gpt_…`. Every error is JSON in one shape:
`{"status", "message", "errors": [{"field", "messages"}]}`; bad parameters are 400.
Lists are paged with `page` (from 1) and `per_page` (default 20, at most 100: larger values
count as 100), and return `total` and `links` (`self`, `next`, `prev`), also given in an
RFC 8288 `Link` header.
"""
# The answers every operation may give besides its own (component names below).
COMMON_ERRORS = (400, 401, 429)
ERROR_WORDS = {
    400: "参数有误 / A parameter is malformed",
    401: "令牌未知、过期或已撤销 / The token is unknown, expired or revoked",
    403: "无权访问 / Not allowed for this user or token",
    404: "未找到 / Not found",
    405: "不支持该方法 / Method not allowed",
    409: "记录已被他人修改 / Changed by someone else meanwhile",
    413: "请求过大 / Request too large",
    429: "请求过于频繁，见 Retry-After / Too many requests: see Retry-After",
    500: "服务器内部错误 / Internal server error",
}


class ApiParser(FlaskParser):
    """Validation errors are 400 in our error shape (webargs' default is 422)."""

    DEFAULT_VALIDATION_STATUS = 400


class ApiBlueprint(SmorestBlueprint):
    """A smorest Blueprint whose argument errors are 400 in our shape."""

    ARGUMENTS_PARSER = ApiParser()


class ErrorResponses(BasePlugin):
    """Every operation lists the common error answers; one with a path parameter (a detail
    endpoint) also 404. An operation's own entries for those codes win."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        codes = COMMON_ERRORS + ((404,) if "{" in (path or "") else ())
        for operation in (operations or {}).values():
            responses = operation.setdefault("responses", {})
            for status in codes:
                if status not in responses and str(status) not in responses:
                    responses[status] = http.HTTPStatus(status).name


class GermplasmApi(Api):
    ERROR_SCHEMA = ErrorSchema
    DEFAULT_ERROR_RESPONSE_NAME = None  # each operation lists its errors instead

    def _register_error_handlers(self):
        """None: germplasm.errors answers every error, the API's included, in one shape."""

    def _register_responses(self):
        """The error responses the operations refer to, by status name (BAD_REQUEST, ...)."""
        for status, words in ERROR_WORDS.items():
            name = http.HTTPStatus(status).name
            headers = {"Retry-After": {"description": "秒 / seconds",
                                       "schema": {"type": "integer"}}} if status == 429 else {}
            self.spec.components.response(name, {
                "description": words, "headers": headers,
                "content": {"application/json": {"schema": "Error"}}}, lazy=True)


def init_api(app: Flask) -> GermplasmApi:
    """The app's Api, serving /api/v1/openapi.json (rate-limited like the API itself)."""
    app.config.update(API_TITLE=TITLE, API_VERSION=VERSION, OPENAPI_VERSION="3.0.3",
                      OPENAPI_URL_PREFIX="/api/v1", OPENAPI_JSON_PATH="openapi.json")
    # Anonymous use is allowed too: the empty requirement means "no token".
    api = GermplasmApi(spec_kwargs={"info": {"description": DESCRIPTION},
                                    "security": [{"bearerAuth": []}, {}],
                                    "extra_plugins": [ErrorResponses()]})
    api.init_app(app)
    api.spec.components.schema("Error", schema=ErrorSchema)
    api.spec.components.security_scheme("bearerAuth", {
        "type": "http", "scheme": "bearer", "bearerFormat": "gpt_…",
        "description": "个人访问令牌 / personal access token: `Authorization: Bearer gpt_…`"})
    limit_api(app.blueprints[api._make_doc_blueprint_name()])
    app.extensions["germplasm-api"] = api
    return api


def register(app: Flask, blueprint: ApiBlueprint) -> None:
    """Put `blueprint`'s endpoints in the app and in the document, under the API's rate
    limit. Call after init_api(app)."""
    limit_api(blueprint)
    app.extensions["germplasm-api"].register_blueprint(blueprint)
