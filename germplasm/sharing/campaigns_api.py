"""GET /api/v1/campaigns and /campaigns/{id}: evaluation campaigns."""
from flask import abort
from flask_babel import gettext as _

from germplasm.accounts.permissions import is_staff
from germplasm.extensions import db
from germplasm.sharing.campaign_records import campaign_by_id, campaign_records, campaigns_query
from germplasm.sharing.openapi import ApiBlueprint
from germplasm.sharing.paging import LINK_HEADERS, paged
from schemas.campaign import CampaignPageSchema, CampaignQuerySchema, CampaignSchema

bp = ApiBlueprint("api_campaigns", __name__, url_prefix="/api/v1",
                  description="评价任务 / Evaluation campaigns")
@bp.get("/campaigns")
@bp.arguments(CampaignQuerySchema, location="query")
@bp.response(200, CampaignPageSchema, headers=LINK_HEADERS)
def campaigns(args: dict):
    """评价任务列表 / The evaluation campaigns

    公众与研究人员看到至少有一条可见种质观测的任务，计数只含可见种质；工作清单、进度与观测人
    仅工作人员可见（其他调用者为 null）。工作人员看到全部任务，包括尚无观测的计划任务。

    The public and researchers see the campaigns holding at least one observation of an
    accession they may see, counted over those accessions only; the worklist, progress and
    observers are for staff (null for others). Staff see every campaign, planned ones too.
    """
    staff = is_staff()
    page = db.paginate(campaigns_query(staff), page=args["page"], per_page=args["per_page"],
                       error_out=False)
    return paged(campaign_records(page.items, staff), page.total, args["page"],
                 args["per_page"])


@bp.get("/campaigns/<int:campaign_id>", parameters=[{
    "in": "path", "name": "campaign_id",
    "description": "评价批次编号（列表中的 id） / the campaign's id (`id` in the list)"}])
@bp.response(200, CampaignSchema)
def campaign(campaign_id: int):
    """一个评价任务 / One evaluation campaign

    规则同列表：对公众不可见的任务（如尚无公开观测的计划任务）返回 404。

    The list's rules hold: a campaign the caller may not see (such as a planned one with no
    public observation yet) is a 404.
    """
    staff = is_staff()
    found = campaign_by_id(campaign_id, staff)
    if found is None:
        abort(404, _("There is no campaign with this id."))
    return campaign_records([found], staff)[0]

