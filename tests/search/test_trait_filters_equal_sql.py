"""On the demo catalogue, every trait filter keeps exactly what plain SQL over the summaries
keeps: random ranges, open ends, dates and categories, alone and combined."""
import random

from sqlalchemy import and_, select

from germplasm.accessions.models import Accession
from germplasm.evaluations.models import ALL_YEARS, Descriptor, TraitSummary
from germplasm.extensions import db
from search.engine import find
from search.params import build_request
from search.query import day_of_year
from search.snapshot import clear_cache

NUMERIC = ["SSC", "FRUIT_WEIGHT", "FIRMNESS", "YIELD_PER_TREE", "FRUIT_CRACKING",
           "BACTERIAL_SPOT", "CHILLING_REQUIREMENT"]
DATES = ["HARVEST_DATE", "FULL_BLOOM_DATE", "FIRST_BLOOM_DATE"]
CATEGORIES = ["FLESH_COLOR", "SKIN_COLOR", "FLESH_TEXTURE"]


def sql_ids(condition_sets) -> set[int]:
    query = select(Accession.id).where(Accession.restricted.is_(False))
    for code, condition in condition_sets:
        sub = select(TraitSummary.accession_id).join(Descriptor).where(
            Descriptor.code == code, TraitSummary.year == ALL_YEARS, condition)
        query = query.where(Accession.id.in_(sub))
    return set(db.session.scalars(query))


def random_filter(rng: random.Random, values: dict) -> tuple[str, tuple]:
    kind = rng.choice(["numeric", "date", "category"])
    if kind == "category":
        code = rng.choice(CATEGORIES)
        codes = rng.sample(sorted(values[code]), k=min(len(values[code]), rng.randint(1, 3)))
        return f"{code}:{'|'.join(codes)}", (code, TraitSummary.mode.in_(codes))
    code = rng.choice(NUMERIC if kind == "numeric" else DATES)
    low, high = sorted(rng.sample(sorted(values[code]), 2))
    end = rng.choice(["both", "low", "high"])
    if kind == "date" and rng.random() < 0.5:  # as MM-DD, which means a day of year
        low_text, high_text, low, high = _as_month_day(low, high)
    else:
        low_text, high_text = repr(low), repr(high)
    text = {"both": f"{low_text}..{high_text}", "low": f"{low_text}..",
            "high": f"..{high_text}"}[end]
    condition = {"both": and_(TraitSummary.mean >= low, TraitSummary.mean <= high),
                 "low": TraitSummary.mean >= low, "high": TraitSummary.mean <= high}[end]
    return f"{code}:{text}", (code, condition)


def _as_month_day(low: float, high: float):
    from datetime import date, timedelta

    def month_day(doy: float) -> tuple[str, float]:
        day = date(2025, 1, 1) + timedelta(days=int(doy) - 1)
        return day.strftime("%m-%d"), float(day_of_year(day.month, day.day))
    (low_text, low), (high_text, high) = month_day(low), month_day(high)
    return low_text, high_text, low, high


def observed_values() -> dict[str, set]:
    rows = db.session.execute(select(Descriptor.code, TraitSummary.mean, TraitSummary.mode)
                              .join(Descriptor).where(TraitSummary.year == ALL_YEARS)).all()
    values = {}
    for code, mean, mode in rows:
        values.setdefault(code, set()).add(mode if code in CATEGORIES else mean)
    return values


def test_two_hundred_random_trait_queries_equal_sql(demo):
    clear_cache()
    values = observed_values()
    rng = random.Random(2026)
    for _ in range(200):
        chosen = [random_filter(rng, values) for _ in range(rng.randint(1, 3))]
        request = build_request("", [text for text, _ in chosen], per_page=100)
        matches = find(request, can_see_restricted=False)
        engine = {int(matches.snapshot.ids[p]) for p in matches.positions}
        expected = sql_ids([condition for _, condition in chosen])
        assert engine == expected, [text for text, _ in chosen]
    assert any(sql_ids([random_filter(rng, values)[1]]) for _ in range(5))
