"""Writing stored sequences as FASTA or GenBank (Bio.SeqIO). Each record names its accession
as /specimen_voucher (a [specimen_voucher=...] tag in FASTA), so the file imports back."""
import io
import re
from collections.abc import Iterable
from pathlib import Path

from Bio import SeqIO
from Bio.Seq import Seq
from Bio.SeqFeature import Location, SeqFeature, SimpleLocation
from Bio.SeqRecord import SeqRecord
from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.sequences.models import Sequence

FORMATS = ("fasta", "genbank")
SUFFIX = {"fasta": ".fasta", "genbank": ".gb"}


def selected(accession_ids: Iterable[int] | None = None, scope=None) -> list[Sequence]:
    """The sequences of these accessions (None: all), within `scope`, in a stable order."""
    query = (select(Sequence).join(Accession, Sequence.accession_id == Accession.id)
             .order_by(Accession.accenumb, Sequence.record_id))
    if scope is not None:
        query = query.where(scope)
    if accession_ids is not None:
        ids = sorted(set(accession_ids))
        found = []
        for start in range(0, len(ids), 1000):
            found += db.session.scalars(
                query.where(Sequence.accession_id.in_(ids[start:start + 1000]))).all()
        return sorted(found, key=lambda s: (s.accession.accenumb, s.record_id))
    return list(db.session.scalars(query))


def write_sequences(handle, rows: Iterable[Sequence], fmt: str) -> int:
    return SeqIO.write((record_of(row, fmt) for row in rows), handle, fmt)


def export_sequences(path: str | Path, rows: Iterable[Sequence], fmt: str) -> int:
    with Path(path).open("w", encoding="ascii", errors="replace") as handle:
        return write_sequences(handle, rows, fmt)


def as_text(rows: Iterable[Sequence], fmt: str) -> str:
    handle = io.StringIO()
    write_sequences(handle, rows, fmt)
    return handle.getvalue()


def record_of(row: Sequence, fmt: str) -> SeqRecord:
    accenumb = row.accession.accenumb
    description = row.description or ""
    if fmt == "fasta" and "[specimen_voucher=" not in description:
        description = f"{description} [specimen_voucher={accenumb}]".strip()
    record = SeqRecord(Seq(row.residues), id=row.record_id, name=_locus(row.record_id),
                       description=description)
    record.annotations = {"molecule_type": row.molecule_type or "DNA",
                          "topology": row.topology or "linear",
                          "organism": row.organism or ".", "source": row.organism or ""}
    if fmt == "genbank":
        record.features = [_source(row, accenumb), *_features(row)]
    return record


def _locus(record_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", record_id.split(".")[0])[:16]


def _source(row: Sequence, accenumb: str) -> SeqFeature:
    qualifiers = {"organism": [row.organism] if row.organism else [],
                  "mol_type": ["genomic DNA" if (row.molecule_type or "DNA") == "DNA"
                               else row.molecule_type],
                  "specimen_voucher": [accenumb]}
    return SeqFeature(SimpleLocation(0, row.length, strand=1), type="source",
                      qualifiers={k: v for k, v in qualifiers.items() if v})


def _features(row: Sequence) -> list[SeqFeature]:
    kept = []
    for feature in row.features:
        if not feature.get("location"):
            continue
        try:
            location = Location.fromstring(feature["location"], row.length, circular=True)
        except (ValueError, TypeError):
            continue  # a location this writer cannot state is left out, not guessed
        kept.append(SeqFeature(location, type=feature["type"],
                               qualifiers={"gene": [feature["gene"]]}))
    return kept
