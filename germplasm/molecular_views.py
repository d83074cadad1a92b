"""/molecular: the molecular data at a glance — sequences, SSR fingerprints, S-alleles and
core collections — with the way into each page; the counts are of what the visitor may see
(restricted accessions' records only for staff)."""
from flask import Blueprint, render_template
from sqlalchemy import func, select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.fingerprints import services as fingerprints
from germplasm.fingerprints.models import SsrGenotype
from germplasm.pollination import services as pollination
from germplasm.sequences import services as sequences
from germplasm.sharing.access import accession_scope

bp = Blueprint("molecular", __name__)


@bp.get("/molecular")
def overview():
    scope = accession_scope()
    return render_template("molecular.html", counts={
        "sequences": _count(sequences.visible_query(scope)),
        "markers": len(fingerprints.markers()),
        "fingerprinted": _count(_fingerprinted(scope)),
        "s_genotypes": _count(pollination.visible_query(scope)),
    })


def _fingerprinted(scope):
    query = select(SsrGenotype.accession_id).distinct() \
        .join(Accession, Accession.id == SsrGenotype.accession_id)
    return query if scope is None else query.where(scope)


def _count(query) -> int:
    return db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
