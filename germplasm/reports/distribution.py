"""The annual distribution report's figures, computed once for the command line, the
workbook and the web page, so the three cannot disagree.

A request counts in the year it was submitted; material counts in the year it was shipped
(the shipment's date); a usage report in the year it was received."""
from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask import current_app
from sqlalchemy import distinct, func, select

from germplasm.evaluations.models import Campaign, Observation
from germplasm.extensions import db
from germplasm.inventory.batch_figures import raised_in
from germplasm.requests.models import (
    INTENDED_USES,
    RECIPIENT_KINDS,
    Allocation,
    MaterialRequest,
    RequestItem,
    Shipment,
    UsageReport,
)

EVALUATION_PLAN = 500


@dataclass
class Distribution:
    year: int
    requests: int
    accessions_distributed: int
    by_kind: list[tuple[str, int]]  # (recipient kind, requests), the kinds' order
    by_use: list[tuple[str, int]]
    by_province: list[tuple[str, int]]  # province, or the country code abroad; most first
    shipped: list[tuple[str, str, float]]  # (material, unit, quantity)
    shipments: int
    seedlings_raised: int
    seedling_plan: int
    accessions_evaluated: int
    evaluation_plan: int
    usage_reports: int
    requests_closed: int


def _span(year: int):
    return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)


def distribution(year: int) -> Distribution:
    start, end = _span(year)
    in_year = (MaterialRequest.submitted_at >= start) & (MaterialRequest.submitted_at < end)
    raised = raised_in(year)
    return Distribution(
        year=year,
        requests=_count(select(func.count()).select_from(MaterialRequest).where(in_year)),
        accessions_distributed=_count(_shipped_query(year, distinct(RequestItem.accession_id),
                                                     count=True)),
        by_kind=_ordered(_grouped(MaterialRequest.recipient_kind, in_year), RECIPIENT_KINDS),
        by_use=_ordered(_grouped(MaterialRequest.intended_use, in_year), INTENDED_USES),
        by_province=_by_province(in_year),
        shipped=_shipped(year),
        shipments=_count(select(func.count()).select_from(Shipment).where(
            Shipment.shipped_on.between(date(year, 1, 1), date(year, 12, 31)))),
        seedlings_raised=raised.raised, seedling_plan=raised.plan,
        accessions_evaluated=_evaluated(year),
        evaluation_plan=int(current_app.config.get("GERMPLASM_EVALUATION_PLAN",
                                                   EVALUATION_PLAN)),
        usage_reports=_count(select(func.count()).select_from(UsageReport).where(
            UsageReport.at >= start, UsageReport.at < end)),
        requests_closed=_count(select(func.count()).select_from(MaterialRequest).where(
            in_year, MaterialRequest.status == "closed")),
    )


def _count(query) -> int:
    return int(db.session.scalar(query) or 0)


def _grouped(column, condition) -> dict:
    rows = db.session.execute(select(column, func.count()).where(condition).group_by(column))
    return {key: int(n) for key, n in rows}


def _ordered(counts: dict, order) -> list[tuple[str, int]]:
    """Every known value in its usual order, zeros included (a table with holes misleads)."""
    return [(key, counts.get(key, 0)) for key in order]


def _by_province(condition) -> list[tuple[str, int]]:
    place = func.coalesce(MaterialRequest.province, MaterialRequest.country)
    counts = _grouped(place, condition)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def _shipped_query(year: int, *columns, count: bool = False):
    query = (select(func.count(*columns)) if count else select(*columns)) \
        .select_from(Allocation).join(RequestItem, Allocation.item_id == RequestItem.id) \
        .join(Shipment, Allocation.shipment_id == Shipment.id) \
        .where(Allocation.status == "shipped",
               Shipment.shipped_on.between(date(year, 1, 1), date(year, 12, 31)))
    return query


def _shipped(year: int) -> list[tuple[str, str, float]]:
    query = _shipped_query(year, RequestItem.material, RequestItem.unit,
                           func.sum(Allocation.quantity_milli)) \
        .group_by(RequestItem.material, RequestItem.unit) \
        .order_by(RequestItem.material, RequestItem.unit)
    return [(material, unit, int(milli) / 1000) for material, unit, milli in
            db.session.execute(query)]


def _evaluated(year: int) -> int:
    """Distinct accessions with at least one observation in that year's campaigns."""
    return _count(select(func.count(distinct(Observation.accession_id)))
                  .join(Campaign, Observation.campaign_id == Campaign.id)
                  .where(Campaign.year == year))
