"""An accession's S-genotype as written, with its alleles parsed (see rules.py)."""
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.accessions.models import Accession
from germplasm.db import TimestampMixin
from germplasm.extensions import db


class SGenotype(TimestampMixin, db.Model):
    __tablename__ = "s_genotypes"

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(
        ForeignKey("accessions.id", ondelete="CASCADE"), unique=True)
    genotype: Mapped[str] = mapped_column(String(40))  # normalised: S1S3, S3S4', SeSc, S3S?
    allele_1: Mapped[str | None] = mapped_column(String(20))  # None: not identified
    allele_2: Mapped[str | None] = mapped_column(String(20))
    # The incompatibility group (the two alleles, sorted); None while an allele is unknown.
    group: Mapped[str | None] = mapped_column("incompatibility_group", String(40), index=True)
    self_compatible: Mapped[bool]
    source: Mapped[str | None] = mapped_column(String(300))
    updated_by: Mapped[str] = mapped_column(String(100))

    accession: Mapped[Accession] = relationship(lazy="joined")
