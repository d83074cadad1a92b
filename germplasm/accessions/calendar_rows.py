"""The ripening calendar's rows (every matching accession with a harvest date, earliest
first) and its day axis, on which each window and mean is placed at its exact day."""
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from sqlalchemy import select

from germplasm.accessions.models import AccessionName
from germplasm.evaluations.models import ALL_YEARS, Descriptor, TraitSummary
from germplasm.extensions import db

HARVEST = "HARVEST_DATE"
# Above this many accessions, read the harvest summaries of all (one row per dated accession)
# rather than bind a long IN () list, whose coercion alone took 30 ms for 600 ids.
MAX_IN_LIST = 200


def chosen(matches, numbers: set[str]) -> np.ndarray:
    """The matches' snapshot positions, only those numbered `numbers` when given."""
    members = np.sort(matches.members)
    if not numbers:
        return members
    accenumb = matches.snapshot.accenumb
    return np.array([p for p in members if str(accenumb[p]) in numbers], dtype=members.dtype)


def harvest_rows(snap, positions: np.ndarray) -> list[dict]:
    """Each position with a harvest mean, sorted by first harvest day, then mean, then
    number, so that pages are stable."""
    harvest = snap.means.get(HARVEST)
    if harvest is None:
        return []
    positions = positions[~np.isnan(harvest[positions])]
    ids = [int(snap.ids[p]) for p in positions]
    spans = _spans(ids)
    rows = [{"id": i, "accenumb": str(snap.accenumb[p]), "mean": float(harvest[p]),
             "first": spans[i][0], "last": spans[i][1]}
            for p, i in zip(positions, ids, strict=True) if i in spans]
    return sorted(rows, key=lambda r: (r["first"], r["mean"], r["accenumb"]))


def _spans(ids: list[int]) -> dict[int, tuple[float, float]]:
    """Accession id -> (earliest, latest) harvest day over all years."""
    query = (select(TraitSummary.accession_id, TraitSummary.min, TraitSummary.max)
             .join(Descriptor).where(Descriptor.code == HARVEST, TraitSummary.year == ALL_YEARS,
                                     TraitSummary.min.is_not(None)))
    if len(ids) <= MAX_IN_LIST:
        query = query.where(TraitSummary.accession_id.in_(ids))
    wanted = set(ids)
    return {a: (low, high) for a, low, high in db.session.execute(query) if a in wanted}


def add_names(rows: list[dict]) -> None:
    """Each row's names in their order, the first being the preferred one (as search results
    list them). Only rows the caller may see reach here, so no restricted name does."""
    names: dict[int, list[str]] = {}
    query = (select(AccessionName.accession_id, AccessionName.name)
             .where(AccessionName.accession_id.in_([r["id"] for r in rows]))
             .order_by(AccessionName.accession_id, AccessionName.position))
    for accession_id, name in db.session.execute(query):
        names.setdefault(accession_id, []).append(name)
    for row in rows:
        row["names"] = names.get(row["id"], [])


def month_day(day: float) -> str:
    """Day of the year as MM-DD (a non-leap year, as the observation sheets count)."""
    return (date(2025, 1, 1) + timedelta(days=round(day) - 1)).strftime("%m-%d")


@dataclass
class Axis:
    """Whole weeks from the week of the earliest harvest to that of the latest, over all
    rows (not one page), so that every page is drawn to the same scale. Day d occupies
    [d, d + 1): a window runs from its first day's start to its last day's end, and a
    mean m is drawn at m + 0.5, the middle of day m, fractions kept."""

    start: int = 1
    days: int = 7

    @classmethod
    def of(cls, rows: list[dict]) -> "Axis":
        if not rows:
            return cls()
        first = int(min(r["first"] for r in rows))
        last = int(np.ceil(max(r["last"] for r in rows)))
        start = first - (first - 1) % 7  # weeks start on days 1, 8, 15 ... of the year
        return cls(start, (last - start) // 7 * 7 + 7)

    def percent(self, day: float) -> float:
        return round((day - self.start) / self.days * 100, 3)

    def weeks(self) -> list[dict]:
        return [{"label": month_day(day), "left": self.percent(day)}
                for day in range(self.start, self.start + self.days, 7)]

    def place(self, rows: list[dict]) -> None:
        """Add to each row its window's left and width and its mean's position (in % of the
        axis), and its days as MM-DD, so the template only prints them."""
        for row in rows:
            row.update(left=self.percent(row["first"]),
                       width=self.percent(self.start + row["last"] + 1 - row["first"]),
                       at=self.percent(row["mean"] + 0.5), day=f"{round(row['mean'], 1):g}",
                       labels=[month_day(row[k]) for k in ("first", "last", "mean")])

def page_numbers(page: int, pages: int) -> list[int | None]:
    """The pages to link: the first, the last and two either side of this one; None where
    pages are left out."""
    wanted = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    numbers: list[int | None] = []
    for number in wanted:
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers
