"""What requests derive from a snapshot's arrays (sort orders, trait classes), made once.

Sorting 500,000 accessions or classing every value of a trait took tens of milliseconds on
every request, although the result only changes with the arrays it comes from. A snapshot's
arrays are never written once it is in use (a patched snapshot gets copies of the arrays it
changes, a rebuilt one new arrays), so a result holds for as long as its arrays live: it is
kept under their identities, with weak references that tell when an array has gone (and
its id may be reused by another).
"""
import threading
import weakref
from collections import OrderedDict

import numpy as np

SIZE = 64  # results kept; each holds at most a few numbers per accession
_cache: OrderedDict = OrderedDict()
_lock = threading.Lock()


def derived(name: str, arrays: tuple[np.ndarray, ...], make, *extra):
    """make(), or its result from an earlier call with the same arrays and extra."""
    key = (name, *(id(a) for a in arrays), *extra)
    with _lock:
        entry = _cache.get(key)
        if entry is not None and all(ref() is a for ref, a in zip(entry[0], arrays,
                                                                   strict=True)):
            _cache.move_to_end(key)
            return entry[1]
    value = make()
    with _lock:
        _cache[key] = (tuple(weakref.ref(a) for a in arrays), value)
        _cache.move_to_end(key)
        while len(_cache) > SIZE:
            _cache.popitem(last=False)
    return value


def forget() -> None:
    with _lock:
        _cache.clear()
