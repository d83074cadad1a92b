"""/core: staff build a core collection from a form; it is saved as their own selection and
its report shown with a link to it."""
from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accounts.permissions import role_required
from germplasm.core import services
from germplasm.extensions import db
from germplasm.selections.services import SelectionProblem
from germplasm.sharing.access import accession_scope
from loaders.core_export import report_rows

bp = Blueprint("core", __name__)
DEFAULTS = {"size": "20", "percent": "", "source": "both", "seed": "1", "name": ""}


@bp.get("/core")
@role_required("staff")
def form():
    return render_template("core/build.html", form=DEFAULTS, core=None, rows=None)


@bp.post("/core")
@role_required("staff")
def build():
    given = {key: request.form.get(key, default).strip() for key, default in DEFAULTS.items()}
    try:
        core = services.build(given["source"], seed=_number(given["seed"], int),
                              scope=accession_scope(), **_size(given))
        selection = services.save(core, given["name"] or None, owner=current_user)
    except (services.CoreProblem, SelectionProblem) as problem:
        db.session.rollback()
        return render_template("core/build.html", form=given, core=None, rows=None,
                               message=str(problem)), 400
    db.session.commit()
    return render_template("core/build.html", form=given, core=core, selection=selection,
                           rows=report_rows(core.report))


def _size(given: dict) -> dict:
    if given["percent"]:
        return {"percent": _number(given["percent"], float)}
    return {"size": _number(given["size"], int)}


def _number(text: str, kind):
    try:
        return kind(text)
    except ValueError:
        raise services.CoreProblem(_("Size, percentage and seed are numbers.")) from None
