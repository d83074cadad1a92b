"""The one door for SNP panels and genotypes: store packed 0/1/2 calls per accession and
panel (audited, one entry per accession changed; flush only, the command commits), and read
them back as one accession × SNP matrix."""
import hashlib
from collections import Counter
from dataclasses import dataclass

import numpy as np
from sqlalchemy import ColumnElement, select

from germplasm.accessions.models import Accession
from germplasm.audit import services as audit
from germplasm.extensions import db
from germplasm.fingerprints.models import SnpGenotype, SnpPanel

MISSING = -1


@dataclass
class Matrix:
    ids: list[int]  # accession ids, the rows
    names: list[str]  # SNP names, the columns
    calls: np.ndarray  # int8, accessions × SNPs, MISSING where not called


def panel_for(names: list[str]) -> SnpPanel:
    """The panel with exactly these SNP names in this order, created when new."""
    text = "\n".join(names)
    digest = hashlib.sha256(text.encode()).hexdigest()
    panel = db.session.scalar(select(SnpPanel).where(SnpPanel.digest == digest))
    if panel is None:
        panel = SnpPanel(digest=digest, snp_count=len(names), names=text)
        db.session.add(panel)
        db.session.flush()
    return panel


def store(panel: SnpPanel, calls: dict[int, np.ndarray], user: str, *,
          source: str | None = None) -> Counter:
    """Replace each accession's calls on the panel; counts 'created', 'updated', 'unchanged'.
    The history gets how many SNPs are called and how many calls changed, not the calls."""
    existing = {g.accession_id: g for g in db.session.scalars(select(SnpGenotype).where(
        SnpGenotype.panel_id == panel.id, SnpGenotype.accession_id.in_(list(calls) or [0])))}
    outcomes, changed = Counter(), []
    for accession_id, row in calls.items():
        packed = np.asarray(row, dtype=np.int8).tobytes()
        record = existing.get(accession_id)
        if record is not None and record.calls == packed:
            outcomes["unchanged"] += 1
            continue
        outcomes["updated" if record else "created"] += 1
        if record is None:
            record = SnpGenotype(accession_id=accession_id, panel_id=panel.id, calls=b"",
                                 called=0)
            db.session.add(record)
        changed.append((record, record.calls, _summary(record.calls, packed)))
        record.calls, record.updated_by = packed, user
        record.called = int(np.count_nonzero(np.asarray(row) != MISSING))
    db.session.flush()  # the new records' ids, for the audit entries
    for record, old, summary in changed:
        audit.record(user, "snp_genotype", record.id, "update" if old else "create",
                     accession_id=record.accession_id, field=f"SNP panel {panel.id}",
                     old=_summary(b"", old) if old else None, new=summary, source=source)
    db.session.flush()
    return outcomes


def _summary(old: bytes, new: bytes) -> str:
    """'49,210/50,000 called' and, against earlier calls, '; 12 changed'."""
    values = np.frombuffer(new, dtype=np.int8)
    text = f"{np.count_nonzero(values != MISSING):,}/{len(values):,} called"
    if old:
        text += f"; {np.count_nonzero(np.frombuffer(old, dtype=np.int8) != values):,} changed"
    return text


def matrix(scope: ColumnElement | None = None) -> Matrix:
    """Every panel's SNPs side by side, by name; an accession typed on two panels that share
    a SNP keeps the call of the newer panel where it has one."""
    query = (select(SnpGenotype.accession_id, SnpGenotype.panel_id, SnpGenotype.calls)
             .order_by(SnpGenotype.panel_id))
    if scope is not None:
        query = query.join(Accession, Accession.id == SnpGenotype.accession_id).where(scope)
    rows = db.session.execute(query).all()
    panels = {p.id: p.snp_names for p in db.session.scalars(
        select(SnpPanel).where(SnpPanel.id.in_({r.panel_id for r in rows} or {0})))}
    names = list(dict.fromkeys(n for p in sorted(panels) for n in panels[p]))
    column = {n: j for j, n in enumerate(names)}
    where = {p: np.array([column[n] for n in panels[p]], dtype=np.int64) for p in panels}
    ids = sorted({r.accession_id for r in rows})
    row_of = {a: i for i, a in enumerate(ids)}
    calls = np.full((len(ids), len(names)), MISSING, dtype=np.int8)
    for accession_id, panel_id, packed in rows:
        values = np.frombuffer(packed, dtype=np.int8)
        called = values != MISSING
        calls[row_of[accession_id], where[panel_id][called]] = values[called]
    return Matrix(ids, names, calls)

