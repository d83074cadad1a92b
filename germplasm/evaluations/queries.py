"""Read-side queries for pages: an accession's traits, its evaluation history, distributions."""
from collections import defaultdict

import numpy as np

from germplasm.accessions.models import Accession
from germplasm.accessions.visibility import Scope
from germplasm.evaluations.models import (
    ALL_YEARS,
    Campaign,
    Descriptor,
    Observation,
    TraitSummary,
)
from germplasm.extensions import db
from search.snapshot import get_snapshot

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


def overall_summaries(scope=None) -> list[tuple[int, str, str, float | None, str | None]]:
    """Every summary over all years as (accession id, descriptor code, data type, mean, mode),
    for the accessions in `scope` (a where-clause on Accession; None: all of them)."""
    query = (db.select(TraitSummary.accession_id, Descriptor.code, Descriptor.data_type,
                       TraitSummary.mean, TraitSummary.mode)
             .join(Descriptor, Descriptor.id == TraitSummary.descriptor_id)
             .where(TraitSummary.year == ALL_YEARS))
    if scope is not None:
        query = query.join(Accession, Accession.id == TraitSummary.accession_id).where(scope)
    return [tuple(row) for row in db.session.execute(query)]


def years_of(table: list[dict]) -> list[int]:
    return sorted({year for row in table for year in row["years"]})


def history(accession_id: int, limit: int = 500) -> list[Observation]:
    query = (db.select(Observation).join(Campaign)
             .where(Observation.accession_id == accession_id)
             .order_by(Campaign.year.desc(), Observation.descriptor_id, Observation.replicate)
             .limit(limit))
    return list(db.session.scalars(query))


def distribution(descriptor: Descriptor, can_see_restricted: Scope, snap=None) -> np.ndarray:
    """Every visible accession's overall mean for a measured descriptor (dates as day of
    year), read from the search snapshot, which already holds them in one array. A page
    drawing several charts passes one snapshot: each get_snapshot() asks the database for
    the catalogue's version."""
    snap = snap or get_snapshot()
    means = snap.means.get(descriptor.code)
    if means is None:
        return np.empty(0)
    return means[snap.visible(can_see_restricted) & ~np.isnan(means)]


def mode_counts(descriptor: Descriptor, can_see_restricted: Scope, snap=None) -> dict[str, int]:
    """How many visible accessions have each category as their overall mode."""
    snap = snap or get_snapshot()
    modes = snap.modes.get(descriptor.code)
    if modes is None:
        return {}
    seen = modes[snap.visible(can_see_restricted) & (modes >= 0)]
    labels = snap.labels[f"c_{descriptor.code}"].values
    return {labels[i]: int(n) for i, n in enumerate(np.bincount(seen)) if n}
