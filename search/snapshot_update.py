"""Bring a process's snapshot up to the catalogue's version.

A staff member saving one accession's evaluations used to make every worker rebuild its whole
snapshot (0.1-0.3 s at 5,000 accessions, seconds at 500,000) on its next request. The change
log (search.state) says which accessions each version changed; when they are few and all
already in the snapshot, a new snapshot is made that shares every untouched array with the
old one and has fresh copies of the few arrays those accessions touch. The old snapshot is
never written to, so requests still using it are not disturbed.
"""
from dataclasses import replace

import numpy as np

from search import snapshot as snap
from search.state import MAX_LISTED, changes_since


def refreshed(cached: snap.Snapshot | None, version: int) -> snap.Snapshot:
    ids = None if cached is None else _changed_ids(cached.version, version)
    if ids is not None:
        patched = patch(cached, ids, version)
        if patched is not None:
            return patched
    return snap.build(version)


def _changed_ids(since: int, version: int) -> list[int] | None:
    """The accessions changed between the versions, or None when a rebuild is needed (a
    change of anything, too many accessions, or versions no longer in the log)."""
    changes = changes_since(since, version)
    if [v for v, _ in changes] != list(range(since + 1, version + 1)):
        return None
    if any(listed is None for _, listed in changes):
        return None
    ids = sorted({int(i) for _, listed in changes for i in listed.split(",") if i})
    return ids if len(ids) <= MAX_LISTED else None


def patch(old: snap.Snapshot, ids: list[int], version: int) -> snap.Snapshot | None:
    """`old` with these accessions read again; None when one of them is new or deleted
    (the accessions' order and count change: rebuild)."""
    positions = old.positions(ids)
    if len(positions) != len(ids) or len(ids) > max(100, len(old.ids) // 4):
        return None  # new accessions; or so many that reading them all again is as quick
    rows = snap.accession_rows(ids)
    if len(rows) != len(ids):
        return None  # deleted
    labels = dict(old.labels)  # Labels objects only ever grow: sharing them is safe
    columns = dict(old.columns)
    for name, values in snap.accession_columns(rows, labels).items():
        columns[name] = _with(columns[name], positions, values)
    storage = snap.storage_bits(np.asarray(ids, dtype=np.int64), snap.storage_rows(ids))
    columns["storage"] = _with(columns["storage"], positions, storage)
    new = replace(old, version=version, columns=columns, labels=labels,
                  means=_cleared(old.means, positions), modes=_cleared(old.modes, positions))
    trait_rows = snap.trait_rows(ids)
    _own_arrays(new, old, trait_rows)
    snap.load_traits(new, trait_rows)
    return new


def _with(array: np.ndarray, positions: np.ndarray, values: np.ndarray) -> np.ndarray:
    changed = array.copy()
    changed[positions] = values
    return changed


def _cleared(arrays: dict, positions: np.ndarray) -> dict:
    """Trait arrays with these positions emptied (NaN means, -1 modes): copies where they
    held a value, the same arrays elsewhere."""
    result = dict(arrays)
    for code, values in arrays.items():
        floating = np.issubdtype(values.dtype, np.floating)
        held = values[positions]
        if (~np.isnan(held) if floating else held >= 0).any():
            result[code] = _with(values, positions, np.nan if floating else -1)
    return result


def _own_arrays(new: snap.Snapshot, old: snap.Snapshot, rows: list) -> None:
    """Copy the arrays the new summaries will be written into, if still shared with `old`."""
    code_of = {d.id: d.code for d in new.descriptors.values()}
    codes = {code_of[r[1]] for r in rows}
    for arrays, old_arrays in ((new.means, old.means), (new.modes, old.modes)):
        for code in codes:
            if code in arrays and arrays[code] is old_arrays.get(code):
                arrays[code] = arrays[code].copy()
