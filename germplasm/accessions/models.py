"""Passport data: institutes, taxa, accessions, their names, multi-valued codes and pedigree."""
from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.accessions.mcpd_fields import valid_codes
from germplasm.db import TimestampMixin
from germplasm.extensions import db


def _in_list(column: str, list_name: str) -> str:
    codes = ",".join(sorted(valid_codes(list_name), key=int))
    return f"{column} IS NULL OR {column} IN ({codes})"


class Institute(db.Model):
    __tablename__ = "institutes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_en: Mapped[str | None] = mapped_column(String(300))
    name_zh: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(500))

    def __str__(self) -> str:
        return self.code


class Taxon(db.Model):
    __tablename__ = "taxa"
    # Empty strings rather than NULL so that the unique constraint holds on every engine.
    __table_args__ = (UniqueConstraint("genus", "species", "subtaxa"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    genus: Mapped[str] = mapped_column(String(60))
    species: Mapped[str] = mapped_column(String(120), default="")
    spauthor: Mapped[str] = mapped_column(String(120), default="")
    subtaxa: Mapped[str] = mapped_column(String(120), default="")
    subtauthor: Mapped[str] = mapped_column(String(120), default="")
    name_zh: Mapped[str | None] = mapped_column(String(100))
    name_en: Mapped[str | None] = mapped_column(String(100))

    @property
    def scientific_name(self) -> str:
        parts = [self.genus, self.species, self.subtaxa]
        return " ".join(p for p in parts if p)

    def __str__(self) -> str:
        return self.scientific_name


class Accession(TimestampMixin, db.Model):
    __tablename__ = "accessions"
    __table_args__ = (
        UniqueConstraint("instcode", "accenumb"),
        CheckConstraint("declatitude IS NULL OR declatitude BETWEEN -90 AND 90", "latitude_range"),
        CheckConstraint(
            "declongitude IS NULL OR declongitude BETWEEN -180 AND 180", "longitude_range"
        ),
        CheckConstraint(_in_list("sampstat", "SAMPSTAT"), "sampstat_code"),
        CheckConstraint(_in_list("collsrc", "COLLSRC"), "collsrc_code"),
        CheckConstraint(_in_list("mlsstat", "MLSSTAT"), "mlsstat_code"),
        CheckConstraint("acqdate IS NULL OR length(acqdate) = 8", "acqdate_format"),
        CheckConstraint("colldate IS NULL OR length(colldate) = 8", "colldate_format"),
        # The public's accessions in id order: BrAPI and API pages count and step through
        # them from the index alone (benchmarks/brapi.py), not by reading the whole table.
        Index("ix_accessions_public_id", "id", postgresql_where=text("restricted IS false"),
              sqlite_where=text("restricted = 0")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    puid: Mapped[str | None] = mapped_column(String(200))
    instcode: Mapped[str] = mapped_column(ForeignKey("institutes.code"), index=True)
    accenumb: Mapped[str] = mapped_column(String(100), index=True)
    collnumb: Mapped[str | None] = mapped_column(String(100))
    collname: Mapped[str | None] = mapped_column(String(300))
    collinstaddress: Mapped[str | None] = mapped_column(String(500))
    collmissid: Mapped[str | None] = mapped_column(String(200))
    taxon_id: Mapped[int] = mapped_column(ForeignKey("taxa.id"), index=True)
    cropname: Mapped[str | None] = mapped_column(String(100))
    acqdate: Mapped[str | None] = mapped_column(String(8))
    origcty: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    collsite: Mapped[str | None] = mapped_column(String(500))
    declatitude: Mapped[float | None] = mapped_column(Float)
    latitude: Mapped[str | None] = mapped_column(String(20))
    declongitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[str | None] = mapped_column(String(20))
    coorduncert: Mapped[int | None]
    coorddatum: Mapped[str | None] = mapped_column(String(40))
    georefmeth: Mapped[str | None] = mapped_column(String(100))
    elevation: Mapped[float | None] = mapped_column(Float)
    colldate: Mapped[str | None] = mapped_column(String(8))
    bredname: Mapped[str | None] = mapped_column(String(300))
    sampstat: Mapped[int | None] = mapped_column(index=True)
    ancest: Mapped[str | None] = mapped_column(Text)
    collsrc: Mapped[int | None]
    donorcode: Mapped[str | None] = mapped_column(String(16))
    donorname: Mapped[str | None] = mapped_column(String(300))
    donornumb: Mapped[str | None] = mapped_column(String(100))
    duplinstname: Mapped[str | None] = mapped_column(String(300))
    mlsstat: Mapped[int | None]
    remarks: Mapped[str | None] = mapped_column(Text)
    doi: Mapped[str | None] = mapped_column(String(200))
    historic: Mapped[bool] = mapped_column(default=False, index=True)
    restricted: Mapped[bool] = mapped_column(default=False, index=True)
    is_demo: Mapped[bool] = mapped_column(default=False)
    # Raised by every change (SQLAlchemy adds `WHERE version = :seen` to each UPDATE), so a
    # form or API client that saw an older version gets a conflict instead of overwriting.
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}

    taxon: Mapped[Taxon] = relationship(lazy="joined")
    names: Mapped[list["AccessionName"]] = relationship(
        back_populates="accession", cascade="all, delete-orphan",
        order_by="AccessionName.position", lazy="selectin",
    )
    multi_values: Mapped[list["AccessionMultiValue"]] = relationship(
        cascade="all, delete-orphan", order_by="AccessionMultiValue.position", lazy="selectin",
    )
    parent_links: Mapped[list["PedigreeLink"]] = relationship(
        foreign_keys="PedigreeLink.child_id", back_populates="child",
        cascade="all, delete-orphan", order_by="PedigreeLink.position",
    )
    progeny_links: Mapped[list["PedigreeLink"]] = relationship(
        foreign_keys="PedigreeLink.parent_id", back_populates="parent",
    )

    def multi(self, field: str) -> list[str]:
        return [mv.value for mv in self.multi_values if mv.field == field]

    @property
    def display_name(self) -> str:
        return self.names[0].name if self.names else self.accenumb

    def __str__(self) -> str:
        return f"{self.accenumb} {self.display_name}"


class AccessionName(db.Model):
    __tablename__ = "accession_names"
    __table_args__ = (Index("ix_accession_names_name", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(
        ForeignKey("accessions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    name_type: Mapped[str] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)

    accession: Mapped[Accession] = relationship(back_populates="names")


class AccessionMultiValue(db.Model):
    """One value of a multi-valued MCPD field (COLLCODE, STORAGE, DUPLSITE, ...)."""

    __tablename__ = "accession_multi_values"
    __table_args__ = (
        UniqueConstraint("accession_id", "field", "position"),
        Index("ix_accession_multi_values_field_value", "field", "value"),
        CheckConstraint(
            "field <> 'STORAGE' OR value IN ("
            + ",".join(f"'{c}'" for c in sorted(valid_codes("STORAGE")))
            + ")",
            "storage_code",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(16))
    position: Mapped[int]
    value: Mapped[str] = mapped_column(String(200))


class PedigreeLink(db.Model):
    """A parent named in ANCEST; parent_id is set once that parent is in the catalogue."""

    __tablename__ = "pedigree_links"
    __table_args__ = (UniqueConstraint("child_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("accessions.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("accessions.id", ondelete="SET NULL"), index=True
    )
    token: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(10))
    position: Mapped[int]

    child: Mapped[Accession] = relationship(foreign_keys=[child_id], back_populates="parent_links")
    parent: Mapped[Accession | None] = relationship(
        foreign_keys=[parent_id], back_populates="progeny_links"
    )


class AccessionPhoto(db.Model):
    """A photograph of an accession (tree, flower, fruit), kept as a file in the photo folder."""

    __tablename__ = "accession_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(
        ForeignKey("accessions.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200), unique=True)
    content_type: Mapped[str] = mapped_column(String(40))
    caption: Mapped[str | None] = mapped_column(String(300))
    taken_on: Mapped[str | None] = mapped_column(String(10))
    user: Mapped[str] = mapped_column(String(100))
    # For the admin's list (number, search); the accession's page reads photos by id.
    accession: Mapped[Accession] = relationship()
