"""The demo's sequences: the real Prunus matK and rbcL coding sequences of the shared
records (GenBank PQ871803-5, shipped with a GPL-3 licence that allows this use; read from
where they lie, not copied into the repository) for the first demo accessions, and generated
matK-like variants for a few more, so that the similarity search ranks something."""
import os
import random
from pathlib import Path

from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.sequences import services
from germplasm.sequences.kmers import reverse_complement
from loaders.sequence_records import Read, read_records

REAL_FASTA = (Path(__file__).resolve().parents[2] / "shared" / "realdata" / "prunus-sequences"
              / "Prunus_plastid_matK_rbcL_CDS_DERIVED.fasta")
GENERATED = 8  # accessions with a generated variant
LENGTH = 1500


def fasta_path() -> Path:
    return Path(os.environ.get("GERMPLASM_DEMO_SEQUENCES", REAL_FASTA))


def add_demo_sequences(seed: int, user: str) -> int:
    """How many sequences were stored."""
    rng = random.Random(seed + 14)
    accessions = list(db_accessions())
    if not accessions:
        return 0
    real = [r.fields for r in read_records(fasta_path()) if isinstance(r, Read)] \
        if fasta_path().is_file() else []
    stored, source = 0, f"demo seed {seed}"
    # Two records (matK, rbcL) per real isolate, for the first accessions.
    for index, fields in enumerate(real):
        services.store(accessions[(index // 2) % len(accessions)], fields, user=user,
                       source=source)
        stored += 1
    base = real[0].residues if real else "".join(rng.choice("ACGT") for _ in range(LENGTH))
    offset = len(real) // 2
    for number, accession in enumerate(accessions[offset:offset + GENERATED], 1):
        services.store(accession, services.SequenceFields(
            record_id=f"DEMO{seed:02d}-{number:03d}.1", residues=_variant(rng, base, number),
            version="1", description=f"matK-like demo sequence {number} (generated)",
            molecule_type="DNA", topology="linear", organism=None,
            features=[{"type": "gene", "gene": "matK", "location": f"1..{len(base)}"}]),
            user=user, source=source)
        stored += 1
    return stored


def db_accessions():
    return db.session.scalars(select(Accession).where(Accession.is_demo.is_(True))
                              .order_by(Accession.id).limit(20))


def _variant(rng: random.Random, base: str, number: int) -> str:
    """`number` % of the bases changed (so identities fall 99 %, 98 %, ...); every third on
    the other strand, as sequencing often gives it."""
    letters = list(base)
    for at in rng.sample(range(len(letters)), len(letters) * number // 100):
        letters[at] = rng.choice([b for b in "ACGT" if b != letters[at]])
    text = "".join(letters)
    return reverse_complement(text) if number % 3 == 0 else text
