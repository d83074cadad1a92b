"""Evaluation campaigns for the API.

The campaign pages are for staff; what a campaign produced is public (its observations show
on the accession pages, by campaign name). So a caller sees the campaigns that hold at least
one observation of an accession it may see (its visibility scope: public, a partner's
institute's too), with counts over those accessions only; the worklist (planning, which
counts restricted accessions) and the observers (people) are for staff. Staff see every
campaign, planned ones too."""
from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from germplasm.accessions.models import Accession
from germplasm.accessions.queries import visible
from germplasm.accessions.visibility import Scope, sees_all
from germplasm.db import is_row_id
from germplasm.evaluations.campaign_progress import overview
from germplasm.evaluations.models import Campaign, Observation
from germplasm.extensions import db


def campaigns_query(scope: Scope):
    query = (select(Campaign).options(selectinload(Campaign.descriptors))  # one query a page
             .order_by(Campaign.year.desc(), Campaign.name, Campaign.id))
    if sees_all(scope):
        return query
    shown = visible(select(Observation.id).join(Accession, Accession.id == Observation.accession_id)
                    .where(Observation.campaign_id == Campaign.id), scope)
    return query.where(exists(shown))


def campaign_by_id(campaign_id: int, scope: Scope) -> Campaign | None:
    if not is_row_id(campaign_id):
        return None
    return db.session.scalars(campaigns_query(scope).where(Campaign.id == campaign_id)).first()


def campaign_records(campaigns: list[Campaign], scope: Scope, staff: bool) -> list[dict]:
    """What CampaignSchema dumps, for one page of campaigns: a few grouped queries. Counts
    follow the caller's scope; the worklist and observers are shown to staff only."""
    ids = [c.id for c in campaigns]
    counts = _counts(ids, scope)
    worklists = overview(ids) if staff and ids else {}
    return [_record(c, counts.get(c.id), worklists.get(c.id)) for c in campaigns]


def _record(campaign: Campaign, counts, worklist) -> dict:
    observations, accessions, first, last = counts or (0, 0, None, None)
    return {
        "id": campaign.id, "name": campaign.name, "year": campaign.year, "site": campaign.site,
        "description": campaign.description,
        "descriptors": [d.code for d in campaign.descriptors],
        "observations": observations, "accessions": accessions,
        "first_observed": first, "last_observed": last,
        "observers": campaign.observers if worklist is not None else None,
        "worklist": worklist, "created_at": campaign.created_at,
        "updated_at": campaign.updated_at,
    }


def _counts(ids: list[int], scope: Scope) -> dict[int, tuple]:
    query = visible(
        select(Observation.campaign_id, func.count(Observation.id),
               func.count(func.distinct(Observation.accession_id)),
               func.min(Observation.observed_on), func.max(Observation.observed_on))
        .join(Accession, Accession.id == Observation.accession_id)
        .where(Observation.campaign_id.in_(ids)), scope)
    rows = db.session.execute(query.group_by(Observation.campaign_id))
    return {campaign_id: tuple(rest) for campaign_id, *rest in rows}
