"""The demo's SSR fingerprints (synthetic, not measured): a catalogue of eight Prunus SSR
markers, two alleles per marker for every accession (four for P. domestica), bred cultivars
inheriting one allele from each recorded parent, and, planted for the report to find, two
accessions carrying another's fingerprint (the same clone under two names) and one bred
cultivar whose alleles at one marker come from neither parent (a mislabel), and one accession
also going by another's name (received from elsewhere under it) with a fingerprint of its own.
Written through germplasm.fingerprints.services (and the name through the accessions' door).

Also a SNP matrix (500 SNPs coded 0/1/2, 2 % missing) on the first 60 accessions, with
Mendelian inheritance from recorded parents, one planted duplicate pair and, when the
pedigree allows, one bred cultivar given an unrelated genotype (snp_services)."""
import random

import numpy as np
from sqlalchemy import select

from germplasm.accessions.models import Accession, Taxon
from germplasm.accessions.services import update_passport
from germplasm.extensions import db
from germplasm.fingerprints import services, snp_services
from germplasm.pollination.services import recorded_parents

# name: (linkage group, motif, smallest and largest size in bp)
MARKERS = {"CPPCT022": ("LG7", "(CT)n", 180, 240), "CPPCT006": ("LG8", "(CT)n", 180, 220),
           "BPPCT007": ("LG3", "(AG)n", 120, 160), "UDP96-005": ("LG1", "(AC)n", 100, 160),
           "UDP98-412": ("LG6", "(AG)n", 90, 140), "CPSCT021": ("LG3", "(CT)n", 190, 230),
           "BPPCT039": ("LG3", "(GA)n", 130, 170), "UDP97-403": ("LG1", "(AG)n", 90, 150)}
DUPLICATES = 2  # planted pairs
SNPS, SNP_ACCESSIONS, SNP_MISSING = 500, 60, 0.02


def add_demo_fingerprints(seed: int, user: str) -> dict:
    rng = random.Random(seed + 22)
    for name, (group, motif, low, high) in MARKERS.items():
        services.set_marker(name, linkage_group=group, motif=motif, min_size=low, max_size=high,
                            user=user, source=f"demo seed {seed}")
    markers = {m.name: m for m in services.markers() if m.name in MARKERS}
    accessions = list(db.session.scalars(select(Accession).order_by(Accession.id)))
    species = dict(db.session.execute(select(Accession.id, Taxon.species).join(Taxon)).all())
    prints = {a.id: {m: _draw(rng, MARKERS[m], 4 if species.get(a.id) == "domestica" else 2)
                     for m in MARKERS} for a in accessions}
    parents = {c: {r: i for r, i in p.items() if i in prints}
               for c, p in recorded_parents().items() if c in prints}
    parents = {c: p for c, p in parents.items() if p}
    for _ in range(3):  # a parent may itself be bred: settle the generations
        for child, pair in sorted(parents.items()):
            prints[child] = {m: _inherit(rng, [prints[i][m] for i in pair.values()],
                                         MARKERS[m]) for m in MARKERS}
    planted = _plant(rng, prints, parents, accessions)
    planted["same_name"] = _same_name(planted, parents, accessions, user, seed)
    by_id = {a.id: a for a in accessions}
    for accession_id, fingerprint in prints.items():
        for name, sizes in fingerprint.items():
            services.set_genotype(by_id[accession_id], markers[name], tuple(sorted(sizes)), user,
                                  source=f"demo seed {seed}")
    planted["snp"] = add_demo_snps(seed, [a.id for a in accessions[:SNP_ACCESSIONS]], parents,
                                   user, f"demo seed {seed}")
    return planted


