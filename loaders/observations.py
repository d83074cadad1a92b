"""Observation import: wide or long sheets, validated cell by cell against the descriptors."""
from pathlib import Path

from germplasm import locking
from germplasm.evaluations import campaigns, observations
from germplasm.evaluations.campaigns import CampaignProblem
from loaders.observation_layout import read_layout
from loaders.observation_rows import RowReader, column_orders
from loaders.report import ImportReport
from loaders.tabular import FileProblem, read_table


def import_observations(path: str | Path, *, campaign: str, user: str, year: int | None = None,
                        site: str | None = None, skip_invalid: bool = False,
                        dry_run: bool = False, date_order: str | None = None,
                        encoding: str | None = None, progress=None,
                        source: str | None = None) -> ImportReport:
    """Validate the sheet, then record it in the campaign (created if new); `source` is the
    audit trail's origin of the change (default: the file name)."""
    table = read_table(path, encoding, date_format="%Y-%m-%d")
    report = ImportReport(dry_run=dry_run)
    rows = list(table.rows)
    if not rows:
        report.warn(None, "the file has a header but no data rows")
    import_rows(table.headers, progress(rows) if progress else rows, report,
                campaign=campaign, year=year, site=site, user=user, date_order=date_order,
                source=source or Path(path).name)
    return report.finish(skip_invalid)


def import_rows(headers: list[str], rows: list, report: ImportReport, *, campaign: str,
                user: str, source: str, year: int | None = None, site: str | None = None,
                date_order: str | None = None) -> None:
    """Check and record numbered rows of cells under `headers`; counts go into the report."""
    locking.take_write_lock()  # SQLite: wait for another writer now, not fail on a stale read
    layout = read_layout(headers, report)
    try:
        target, created = campaigns.get_or_create(campaign, year, site)
    except CampaignProblem as problem:
        raise FileProblem(str(problem)) from None
    if created:
        report.warn(None, f"campaign {campaign!r} ({target.year}) created")
    rows = list(rows)
    orders = column_orders(rows, layout, date_order, report)
    items = RowReader(layout, target, orders, report).read(rows)
    result = observations.record(target, items, user=user, source=source)
    report.created += result.created
    report.updated += result.updated
    report.unchanged += result.unchanged
