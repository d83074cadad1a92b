"""Public descriptor pages: the catalogue of traits and each trait's definition and spread."""
from flask import Blueprint, abort, render_template
from flask_babel import get_locale

from germplasm.accounts.permissions import restricted_scope
from germplasm.evaluations import charts, grades, queries
from germplasm.evaluations.display import category_links, trait_value
from germplasm.evaluations.models import Descriptor
from germplasm.evaluations.sources import public_source
from germplasm.extensions import db

bp = Blueprint("descriptors", __name__, url_prefix="/descriptors")


@bp.get("/")
def index():
    descriptors = db.session.scalars(db.select(Descriptor).where(Descriptor.active)
                                     .order_by(Descriptor.id)).all()
    groups = {}
    for descriptor in sorted(descriptors, key=lambda d: queries.GROUP_ORDER.get(d.group, 9)):
        groups.setdefault(descriptor.group, []).append(descriptor)
    return render_template("evaluations/descriptors.html", groups=groups)


@bp.get("/<code>")
def detail(code: str):
    descriptor = db.session.scalar(db.select(Descriptor).filter_by(code=code.upper()))
    if descriptor is None:
        abort(404)
    scope = restricted_scope()  # figures come from what the caller may see only
    if grades.is_graded(descriptor):
        counts = queries.mode_counts(descriptor, scope)
        chart, n = _grade_chart(descriptor, counts), sum(counts.values())
    else:
        counts, (chart, n) = {}, _histogram(descriptor, scope)
    sources = public_source(descriptor.source, str(get_locale()).startswith("zh"))
    return render_template("evaluations/descriptor.html", descriptor=descriptor, chart=chart,
                           n=n, counts=counts, links=category_links(descriptor), sources=sources)


def _grade_chart(descriptor: Descriptor, counts: dict[str, int]):
    links = category_links(descriptor)
    bars = [(trait_value(grade, descriptor), count, links[grade])
            for grade, count in grades.collection_bars(descriptor, counts)]
    return charts.grade_bars(bars, None, descriptor.name(str(get_locale())))


def _histogram(descriptor: Descriptor, scope):
    values = queries.distribution(descriptor, scope) if descriptor.data_type in (
        "Numerical", "Ordinal", "Date") else []
    chart = charts.histogram(values, None, descriptor.name(str(get_locale())), bins=24,
                             format_value=lambda v: trait_value(v, descriptor))
    return chart, len(values)
