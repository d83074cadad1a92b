"""Which differences between accessions matter, trait by trait.

Grades and categories differ when the most frequent grades differ. A measured trait differs
when its means lie further apart than the larger of SHARE_OF_RANGE of the trait's range in
the collection and NOISE_SDS standard deviations of repeated measurements (pooled over the
accessions' own spread across plants, replicates and years). Smaller gaps are within what
measuring the same tree again gives, and are not highlighted. Accessions without the trait
are left out: a missing value is not a difference.
"""
import math

import numpy as np

from germplasm.accessions.models import Accession
from germplasm.accessions.queries import visible
from germplasm.accessions.visibility import Scope, sees_all
from germplasm.evaluations.grades import is_graded
from germplasm.evaluations.models import ALL_YEARS, TraitSummary
from germplasm.extensions import db

SHARE_OF_RANGE = 0.10
NOISE_SDS = 2


def threshold(descriptor, snap, can_see_restricted: Scope) -> float:
    """The smallest gap between means that counts as a difference (0: any gap counts)."""
    return max(SHARE_OF_RANGE * _collection_range(descriptor, snap, can_see_restricted),
               NOISE_SDS * pooled_sd(descriptor, can_see_restricted))


def differs(descriptor, summaries: list, gap: float) -> bool:
    """Whether the overall summaries (None where an accession lacks the trait) differ."""
    present = [s for s in summaries if s is not None]
    if is_graded(descriptor):
        return len({s.mode for s in present if s.mode is not None}) > 1
    means = [s.mean for s in present if s.mean is not None]
    return len(means) > 1 and max(means) - min(means) > gap


def pooled_sd(descriptor, can_see_restricted: Scope) -> float:
    """Root mean square of the accessions' own standard deviations (over all years)."""
    query = (db.select(db.func.avg(TraitSummary.sd * TraitSummary.sd))
             .where(TraitSummary.descriptor_id == descriptor.id,
                    TraitSummary.year == ALL_YEARS, TraitSummary.sd.is_not(None)))
    if not sees_all(can_see_restricted):  # a figure over what the caller may see only
        query = visible(query.join(Accession, Accession.id == TraitSummary.accession_id),
                        can_see_restricted)
    variance = db.session.scalar(query)
    return math.sqrt(variance) if variance else 0.0


def _collection_range(descriptor, snap, can_see_restricted: Scope) -> float:
    means = snap.means.get(descriptor.code)
    if means is None:
        return 0.0
    seen = means[snap.visible(can_see_restricted) & ~np.isnan(means)]
    return float(seen.max() - seen.min()) if len(seen) > 1 else 0.0
