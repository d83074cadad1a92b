"""Read-side queries for pages: an accession's traits, its evaluation history, distributions."""
from collections import defaultdict

from germplasm.evaluations.models import (
    ALL_YEARS,
    Campaign,
    Descriptor,
    Observation,
    TraitSummary,
)
from germplasm.extensions import db

GROUP_ORDER = {"phenology": 0, "fruit": 1, "quality": 2, "resistance": 3}


def trait_table(accession_id: int) -> list[dict]:
    """One row per descriptor: the overall summary and the summary of each year."""
    rows = defaultdict(lambda: {"overall": None, "years": {}})
    query = db.select(TraitSummary).where(TraitSummary.accession_id == accession_id)
    for summary in db.session.scalars(query):
        row = rows[summary.descriptor.code]
        row["descriptor"] = summary.descriptor
        if summary.year == ALL_YEARS:
            row["overall"] = summary
        else:
            row["years"][summary.year] = summary
    return sorted(rows.values(), key=lambda r: (GROUP_ORDER.get(r["descriptor"].group, 9),
                                                r["descriptor"].id))


def years_of(table: list[dict]) -> list[int]:
    return sorted({year for row in table for year in row["years"]})


def history(accession_id: int, limit: int = 500) -> list[Observation]:
    query = (db.select(Observation).join(Campaign)
             .where(Observation.accession_id == accession_id)
             .order_by(Campaign.year.desc(), Observation.descriptor_id, Observation.replicate)
             .limit(limit))
    return list(db.session.scalars(query))


def distribution(descriptor: Descriptor) -> list[float]:
    """Every accession's overall mean for a measured descriptor (dates as day of year)."""
    query = db.select(TraitSummary.mean).where(
        TraitSummary.descriptor_id == descriptor.id, TraitSummary.year == ALL_YEARS,
        TraitSummary.mean.is_not(None))
    return list(db.session.scalars(query))


def mode_counts(descriptor: Descriptor) -> dict[str, int]:
    query = (db.select(TraitSummary.mode, db.func.count()).where(
        TraitSummary.descriptor_id == descriptor.id, TraitSummary.year == ALL_YEARS,
        TraitSummary.mode.is_not(None)).group_by(TraitSummary.mode))
    return dict(db.session.execute(query).all())
