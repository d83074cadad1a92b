"""The names and multi-valued MCPD fields (STORAGE, OTHERNUMB…) of a page of accessions, read
as plain rows in one query each. The ORM's selectin loading of these two collections took
more time than the rest of a page of 1,000 germplasm records (benchmarks/brapi.py: it builds
an object for each of some 10,000 rows and matches them to their accessions row by row);
the records only read them."""
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select

from germplasm.accessions.models import AccessionMultiValue, AccessionName
from germplasm.extensions import db


@dataclass
class Parts:
    names: list[tuple[str, str | None]] = field(default_factory=list)  # (name, type), in order
    multi: dict[str, list[str]] = field(default_factory=dict)  # MCPD field -> values, in order

    @property
    def display_name(self) -> str | None:
        """The first name is the accepted one (Accession.display_name)."""
        return self.names[0][0] if self.names else None


def among(column, ids: list[int]):
    """`column IN (ids)` with the ids written into the SQL (integers of our own): binding a
    thousand parameters took PostgreSQL's driver longer than the query itself."""
    return column.in_(bindparam(f"among_{column.key}", ids, expanding=True,
                                literal_execute=True))


def parts_of(ids: list[int]) -> dict[int, Parts]:
    """{accession id: its Parts}."""
    parts = {number: Parts() for number in ids}
    names = select(AccessionName.accession_id, AccessionName.name, AccessionName.name_type) \
        .where(among(AccessionName.accession_id, ids)) \
        .order_by(AccessionName.accession_id, AccessionName.position)
    connection = db.session.connection()  # plain rows: no ORM on the way
    for number, name, kind in connection.execute(names):
        parts[number].names.append((name, kind))
    values = select(AccessionMultiValue.accession_id, AccessionMultiValue.field,
                    AccessionMultiValue.value) \
        .where(among(AccessionMultiValue.accession_id, ids)) \
        .order_by(AccessionMultiValue.accession_id, AccessionMultiValue.position)
    for number, name, value in connection.execute(values):
        parts[number].multi.setdefault(name, []).append(value)
    return parts
