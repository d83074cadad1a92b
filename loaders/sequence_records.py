"""Reading FASTA and GenBank files with Bio.SeqIO into plain fields, record by record.

A record that Bio.SeqIO cannot parse ends the reading (the parser cannot find the next
record reliably): it is reported by its number; records before it stay valid."""
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from Bio import SeqIO

from germplasm.sequences.services import SequenceFields
from loaders.tabular import FileProblem

IUPAC = re.compile(r"^[ACGTURYSWKMBDHVN]+$")
FEATURE_TYPES = ("gene", "rRNA", "tRNA", "CDS")  # CDS only for genes without a gene feature
HEADER_TAG = re.compile(r"\[([A-Za-z_]+)=([^\]]*)\]")  # NCBI-style FASTA tags [key=value]


class RecordProblem(ValueError):
    def __init__(self, number: int, record_id: str | None, column: str, message: str):
        super().__init__(message)
        self.number, self.record_id, self.column = number, record_id, column


@dataclass
class Read:
    number: int  # 1-based position of the record in the file
    fields: SequenceFields
    tags: dict = field(default_factory=dict)  # qualifiers/tags that may name the accession


def file_format(path: Path) -> str:
    if not path.is_file():
        raise FileProblem(f"{path}: no such file")
    head = path.read_bytes()[:4096].lstrip()
    if head.startswith(b">"):
        return "fasta"
    if head.startswith(b"LOCUS"):
        return "genbank"
    raise FileProblem(f"{path}: neither FASTA (starts with '>') nor GenBank (starts with LOCUS)")


def read_records(path: str | Path) -> Iterator[Read | RecordProblem]:
    """Each record as a Read, or a RecordProblem for one that cannot be used."""
    path = Path(path)
    fmt = file_format(path)
    number = 0
    try:
        for number, record in enumerate(SeqIO.parse(path, fmt), start=1):
            yield _read(number, record, fmt)
    except (ValueError, AssertionError) as error:  # Bio.SeqIO's parse errors
        yield RecordProblem(number + 1, None, "FILE", f"cannot be parsed: {error}")
    except UnicodeDecodeError as error:
        raise FileProblem(f"{path}: not a text file ({error})") from None


def _read(number: int, record, fmt: str) -> Read | RecordProblem:
    try:
        residues = str(record.seq).upper().replace("-", "").replace("*", "")
    except Exception as error:  # noqa: BLE001 (an undefined sequence in a GenBank file)
        return RecordProblem(number, record.id, "SEQUENCE", f"no sequence: {error}")
    if not residues:
        return RecordProblem(number, record.id, "SEQUENCE", "the record has no sequence")
    if not IUPAC.match(residues):
        bad = sorted(set(residues) - set("ACGTURYSWKMBDHVN"))
        return RecordProblem(number, record.id, "SEQUENCE",
                             f"not a nucleotide sequence: letters {''.join(bad[:10])}")
    annotations = record.annotations
    tags = _genbank_tags(record) if fmt == "genbank" else _fasta_tags(record.description)
    version = annotations.get("sequence_version")
    fields = SequenceFields(
        record_id=record.id, residues=residues,
        version=str(version) if version else _version(record.id),
        description=record.description or None,
        molecule_type=annotations.get("molecule_type") or ("RNA" if "U" in residues else "DNA"),
        topology=annotations.get("topology") or "linear",  # GenBank's default
        organism=annotations.get("organism") or tags.get("organism"),
        features=_features(record) if fmt == "genbank" else _fasta_features(tags))
    return Read(number, fields, tags)


def _version(record_id: str) -> str | None:
    found = re.match(r"^[^.:\s]+\.(\d+)", record_id)
    return found.group(1) if found else None


def _genbank_tags(record) -> dict:
    for feature in record.features:
        if feature.type == "source":
            return {k: v[0] for k, v in feature.qualifiers.items() if v}
    return {}


def _fasta_tags(description: str) -> dict:
    return {k.lower(): v.strip() for k, v in HEADER_TAG.findall(description or "")}


def _features(record) -> list[dict]:
    """Gene names and locations: gene features, then rRNA/tRNA/CDS of genes without one."""
    kept, seen = [], set()
    for kind in FEATURE_TYPES:
        for feature in record.features:
            name = (feature.qualifiers.get("gene") or feature.qualifiers.get("product")
                    or [None])[0]
            if feature.type != kind or not name or (kind != "gene" and name in seen):
                continue
            seen.add(name)
            kept.append({"type": kind, "gene": name, "location": insdc(feature.location)})
    return kept


def insdc(location) -> str:
    """A location as GenBank writes it: 1-based, complement(...), join(...)."""
    # Bio lists a complement's parts in biological order; GenBank writes them reversed.
    parts = [f"{p.start + 1}..{p.end}" for p in location.parts]
    if location.strand == -1:
        parts.reverse()
    text = parts[0] if len(parts) == 1 else f"join({','.join(parts)})"
    return f"complement({text})" if location.strand == -1 else text


def _fasta_features(tags: dict) -> list[dict]:
    return [{"type": "gene", "gene": tags["gene"], "location": None}] if "gene" in tags else []
