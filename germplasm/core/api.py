"""POST /api/v1/core-collections: staff build a core collection with a write token; it is
saved as the token owner's selection (as on the /core page) and answered with its entries
and report. Only accessions the caller may see are candidates."""
from flask import g, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_smorest import abort

from germplasm.accounts.bearer import may_write
from germplasm.core import services
from germplasm.extensions import csrf, db
from germplasm.fingerprints.services import accession_numbers
from germplasm.selections.services import SelectionProblem
from germplasm.sharing.access import accession_scope
from germplasm.sharing.openapi import ApiBlueprint
from schemas.core import CoreIn, CoreOut

bp = ApiBlueprint("api_core", __name__, url_prefix="/api/v1",
                  description="核心种质 / Core collections")
csrf.exempt(bp)  # writes need a bearer token, which a browser never sends on its own


@bp.post("/core-collections")
@bp.arguments(CoreIn)
@bp.response(201, CoreOut)
@bp.alt_response(403, response="FORBIDDEN")
def build(args):
    """构建核心种质 / Build a core collection

    以 A-NE（每份种质到最近入选者的平均距离最小）选出核心种质，保存为令牌所属用户的选集。
    需要工作人员的写权限令牌。

    Chooses a core by A-NE (the least mean distance from every accession to its nearest
    entry) and saves it as the token owner's selection. Needs a staff user's write token."""
    _staff_writer()
    try:
        core = services.build(args["source"], seed=args["seed"], scope=accession_scope(),
                              size=None if "percent" in args else args.get("size", 200),
                              percent=args.get("percent"))
        selection = services.save(core, args.get("name"), owner=current_user)
    except (services.CoreProblem, SelectionProblem) as problem:
        db.session.rollback()
        abort(400, message=str(problem))
    db.session.commit()
    numbers = accession_numbers(core.ids)
    return {"selection": {"name": selection.name, "token": selection.token,
                          "url": url_for("selections.show", token=selection.token,
                                         _external=True)},
            "accessions": [numbers[a] for a in core.ids], "represents": core.represents,
            "report": core.report}


def _staff_writer() -> None:
    if g.get("api_token") is None:
        abort(401, message=_("Building a core collection needs a bearer token."))
    if not may_write():
        abort(403, message=_("This token may only read; writing needs a token with the "
                             "write scope."))
    if not current_user.is_staff:
        abort(403, message=_("Building a core collection is for staff."))
