"""Facet counts over the matching accessions, labelled in the user's language."""
import numpy as np

from germplasm.reference.provinces import province_label
from search.snapshot import Snapshot
from search.trait_classes import numeric_classes

FACET_TRAITS = ("FLESH_COLOR", "SKIN_COLOR", "FLESH_TEXTURE", "FRUIT_CRACKING",
                "HARVEST_DATE", "FRUIT_WEIGHT", "SSC")


def facets(snap: Snapshot, selected: np.ndarray, locale: str, trait_codes,
           visible: np.ndarray) -> dict:
    """Counts over `selected`; measured traits get classes over the `visible` collection."""
    zh = locale.startswith("zh")
    return {
        "species": _counted(snap, "species", selected, lambda v: v),
        "sampstat": _sampstat(snap, selected, zh),
        "origin": _origin(snap, selected, zh),
        "province": _counted(snap, "province", selected, lambda v: province_label(v, locale)),
        "traits": {code: _trait(snap, code, selected, zh, visible)
                   for code in dict.fromkeys((*FACET_TRAITS, *trait_codes))
                   if code in snap.modes or _measured(snap, code)},
    }


def _measured(snap: Snapshot, code: str) -> bool:
    """Measured traits without categories get classes of their values."""
    descriptor = snap.descriptors.get(code)
    return code in snap.means and descriptor is not None and not descriptor.categories


def _counts(column: np.ndarray, selected: np.ndarray) -> list[tuple[int, int]]:
    counts = np.bincount(column[selected]) if len(selected) else np.zeros(0, dtype=int)
    pairs = [(value, int(n)) for value, n in enumerate(counts) if n]
    return sorted(pairs, key=lambda p: -p[1])


def _counted(snap, column, selected, label, limit=30) -> list[dict]:
    values = snap.labels[column].values
    return [{"value": values[i], "label": label(values[i]), "count": n}
            for i, n in _counts(snap.columns[column], selected) if values[i]][:limit]


def _sampstat(snap: Snapshot, selected: np.ndarray, zh: bool) -> list[dict]:
    labels = {code: pair[0 if zh else 1] for code, pair in snap.lookups.sampstat.items()}
    return [{"value": code, "label": labels.get(code, str(code)), "count": n}
            for code, n in _counts(snap.columns["sampstat"], selected) if code]


def _origin(snap: Snapshot, selected: np.ndarray, zh: bool) -> list[dict]:
    names = {code: pair[0 if zh else 1] for code, pair in snap.lookups.countries.items()}
    return _counted(snap, "origin", selected, lambda code: names.get(code, code))


def _trait(snap: Snapshot, code: str, selected: np.ndarray, zh: bool,
           visible: np.ndarray) -> list[dict]:
    if code not in snap.modes:
        return numeric_classes(snap, code, selected, visible)
    descriptor = snap.descriptors[code]
    label_of = {c.code: c.label_zh if zh else c.label_en for c in descriptor.categories}
    modes = snap.modes[code][selected]
    values = snap.labels[f"c_{code}"].values
    counts = np.bincount(modes[modes >= 0], minlength=len(values)) if len(modes) else []
    return [{"value": values[i], "label": label_of.get(values[i], values[i]), "count": int(n)}
            for i, n in sorted(enumerate(counts), key=lambda p: -p[1]) if n]
