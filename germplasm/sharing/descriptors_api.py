"""GET /api/v1/descriptors and /descriptors/{code}: the trait catalogue."""
from flask import abort
from flask_babel import gettext as _

from germplasm.extensions import db
from germplasm.sharing.descriptor_records import descriptor_by_code, descriptors_query
from germplasm.sharing.openapi import ApiBlueprint
from germplasm.sharing.paging import LINK_HEADERS, paged
from schemas.descriptor import DescriptorDetailSchema, DescriptorPageSchema, DescriptorQuerySchema

bp = ApiBlueprint("api_descriptors", __name__, url_prefix="/api/v1",
                  description="性状描述符 / Trait descriptors")


@bp.get("/descriptors")
@bp.arguments(DescriptorQuerySchema, location="query")
@bp.response(200, DescriptorPageSchema, headers=LINK_HEADERS)
def descriptors(args: dict):
    """描述符列表 / The descriptors

    全部描述符（含已停用的：旧观测仍引用它们），按目录顺序；可按性状组或是否在用筛选。

    Every descriptor, retired ones too (older observations refer to them), in catalogue
    order; filter by group or by use.
    """
    query = descriptors_query(args.get("group"), args.get("active"))
    page = db.paginate(query, page=args["page"], per_page=args["per_page"], error_out=False)
    return paged(page.items, page.total, args["page"], args["per_page"])


@bp.get("/descriptors/<code>", parameters=[{
    "in": "path", "name": "code",
    "description": "描述符代码，不区分大小写，如 SSC / "
                   "descriptor code, case-insensitive, e.g. SSC"}])
@bp.response(200, DescriptorDetailSchema)
def descriptor(code: str):
    """一个描述符及其历史版本 / One descriptor and its earlier versions

    代码不区分大小写。观测记录其描述符版本；`revisions` 给出每个早期版本的定义、方法与量表。

    Codes are case-insensitive. Observations keep the version they were recorded under;
    `revisions` gives each earlier version's definition, method and scale.
    """
    found = descriptor_by_code(code)
    if found is None:
        abort(404, _("There is no descriptor with this code."))
    return found
