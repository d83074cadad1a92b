"""Accessions as BrAPI pedigree nodes: parents from the pedigree links (only those in the
catalogue that the caller may see: a restricted parent stays the ANCEST text of its child,
as on the accession page), progeny and siblings among the accessions the caller may see."""
import re

from sqlalchemy import select

from germplasm.accessions.models import Accession, PedigreeLink
from germplasm.accessions.visibility import Scope, may_see
from germplasm.brapi.germplasm_records import puid
from germplasm.extensions import db
from germplasm.sharing.access import accession_scope

ROLE_TYPES = {"female": "FEMALE", "male": "MALE", "ancestor": "POPULATION"}
SPORT = re.compile(r"sport|芽变", re.IGNORECASE)


def parent_type(role: str, ancest: str | None) -> str:
    """A single named parent is the seed parent of a seedling, or the tree a sport came from."""
    if role == "parent":
        return "CLONAL" if ancest and SPORT.search(ancest) else "FEMALE"
    return ROLE_TYPES.get(role, "POPULATION")


def parents(accession: Accession, scope: Scope) -> list[dict]:
    return [{"germplasmDbId": str(link.parent.id), "germplasmName": link.parent.display_name,
             "parentType": parent_type(link.role, accession.ancest)}
            for link in accession.parent_links
            if link.parent is not None and may_see(link.parent.restricted,
                                                   link.parent.instcode, scope)]


def progeny(parent_ids: list[int]) -> dict[int, list[dict]]:
    """{parent id: its children the caller may see, each with the parent's role toward it}."""
    query = select(PedigreeLink.parent_id, PedigreeLink.role, Accession).join(
        Accession, Accession.id == PedigreeLink.child_id).where(
        PedigreeLink.parent_id.in_(parent_ids))
    scope = accession_scope()  # a condition on Accession: here, on the child
    if scope is not None:
        query = query.where(scope)
    found: dict[int, list[dict]] = {}
    for parent_id, role, child in db.session.execute(query.order_by(Accession.id)):
        found.setdefault(parent_id, []).append({
            "germplasmDbId": str(child.id), "germplasmName": child.display_name,
            "parentType": parent_type(role, child.ancest)})
    return found


def siblings(accession: Accession, family: dict[int, list[dict]]) -> list[dict]:
    seen = {str(accession.id)}
    result = []
    for link in accession.parent_links:
        for kid in family.get(link.parent_id, []):
            if kid["germplasmDbId"] not in seen:
                seen.add(kid["germplasmDbId"])
                result.append({"germplasmDbId": kid["germplasmDbId"],
                               "germplasmName": kid["germplasmName"]})
    return result


def nodes(accessions: list[Accession], scope: Scope, include: dict[str, bool]) -> list[dict]:
    ids = [a.id for a in accessions]
    parent_ids = {link.parent_id for a in accessions for link in a.parent_links
                  if link.parent_id is not None}
    children = progeny(sorted(set(ids) | parent_ids)) if include["progeny"] or \
        include["siblings"] else {}
    return [{
        "germplasmDbId": str(a.id), "germplasmName": a.display_name,
        "defaultDisplayName": a.display_name, "germplasmPUI": puid(a),
        "pedigreeString": a.ancest,
        "parents": parents(a, scope) if include["parents"] else None,
        "progeny": children.get(a.id, []) if include["progeny"] else None,
        "siblings": siblings(a, children) if include["siblings"] else None,
    } for a in accessions]
