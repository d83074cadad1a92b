"""Evaluation campaigns as BrAPI studies, and the campaigns of one year as a trial.

A campaign evaluates accessions at one site in one year: BrAPI's study ("a phenotyping
experiment at a single location"). The campaigns of one year are one trial (BrAPI: "a
collection of studies", e.g. a multi-location trial): the genebank plans its evaluations
by year, and the demo catalogue and real sheets run one campaign per year and site, so the
year is the grouping the data has. trialDbId is the year, as seasonDbId is."""
from datetime import date

from flask import request
from flask_babel import gettext as _
from sqlalchemy import distinct, select

from germplasm.brapi import places
from germplasm.db import row_id
from germplasm.evaluations.models import Campaign
from germplasm.extensions import db

SITE = "site:"
# The levels of the field genebank's units (see unit_records): a tree stands in a row of a
# block; an accession on a worklist without a tree is an "entry" (BrAPI's standard name).
LEVELS = [{"levelName": "entry", "levelOrder": 1}, {"levelName": "block", "levelOrder": 1},
          {"levelName": "row", "levelOrder": 2}, {"levelName": "plant", "levelOrder": 3}]


def number(text: str) -> int:
    """A whole number id (campaign id, year); -1, which matches nothing, for anything else."""
    found = row_id(text.strip())
    return -1 if found is None else found


def campaigns_query(args=None):
    """select(Campaign) with the studies filters of the request (or of `args`)."""
    args = request.args if args is None else args
    query = select(Campaign)
    for name in ("seasonDbId", "trialDbId"):
        if args.get(name, "").strip():
            query = query.where(Campaign.year == number(args[name]))
    if args.get("studyDbId", "").strip():
        query = query.where(Campaign.id == number(args["studyDbId"]))
    location = args.get("locationDbId", "").strip()
    if location:
        site = location[len(SITE):] if location.startswith(SITE) else None
        query = query.where(Campaign.site == site) if site else query.where(False)
    return query


def crop() -> str | None:
    names = places.crop_names()
    return names[0] if len(names) == 1 else None


def trial_name(year: int) -> str:
    return _("Evaluations of %(year)s", year=year)


def study(campaign: Campaign, crop_name: str | None) -> dict:
    return {
        "studyDbId": str(campaign.id), "studyName": campaign.name,
        "studyDescription": campaign.description, "studyType": "Phenotyping",
        "active": campaign.year == date.today().year, "commonCropName": crop_name,
        "additionalInfo": {"observers": campaign.observers} if campaign.observers else None,
        "lastUpdate": {"timestamp": campaign.updated_at, "version": None},
        "locationDbId": f"{SITE}{campaign.site}" if campaign.site else None,
        "locationName": campaign.site, "observationLevels": LEVELS,
        "observationUnitsDescription": _(
            "The living trees of the accessions on the campaign's worklist; an accession "
            "on it without a tree is one unit (level entry)."),
        "observationVariableDbIds": [d.code for d in campaign.descriptors],
        "seasons": [str(campaign.year)],
        "trialDbId": str(campaign.year), "trialName": trial_name(campaign.year),
    }


def years() -> list[int]:
    return list(db.session.scalars(select(distinct(Campaign.year)).order_by(Campaign.year)))


def trial(year: int, crop_name: str | None) -> dict:
    names = db.session.scalars(select(Campaign.name).where(Campaign.year == year)
                               .order_by(Campaign.id))
    return {
        "trialDbId": str(year), "trialName": trial_name(year),
        "trialDescription": _("Evaluation campaigns: %(names)s", names="; ".join(names)),
        "active": year == date.today().year, "commonCropName": crop_name,
        "startDate": f"{year}-01-01", "endDate": f"{year}-12-31",
    }
