"""The demo's S-genotypes: most Japanese plums (P. salicina) get two S-alleles, drawn
deterministically for a seed (synthetic, not measured); a bred cultivar whose two parents
both have one inherits one allele from each (the pollen parent's not one of the mother's),
except one planted conflict, so the parent check has something to show. Written through
germplasm.pollination.services, so they are audited like any import."""
import random

from sqlalchemy import select

from germplasm.accessions.models import Accession, PedigreeLink, Taxon
from germplasm.extensions import db
from germplasm.pollination import rules, services

# Japanese plum S-alleles as the literature letters them; Sc and Se are self-compatible.
ALLELES = {"Sa": 14, "Sb": 14, "Sc": 4, "Sd": 10, "Se": 4, "Sf": 10, "Sg": 8, "Sh": 8,
           "Si": 6, "Sj": 6, "Sk": 4}
CHECK = {"巫山脆李": "SaSb"}  # fixed, so the demo's advice page is the same for every seed
SHARE, UNKNOWN_SHARE = 0.9, 0.03
SOURCE = "demo (synthetic)"


def add_demo_s_alleles(seed: int, user: str) -> int:
    rng = random.Random(seed + 14)
    plums = list(db.session.scalars(select(Accession).join(Taxon)
                                    .where(Taxon.species == "salicina").order_by(Accession.id)))
    parents = _parents({a.id for a in plums})
    chosen: dict[int, str] = {}
    for accession in plums:
        name = accession.names[0].name if accession.names else ""
        if name in CHECK:
            chosen[accession.id] = CHECK[name]
        elif accession.id not in parents and rng.random() < SHARE:
            chosen[accession.id] = _draw(rng)
    planted = False
    for child_id, (mother, father) in sorted(parents.items()):
        if mother in chosen and father in chosen and child_id not in chosen:
            genotype = _inherit(rng, chosen[mother], chosen[father], conflict=not planted)
            if genotype:
                chosen[child_id], planted = genotype, True
    by_id = {a.id: a for a in plums}
    for accession_id, genotype in chosen.items():
        services.set_genotype(by_id[accession_id], genotype, source=SOURCE, user=user)
    return len(chosen)


def _draw(rng: random.Random) -> str:
    """Two different alleles (a cultivar homozygous at S would need a self-compatible
    ancestor); now and then the second not identified."""
    first = rng.choices(list(ALLELES), weights=list(ALLELES.values()))[0]
    if rng.random() < UNKNOWN_SHARE:
        return first + "S?"
    rest = [a for a in ALLELES if a != first]
    return first + rng.choices(rest, weights=[ALLELES[a] for a in rest])[0]


def _inherit(rng: random.Random, mother: str, father: str, conflict: bool) -> str | None:
    m, f = rules.parse(mother), rules.parse(father)
    if not (m.known and f.known):
        return None
    if conflict:  # planted: an allele neither parent carries
        foreign = next(a for a in ALLELES if a not in (mother + father).replace("S", " S").split())
        return m.alleles[0].name + foreign
    style = {a.specificity for a in m.alleles}
    pollen = [a.name for a in f.alleles if a.self_compatible or a.specificity not in style]
    if not pollen:  # the cross could not have set seed: the second allele stays unknown
        return rng.choice(m.alleles).name + "S?"
    return rng.choice(m.alleles).name + rng.choice(pollen)


def _parents(ids: set[int]) -> dict[int, tuple[int, int]]:
    links = db.session.scalars(select(PedigreeLink).where(
        PedigreeLink.role.in_(("female", "male")), PedigreeLink.parent_id.in_(ids)))
    found: dict[int, dict[str, int]] = {}
    for link in links:
        found.setdefault(link.child_id, {})[link.role] = link.parent_id
    return {c: (p["female"], p["male"]) for c, p in found.items()
            if c in ids and "female" in p and "male" in p}
