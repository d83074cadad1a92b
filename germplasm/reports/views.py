"""/reports/distribution?year=2026: the annual distribution report for staff, with charts
drawn on the server and a link to the same figures as a workbook."""
from datetime import date
from io import BytesIO

from flask import Blueprint, render_template, request, send_file
from flask_babel import gettext as _

from germplasm.accounts.permissions import role_required
from germplasm.reports import charts
from germplasm.reports.distribution import distribution
from germplasm.reports.tables import tables
from germplasm.reports.workbook import write_workbook

bp = Blueprint("reports", __name__, url_prefix="/reports")
CHARTED = ("kinds", "uses", "provinces", "shipped")


def _year() -> int:
    text = request.args.get("year", "")
    return int(text) if text.isascii() and text.isdigit() and 1900 <= int(text) <= 2999 \
        else date.today().year


@bp.get("/distribution")
@role_required("staff")
def distribution_page():
    year = _year()
    report = distribution(year)
    shown = tables(report)
    drawn = {t.key: charts.bars(t.rows, str(t.title)) for t in shown if t.key in CHARTED}
    plans = [
        (_("Seedlings raised"), report.seedlings_raised, report.seedling_plan),
        (_("Accessions evaluated"), report.accessions_evaluated, report.evaluation_plan)]
    return render_template(
        "reports/distribution.html", year=year, report=report, tables=shown, charts=drawn,
        plans=[(label, done, plan, charts.progress(done, plan, label))
               for label, done, plan in plans],
        years=range(date.today().year, date.today().year - 6, -1))


@bp.get("/distribution.xlsx")
@role_required("staff")
def distribution_workbook():
    year = _year()
    data = BytesIO()
    write_workbook(distribution(year), data)
    data.seek(0)
    return send_file(data, as_attachment=True,
                     download_name=f"plum-distribution-{year}.xlsx",
                     mimetype="application/vnd.openxmlformats-officedocument."
                              "spreadsheetml.sheet")
