"""GET /api/v1/campaigns and /campaigns/{id}: evaluation campaigns."""
from flask import abort
from flask_babel import gettext as _

from germplasm.accounts.permissions import is_staff, restricted_scope
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

    公众、研究人员与合作单位用户看到至少有一条其可见种质观测的任务，计数只含其可见种质
    （合作单位含本单位的限制种质）；工作清单、进度与观测人仅工作人员可见（其他调用者为 null）。
    工作人员看到全部任务，包括尚无观测的计划任务。

    The public, researchers and partners see the campaigns holding at least one observation
    of an accession they may see (a partner: its institute's restricted ones too), counted
    over those accessions only; the worklist, progress and observers are for staff (null for
    others). Staff see every campaign, planned ones too.
    """
    scope = restricted_scope()
    page = db.paginate(campaigns_query(scope), page=args["page"], per_page=args["per_page"],
                       error_out=False)
    return paged(campaign_records(page.items, scope, is_staff()), page.total, args["page"],
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
    scope = restricted_scope()
    found = campaign_by_id(campaign_id, scope)
    if found is None:
        abort(404, _("There is no campaign with this id."))
    return campaign_records([found], scope, is_staff())[0]

