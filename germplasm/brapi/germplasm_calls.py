"""GET /brapi/v2/germplasm, germplasm/{germplasmDbId}, its mcpd and progeny, and pedigree:
the accessions the caller may see (restricted ones: staff, and a partner for its own
institute's), wild collecting sites rounded for callers who may not see them exactly."""
from flask import Blueprint, abort, request
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from germplasm.accessions.models import Accession, PedigreeLink
from germplasm.accounts.permissions import restricted_scope
from germplasm.brapi import germplasm_records, pedigree_records
from germplasm.brapi.envelope import listing, one, page_of, paging
from germplasm.brapi.filters import accession_id, visible_accessions
from germplasm.brapi.passport_parts import parts_of
from germplasm.brapi.places import institute_names
from germplasm.extensions import db
from germplasm.sharing.access import accession_scope, rounds_wild_sites
from schemas.brapi_fast import compiled
from schemas.brapi_germplasm import GermplasmSchema, McpdSchema, PedigreeNodeSchema, ProgenySchema

bp = Blueprint("brapi_germplasm", __name__, url_prefix="/brapi/v2")
ORDER = (Accession.id,)
dump_germplasm = compiled(GermplasmSchema)  # GermplasmSchema().dump, a third of the time


def _records(accessions: list[Accession], build) -> list[dict]:
    rounds = rounds_wild_sites()
    names = institute_names(a.instcode for a in accessions)
    return [build(a, not rounds(a), names) for a in accessions]


def _germplasm(accessions: list[Accession]) -> list[dict]:
    """Germplasm records, with the names and multi-valued fields of all of them read at once
    (passport_parts) and what they share worked out once (germplasm_records.Page)."""
    rounds = rounds_wild_sites()
    page = germplasm_records.Page(institute_names(a.instcode for a in accessions))
    parts = parts_of([a.id for a in accessions])
    return [germplasm_records.germplasm(a, not rounds(a), parts[a.id], page)
            for a in accessions]


def _visible(germplasm_db_id: str) -> Accession:
    number = accession_id(germplasm_db_id)
    query = select(Accession).where(Accession.id == number)
    scope = accession_scope()
    found = db.session.scalar(query.where(scope) if scope is not None else query) \
        if number is not None else None
    if found is None:  # the same answer for an id that does not exist and one not shown
        abort(404, _("There is no germplasm with this id."))
    return found


def germplasm_listing(query, pages):
    """A page of select(Accession) as BrAPI Germplasm (GET /germplasm, search results): the
    page's ids first, then their records (germplasm_records.page_rows)."""
    total, ids = page_of(query.with_only_columns(Accession.id), ORDER, pages)
    rows = germplasm_records.page_rows(ids)
    return listing([dump_germplasm(record) for record in _germplasm(rows)], total, pages)


@bp.get("/germplasm")
def germplasm_list():
    return germplasm_listing(visible_accessions(), paging())


@bp.get("/germplasm/<string:germplasmDbId>")
def germplasm_one(germplasmDbId: str):  # noqa: N803 (BrAPI's name, shown in /serverinfo)
    return one(dump_germplasm(_germplasm([_visible(germplasmDbId)])[0]))


@bp.get("/germplasm/<string:germplasmDbId>/mcpd")
def germplasm_mcpd(germplasmDbId: str):  # noqa: N803
    record = _records([_visible(germplasmDbId)], germplasm_records.mcpd)[0]
    return one(McpdSchema().dump(record))


@bp.get("/germplasm/<string:germplasmDbId>/progeny")
def germplasm_progeny(germplasmDbId: str):  # noqa: N803
    accession = _visible(germplasmDbId)
    children = pedigree_records.progeny([accession.id]).get(accession.id, [])
    return one(ProgenySchema().dump({"germplasmDbId": str(accession.id),
                                     "germplasmName": accession.display_name,
                                     "progeny": children}))


def _flag(name: str, default: bool) -> bool:
    value = request.args.get(name, "").strip().lower()
    if value not in ("", "true", "false"):
        abort(400, _("%(name)s must be true or false", name=name))
    return default if not value else value == "true"


@bp.get("/pedigree")
def pedigree():
    pages = paging()
    include = {"parents": _flag("includeParents", True),
               "progeny": _flag("includeProgeny", False),
               "siblings": _flag("includeSiblings", False)}
    query = visible_accessions().options(
        selectinload(Accession.parent_links).joinedload(PedigreeLink.parent))
    total, rows = page_of(query, ORDER, pages)
    nodes = pedigree_records.nodes(rows, restricted_scope(), include)
    return listing(PedigreeNodeSchema(many=True).dump(nodes), total, pages)
