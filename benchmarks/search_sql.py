"""The plain SQL equivalents that benchmarks/search.py compares the API with."""
from __future__ import annotations

import time

from report import import_search_package  # noqa: F401  (the `search` package before the app)
from search_tables import PER_PAGE, WARM_UP
from sqlalchemy import and_, func, select

from germplasm.accessions.models import Accession, AccessionName, Taxon
from germplasm.evaluations.models import ALL_YEARS, TraitSummary
from germplasm.extensions import db
from search.params import descriptor_table
from search.query import parse_trait

# --- the plain SQL equivalents ----------------------------------------------------------------


def sql_equivalent(params: dict[str, str], descriptors) -> tuple | None:
    """(first page, count) statements doing the variant's work in plain SQL, or None."""
    words = params.get("q", "")
    if any(c.isascii() and c.isalpha() for c in words):
        return None  # pinyin: the database holds none
    a = Accession.__table__
    query = select(a.c.id, a.c.accenumb).where(a.c.restricted.is_(False))
    if words:
        names = AccessionName.__table__
        query = query.where(a.c.id.in_(
            select(names.c.accession_id).where(names.c.name.like(f"%{words}%"))))
    if "trait" in params:
        query = _trait_range(query, parse_trait(params["trait"], descriptors), descriptors)
    query = _filters(query, params)
    order, query = _sort_key(query, params.get("sort"), descriptors)
    return (query.order_by(*order).limit(PER_PAGE),
            select(func.count()).select_from(query.subquery()))


def _summary(query, code: str, descriptors, outer: bool = False):
    """Join the overall trait summary of descriptor code; returns (query, its alias)."""
    a, t = Accession.__table__, TraitSummary.__table__.alias(f"t_{code.lower()}")
    on = and_(t.c.accession_id == a.c.id, t.c.descriptor_id == descriptors[code].id,
              t.c.year == ALL_YEARS)
    return query.join_from(a, t, on, isouter=outer), t


def _trait_range(query, trait, descriptors):
    query, t = _summary(query, trait.code, descriptors)
    if trait.low is not None:
        query = query.where(t.c.mean >= trait.low)
    if trait.high is not None:
        query = query.where(t.c.mean <= trait.high)
    return query


def _filters(query, params: dict[str, str]):
    a, taxa = Accession.__table__, Taxon.__table__
    if "origin" in params:
        query = query.where(a.c.origcty == params["origin"])
    if "species" in params:
        query = query.join_from(a, taxa, a.c.taxon_id == taxa.c.id).where(
            taxa.c.species == params["species"])
    return query


def _sort_key(query, sort: str | None, descriptors):
    accenumb = Accession.__table__.c.accenumb
    if not sort:
        return [accenumb], query
    query, t = _summary(query, sort.lstrip("-"), descriptors, outer=True)
    mean = t.c.mean.desc() if sort.startswith("-") else t.c.mean
    return [t.c.mean.is_(None), mean, accenumb], query


def time_sql(connection, statements: list, repeat: int) -> tuple[list[list[float]], list[int]]:
    """Like time_api, for (page, count) statement pairs."""
    def run(pair) -> tuple[float, int]:
        start = time.perf_counter()
        connection.execute(pair[0]).all()
        total = connection.execute(pair[1]).scalar_one()
        return (time.perf_counter() - start) * 1000, total

    samples, totals = [[] for _ in statements], [run(pair)[1] for pair in statements]
    for i in range(WARM_UP + repeat):
        elapsed, _ = run(statements[i % len(statements)])
        if i >= WARM_UP:
            samples[i % len(statements)].append(elapsed)
    return samples, totals


def sql_timings(app, params: list[dict], repeat: int) -> tuple[list, list]:
    """SQL timings and totals per variant; None for variants without an SQL equivalent."""
    with app.app_context():
        descriptors = descriptor_table()
        pairs = [sql_equivalent(p, descriptors) for p in params]
        db.session.remove()
        with db.engine.connect() as connection:
            known = [pair for pair in pairs if pair is not None]
            samples, totals = time_sql(connection, known, repeat) if known else ([], [])
    found = iter(zip(samples, totals, strict=True))
    per_variant = [next(found) if pair is not None else (None, None) for pair in pairs]
    return [s for s, _ in per_variant], [t for _, t in per_variant]


