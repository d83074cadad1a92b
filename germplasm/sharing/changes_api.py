"""GET /api/v1/changes: the change feed, for partners' incremental sync."""
from marshmallow import Schema, fields, validate

from germplasm.accounts.permissions import restricted_scope
from germplasm.feed.reading import changes_after
from germplasm.sharing.openapi import ApiBlueprint
from schemas.change import ChangesSchema

bp = ApiBlueprint("api_changes", __name__, url_prefix="/api/v1", description=(
    "变更流：增量同步 / the change feed, for incremental sync"))

DESCRIPTION = """\
自 `after` 之后的变更，从旧到新，每次至多 `limit` 条；下次用返回的 `next` 作为 `after`。
`upsert`：记录新建或修改，请重新获取（种质：`GET /api/v1/accessions/{id}`，其名称、系谱、照片随之；
观测与汇总：`GET /api/v1/observations?accession={id}`、`GET /api/v1/summaries`；性状描述符：
`GET /api/v1/descriptors/{code}`；评价任务：`GET /api/v1/campaigns/{id}`）。`delete`：记录已删除或
对您不再可见（例如被设为限制访问：其批次、植株、观测与汇总也各有一条 `delete`，重新公开时各有一条
`upsert`）；删除一份种质时，请一并删除其观测与汇总。
从 `after=0` 开始轮询并按上述方式重新获取，即可得到与本库完全一致的数据（含删除）。

Changes after `after`, oldest first, at most `limit` at a time; ask next time with the `next`
returned. `upsert`: the record was created or changed, fetch it again (an accession with its names,
pedigree and photos: `GET /api/v1/accessions/{id}`; observations and summaries:
`GET /api/v1/observations?accession={id}`, `GET /api/v1/summaries`; a descriptor:
`GET /api/v1/descriptors/{code}`; a campaign: `GET /api/v1/campaigns/{id}`). `delete`: the record
was deleted or is no longer visible to you (an accession made restricted, say: its lots, plants,
observations and summaries get a `delete` each too, and an `upsert` each when it is public again);
drop a deleted accession's observations and summaries with it. Polling from `after=0` and
fetching again what changed ends with exactly our data, deletions included.
"""


class ChangesQuery(Schema):
    after = fields.Integer(load_default=0, validate=validate.Range(min=0, max=2**62),
                           metadata={"description": "上次返回的 next（首次为 0） / the `next` "
                                                    "of the previous answer (0 the first time)"})
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=1000),
                           metadata={"description": "每次至多条数 (1–1000) / at most this many "
                                                    "changes (1–1000)"})


@bp.route("/changes", methods=["GET"])
@bp.doc(summary="变更流 / Change feed", description=DESCRIPTION)
@bp.arguments(ChangesQuery, location="query")
@bp.response(200, ChangesSchema)
def changes(args):
    items, next_cursor = changes_after(args["after"], args["limit"], restricted_scope())
    return {"changes": items, "next": next_cursor}
