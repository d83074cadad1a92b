"""SSR markers and the allele sizes an accession carries at each (up to six: P. domestica
is hexaploid)."""
from sqlalchemy import ForeignKey, String, UniqueConstraint
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
