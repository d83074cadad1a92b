"""The one door for SSR markers and genotypes: read and write (audited; flush only, the
command commits), and the fingerprints as {accession id: {marker id: allele sizes}}."""
from sqlalchemy import ColumnElement, select

from germplasm.accessions.models import Accession
from germplasm.audit import services as audit
from germplasm.extensions import db
from germplasm.fingerprints.models import MAX_ALLELES, SsrGenotype, SsrMarker

MARKER_FIELDS = ("linkage_group", "motif", "min_size", "max_size")


class GenotypeProblem(ValueError):
    pass


def marker_named(name: str) -> SsrMarker | None:
    return db.session.scalar(select(SsrMarker).where(SsrMarker.name == name))


def markers() -> list[SsrMarker]:
    return list(db.session.scalars(select(SsrMarker).order_by(SsrMarker.name)))


def set_marker(name: str, *, linkage_group: str | None, motif: str | None,
               min_size: int, max_size: int, user: str, source: str | None = None) -> str:
    """'created', 'updated' or 'unchanged'; each change is audited (a changed size range
    changes which genotypes an import accepts)."""
    if min_size > max_size:
        raise GenotypeProblem(f"the size range {min_size}-{max_size} is reversed")
    marker = marker_named(name)
    values = dict(zip(MARKER_FIELDS, (linkage_group or None, motif or None, min_size, max_size),
                      strict=True))
    if marker is None:
        marker = SsrMarker(name=name, **values)
        db.session.add(marker)
        db.session.flush()
        audit.record(user, "ssr_marker", marker.id, "create", new=name, source=source)
        return "created"
    changes = {f: (getattr(marker, f), v) for f, v in values.items() if getattr(marker, f) != v}
    for field, (old, new) in changes.items():
        setattr(marker, field, new)
        audit.record(user, "ssr_marker", marker.id, "update", field=f"{name} {field.upper()}"[:40],
                     old=old, new=new, source=source)
    db.session.flush()
    return "updated" if changes else "unchanged"


def check_sizes(marker: SsrMarker, sizes: list[int]) -> tuple[int, ...]:
    """The distinct sizes, sorted; GenotypeProblem naming the first out of range."""
    for size in sizes:
        if not marker.min_size <= size <= marker.max_size:
            raise GenotypeProblem(f"{size} bp is outside {marker.name}'s range "
                                  f"{marker.min_size}-{marker.max_size} bp")
    distinct = tuple(sorted(set(sizes)))
    if len(distinct) > MAX_ALLELES:
        raise GenotypeProblem(f"{len(distinct)} alleles at {marker.name}; at most "
                              f"{MAX_ALLELES} (hexaploid)")
    return distinct


def set_genotype(accession: Accession, marker: SsrMarker, sizes: tuple[int, ...],
                 user: str, *, source: str | None = None) -> str:
    """Store the sizes (already checked) for this accession and marker; the change goes to
    the accession's history with the marker as its field."""
    record = db.session.scalar(select(SsrGenotype).where(
        SsrGenotype.accession_id == accession.id, SsrGenotype.marker_id == marker.id))
    text = "/".join(str(s) for s in sizes)
    if record and record.alleles == text:
        return "unchanged"
    old = record.alleles if record else None
    if record is None:
        record = SsrGenotype(accession_id=accession.id, marker_id=marker.id)
        db.session.add(record)
    record.alleles, record.updated_by = text, user
    db.session.flush()
    audit.record(user, "ssr_genotype", record.id, "update" if old else "create",
                 accession_id=accession.id, field=marker.name[:40], old=old, new=text,
                 source=source)
    return "updated" if old else "created"


def fingerprints(scope: ColumnElement | None = None) -> dict[int, dict[int, tuple[int, ...]]]:
    query = select(SsrGenotype.accession_id, SsrGenotype.marker_id, SsrGenotype.alleles)
    if scope is not None:
        query = query.join(Accession, Accession.id == SsrGenotype.accession_id).where(scope)
    found: dict[int, dict[int, tuple[int, ...]]] = {}
    for accession_id, marker_id, alleles in db.session.execute(query):
        found.setdefault(accession_id, {})[marker_id] = tuple(int(s) for s in alleles.split("/"))
    return found


def accession_numbers(ids) -> dict[int, str]:
    rows = db.session.execute(select(Accession.id, Accession.accenumb)
                              .where(Accession.id.in_(list(ids) or [0])))
    return dict(rows.all())


def marker_names() -> dict[int, str]:
    return dict(db.session.execute(select(SsrMarker.id, SsrMarker.name)).all())
