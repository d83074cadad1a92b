"""A dendrogram of accessions from their SSR fingerprint distances (UPGMA or neighbour joining
with Bio.Phylo.TreeConstruction), and its Newick text. Which accessions: a selection, named
accession numbers, or every fingerprinted accession the caller may see (up to CAP)."""
import io
from dataclasses import dataclass, field

import numpy as np
from Bio import Phylo
from Bio.Phylo.TreeConstruction import DistanceMatrix, DistanceTreeConstructor
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from germplasm.accessions import queries
from germplasm.accessions.models import Accession
from germplasm.accounts.permissions import restricted_scope
from germplasm.extensions import db
from germplasm.fingerprints import services
from germplasm.fingerprints.distance import distances
from germplasm.sharing.access import accession_scope
from search.query import QueryProblem

METHODS = ("upgma", "nj")
CAP = 150  # leaves: Bio's constructors are pure Python, O(n³): NJ on 150 takes seconds
MAX_NUMBERS = 1000  # accession numbers in one `accessions=` list


class TreeProblem(ValueError):
    """A request that cannot give a tree: `status` 400 or 404, with a message for the user."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Dendrogram:
    method: str
    tree: Phylo.BaseTree.Tree
    accenumbs: dict[str, str]  # leaf label -> accession number
    left_out: list[str] = field(default_factory=list)  # accession numbers, sorted
    capped_from: int | None = None  # how many there were when only the first CAP are drawn


def requested_ids(selection: str | None, numbers: list[str]) -> list[int] | None:
    """The visible accessions asked for, in order; None: all. Unknown or hidden: 404."""
    if selection:
        from germplasm.selections.services import accession_ids_of

        try:
            return accession_ids_of(selection)
        except QueryProblem as problem:
            raise TreeProblem(404, str(problem)) from problem
    numbers = [n.strip() for text in numbers for n in text.split(",") if n.strip()]
    if len(numbers) > MAX_NUMBERS:
        raise TreeProblem(400, _("At most %(n)s accession numbers.", n=MAX_NUMBERS))
    return [_visible_id(n) for n in dict.fromkeys(numbers)] or None


def _visible_id(accenumb: str) -> int:
    found = queries.find(accenumb, restricted_scope())
    if found is None:
        raise TreeProblem(404, _("There is no accession %(key)s.", key=accenumb[:100]))
    return found.id


def build(ids: list[int] | None, method: str) -> Dendrogram:
    if method not in METHODS:
        raise TreeProblem(400, _("The method is UPGMA (upgma) or neighbour joining (nj)."))
    prints = services.fingerprints(accession_scope())
    wanted = sorted(prints, key=_by_number(prints)) if ids is None else list(dict.fromkeys(ids))
    typed = [i for i in wanted if i in prints]
    found = distances({i: prints[i] for i in typed[:CAP]})
    kept = [found.ids[k] for k in comparable(found.distance)]
    if len(kept) < 3:
        raise TreeProblem(400, _("A tree needs at least 3 accessions whose fingerprints can "
                                 "all be compared; %(n)s found.", n=len(kept)))
    labels, accenumbs = _labels(kept)
    rows = [found.ids.index(a) for a in kept]
    tree = _construct(labels, found.distance[np.ix_(rows, rows)], method)
    # Left out: asked for without a fingerprint, or not comparable with some other.
    out = (set(wanted) - set(typed)) | (set(typed[:CAP]) - set(kept))
    return Dendrogram(method, tree, accenumbs, sorted(services.accession_numbers(out).values()),
                      len(typed) if len(typed) > CAP else None)


def comparable(distance: np.ndarray) -> list[int]:
    """The rows kept. UPGMA and NJ need every pairwise distance, and where two accessions have
    no marker typed in both (NaN) the distance is unknown, not large: any stand-in (0, 1, a
    mean) would place them at random in the tree. So the accession with the most unknown
    distances is left out (the first such on ties), again and again, until none is unknown;
    an accession with no fingerprint at all never gets here and is left out as well."""
    keep = list(range(len(distance)))
    while keep:
        unknown = np.isnan(distance[np.ix_(keep, keep)]).sum(axis=1)
        if not unknown.any():
            break
        keep.pop(int(np.argmax(unknown)))
    return keep


def _construct(labels: list[str], matrix: np.ndarray, method: str) -> Phylo.BaseTree.Tree:
    lower = [[float(matrix[i, j]) for j in range(i)] + [0.0] for i in range(len(labels))]
    tree = getattr(DistanceTreeConstructor(), method)(DistanceMatrix(labels, lower))
    for clade in tree.find_clades():
        if not clade.is_terminal():
            clade.name = None  # Bio's "Inner12" names mean nothing to a reader
        # NJ can give slightly negative lengths; a drawn branch cannot be shorter than zero.
        clade.branch_length = max(clade.branch_length or 0.0, 0.0)
    return tree


def _labels(ids: list[int]) -> tuple[list[str], dict[str, str]]:
    """'WSL00001 巫山脆李' per accession (its number alone when it has no name)."""
    query = select(Accession).where(Accession.id.in_(ids)).options(selectinload(Accession.names))
    by_id = {a.id: a for a in db.session.scalars(query)}
    labels = []
    for i in ids:
        accession = by_id[i]
        name = accession.display_name
        labels.append(accession.accenumb if name == accession.accenumb
                      else f"{accession.accenumb} {name}")
    return labels, dict(zip(labels, (by_id[i].accenumb for i in ids), strict=True))


def _by_number(prints):
    numbers = services.accession_numbers(prints)
    return lambda i: numbers[i]


def newick(found: Dendrogram) -> str:
    text = io.StringIO()
    Phylo.write(found.tree, text, "newick")
    return text.getvalue()
