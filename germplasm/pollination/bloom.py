"""Bloom windows from the evaluations: each year, from first bloom to full bloom (days of
the year, averaged over the trees observed). Flowers stay open some days after full bloom,
but the descriptors do not record it, so the window ends at full bloom as recorded."""
from collections import defaultdict

from sqlalchemy import select

from germplasm.evaluations.models import Campaign, Descriptor, Observation
from germplasm.extensions import db

FIRST, FULL = "FIRST_BLOOM_DATE", "FULL_BLOOM_DATE"


def windows(accession_ids) -> dict[int, dict[int, tuple[float, float]]]:
    """{accession id: {year: (start day, end day)}} for the years with a bloom date."""
    query = (select(Observation.accession_id, Descriptor.code, Observation.value_date,
                    Observation.day_of_year, Campaign.year)
             .join(Descriptor, Observation.descriptor_id == Descriptor.id)
             .join(Campaign, Observation.campaign_id == Campaign.id)
             .where(Descriptor.code.in_((FIRST, FULL)), Observation.day_of_year.is_not(None),
                    Observation.accession_id.in_(list(accession_ids) or [0])))
    days = defaultdict(list)
    for accession_id, code, value_date, day, year in db.session.execute(query):
        days[(accession_id, value_date.year if value_date else year, code)].append(day)
    found: dict[int, dict[int, tuple[float, float]]] = defaultdict(dict)
    for accession_id, year in {(a, y) for a, y, _ in days}:
        first, full = (_mean(days.get((accession_id, year, c))) for c in (FIRST, FULL))
        start, end = first if first is not None else full, full if full is not None else first
        found[accession_id][year] = (min(start, end), max(start, end))
    return found


def _mean(values):
    return sum(values) / len(values) if values else None


def overlap(one: dict[int, tuple], other: dict[int, tuple]) -> tuple[float | None, int]:
    """Mean days both are in bloom, over the years both were observed, and that many years."""
    years = sorted(set(one) & set(other))
    if not years:
        return None, 0
    days = [max(0.0, min(one[y][1], other[y][1]) - max(one[y][0], other[y][0]) + 1)
            for y in years]
    return round(sum(days) / len(days), 1), len(years)
