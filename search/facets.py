"""Facet counts over the matching accessions, labelled in the user's language."""
import numpy as np

from germplasm.reference.provinces import province_label
from search.derived import derived
from search.snapshot import Snapshot
from search.tally import Tally
from search.trait_classes import numeric_classes

FACET_TRAITS = ("FLESH_COLOR", "SKIN_COLOR", "FLESH_TEXTURE", "FRUIT_CRACKING",
                "HARVEST_DATE", "FRUIT_WEIGHT", "SSC")


def facets(snap: Snapshot, selected: np.ndarray, locale: str, trait_codes,
           visible: np.ndarray) -> dict:
    """Counts over `selected`; measured traits get classes over the `visible` collection."""
    zh, tally = locale.startswith("zh"), Tally(selected, visible)
    return {
        "species": _counted(snap, "species", tally, lambda v: v),
        "sampstat": _sampstat(snap, tally, zh),
        "origin": _origin(snap, tally, zh),
        "province": _counted(snap, "province", tally, lambda v: province_label(v, locale)),
        "traits": {code: _trait(snap, code, tally, zh)
                   for code in dict.fromkeys((*FACET_TRAITS, *trait_codes))
                   if code in snap.modes or _measured(snap, code)},
    }


def _measured(snap: Snapshot, code: str) -> bool:
    """Measured traits without categories get classes of their values."""
    descriptor = snap.descriptors.get(code)
    return code in snap.means and descriptor is not None and not descriptor.categories


def _counts(column: np.ndarray, tally: Tally) -> list[tuple[int, int]]:
    pairs = [(value, int(n)) for value, n in enumerate(tally.counts(column)) if n]
    return sorted(pairs, key=lambda p: -p[1])


def _counted(snap, column, tally: Tally, label, limit=30) -> list[dict]:
    values = snap.labels[column].values
    return [{"value": values[i], "label": label(values[i]), "count": n}
            for i, n in _counts(snap.columns[column], tally) if values[i]][:limit]


def _sampstat(snap: Snapshot, tally: Tally, zh: bool) -> list[dict]:
    labels = {code: pair[0 if zh else 1] for code, pair in snap.lookups.sampstat.items()}
    return [{"value": code, "label": labels.get(code, str(code)), "count": n}
            for code, n in _counts(snap.columns["sampstat"], tally) if code]


def _origin(snap: Snapshot, tally: Tally, zh: bool) -> list[dict]:
    names = {code: pair[0 if zh else 1] for code, pair in snap.lookups.countries.items()}
    return _counted(snap, "origin", tally, lambda code: names.get(code, code))


def _trait(snap: Snapshot, code: str, tally: Tally, zh: bool) -> list[dict]:
    if code not in snap.modes:
        return numeric_classes(snap, code, tally)
    descriptor = snap.descriptors[code]
    label_of = {c.code: c.label_zh if zh else c.label_en for c in descriptor.categories}
    modes = snap.modes[code]
    shifted = derived("modes + 1", (modes,), lambda: modes + 1)  # no mode: 0, not -1
    values = snap.labels[f"c_{code}"].values
    counts = tally.counts(shifted, minlength=len(values) + 1)[1:]
    return [{"value": values[i], "label": label_of.get(values[i], values[i]), "count": int(n)}
            for i, n in sorted(enumerate(counts), key=lambda p: -p[1]) if n]
