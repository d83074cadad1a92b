"""The one door for core collections: choose a core from trait summaries, SSR fingerprints or
both (see germplasm.core.sampling for the method and germplasm.core.distances for the
distances), report what it keeps, and save it as a named selection (flush only; the command
or request commits), which search, export and the request cart take by its link."""
from dataclasses import dataclass

import numpy as np
from flask_babel import gettext as _
from sqlalchemy import ColumnElement

from germplasm.core import distances, report, sampling
from germplasm.evaluations.queries import overall_summaries
from germplasm.fingerprints import services as fingerprint_services
from germplasm.fingerprints.distance import distances as fingerprint_distances
from germplasm.selections import saved
from germplasm.selections.models import Selection

SOURCES = ("traits", "ssr", "both")


class CoreProblem(ValueError):
    """A core that cannot be built, with a message for the user."""


@dataclass
class Core:
    ids: list[int]  # accession ids, in the order chosen
    represents: list[int]  # per entry: the candidates whose nearest entry it is
    report: dict


def build(source: str = "both", size: int | None = None, percent: float | None = None,
          seed: int = 1, scope: ColumnElement | None = None) -> Core:
    """A core of `size` accessions (or `percent` of the candidates: the accessions with data
    from `source`) among those in `scope` (None: all)."""
    prints = fingerprint_services.fingerprints(scope)
    found = distances.traits(overall_summaries(scope))
    ids, matrix = _matrix(source, prints, found)
    count = _count(len(ids), size, percent)
    chosen = sampling.choose(matrix, count, seed)
    baseline = sampling.random_subset(len(ids), count, seed)
    summary = report.summary(matrix, ids, chosen, baseline, prints, found)
    nearest = np.bincount(matrix[chosen].argmin(axis=0), minlength=count)
    return Core([ids[i] for i in chosen], [int(n) for n in nearest],
                {"source": source, "seed": seed} | summary)


def save(core: Core, name: str | None, owner=None, published: bool = False) -> Selection:
    return saved.create(name or default_name(core), owner, core.ids, published=published)


def default_name(core: Core) -> str:
    return _("Core collection: %(size)s of %(n)s (%(source)s, seed %(seed)s)",
             size=core.report["size"], n=core.report["candidates"],
             source=core.report["source"], seed=core.report["seed"])


def _matrix(source: str, prints: dict, found: distances.Traits):
    if source not in SOURCES:
        raise CoreProblem(_("Choose the data: traits, ssr or both."))
    parts = []
    if source in ("ssr", "both") and prints:
        measured = fingerprint_distances(prints)
        parts.append((measured.ids, measured.distance.astype(np.float32)))
    if source in ("traits", "both") and found.ids:
        parts.append((found.ids, distances.gower(found)))
    if not parts:
        raise CoreProblem(_NO_DATA[source]())
    ids = sorted({a for part_ids, _m in parts for a in part_ids})
    wide = [distances.widen(m, part_ids, ids) for part_ids, m in parts]
    matrix = wide[0] if len(wide) == 1 else distances.average(*wide)
    return ids, distances.completed(matrix)


_NO_DATA = {
    "traits": lambda: _("No accession has trait summaries: record evaluations first."),
    "ssr": lambda: _("No accession has SSR fingerprints: import genotypes first."),
    "both": lambda: _("No accession has trait summaries or SSR fingerprints."),
}


def _count(candidates: int, size: int | None, percent: float | None) -> int:
    if percent is not None:
        if not 0 < percent <= 100:
            raise CoreProblem(_("The percentage is more than 0 and at most 100."))
        size = max(1, round(candidates * percent / 100))
    if size is None or size < 1:
        raise CoreProblem(_("The core holds at least one accession."))
    if size > candidates:
        raise CoreProblem(_("The core cannot hold %(size)s accessions: only %(n)s have the "
                            "data it is chosen from.", size=size, n=candidates))
    return size
