"""Which fingerprinted accessions go by the same name: the accession name or any synonym
(all stored as accession_names), compared after folding case, full-width forms and
whitespace, so that "Wushan Cuili", "wushan  cuili" and "ＷＵＳＨＡＮ Cuili" are one name."""
import re
import unicodedata
from collections import Counter

from sqlalchemy import select

from germplasm.accessions.models import AccessionName
from germplasm.extensions import db

SPACES = re.compile(r"\s+")


def normalise(name: str) -> str:
    """NFKC turns full-width letters, digits and spaces into their plain forms."""
    return SPACES.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()


def shared_names(accession_ids) -> dict[str, list[int]]:
    """{name as most often written: [accession ids, sorted]} for every name that two or more
    of these accessions carry."""
    holders: dict[str, set[int]] = {}
    spellings: dict[str, Counter] = {}
    for accession_id, name in _names(accession_ids):
        key = normalise(name)
        if key:
            holders.setdefault(key, set()).add(accession_id)
            spellings.setdefault(key, Counter())[name.strip()] += 1
    return {_usual(spellings[key]): sorted(ids) for key, ids in holders.items() if len(ids) > 1}


def _names(accession_ids) -> list[tuple[int, str]]:
    ids = list(accession_ids)
    found = []
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        found += db.session.execute(select(AccessionName.accession_id, AccessionName.name)
                                    .where(AccessionName.accession_id.in_(ids[start:start + 500]))
                                    ).all()
    return found


def _usual(spellings: Counter) -> str:
    """The most frequent spelling; ties go to the first in sort order, so output is stable."""
    return min(spellings, key=lambda s: (-spellings[s], s))
