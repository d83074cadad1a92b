"""Which accession a sequence record belongs to: a mapping file (record id -> accession), or
a qualifier of the record (/cultivar, /strain, /specimen_voucher, /isolate in GenBank; the
same as [key=value] tags in a FASTA header) matched against accession numbers and names."""
import re

from sqlalchemy import select

from germplasm.accessions.models import Accession, AccessionName
from germplasm.extensions import db
from loaders.tabular import FileProblem, read_table

DEFAULT_KEYS = ("cultivar", "strain", "specimen_voucher", "isolate")
MAP_ID = ("RECORD_ID", "ID", "SEQUENCE_ID")
MAP_ACCESSION = ("ACCENUMB", "ACCESSION", "NAME")


class LinkProblem(ValueError):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column


def normalise(text: str) -> str:
    """'Raineer' C95 and raineer c95 are the same name."""
    return re.sub(r"\s+", " ", re.sub(r"[\"'‘’“”]", "", text)).strip().casefold()


class Linker:
    def __init__(self, keys: tuple[str, ...] = DEFAULT_KEYS, mapping: dict | None = None):
        self.keys, self.mapping = keys, mapping
        self._known = self._lookup()

    @staticmethod
    def _lookup() -> dict[str, set[int]]:
        known: dict[str, set[int]] = {}
        rows = db.session.execute(select(Accession.accenumb, Accession.id)).all()
        rows += db.session.execute(select(AccessionName.name, AccessionName.accession_id)).all()
        for text, accession_id in rows:
            known.setdefault(normalise(text), set()).add(accession_id)
        return known

    def accession_of(self, record_id: str, tags: dict) -> int:
        if self.mapping is not None:
            wanted = self.mapping.get(record_id) or self.mapping.get(record_id.split(":")[0])
            if not wanted:
                raise LinkProblem("MAP", f"record {record_id} is not in the mapping file")
            return self._match("MAP", wanted)
        for key in self.keys:
            if tags.get(key):
                return self._match(key, tags[key])
        raise LinkProblem(self.keys[0] if len(self.keys) == 1 else "ACCESSION",
                          "no " + " or ".join(f"/{k}" for k in self.keys)
                          + " names the accession (use --map)")

    def _match(self, column: str, text: str) -> int:
        found = self._known.get(normalise(text), set())
        if len(found) > 1:
            raise LinkProblem(column, f"{text!r} names {len(found)} accessions")
        if not found:
            raise LinkProblem(column, f"no accession has the number or name {text!r}")
        return next(iter(found))


def read_mapping(path) -> dict[str, str]:
    """A CSV/TSV/xlsx with RECORD_ID (or ID) and ACCENUMB (or NAME) columns."""
    table = read_table(path)
    upper = [h.upper() for h in table.headers]
    id_at = next((upper.index(c) for c in MAP_ID if c in upper), None)
    acc_at = next((upper.index(c) for c in MAP_ACCESSION if c in upper), None)
    if id_at is None or acc_at is None:
        raise FileProblem(f"{path}: the mapping file needs columns RECORD_ID and ACCENUMB")
    mapping = {}
    for _number, cells in table.rows:
        if len(cells) > max(id_at, acc_at) and cells[id_at].strip():
            mapping[cells[id_at].strip()] = cells[acc_at].strip()
    return mapping
