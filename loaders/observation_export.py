"""Export observations (long form) and trait summaries to CSV (UTF-8 with a BOM)."""
from pathlib import Path

from germplasm.accessions.models import Accession
from germplasm.evaluations.models import ALL_YEARS, Campaign, Descriptor, Observation, TraitSummary
from germplasm.extensions import db
from loaders.sheets import write_csv

OBSERVATION_COLUMNS = ("ACCENUMB", "CAMPAIGN", "YEAR", "DESCRIPTOR", "VALUE", "REPLICATE",
                       "OBSERVED_ON", "OBSERVER")
SUMMARY_COLUMNS = ("ACCENUMB", "DESCRIPTOR", "YEAR", "N", "MEAN", "MIN", "MAX", "SD", "MODE")


def export_observations(path: str | Path) -> int:
    query = (db.select(Accession.accenumb, Campaign.name, Campaign.year, Descriptor.code,
                       Descriptor.data_type, Observation.value_num, Observation.value_text,
                       Observation.value_date, Observation.replicate, Observation.observed_on,
                       Observation.observer)
             .join(Accession, Observation.accession_id == Accession.id)
             .join(Campaign, Observation.campaign_id == Campaign.id)
             .join(Descriptor, Observation.descriptor_id == Descriptor.id)
             .order_by(Accession.accenumb, Campaign.year, Descriptor.code, Observation.replicate))
    rows = ((acc, camp, year, code, display_value(kind, num, text, day), rep,
             observed.isoformat() if observed else "", observer or "")
            for acc, camp, year, code, kind, num, text, day, rep, observed, observer
            in db.session.execute(query.execution_options(yield_per=2000)))
    return write_csv(path, OBSERVATION_COLUMNS, rows)


def display_value(kind: str, number, text, day) -> str:
    if kind == "Date":
        return day.isoformat()
    if kind == "Numerical":
        return str(int(number)) if number.is_integer() else repr(number)
    return text or ""


def export_summaries(path: str | Path) -> int:
    query = (db.select(Accession.accenumb, Descriptor.code, TraitSummary.year, TraitSummary.n,
                       TraitSummary.mean, TraitSummary.min, TraitSummary.max, TraitSummary.sd,
                       TraitSummary.mode)
             .join(Accession, TraitSummary.accession_id == Accession.id)
             .join(Descriptor, TraitSummary.descriptor_id == Descriptor.id)
             .order_by(Accession.accenumb, Descriptor.code, TraitSummary.year))
    rows = ((acc, code, "" if year == ALL_YEARS else year, n, _number(mean), _number(low),
             _number(high), _number(sd), mode or "")
            for acc, code, year, n, mean, low, high, sd, mode
            in db.session.execute(query.execution_options(yield_per=2000)))
    return write_csv(path, SUMMARY_COLUMNS, rows)


def _number(value) -> str:
    if value is None:
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".")

