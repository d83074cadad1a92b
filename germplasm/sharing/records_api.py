"""GET /api/v1/accessions/{id}: one accession's whole record."""
from flask import abort
from flask_babel import gettext as _

from germplasm.accounts.permissions import restricted_scope
from germplasm.sharing.accession_records import accession_record
from germplasm.sharing.openapi import ApiBlueprint
from schemas.accession_detail import AccessionDetailSchema

bp = ApiBlueprint("api_records", __name__, url_prefix="/api/v1",
                  description="种质的完整记录 / The whole record of an accession")


@bp.get("/accessions/<int:accession_id>", parameters=[{
    "in": "path", "name": "accession_id",
    "description": "种质的稳定编号（列表与变更流中的 id） / "
                   "the accession's stable id (`id` in lists and the change feed)"}])
@bp.response(200, AccessionDetailSchema)
def accession(accession_id: int):
    """一份种质的完整记录 / One accession's whole record

    MCPD v2.1 护照数据（与 MCPD 导出相同）、名称、亲本与后代、性状汇总（总体与逐年）、照片。
    限制访问的种质仅工作人员可见（合作单位用户可见本单位的），其他调用者得到 404（与不存在的
    编号相同）；野生材料的坐标对其他调用者取 0.1°。

    MCPD v2.1 passport data (as the MCPD export writes it), names, parents and progeny, trait
    summaries (overall and by year) and photos. Restricted accessions are for staff and above
    (and a partner's own institute's for the partner): anyone else gets 404, as for an id
    that does not exist; wild material's coordinates are rounded to 0.1° for them.
    """
    record = accession_record(accession_id, restricted_scope())
    if record is None:
        abort(404, _("There is no accession with this id."))
    return record
