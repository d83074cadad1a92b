"""`germplasm report distribution --year 2026 [-o report.xlsx]`: the annual distribution
report as a readable summary, or as a workbook."""
from datetime import date

import click
from flask.cli import AppGroup
from flask_babel import force_locale

from germplasm.reports.distribution import distribution
from germplasm.reports.tables import tables
from germplasm.reports.workbook import write_workbook

report_group = AppGroup("report", help="Reports over a year of the collection.")


@report_group.command("distribution")
@click.option("--year", type=click.IntRange(1900, 2999), default=lambda: date.today().year,
              show_default="this year")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write an .xlsx workbook (one sheet per table) instead of printing.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def distribution_command(year, output, lang) -> None:
    """Accessions distributed, requests by recipient kind, use and province, quantities
    shipped, seedlings raised and accessions evaluated against the plan, usage reports."""
    with force_locale("zh_CN" if lang == "zh" else "en"):
        report = distribution(year)
        if output:
            if not output.lower().endswith(".xlsx"):
                raise click.BadParameter("the workbook's name ends in .xlsx", param_hint="-o")
            try:
                write_workbook(report, output)
            except OSError as problem:
                click.echo(f"error: cannot write {output}: {problem.strerror}", err=True)
                raise SystemExit(1) from None
            click.echo(f"distribution report {year} written to {output}")
            return
        click.echo(summary(report))


def summary(report) -> str:
    lines = []
    for table in tables(report):
        lines.append(f"{table.title} ({report.year})")
        if not table.rows:
            lines.append("  -")
        width = max((len(str(label)) for label, _ in table.rows), default=0)
        lines += [f"  {str(label).ljust(width)}  {value}" for label, value in table.rows]
        lines.append("")
    return "\n".join(lines).rstrip()
