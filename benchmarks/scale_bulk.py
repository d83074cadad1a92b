"""The bulk path of benchmarks/scale.py's observation load.

Storing ten million observations through loaders.observations.import_rows would take
hours on two cores, so most cohorts take this path: the sheet is read and every value
validated and parsed by the import's own RowReader, the observations are written with COPY
(germplasm.bulk_insert.insert_rows, as observations.record writes new rows), the campaign's
descriptors, worklist and audit entry through the same functions record() calls. What it
leaves out: record()'s row locks and its look-up of existing observations (the benchmark
writes each key once), and the trait summaries, which are computed afterwards by
germplasm.evaluations.summaries.refresh itself, over every (accession, descriptor) pair,
in chunks of accessions. So the rows and summaries are those the import would write.
"""
from __future__ import annotations

from report import import_search_package  # noqa: F401  (the `search` package before the app)
from sqlalchemy import text

from germplasm.audit import services as audit
from germplasm.bulk_insert import insert_rows
from germplasm.evaluations import campaigns, summaries
from germplasm.evaluations.models import Observation
from germplasm.extensions import db
from loaders.observation_layout import read_layout
from loaders.observation_rows import RowReader, column_orders
from loaders.report import ImportReport


def bulk_store(chunk, user: str, source: str) -> ImportReport:
    """Validate the chunk like import_rows, then write it without record()'s look-ups."""
    report = ImportReport()
    layout = read_layout(chunk.headers, report)
    campaign, _ = campaigns.get_or_create(chunk.name, chunk.year, chunk.site)
    orders = column_orders(chunk.rows, layout, None, report)
    items = RowReader(layout, campaign, orders, report).read(chunk.rows)
    insert_rows(Observation.__table__, [_columns(i) | {"campaign_id": campaign.id,
                                                       "source": source} for i in items])
    campaigns.add_descriptors(campaign, {i.descriptor.id: i.descriptor for i in items}.values())
    campaigns.add_to_worklist(campaign, [i.accession_id for i in items])
    db.session.flush()
    audit.record(user, "campaign", campaign.id, "create", field="observations",
                 new=f"{len(items)} observations", source=source)
    report.created = len(items)
    return report


def _columns(item) -> dict:
    """The columns observations.record writes for a new observation."""
    return {
        "accession_id": item.accession_id, "descriptor_id": item.descriptor.id,
        "descriptor_version": item.descriptor.version, "plant": item.plant,
        "replicate": item.replicate, "value_num": item.value.num, "value_text": item.value.text,
        "value_date": item.value.date, "day_of_year": item.value.day_of_year,
        "observed_on": item.observed_on, "observer": item.observer, "notes": item.notes,
    }


def accession_ranges(size: int) -> list[tuple[int, int]]:
    """(first, last) accession ids of consecutive groups of `size` evaluated accessions."""
    ids = list(db.session.scalars(text(
        "SELECT DISTINCT accession_id FROM observations ORDER BY accession_id")))
    return [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]


def refresh_summaries(first: int, last: int) -> tuple[int, int]:
    """summaries.refresh of every (accession, descriptor) pair with observations among
    accession ids first..last; (pairs, summary rows written). The caller commits."""
    pairs = set(db.session.execute(text(
        "SELECT DISTINCT accession_id, descriptor_id FROM observations "
        "WHERE accession_id BETWEEN :first AND :last"), {"first": first, "last": last}).all())
    return len(pairs), summaries.refresh({(a, d) for a, d in pairs})
