"""Pollinizer advice: for a cultivar (the female), the cultivars whose pollen grows in its
style, compatible before half compatible, each ranked by how many days they bloom together."""
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.pollination import bloom, rules
from germplasm.pollination.models import SGenotype

ORDER = {rules.COMPATIBLE: 0, rules.HALF: 1}


@dataclass
class Pollinizer:
    accenumb: str
    name: str | None
    s_genotype: str
    compatibility: str
    bloom_overlap_days: float | None
    years: int
    reason: str


def pollinizers(female: Accession, female_genotype: rules.Genotype | None,
                scope: ColumnElement | None = None, top: int | None = None) -> list[Pollinizer]:
    """Empty when the female has no (fully known) S-genotype: nothing can be advised."""
    if female_genotype is None or not female_genotype.known:
        return []
    query = (select(SGenotype).join(Accession)
             .where(SGenotype.accession_id != female.id, SGenotype.allele_1.is_not(None),
                    SGenotype.allele_2.is_not(None)))
    if scope is not None:
        query = query.where(scope)
    candidates = []
    for record in db.session.scalars(query):
        verdict = rules.cross(female_genotype, rules.parse(record.genotype))
        if verdict.compatibility in ORDER:
            candidates.append((record, verdict))
    windows = bloom.windows([female.id, *(r.accession_id for r, _ in candidates)])
    mine = windows.get(female.id, {})
    found = [_item(record, verdict, bloom.overlap(mine, windows.get(record.accession_id, {})))
             for record, verdict in candidates]
    found.sort(key=lambda p: (ORDER[p.compatibility], p.bloom_overlap_days is None,
                              -(p.bloom_overlap_days or 0), -p.years, p.accenumb))
    return found[:top] if top else found


def _item(record: SGenotype, verdict: rules.Verdict, shared: tuple) -> Pollinizer:
    accession = record.accession
    name = accession.names[0].name if accession.names else None
    return Pollinizer(accession.accenumb, name, record.genotype, verdict.compatibility,
                      shared[0], shared[1], verdict.reason)
