"""/api/v1/observations and /api/v1/summaries: the rows of `germplasm export observations`
and `germplasm export summaries` for the same selection, paged; and POST
/api/v1/observations, which records a batch through the sheet import's rules and service.

Writes need a bearer token with the write scope whose user is staff or above. A session
cookie alone does not write here: the API takes no CSRF token, so a cookie-authenticated POST
could be forged by another site; a token is never sent by a browser on its own."""
from flask import current_app, g, request
from flask.views import MethodView
from flask_babel import gettext as _
from flask_login import current_user
from flask_smorest import abort
from marshmallow import ValidationError, fields, validate

from germplasm.accounts.bearer import may_write
from germplasm.evaluations.listing import (
    Selection,
    SelectionProblem,
    count,
    observation_query,
    parse_moment,
    summary_query,
)
from germplasm.evaluations.models import ALL_YEARS
from germplasm.extensions import csrf, db
from germplasm.sharing.access import accession_scope
from germplasm.sharing.openapi import ApiBlueprint
from germplasm.sharing.paging import LINK_HEADERS, PageArgs, PageSchema, paged
from loaders.observation_posts import ItemsRejected, record_posted
from schemas.observation import (
    ObservationPostSchema,
    ObservationSchema,
    PostResultSchema,
    SummarySchema,
)
from search.sync import commit

bp = ApiBlueprint("api_observations", __name__, url_prefix="/api/v1",
                  description="观测数据与性状汇总 / Observations and trait summaries")
csrf.exempt(bp)  # writes need a bearer token (see above), which no other site can send


@bp.before_request
def _before_reading() -> None:
    """Who may write is settled before the body is read (an anonymous POST is 401 whatever
    it holds); a body over GERMPLASM_API_MAX_BODY_MB is refused with 413 unread."""
    request.max_content_length = current_app.config["GERMPLASM_API_MAX_BODY_MB"] * 1024 * 1024
    if request.method == "POST":
        g.api_writer = _writer()


class Moment(fields.Field):
    def _deserialize(self, value, attr, data, **kwargs):
        try:
            return parse_moment(str(value))
        except ValueError:
            raise ValidationError(_("not an ISO 8601 date or time")) from None


def _doc(zh: str, en: str, **extra) -> dict:
    return {"metadata": {"description": f"{zh} / {en}", **extra}}


class ObservationQuery(PageArgs):
    accession = fields.String(**_doc("种质库编号或种质编号", "accession number or id"))
    descriptor = fields.String(**_doc("性状代码", "descriptor code", example="SSC"))
    campaign = fields.String(**_doc("评价批次名称或编号", "campaign name or id"))
    year = fields.Integer(validate=validate.Range(1900, 2100),
                          **_doc("评价年份", "campaign year"))
    updated_since = Moment(**_doc(
        "只列出此时刻（ISO 8601，无时区按 UTC）之后修改的观测",
        "only observations changed at or after this moment (ISO 8601; UTC without an offset)",
        type="string", format="date-time", example="2026-07-01T00:00:00Z"))


class SummaryYear(fields.Field):
    """A year, or `all` for the summary over every year."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = str(value).strip().lower()
        if text == "all":
            return ALL_YEARS
        if text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100:
            return int(text)
        raise ValidationError(_("a year from 1900 to 2100, or all"))


class SummaryQuery(PageArgs):
    descriptor = fields.String(**_doc("性状代码", "descriptor code", example="SSC"))
    year = SummaryYear(**_doc("年份；all 为历年汇总", "a year, or all for the summary over "
                              "every year", type="string", example="2026"))


class ObservationPage(PageSchema):
    items = fields.List(fields.Nested(ObservationSchema), required=True)


class SummaryPage(PageSchema):
    items = fields.List(fields.Nested(SummarySchema), required=True)


def _page(query, args: dict) -> dict:
    page, per_page = args["page"], args["per_page"]
    total = count(query)
    rows = db.session.execute(query.limit(per_page).offset((page - 1) * per_page)).all()
    return paged(rows, total, page, per_page)


def _selection(args: dict) -> Selection:
    return Selection(args.get("accession"), args.get("descriptor"), args.get("campaign"),
                     args.get("year"), args.get("updated_since"))


def _listing(build, args: dict) -> dict:
    try:
        return _page(build(_selection(args), accession_scope()), args)
    except SelectionProblem as problem:
        abort(400, message=str(problem), messages={"query": {problem.field: [str(problem)]}})


@bp.route("/observations")
class Observations(MethodView):
    @bp.arguments(ObservationQuery, location="query")
    @bp.response(200, ObservationPage, headers=LINK_HEADERS)
    def get(self, args):
        """观测记录 / Observations

        与 `germplasm export observations` 相同的记录与顺序；受限种质的观测只对有权查看者列出。
        The rows of `germplasm export observations` for the same selection, in its order;
        observations of restricted accessions only for callers who may see them."""
        return _listing(observation_query, args)

    @bp.arguments(ObservationPostSchema)
    @bp.response(201, PostResultSchema, description="有新增记录 / some observations were added")
    @bp.alt_response(200, schema=PostResultSchema,
                     description="无新增（仅修改或完全相同） / none added: only updated or all "
                                 "unchanged")
    @bp.alt_response(403, response="FORBIDDEN")
    @bp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    def post(self, body):
        """录入观测 / Record observations

        需要 write 权限的令牌，用户为工作人员及以上。按表格导入的规则逐条检查；
        任何一条有误则全部不写入，400 的 errors 以 `observations[序号].字段` 指出每处错误。
        以（批次、种质、性状、单株、重复）为键：重复提交相同数据不会新增记录。
        Needs a token with the write scope whose user is staff or above. Each item is checked
        by the rules of the sheet import; if any is wrong nothing is written, and the 400's
        errors name each problem as `observations[INDEX].FIELD`. Keyed by (campaign,
        accession, descriptor, plant, replicate): posting the same data again adds nothing.
        201 when observations were added, 200 otherwise."""
        try:
            result = record_posted(body["campaign"], body["observations"],
                                   user=g.api_writer.username,
                                   date_order=body.get("date_order"))
        except ItemsRejected as rejected:
            db.session.rollback()
            abort(400, message=_("Nothing was recorded: %(count)d problems.",
                                 count=len(rejected.errors)),
                  messages={"json": {e["field"]: e["messages"] for e in rejected.errors}})
        commit()
        return result, 201 if result.created else 200


def _writer():
    """The token's user, if the token may write and the user is staff or above."""
    token = g.get("api_token")
    if token is None:
        abort(401, message=_("Writing through the API needs a bearer token with the write "
                             "scope.") if current_user.is_authenticated else None)
    if not may_write():
        abort(403, message=_("This token may only read; writing needs a token with the "
                             "write scope."))
    if not token.user.is_staff:
        abort(403, message=_("Only staff and above may write through the API."))
    return token.user


@bp.route("/summaries")
class Summaries(MethodView):
    @bp.arguments(SummaryQuery, location="query")
    @bp.response(200, SummaryPage, headers=LINK_HEADERS)
    def get(self, args):
        """性状汇总 / Trait summaries

        与 `germplasm export summaries` 相同的记录：每个种质、性状与年份一条
        （year 为 null 即历年汇总）。
        The rows of `germplasm export summaries`: one per accession, descriptor and year
        (a null year is the summary over every year)."""
        return _listing(summary_query, args)
