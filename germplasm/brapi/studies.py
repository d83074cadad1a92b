"""GET /brapi/v2/studies, studies/{studyDbId}, trials and trials/{trialDbId}: the evaluation
campaigns (filters seasonDbId, trialDbId, locationDbId, studyDbId) and their years."""
from flask import Blueprint, abort
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from germplasm.brapi import study_records
from germplasm.brapi.envelope import listing, one, page_of, paging, slice_of
from germplasm.evaluations.models import Campaign
from germplasm.extensions import db
from schemas.brapi_study import StudySchema, TrialSchema

bp = Blueprint("brapi_studies", __name__, url_prefix="/brapi/v2")


def _studies(campaigns: list[Campaign]) -> list[dict]:
    crop = study_records.crop()
    return StudySchema(many=True).dump([study_records.study(c, crop) for c in campaigns])


@bp.get("/studies")
def studies():
    pages = paging()
    query = study_records.campaigns_query().options(selectinload(Campaign.descriptors))
    total, rows = page_of(query, (Campaign.id,), pages)
    return listing(_studies(rows), total, pages)


@bp.get("/studies/<string:studyDbId>")
def study(studyDbId: str):  # noqa: N803 (BrAPI's name, shown in /serverinfo)
    campaign = db.session.get(Campaign, study_records.number(studyDbId))
    if campaign is None:
        abort(404, _("There is no study with this id."))
    return one(_studies([campaign])[0])


@bp.get("/trials")
def trials():
    crop = study_records.crop()
    records = [study_records.trial(year, crop) for year in study_records.years()]
    return slice_of(TrialSchema(many=True).dump(records), paging())


@bp.get("/trials/<string:trialDbId>")
def trial(trialDbId: str):  # noqa: N803
    year = study_records.number(trialDbId)
    if year not in study_records.years():
        abort(404, _("There is no trial with this id."))
    return one(TrialSchema().dump(study_records.trial(year, study_records.crop())))
