"""Public descriptor pages: the catalogue of traits and each trait's definition and spread."""
from flask import Blueprint, abort, render_template
from flask_babel import get_locale

from germplasm.accounts.permissions import is_staff
from germplasm.evaluations import charts, queries
from germplasm.evaluations.display import trait_value
from germplasm.evaluations.models import Descriptor
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
    locale = str(get_locale())
    staff = is_staff()  # the public's figures come from public accessions only
    values = queries.distribution(descriptor, staff) if descriptor.data_type in (
        "Numerical", "Ordinal", "Date") else []
    chart = charts.histogram(values, None, descriptor.name(locale), bins=24,
                             format_value=lambda v: trait_value(v, descriptor))
    counts = queries.mode_counts(descriptor, staff) if descriptor.categories else {}
    return render_template("evaluations/descriptor.html", descriptor=descriptor, chart=chart,
                           n=len(values) or sum(counts.values()), counts=counts)
