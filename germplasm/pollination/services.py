"""The one door for S-genotypes: read, write (audited), compare, group and check against
parents. Services flush; the request or the command commits."""
from sqlalchemy import ColumnElement, func, select

from germplasm.accessions.models import Accession, AccessionName, PedigreeLink
from germplasm.audit import services as audit
from germplasm.extensions import db
from germplasm.pollination import rules
from germplasm.pollination.models import SGenotype

GenotypeProblem = rules.GenotypeProblem


def record_of(accession: Accession) -> SGenotype | None:
    return db.session.scalar(select(SGenotype).where(SGenotype.accession_id == accession.id))


def genotype_of(accession: Accession) -> rules.Genotype | None:
    record = record_of(accession)
    return rules.parse(record.genotype) if record else None


def set_genotype(accession: Accession, text: str, *, source: str | None, user: str) -> str:
    """Store `text` (parsed and normalised) as the accession's S-genotype: 'created',
    'updated' or 'unchanged'. An empty text removes it ('deleted'). GenotypeProblem if bad."""
    record = record_of(accession)
    if not (text or "").strip():
        return _delete(record, user) if record else "unchanged"
    genotype = rules.parse(text)
    source = (source or "").strip() or None
    if record and (record.genotype, record.source) == (genotype.text, source):
        return "unchanged"
    old = record.genotype if record else None
    if record is None:
        record = SGenotype(accession_id=accession.id)
        db.session.add(record)
    first, second = genotype.alleles
    record.genotype, record.source, record.updated_by = genotype.text, source, user
    record.allele_1 = first.name if first else None
    record.allele_2 = second.name if second else None
    record.group, record.self_compatible = genotype.group, genotype.self_compatible
    db.session.flush()
    audit.record(user, "s_genotype", record.id, "update" if old else "create",
                 accession_id=accession.id, field="S_GENOTYPE", old=old, new=genotype.text,
                 source=source)
    return "updated" if old else "created"


def _delete(record: SGenotype, user: str) -> str:
    audit.record(user, "s_genotype", record.id, "delete", accession_id=record.accession_id,
                 field="S_GENOTYPE", old=record.genotype, new=None)
    db.session.delete(record)
    db.session.flush()
    return "deleted"


def find_accession(key: str, scope: ColumnElement | None = None) -> list[Accession]:
    """Accessions named by an accession number, else by one of their names (any case)."""
    query = select(Accession).where(Accession.accenumb == key)
    if scope is not None:
        query = query.where(scope)
    found = list(db.session.scalars(query.limit(2)))
    if found:
        return found
    by_name = (select(Accession).join(AccessionName)
               .where(func.lower(AccessionName.name) == key.lower()).distinct())
    if scope is not None:
        by_name = by_name.where(scope)
    return list(db.session.scalars(by_name.limit(2)))


def compatibility(female: Accession, male: Accession) -> rules.Verdict:
    return rules.cross(genotype_of(female), genotype_of(male))


def visible_query(scope: ColumnElement | None = None):
    """S-genotypes of the accessions `scope` (accession_scope()) lets the caller see."""
    query = select(SGenotype).join(Accession, SGenotype.accession_id == Accession.id)
    return query if scope is None else query.where(scope)


def groups(scope: ColumnElement | None = None) -> dict[str, list[str]]:
    """Incompatibility groups: {S1S3: [accession numbers sharing both alleles]}."""
    query = (select(SGenotype.group, Accession.accenumb).join(Accession)
             .where(SGenotype.group.is_not(None)).order_by(SGenotype.group, Accession.accenumb))
    if scope is not None:
        query = query.where(scope)
    found: dict[str, list[str]] = {}
    for group, accenumb in db.session.execute(query):
        found.setdefault(group, []).append(accenumb)
    return found


def parent_conflicts(scope: ColumnElement | None = None,
                     accession: Accession | None = None) -> list[dict]:
    """Accessions whose S-genotype cannot come from their recorded mother and father."""
    parents = recorded_parents(accession)
    ids = {i for child, pair in parents.items() for i in (child, *pair.values())}
    records = _records(ids, scope)
    conflicts = []
    for child_id, pair in sorted(parents.items()):
        child, mother, father = (records.get(i) for i in (child_id, pair.get("female"),
                                                           pair.get("male")))
        if child and mother and father:
            problem = rules.parent_problem(*(rules.parse(r.genotype)
                                             for r in (child, mother, father)))
            if problem:
                conflicts.append(_conflict(child, mother, father, problem))
    return conflicts


def recorded_parents(accession: Accession | None = None) -> dict[int, dict[str, int]]:
    """{child id: {"female"|"male": parent id}} for parents named in ANCEST and found in the
    catalogue (also used by the SSR fingerprint parent check)."""
    links = select(PedigreeLink).where(PedigreeLink.role.in_(("female", "male")),
                                       PedigreeLink.parent_id.is_not(None))
    if accession is not None:
        links = links.where(PedigreeLink.child_id == accession.id)
    parents: dict[int, dict[str, int]] = {}
    for link in db.session.scalars(links):
        parents.setdefault(link.child_id, {})[link.role] = link.parent_id
    return parents


def _records(ids: set[int], scope) -> dict[int, SGenotype]:
    query = select(SGenotype).join(Accession).where(SGenotype.accession_id.in_(ids or {0}))
    if scope is not None:
        query = query.where(scope)
    return {r.accession_id: r for r in db.session.scalars(query)}


def _conflict(child: SGenotype, mother: SGenotype, father: SGenotype, reason: str) -> dict:
    return {"accenumb": child.accession.accenumb, "s_genotype": child.genotype,
            "mother": mother.accession.accenumb, "mother_s_genotype": mother.genotype,
            "father": father.accession.accenumb, "father_s_genotype": father.genotype,
            "reason": reason}
