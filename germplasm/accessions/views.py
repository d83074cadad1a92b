"""Catalogue pages: home with counts and the accession list, and the accession page."""
from flask import Blueprint, abort, render_template, request, send_from_directory
from flask_babel import get_locale

from germplasm.accessions import queries
from germplasm.accessions.detail_context import map_context, trait_context
from germplasm.accessions.models import AccessionPhoto
from germplasm.accessions.photos import MAX_BYTES, photo_dir, photos_of
from germplasm.accessions.presenters import coordinates, passport
from germplasm.accounts.permissions import exact_coordinates, is_staff, restricted_scope
from germplasm.audit import services as audit
from germplasm.db import is_row_id
from germplasm.evaluations.display import trait_value
from germplasm.extensions import db
from germplasm.inventory.presenters import inventory_context
from germplasm.pollination.presenters import s_allele_context
from germplasm.sequences.services import of_accession as sequences_of
from search.query import QueryProblem, check_page

bp = Blueprint("accessions", __name__)


def _locale() -> str:
    return str(get_locale() or "zh_CN")


@bp.get("/catalogue")
def home():
    scope = restricted_scope()
    try:
        page, per_page = check_page(request.args.get("page", 1), request.args.get("per_page", 50))
    except QueryProblem as problem:
        abort(400, f"{problem.parameter}: {problem}")
    return render_template(
        "accessions/home.html",
        total=queries.total(scope),
        counts=queries.counts(scope, _locale()),
        pagination=queries.accession_page(page, per_page, scope),
    )


@bp.get("/accessions/<path:accenumb>")
def detail(accenumb: str):
    accession = queries.find(accenumb, restricted_scope())
    if accession is None:
        abort(404)
    return render_detail(accession)


def render_detail(accession, status: int = 200):
    """The accession page (also answering a refused photo upload, with its message)."""
    staff, scope, exact = is_staff(), restricted_scope(), exact_coordinates(accession)
    position = coordinates(accession, exact=exact)
    extra = {"photos": photos_of(accession.id),
             "pedigree": queries.pedigree(accession, scope),
             "changes": audit.recent(accession.id) if staff else ([], 0),
             "may_add_photos": staff, "max_photo_mb": MAX_BYTES // 2**20,
             "inventory": inventory_context(accession.id) if staff else None,
             "sequences": sequences_of(accession.id),
             "s_alleles": s_allele_context(accession)}
    return render_template(
        "accessions/detail.html",
        accession=accession,
        passport=passport(accession, _locale(), exact=exact),
        position=position,
        **trait_context(accession.id, _locale(), trait_value, scope),
        **map_context(position),
        **extra,
    ), status


@bp.get("/photos/<int:photo_id>")
def photo(photo_id: int):
    """A photo, under the same rule as its accession (restricted_scope)."""
    picture = db.session.get(AccessionPhoto, photo_id) if is_row_id(photo_id) else None
    accession = picture and queries.find_by_id(picture.accession_id, restricted_scope())
    if accession is None:
        abort(404)
    response = send_from_directory(photo_dir(), picture.filename,
                                   mimetype=picture.content_type, max_age=86400)
    if accession.restricted:  # never kept by a shared cache or left in the browser's
        response.headers["Cache-Control"] = "private, no-store"
    return response
