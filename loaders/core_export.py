"""Writing a core collection: a CSV of its entries, or an .xlsx with the entries and, on a
second sheet, the report; report_rows() is the report as (measure, core, random) rows for
both the sheet and the command's text output."""
import csv
from pathlib import Path

from flask_babel import gettext as _

HEADER = ["ACCENUMB", "ORDER", "REPRESENTS"]  # REPRESENTS: accessions nearest to this entry


def write_core(path: str, numbers: list[str], represents: list[int], report: dict) -> None:
    rows = [[n, order, r] for order, (n, r) in enumerate(zip(numbers, represents, strict=True),
                                                           1)]
    if Path(path).suffix.lower() == ".xlsx":
        _xlsx(path, rows, report)
        return
    with open(path, "w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(rows)


def _xlsx(path: str, rows: list[list], report: dict) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "core"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    summary = book.create_sheet("report")
    summary.append(["MEASURE", "CORE", "RANDOM"])
    for row in report_rows(report):
        summary.append(list(row))
    book.save(path)


def report_rows(report: dict) -> list[tuple[str, str, str]]:
    rows = [(_("Data"), report["source"], ""), (_("Random seed"), str(report["seed"]), ""),
            (_("Size / candidates"), f"{report['size']} / {report['candidates']}", ""),
            (_("Mean distance to the nearest entry (A-NE, lower is better)"),
             *_pair(report["nearest_distance"], "{:.4f}")),
            (_("Mean distance between entries (E-NE, higher is better)"),
             *_pair(report["entry_distance"], "{:.4f}"))]
    coverage = report["allele_coverage"]
    if coverage:
        rows.append((_("SSR alleles covered (%%) of %(n)s", n=coverage["alleles"]),
                     *_pair(coverage, "{:.1f}")))
    for trait in report["numeric"]:
        rows.append((_("%(code)s min–max (mean); whole collection %(whole)s",
                       code=trait["code"], whole=_range(trait["whole"])),
                     _range(trait["core"]), _range(trait["random"])))
    for trait in report["categorical"]:
        rows.append((_("%(code)s categories covered, of %(n)s", code=trait["code"],
                       n=trait["categories"]), str(trait["core"]), str(trait["random"])))
    return rows


def _pair(values: dict, form: str) -> tuple[str, str]:
    return form.format(values["core"]), form.format(values["random"])


def _range(spread: dict) -> str:
    if not spread["n"]:
        return "–"
    return f"{spread['min']:g}–{spread['max']:g} ({spread['mean']:g})"
