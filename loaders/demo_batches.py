"""The demo's seedling production: propagation batches over the last few years, grafted in
spring or budded in late summer, or sown, each counted as a nursery would (survivors a
couple of months on, ready plants the next season, some dispatched), all through the batch
service, so ready plants stand in seedling lots. With the 5,000-accession demo this year's
figure is a good part of the plan's 50,000."""
import random
from datetime import date, timedelta

from germplasm.inventory import batches

YEARS = 4  # this year and the three before
PER_ACCESSIONS = 40  # one batch a year for every 40 accessions
ROOTSTOCKS = ("毛桃", "山桃", "李实生砧", "毛樱桃")


def add_demo_batches(rng: random.Random, accessions: list, user: str,
                     today: date | None = None) -> int:
    """Batches added; nothing is dated after `today`."""
    today = today or date.today()
    per_year = max(2, len(accessions) // PER_ACCESSIONS)
    added = 0
    for year in range(today.year - YEARS + 1, today.year + 1):
        for number in range(1, per_year + 1):
            accession_id = rng.choice(accessions)[0]
            added += _batch(rng, accession_id, f"PB{year}-{number:04d}", year, user, today)
    return added


def _batch(rng: random.Random, accession_id: int, number: str, year: int, user: str,
           today: date) -> int:
    method = rng.choices(("grafting", "sowing"), (7, 3))[0]
    month = rng.choice((3, 4, 8)) if method == "grafting" else 3
    started_on = date(year, month, rng.randint(1, 28))
    if started_on > today:
        return 0
    started = rng.randrange(100, 501, 10)
    batch = batches.create(accession_id, batches.BatchFields(
        method, started_on, started, batch_number=number,
        rootstock=rng.choice(ROOTSTOCKS) if method == "grafting" else None), actor=user)
    surviving = round(started * rng.uniform(0.7, 0.95))
    ready = round(surviving * rng.uniform(0.8, 1.0))
    # Survivors are counted two months on; spring batches are ready in the autumn, those
    # budded in August the next spring; some leave the nursery a month after.
    steps = [(started_on + timedelta(days=60), {"surviving": surviving}),
             (started_on + timedelta(days=240), {"ready": ready}),
             (started_on + timedelta(days=270), {"dispatched": round(ready * rng.uniform(0, .5))})]
    for day, counts in steps:
        if day > today:
            break
        batches.record_counts(batch, actor=user, counted_on=day, note="demo", **counts)
    return 1
