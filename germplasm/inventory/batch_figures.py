"""What the seedling pages, `germplasm batches list` and the distribution report read of the
propagation batches: a year's batches and the year's figure against the plan."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select

from germplasm.extensions import db
from germplasm.inventory.batch_models import BatchCount, PropagationBatch
from germplasm.inventory.batches import plan


@dataclass(frozen=True)
class Raised:
    year: int
    raised: int  # seedlings that became ready in the year
    plan: int

    @property
    def percent(self) -> int:
        """Of the plan, rounded down (may pass 100)."""
        return self.raised * 100 // self.plan if self.plan > 0 else 100


def _in_year(column, year: int):
    return column.between(date(year, 1, 1), date(year, 12, 31))


def raised_in(year: int) -> Raised:
    """Seedlings raised in `year`: every ready count moved on a day of that year (a batch
    grafted in autumn counts in the spring its plants are ready)."""
    total = db.session.scalar(select(func.coalesce(func.sum(BatchCount.ready_to
                                                            - BatchCount.ready_from), 0))
                              .where(_in_year(BatchCount.counted_on, year)))
    return Raised(year, int(total), plan())


def batches_in(year: int | None = None) -> list[PropagationBatch]:
    """Batches started in the year or counted in it (all when no year), newest first."""
    query = select(PropagationBatch)
    if year is not None:
        counted = select(BatchCount.batch_id).where(_in_year(BatchCount.counted_on, year))
        query = query.where(or_(_in_year(PropagationBatch.started_on, year),
                                PropagationBatch.id.in_(counted)))
    return list(db.session.scalars(query.order_by(PropagationBatch.started_on.desc(),
                                                  PropagationBatch.batch_number.desc())))


def years() -> list[int]:
    """The years any batch was started or counted in, newest first, this year included."""
    days = db.session.scalars(select(BatchCount.counted_on).distinct())
    return sorted({day.year for day in days} | {date.today().year}, reverse=True)


def totals(batches: list[PropagationBatch]) -> dict[str, int]:
    stages = ("started", "surviving", "ready", "dispatched", "lost")
    return {stage: sum(getattr(b, stage) for b in batches) for stage in stages}