def add_demo_snps(seed: int, ids: list[int], parents: dict, user: str, source: str) -> dict:
    """{'duplicates': [[id, id]], 'mislabel': id or None} as planted."""
    rng = np.random.default_rng(seed + 23)
    frequency = rng.uniform(0.1, 0.9, SNPS)  # of the alternative allele, per SNP
    calls = {i: rng.binomial(2, frequency) for i in ids}
    family = {c: p for c, p in parents.items() if c in calls}
    for _ in range(3):  # a parent may itself be bred: settle the generations
        for child, pair in sorted(family.items()):
            gametes = [rng.binomial(1, calls[p] / 2 if p in calls else frequency)
                       for p in pair.values()]
            calls[child] = sum(gametes) + (rng.binomial(1, frequency) if len(pair) < 2 else 0)
    in_pedigree = set(family) | {i for p in family.values() for i in p.values()}
    free = [i for i in ids if i not in in_pedigree]
    planted = {"duplicates": [free[-2:]] if len(free) >= 2 else [], "mislabel": None}
    for original, copy in planted["duplicates"]:
        calls[copy] = calls[original].copy()
    leaves = [c for c, p in sorted(family.items())
              if all(i in calls for i in p.values()) and not _is_parent(c, family)]
    if leaves:  # an unrelated tree under a bred cultivar's label
        planted["mislabel"] = leaves[0]
        calls[leaves[0]] = rng.binomial(2, frequency)
    for row in calls.values():
        row[rng.random(SNPS) < SNP_MISSING] = snp_services.MISSING
    panel = snp_services.panel_for([f"Pd{n + 1:05d}" for n in range(SNPS)])
    snp_services.store(panel, {i: calls[i].astype(np.int8) for i in ids}, user, source=source)
    return planted


def _is_parent(accession_id: int, family: dict) -> bool:
    return any(accession_id in p.values() for p in family.values())


def _draw(rng, marker, count: int) -> set[int]:
    _, _, low, high = marker
    return set(rng.sample(range(low, high + 1, 2), count))


def _inherit(rng, parents: list[set[int]], marker) -> set[int]:
    """One allele from each recorded parent; a random one for a parent not catalogued."""
    alleles = {rng.choice(sorted(p)) for p in parents}
    return alleles | (_draw(rng, marker, 1) if len(parents) < 2 else set())


def _plant(rng, prints, parents, accessions) -> dict:
    """{'duplicates': [[id, id]], 'mislabel': id}: copies among accessions outside every
    pedigree, and a bred cultivar that is nobody's parent given foreign alleles."""
    in_pedigree = set(parents) | {i for p in parents.values() for i in p.values()}
    free = [a.id for a in accessions if a.id not in in_pedigree]
    pairs = [free[i:i + 2] for i in range(0, min(len(free), 2 * DUPLICATES) - 1, 2)]
    for original, copy in pairs:
        prints[copy] = {m: set(s) for m, s in prints[original].items()}
    leaves = sorted(set(parents) - {i for p in parents.values() for i in p.values()})
    mislabel = None
    if leaves:
        mislabel = leaves[0]
        name, (_, _, low, high) = next(iter(MARKERS.items()))
        carried = set().union(*(prints[i][name] for i in parents[mislabel].values()))
        foreign = [s for s in range(low, high + 1, 2) if s not in carried]
        prints[mislabel][name] = set(rng.sample(foreign, 2))
    return {"duplicates": pairs, "mislabel": mislabel}


def _same_name(planted, parents, accessions, user, seed) -> list[int]:
    """The next two accessions outside every pedigree and planted pair: the second also takes
    the first's name as a synonym. Their fingerprints were drawn apart, so they disagree."""
    taken = set(parents) | {i for p in parents.values() for i in p.values()}
    taken |= {i for pair in planted["duplicates"] for i in pair}
    free = [a for a in accessions if a.id not in taken and a.names]
    if len(free) < 2:
        return []
    original, other = free[:2]
    names = [n.name for n in other.names] + [original.names[0].name]
    update_passport(other, {"ACCENAME": ";".join(names)}, user, source=f"demo seed {seed}")
    return [original.id, other.id]
