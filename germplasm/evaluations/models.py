"""Descriptors (BrAPI trait + method + scale), campaigns, observations and trait summaries."""
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from germplasm.accessions.models import Accession
from germplasm.db import TimestampMixin, utcnow
from germplasm.extensions import db

DATA_TYPES = ("Numerical", "Ordinal", "Nominal", "Date", "Text")
GROUPS = ("phenology", "fruit", "quality", "resistance")
ALL_YEARS = 0  # TraitSummary.year for the summary over every year

campaign_descriptors = Table(
    "campaign_descriptors", db.metadata,
    Column("campaign_id", ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True),
    Column("descriptor_id", ForeignKey("descriptors.id"), primary_key=True),
)


class Descriptor(db.Model):
    __tablename__ = "descriptors"
    __table_args__ = (
        CheckConstraint("data_type IN ('Numerical','Ordinal','Nominal','Date','Text')",
                        "data_type_known"),
        CheckConstraint("descriptor_group IN ('phenology','fruit','quality','resistance')",
                        "group_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    group: Mapped[str] = mapped_column("descriptor_group", String(20))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    definition_zh: Mapped[str | None] = mapped_column(Text)
    definition_en: Mapped[str | None] = mapped_column(Text)
    data_type: Mapped[str] = mapped_column(String(12))
    unit: Mapped[str | None] = mapped_column(String(40))
    method_zh: Mapped[str | None] = mapped_column(Text)
    method_en: Mapped[str | None] = mapped_column(Text)
    min_value: Mapped[float | None] = mapped_column(Float)
    max_value: Mapped[float | None] = mapped_column(Float)
    min_date: Mapped[str | None] = mapped_column(String(5))  # MM-DD, for Date descriptors
    max_date: Mapped[str | None] = mapped_column(String(5))
    decimals: Mapped[int | None]
    better: Mapped[str | None] = mapped_column(String(10))
    trait_class: Mapped[str | None] = mapped_column(String(40))
    trait_name: Mapped[str | None] = mapped_column(String(200))
    method_name: Mapped[str | None] = mapped_column(String(200))
    scale_name: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)
    active: Mapped[bool] = mapped_column(default=True)

    categories: Mapped[list["DescriptorCategory"]] = relationship(
        cascade="all, delete-orphan", order_by="DescriptorCategory.position", lazy="selectin")
    # Read only: revisions are written by descriptors.revise(), never through this list.
    revisions: Mapped[list["DescriptorRevision"]] = relationship(
        order_by="DescriptorRevision.version", viewonly=True)

    def name(self, locale: str) -> str:
        return self.name_zh if locale.startswith("zh") else self.name_en

    def __str__(self) -> str:
        return self.code


class DescriptorCategory(db.Model):
    __tablename__ = "descriptor_categories"
    __table_args__ = (UniqueConstraint("descriptor_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    descriptor_id: Mapped[int] = mapped_column(ForeignKey("descriptors.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    label_zh: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)

    def label(self, locale: str) -> str:
        return self.label_zh if locale.startswith("zh") else self.label_en


class DescriptorRevision(db.Model):
    """The definition, method and scale of a descriptor as they were at one version."""

    __tablename__ = "descriptor_revisions"
    __table_args__ = (UniqueConstraint("descriptor_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    descriptor_id: Mapped[int] = mapped_column(ForeignKey("descriptors.id", ondelete="CASCADE"))
    version: Mapped[int]
    snapshot: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user: Mapped[str] = mapped_column(String(100))


class Campaign(TimestampMixin, db.Model):
    """An evaluation campaign: a BrAPI study at one site in one year."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    year: Mapped[int] = mapped_column(index=True)
    site: Mapped[str | None] = mapped_column(String(200))
    observers: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)

    descriptors: Mapped[list[Descriptor]] = relationship(
        secondary=campaign_descriptors, order_by=Descriptor.id)
    worklist: Mapped[list["WorklistEntry"]] = relationship(
        cascade="all, delete-orphan", order_by="WorklistEntry.position")

    def __str__(self) -> str:
        return self.name


class WorklistEntry(db.Model):
    __tablename__ = "worklist_entries"
    __table_args__ = (UniqueConstraint("campaign_id", "accession_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    plant: Mapped[str | None] = mapped_column(String(40))  # tree position in the orchard

    accession: Mapped[Accession] = relationship(lazy="joined")


class Observation(TimestampMixin, db.Model):
    __tablename__ = "observations"
    __table_args__ = (
        UniqueConstraint("campaign_id", "accession_id", "descriptor_id", "plant", "replicate"),
        Index("ix_observations_descriptor_accession", "descriptor_id", "accession_id"),
        CheckConstraint("status IN ('recorded', 'verified')", "status_known"),
        CheckConstraint("replicate >= 1", "replicate_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    accession_id: Mapped[int] = mapped_column(
        ForeignKey("accessions.id", ondelete="CASCADE"), index=True)
    descriptor_id: Mapped[int] = mapped_column(ForeignKey("descriptors.id"))
    descriptor_version: Mapped[int]
    plant: Mapped[str] = mapped_column(String(40), default="")
    replicate: Mapped[int] = mapped_column(default=1)
    value_num: Mapped[float | None] = mapped_column(Float)  # numbers, scores, day of year
    value_text: Mapped[str | None] = mapped_column(String(1000))  # category code or text
    value_date: Mapped[date | None] = mapped_column(Date)
    day_of_year: Mapped[int | None]  # of value_date; also in value_num so summaries are uniform
    observed_on: Mapped[date | None] = mapped_column(Date)
    observer: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="recorded")

    campaign: Mapped[Campaign] = relationship(lazy="joined")
    descriptor: Mapped[Descriptor] = relationship(lazy="joined")
    accession: Mapped[Accession] = relationship()


class TraitSummary(db.Model):
    """Per accession and descriptor, over one year or (year 0) over all years."""

    __tablename__ = "trait_summaries"
    __table_args__ = (
        UniqueConstraint("accession_id", "descriptor_id", "year"),
        Index("ix_trait_summaries_descriptor_year_mean", "descriptor_id", "year", "mean"),
        Index("ix_trait_summaries_descriptor_year_mode", "descriptor_id", "year", "mode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    accession_id: Mapped[int] = mapped_column(ForeignKey("accessions.id", ondelete="CASCADE"))
    descriptor_id: Mapped[int] = mapped_column(ForeignKey("descriptors.id", ondelete="CASCADE"))
    year: Mapped[int]
    n: Mapped[int]
    mean: Mapped[float | None] = mapped_column(Float)
    min: Mapped[float | None] = mapped_column(Float)
    max: Mapped[float | None] = mapped_column(Float)
    sd: Mapped[float | None] = mapped_column(Float)
    mode: Mapped[str | None] = mapped_column(String(100))
    frequencies: Mapped[str | None] = mapped_column(Text)  # JSON {code: count}

    descriptor: Mapped[Descriptor] = relationship(lazy="joined")
    accession: Mapped[Accession] = relationship()
