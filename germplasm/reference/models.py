"""Reference data: MCPD code lists and ISO 3166 countries, loaded by `germplasm init`."""
from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from germplasm.extensions import db


class CodeListEntry(db.Model):
    __tablename__ = "code_list_entries"
    __table_args__ = (UniqueConstraint("list_name", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_name: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(8))
    label_en: Mapped[str] = mapped_column(String(200))
    label_zh: Mapped[str] = mapped_column(String(200))

    def label(self, locale: str) -> str:
        return self.label_zh if locale.startswith("zh") else self.label_en


class Country(db.Model):
    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200))
    historic: Mapped[bool] = mapped_column(default=False)

    def label(self, locale: str) -> str:
        return self.name_zh if locale.startswith("zh") else self.name_en
