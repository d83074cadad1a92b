"""Export observations (long form) and trait summaries to CSV (UTF-8 with a BOM), as files
for the command line or as pieces of a streamed download for the API."""
from pathlib import Path

from germplasm.evaluations.listing import (
    Selection,
    display_value,
    observation_query,
    summary_query,
    summary_year,
)
from germplasm.extensions import db
from loaders.sheets import csv_chunks, write_csv

# PLANT names the tree (its place, e.g. 东区-3-12) as the sheet import and BrAPI take it, so
# two trees' values for one accession stay apart; empty for an accession-level value.
OBSERVATION_COLUMNS = ("ACCENUMB", "CAMPAIGN", "YEAR", "DESCRIPTOR", "VALUE", "REPLICATE",
                       "PLANT", "OBSERVED_ON", "OBSERVER")
SUMMARY_COLUMNS = ("ACCENUMB", "DESCRIPTOR", "YEAR", "N", "MEAN", "MIN", "MAX", "SD", "MODE")
CHUNK = 2000  # rows fetched from the database at a time


def export_observations(path: str | Path, selection: Selection = Selection(),
                        scope=None) -> int:
    return write_csv(path, OBSERVATION_COLUMNS, observation_cells(selection, scope))


def observation_csv_chunks(selection: Selection = Selection(), scope=None):
    return csv_chunks(OBSERVATION_COLUMNS, observation_cells(selection, scope))


def observation_cells(selection: Selection, scope):
    query = observation_query(selection, scope).execution_options(yield_per=CHUNK)
    for row in db.session.execute(query):
        yield (row.accenumb, row.campaign, row.year, row.descriptor,
               display_value(row.data_type, row.value_num, row.value_text, row.value_date),
               row.replicate, row.plant or "",
               row.observed_on.isoformat() if row.observed_on else "",
               row.observer or "")


def export_summaries(path: str | Path, selection: Selection = Selection(), scope=None) -> int:
    query = summary_query(selection, scope).execution_options(yield_per=CHUNK)
    rows = ((row.accenumb, row.descriptor, _blank(summary_year(row.year)), row.n,
             number_text(row.mean), number_text(row.min), number_text(row.max),
             number_text(row.sd), row.mode or "")
            for row in db.session.execute(query))
    return write_csv(path, SUMMARY_COLUMNS, rows)


def number_text(value) -> str:
    """A summary's statistic as the export writes it: four decimals at most."""
    if value is None:
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _blank(value):
    return "" if value is None else value
