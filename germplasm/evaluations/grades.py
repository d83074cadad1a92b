"""Ordinal and nominal traits as grades: which grade, and how often each grade was seen.

A grade is a category code. Scores such as 3, 5, 7 are labels of an ordered scale, not
quantities, so pages show the most frequent grade and the count of each grade, never a mean.
"""
import json
from collections import Counter
from dataclasses import dataclass

GRADED_TYPES = ("Ordinal", "Nominal")


def is_graded(descriptor) -> bool:
    return descriptor.data_type in GRADED_TYPES and bool(descriptor.categories)


@dataclass
class Grades:
    mode: str  # the summary's grade (the one search filters on)
    counts: list[tuple[str, int]]  # (grade, count), most frequent first
    unit: str  # "years" (an overall over several years) or "observations"

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def of_summary(summary, descriptor, years: dict | None = None) -> Grades | None:
    """The overall cell counts the years by their grade when more than one year was
    evaluated; a year's cell, or a single year, counts its observations."""
    if summary is None or summary.mode is None:
        return None
    yearly = [s.mode for s in (years or {}).values() if s is not None and s.mode is not None]
    if len(yearly) > 1:
        return Grades(summary.mode, _ordered(Counter(yearly), descriptor), "years")
    counts = Counter(json.loads(summary.frequencies)) if summary.frequencies else Counter()
    return Grades(summary.mode, _ordered(counts, descriptor), "observations")


def _ordered(counts: Counter, descriptor) -> list[tuple[str, int]]:
    """Most frequent first; ties in the descriptor's order of grades."""
    order = {c.code: i for i, c in enumerate(descriptor.categories)}
    return sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], 999), item[0]))


def collection_bars(descriptor, counts: dict[str, int]) -> list[tuple[str, int]]:
    """One (grade, accessions) pair per grade of the descriptor, in the scale's order,
    grades nobody has included (a bar of height 0 still names its grade)."""
    return [(c.code, int(counts.get(c.code, 0))) for c in descriptor.categories]
