"""The report as named tables of (label, value) rows: what the page, the workbook and the
command line all show, built once from the figures."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from germplasm.reports.distribution import Distribution
from germplasm.reports.words import kind_label, shipped_label, use_label


@dataclass
class Table:
    key: str  # sheet name and anchor: ASCII, short
    title: object  # a lazy translation
    header: tuple
    rows: list[tuple]
    target: int | None = None  # a plan the figure is measured against


def tables(report: Distribution) -> list[Table]:
    count = _l("Requests")
    return [
        Table("summary", _l("The year in figures"), (_l("Figure"), _l("Value")), [
            (_l("Requests received"), report.requests),
            (_l("Accessions distributed"), report.accessions_distributed),
            (_l("Shipments"), report.shipments),
            (_l("Seedlings raised"), report.seedlings_raised),
            (_l("Seedling plan"), report.seedling_plan),
            (_l("Accessions evaluated"), report.accessions_evaluated),
            (_l("Evaluation plan"), report.evaluation_plan),
            (_l("Usage reports received"), report.usage_reports),
            (_l("Requests closed"), report.requests_closed)]),
        Table("kinds", _l("Requests by recipient kind"), (_l("Recipient kind"), count),
              [(kind_label(k), n) for k, n in report.by_kind]),
        Table("uses", _l("Requests by intended use"), (_l("Intended use"), count),
              [(use_label(k), n) for k, n in report.by_use]),
        Table("provinces", _l("Requests by province"), (_l("Province or country"), count),
              report.by_province),
        Table("shipped", _l("Quantities shipped by material"),
              (_l("Material (unit)"), _l("Quantity")),
              [(shipped_label(m, u), _number(q)) for m, u, q in report.shipped]),
    ]


def _number(value: float):
    return int(value) if float(value).is_integer() else value
