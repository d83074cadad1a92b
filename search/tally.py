"""Counting codes (species, origins, trait classes) over the accessions a search selected.

A search that keeps most of the catalogue (a common character, a sort, no filter) selects
hundreds of thousands of accessions at 500,000, and counting each facet over all of them
took milliseconds apiece. Counting the few the search left out and taking them from the
counts over everything the caller sees (made once per snapshot and visibility) gives the
same numbers for a fraction of the work.
"""
import hashlib

import numpy as np

from search.derived import derived


class Tally:
    def __init__(self, selected: np.ndarray, visible: np.ndarray):
        self.selected, self.visible = selected, visible
        # What is derived from the visible accessions is kept under this fingerprint.
        self.visibility = (hashlib.blake2b(np.packbits(visible).tobytes(),
                                           digest_size=16).digest(), len(visible))
        self.left_out = None
        if 2 * len(selected) > len(visible):
            chosen = np.zeros(len(visible), dtype=bool)
            chosen[selected] = True
            if not (chosen & ~visible).any():  # the selected are among the visible
                self.left_out = np.flatnonzero(visible & ~chosen)

    def counts(self, codes: np.ndarray, minlength: int = 0) -> np.ndarray:
        """How many selected accessions have each code (codes: a snapshot array of small
        non-negative integers, one per accession)."""
        if self.left_out is None:
            if not len(self.selected):
                return np.zeros(minlength, dtype=np.int64)
            return np.bincount(codes[self.selected], minlength=minlength)
        every = derived("counts", (codes,), lambda: np.bincount(codes[self.visible],
                                                                minlength=minlength),
                        *self.visibility, minlength)
        return every - np.bincount(codes[self.left_out], minlength=len(every))
