"""Read-side queries for the catalogue pages: counts, lists and one accession."""
from sqlalchemy import func, select

from germplasm.accessions.models import Accession, PedigreeLink, Taxon
from germplasm.accessions.visibility import Scope, may_see, visible_clause
from germplasm.extensions import db
from germplasm.reference.models import CodeListEntry, Country


def visible(query, scope: Scope):
    """The query narrowed to the accessions a caller with this visibility scope may see
    (germplasm.accessions.visibility); `query` must select from or join Accession."""
    condition = visible_clause(scope)
    return query if condition is None else query.where(condition)


def counts(can_see_restricted: Scope, locale: str) -> dict[str, list[tuple[str, int]]]:
    zh = locale.startswith("zh")
    return {
        "species": _grouped(
            func.coalesce(Taxon.name_zh if zh else Taxon.name_en, Taxon.species),
            can_see_restricted, join=Taxon),
        "sampstat": _grouped(
            CodeListEntry.label_zh if zh else CodeListEntry.label_en, can_see_restricted,
            join=(CodeListEntry, (CodeListEntry.list_name == "SAMPSTAT")
                  & (CodeListEntry.code == func.cast(Accession.sampstat, db.String)))),
        "origin": _grouped(Country.name_zh if zh else Country.name_en, can_see_restricted,
                           join=Country, limit=15),
    }


def _grouped(label, can_see_restricted, join, limit=None):
    target, on = join if isinstance(join, tuple) else (join, None)
    query = select(label, func.count(Accession.id)).select_from(Accession)
    query = query.join(target, on) if on is not None else query.join(target)
    query = visible(query, can_see_restricted).group_by(label)
    query = query.order_by(func.count(Accession.id).desc(), label).limit(limit)
    return [(name, n) for name, n in db.session.execute(query)]


def total(can_see_restricted: Scope) -> int:
    query = visible(select(func.count(Accession.id)), can_see_restricted)
    return db.session.scalar(query)


def accession_page(page: int, per_page: int, can_see_restricted: Scope):
    query = visible(select(Accession).order_by(Accession.accenumb), can_see_restricted)
    return db.paginate(query, page=page, per_page=per_page, max_per_page=100, error_out=False)


def find(accenumb: str, can_see_restricted: Scope) -> Accession | None:
    query = visible(select(Accession).where(Accession.accenumb == accenumb), can_see_restricted)
    return db.session.scalars(query.order_by(Accession.id)).first()


def find_by_id(accession_id: int, can_see_restricted: Scope) -> Accession | None:
    query = visible(select(Accession).where(Accession.id == accession_id), can_see_restricted)
    return db.session.scalars(query).first()


def pedigree(accession: Accession, can_see_restricted: Scope) -> dict[str, list[dict]]:
    """Parents and progeny as the caller may see them. A restricted parent is shown only as
    the ANCEST token its child's passport already carries, never as a link with its number
    and name; restricted progeny are left out."""
    parents = []
    for link in accession.parent_links:
        shown = link.parent if link.parent and _may_see(link.parent, can_see_restricted) else None
        parents.append({"role": link.role, "token": link.token,
                        "id": shown.id if shown else None,
                        "accenumb": shown.accenumb if shown else None,
                        "name": shown.display_name if shown else None})
    children = visible(select(Accession).join(PedigreeLink, PedigreeLink.child_id == Accession.id)
                       .where(PedigreeLink.parent_id == accession.id), can_see_restricted)
    progeny = [{"id": c.id, "accenumb": c.accenumb, "name": c.display_name}
               for c in db.session.scalars(children.order_by(Accession.accenumb)).unique()]
    return {"parents": parents, "progeny": progeny}


def _may_see(accession: Accession, scope: Scope) -> bool:
    return may_see(accession.restricted, accession.instcode, scope)
