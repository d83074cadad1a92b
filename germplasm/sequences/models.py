"""One stored sequence record of an accession (from a FASTA or GenBank file)."""
import json
import zlib

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.accessions.models import Accession
from germplasm.db import TimestampMixin
from germplasm.extensions import db


class Sequence(TimestampMixin, db.Model):
    __tablename__ = "sequences"
    __table_args__ = (Index("ix_sequences_checksum", "checksum"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(
        ForeignKey("accessions.id", ondelete="CASCADE"), index=True)
    # The record's identifier with its version (PQ871803.1): what a re-import matches on.
    record_id: Mapped[str] = mapped_column(String(200), unique=True)
    version: Mapped[str | None] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(Text)
    molecule_type: Mapped[str | None] = mapped_column(String(20))
    topology: Mapped[str | None] = mapped_column(String(10))
    length: Mapped[int]
    checksum: Mapped[str] = mapped_column(String(40))  # SEGUID of the residues
    organism: Mapped[str | None] = mapped_column(String(200))
    features_json: Mapped[str] = mapped_column(Text, default="[]")
    # zlib of the upper-case residues: a 158 kb plastid genome takes ~45 kB.
    residues_z: Mapped[bytes] = mapped_column(LargeBinary)
    source: Mapped[str | None] = mapped_column(String(200))

    accession: Mapped[Accession] = relationship()

    @property
    def residues(self) -> str:
        return zlib.decompress(self.residues_z).decode("ascii")

    @residues.setter
    def residues(self, text: str) -> None:
        self.residues_z = zlib.compress(text.encode("ascii"), 6)

    @property
    def features(self) -> list[dict]:
        return json.loads(self.features_json or "[]")

    @features.setter
    def features(self, value: list[dict]) -> None:
        self.features_json = json.dumps(value, ensure_ascii=False)
