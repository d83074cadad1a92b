"""Trait summaries per accession and descriptor, per year and over all years.

Kept current in the transaction that changes observations, because search and every page
read them; refresh() recomputes only the (accession, descriptor) pairs that changed.
"""
import json
import math
from collections import Counter, defaultdict

from germplasm.bulk_insert import insert_rows
from germplasm.evaluations.models import ALL_YEARS, Campaign, Descriptor, Observation, TraitSummary
from germplasm.extensions import db
from germplasm.feed import outbox

NUMERIC_TYPES = ("Numerical", "Ordinal", "Date")
CATEGORY_TYPES = ("Ordinal", "Nominal")


def refresh(pairs: set[tuple[int, int]]) -> int:
    """Recompute the summaries of these (accession id, descriptor id) pairs."""
    by_descriptor = defaultdict(set)
    for accession_id, descriptor_id in pairs:
        by_descriptor[descriptor_id].add(accession_id)
    written = 0
    for descriptor_id, accession_ids in by_descriptor.items():
        descriptor = db.session.get(Descriptor, descriptor_id)
        outbox.note_summaries((a, descriptor.code) for a in accession_ids)
        for chunk in _chunks(sorted(accession_ids)):
            written += _refresh_chunk(descriptor, chunk)
    return written


def _refresh_chunk(descriptor: Descriptor, accession_ids: list[int]) -> int:
    db.session.execute(db.delete(TraitSummary).where(
        TraitSummary.descriptor_id == descriptor.id,
        TraitSummary.accession_id.in_(accession_ids)))
    groups = defaultdict(list)
    query = (db.select(Observation.accession_id, Campaign.year, Observation.value_num,
                       Observation.value_text)
             .join(Campaign).where(Observation.descriptor_id == descriptor.id,
                                   Observation.accession_id.in_(accession_ids)))
    for accession_id, year, number, text in db.session.execute(query):
        for key in ((accession_id, year), (accession_id, ALL_YEARS)):
            groups[key].append((number, text))
    rows = [summarise(descriptor, acc, year, values) for (acc, year), values in groups.items()]
    insert_rows(TraitSummary.__table__, rows)
    return len(rows)


def summarise(descriptor: Descriptor, accession_id: int, year: int, values: list) -> dict:
    row = {"accession_id": accession_id, "descriptor_id": descriptor.id, "year": year,
           "n": len(values), "mean": None, "min": None, "max": None, "sd": None,
           "mode": None, "frequencies": None}
    numbers = [n for n, _ in values if n is not None]
    if descriptor.data_type in NUMERIC_TYPES and numbers:
        mean = math.fsum(numbers) / len(numbers)
        row |= {"mean": mean, "min": min(numbers), "max": max(numbers), "sd": _sd(numbers, mean)}
    if descriptor.data_type in CATEGORY_TYPES:
        counts = Counter(t for _, t in values if t is not None)
        if counts:
            # Ties go to the category listed first in the descriptor, so the mode is stable.
            order = {c.code: i for i, c in enumerate(descriptor.categories)}
            row["mode"] = min(counts, key=lambda c: (-counts[c], order.get(c, 999), c))
            row["frequencies"] = json.dumps(dict(sorted(counts.items())), ensure_ascii=False)
    return row


def _sd(numbers: list[float], mean: float) -> float | None:
    """Sample standard deviation in plain floats (statistics.stdev uses slow Fractions)."""
    if len(numbers) < 2:
        return None
    return math.sqrt(math.fsum((x - mean) ** 2 for x in numbers) / (len(numbers) - 1))


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]
