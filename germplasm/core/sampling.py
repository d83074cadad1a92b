"""Choosing the core entries from a distance matrix, as Core Hunter's distance objectives do.

The objective is A-NE (accession-to-nearest-entry, Core Hunter 3): the mean, over every
candidate accession, of its distance to the nearest core entry (a core entry is at 0 from
itself). A low A-NE means every accession of the collection has a close representative in
the core, so the core keeps the collection's diversity rather than only its extremes. E-NE
(entry-to-nearest-entry: the mean distance from each core entry to the nearest other one; high
means little redundancy) breaks ties: between two choices with the same A-NE, the one that
adds the entry farther from the rest of the core wins, so of two identical fingerprints at
most one enters while anything else is left to choose.

The search: a greedy start (the medoid first, then each time the accession that lowers A-NE
most), then local search: for every core entry in a random order, swapping it for the best of
a random sample of accessions outside the core when that lowers A-NE (or keeps it and raises
the entry's distance to the rest of the core), repeated while a pass improves, at most PASSES
times. The random order and samples come from numpy's generator seeded with the caller's
seed, so the same data and seed give the same core. Every step is vectorised with numpy: the
greedy step is lazy (a gain only shrinks as the core grows, so only the candidates that could
still be best are recomputed), and a swap is weighed from every accession's distances to its
nearest and second-nearest core entry. The matrix must be symmetric with a zero diagonal.
"""
import numpy as np

PASSES = 4
SAMPLE = 256  # accessions outside the core tried per core entry and pass
BLOCK = 512  # matrix rows per block of gains: bounds the temporary memory
TOL = 1e-9


def choose(distance: np.ndarray, size: int, seed: int) -> np.ndarray:
    """Row indices of the core, in the order the greedy start chose them (then swapped)."""
    core = _greedy(distance, size)
    if size < len(distance):
        core = _improve(distance, core, np.random.default_rng(seed))
    return core


def random_subset(count: int, size: int, seed: int) -> np.ndarray:
    """The baseline a core is compared with: `size` of `count` rows drawn with the seed."""
    return np.sort(np.random.default_rng(seed).choice(count, size, replace=False))


def ane(distance: np.ndarray, core: np.ndarray) -> float:
    """Mean distance from every accession to its nearest core entry (lower is better)."""
    return float(distance[:, core].min(axis=1).mean())


def ene(distance: np.ndarray, core: np.ndarray) -> float:
    """Mean distance from each core entry to the nearest other one (higher is better)."""
    if len(core) < 2:
        return 0.0
    inner = distance[np.ix_(core, core)].astype(float)
    np.fill_diagonal(inner, np.inf)
    return float(inner.min(axis=1).mean())


def _greedy(distance: np.ndarray, size: int) -> np.ndarray:
    """Lazy greedy: a candidate's gain only shrinks as the core grows (A-NE is a facility
    location objective), so each step recomputes the gains of the few best stale ones only."""
    first = int(np.argmin(distance.sum(axis=1, dtype=float)))
    core, nearest = [first], distance[first].copy()
    chosen = np.zeros(len(distance), dtype=bool)
    chosen[first] = True
    bound = _gains(distance, nearest, np.arange(len(distance)), chosen)
    while len(core) < size:
        top, fresh = _best_gains(distance, nearest, bound, chosen)
        ties = top[fresh >= fresh.max() - TOL]
        pick = int(ties[np.argmax(nearest[ties])])  # E-NE: the most isolated of the best
        core.append(pick)
        chosen[pick], bound[pick] = True, -1.0
        np.minimum(nearest, distance[pick], out=nearest)
    return np.array(core)


def _best_gains(distance, nearest, bound, chosen):
    """Recomputed gains of the stale-best candidates, enough of them that no candidate left
    out could match the best (its stale gain is an upper bound)."""
    order = np.argsort(-bound, kind="stable")
    count = 64
    while True:
        top = order[:count]
        fresh = _gains(distance, nearest, top, chosen)
        bound[top] = fresh
        if count >= len(order) or fresh.max() > bound[order[count]] + TOL:
            return top, fresh
        count *= 4


def _gains(distance, nearest, rows, chosen) -> np.ndarray:
    """For each of `rows`: how much A-NE's sum drops if it joins the core (-1 if in it).
    The matrix is symmetric, so a candidate's column is read as its (contiguous) row."""
    gain = np.empty(len(rows))
    for start in range(0, len(rows), BLOCK):
        block = distance[rows[start:start + BLOCK]]
        gain[start:start + BLOCK] = np.maximum(nearest[None, :] - block, 0).sum(
            axis=1, dtype=float)
    gain[chosen[rows]] = -1.0
    return gain


def _improve(distance: np.ndarray, core: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    core = core.copy()
    inside = np.zeros(len(distance), dtype=bool)
    inside[core] = True
    for _ in range(PASSES):
        swapped = False
        near = _two_nearest(distance, core)
        for slot in rng.permutation(len(core)):
            if _try_swap(distance, core, inside, int(slot), near, rng):
                swapped, near = True, _two_nearest(distance, core)
        if not swapped:
            break
    return core


def _try_swap(distance, core, inside, slot: int, near, rng) -> bool:
    """Swap core[slot] for the best sampled outsider if that is better; whether it did."""
    first, second, which = near
    rest = np.where(which == slot, second, first).astype(distance.dtype)  # without core[slot]
    outside = np.flatnonzero(~inside)
    pool = rng.choice(outside, min(SAMPLE, len(outside)), replace=False)
    totals = np.minimum(rest[None, :], distance[pool]).sum(axis=1, dtype=float)
    ties = np.flatnonzero(totals <= totals.min() + TOL)
    best = int(ties[np.argmax(rest[pool[ties]])])
    leaving, coming, now = core[slot], pool[best], float(first.sum(dtype=float))
    better = totals[best] < now - TOL or (
        abs(totals[best] - now) <= TOL and rest[coming] > rest[leaving] + TOL)
    if better:
        inside[leaving], inside[coming] = False, True
        core[slot] = coming
    return bool(better)


def _two_nearest(distance: np.ndarray, core: np.ndarray):
    """Per accession: the distance to its nearest core entry, to the second nearest (inf for
    a core of one) and the nearest one's slot in `core`."""
    block = distance[core].T.astype(float)
    rows = np.arange(len(block))
    which = block.argmin(axis=1)
    first = block[rows, which]
    block[rows, which] = np.inf
    return first, block.min(axis=1), which
