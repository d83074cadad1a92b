"""SSR markers and the allele sizes an accession carries at each (up to six: P. domestica
is hexaploid); SNP panels and the 0/1/2 calls an accession carries on each, packed."""
from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.accessions.models import Accession
from germplasm.db import TimestampMixin
from germplasm.extensions import db

MAX_ALLELES = 6


class SsrMarker(TimestampMixin, db.Model):
    __tablename__ = "ssr_markers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    linkage_group: Mapped[str | None] = mapped_column(String(20))
    motif: Mapped[str | None] = mapped_column(String(40))
    min_size: Mapped[int]  # bp, inclusive
    max_size: Mapped[int]


class SsrGenotype(TimestampMixin, db.Model):
    """One accession at one marker; `alleles` is the distinct sizes, sorted, as '150/156'."""
    __tablename__ = "ssr_genotypes"
    __table_args__ = (UniqueConstraint("accession_id", "marker_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id", ondelete="CASCADE"))
    marker_id: Mapped[int] = mapped_column(ForeignKey("ssr_markers.id", ondelete="CASCADE"),
                                           index=True)
    alleles: Mapped[str] = mapped_column(String(60))
    updated_by: Mapped[str] = mapped_column(String(100))

    accession: Mapped[Accession] = relationship(lazy="joined")
    marker: Mapped[SsrMarker] = relationship(lazy="joined")

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(int(s) for s in self.alleles.split("/"))


class SnpPanel(TimestampMixin, db.Model):
    """The SNP names of one genotyping panel in column order, stored once: tens of thousands
    of SNPs per accession would be tens of millions of rows as one row per call."""
    __tablename__ = "snp_panels"

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of `names`
    snp_count: Mapped[int]
    names: Mapped[str] = mapped_column(Text)  # one name a line

    @property
    def snp_names(self) -> list[str]:
        return self.names.split("\n")


class SnpGenotype(TimestampMixin, db.Model):
    """One accession on one panel: `calls` is int8 per SNP in the panel's order, 0/1/2 copies
    of the alternative allele and -1 for missing."""
    __tablename__ = "snp_genotypes"
    __table_args__ = (UniqueConstraint("accession_id", "panel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id", ondelete="CASCADE"))
    panel_id: Mapped[int] = mapped_column(ForeignKey("snp_panels.id", ondelete="CASCADE"),
                                          index=True)
    calls: Mapped[bytes] = mapped_column(LargeBinary)
    called: Mapped[int]  # SNPs not missing
    updated_by: Mapped[str] = mapped_column(String(100))
