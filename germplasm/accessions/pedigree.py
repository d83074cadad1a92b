"""ANCEST kept as written; parents found in the catalogue become navigable links."""
import re
from collections import defaultdict

from sqlalchemy import func

from germplasm.accessions.models import Accession, AccessionName, PedigreeLink
from germplasm.bulk_insert import insert_rows
from germplasm.extensions import db

# Cross separators (/, //, ×, " x "), backcross doses (7*Atlas), brackets and lists.
SEPARATORS = re.compile(r"\s*(?:/+|\s[xX]\s|×|\d*\*|[(),;，；（）])\s*")
SIMPLE_CROSS = re.compile(r"^[^/×()]+(?:/|×|\s[xX]\s)[^/×()]+$")
# Words that qualify a parent rather than name it.
QUALIFIERS = re.compile(
    r"\s*(?:\bo\.?p\.?|open[- ]pollinated|seedling|bud sport|sport|实生苗?|芽变|自然杂交)\s*$",
    re.IGNORECASE,
)


def parse_ancest(ancest: str | None) -> list[tuple[str, str]]:
    """[(token, role)]: female and male for a simple two-parent cross, else parent/ancestor."""
    if not ancest:
        return []
    tokens = [_clean(t) for t in SEPARATORS.split(ancest)]
    tokens = list(dict.fromkeys(t for t in tokens if t and not t.isdigit()))
    if len(tokens) == 2 and SIMPLE_CROSS.match(ancest.strip()):
        return [(tokens[0], "female"), (tokens[1], "male")]
    role = "parent" if len(tokens) == 1 else "ancestor"
    return [(token, role) for token in tokens]


def _clean(token: str) -> str:
    return QUALIFIERS.sub("", token.strip()).strip(" '\"‘’“”")


def rebuild_links(accessions: list, new_ids: set[int],
                  warnings_by_id: dict[int, list[str]]) -> None:
    """Replace the parent links of these accessions (bulk.Subject) from their ANCEST text."""
    _delete_links([a for a in accessions if a.id not in new_ids])
    parsed = {a.id: parse_ancest(a.ancest) for a in accessions}
    lookup = _lookup({t.lower() for pairs in parsed.values() for t, _ in pairs})
    links = [{"child_id": accession.id, "token": token, "role": role, "position": position,
              "parent_id": _resolve(token, accession, lookup, warnings_by_id)}
             for accession in accessions
             for position, (token, role) in enumerate(parsed[accession.id])]
    db.session.flush()  # the deletes above go first: the new rows reuse their positions
    insert_rows(PedigreeLink.__table__, links)  # rows, not objects: nothing needs their ids


def _delete_links(accessions: list[Accession]) -> None:
    # One DELETE rather than loading and clearing each collection: imports touch thousands.
    ids = [a.id for a in accessions]
    for chunk in _chunks(ids):
        db.session.execute(db.delete(PedigreeLink).where(PedigreeLink.child_id.in_(chunk)))


def link_waiting_children(new_accessions: list) -> int:
    """Earlier ANCEST mentions of accessions that have only now arrived get their link."""
    keys = sorted(_keys_of(new_accessions))
    waiting = []
    for chunk in _chunks(keys):
        waiting += db.session.scalars(db.select(PedigreeLink).where(
            PedigreeLink.parent_id.is_(None), func.lower(PedigreeLink.token).in_(chunk))).all()
    lookup = _lookup({link.token.lower() for link in waiting})
    for link in waiting:
        link.parent_id = _resolve(link.token, link.child, lookup, {})
    return len(waiting)


def _keys_of(accessions: list) -> set[str]:
    keys = {a.accenumb.lower() for a in accessions}
    keys |= {name.lower() for a in accessions for name in a.names}
    return keys


def _lookup(tokens: set[str]) -> dict[str, list[tuple[int, str, bool]]]:
    """token -> [(accession id, instcode, matched by number)], from numbers and names."""
    found = defaultdict(list)
    for chunk in _chunks(sorted(tokens)):
        by_number = db.select(Accession.id, Accession.instcode, Accession.accenumb).where(
            func.lower(Accession.accenumb).in_(chunk))
        for acc_id, inst, number in db.session.execute(by_number):
            found[number.lower()].append((acc_id, inst, True))
        by_name = db.select(Accession.id, Accession.instcode, AccessionName.name).join(
            AccessionName).where(func.lower(AccessionName.name).in_(chunk))
        for acc_id, inst, name in db.session.execute(by_name):
            found[name.lower()].append((acc_id, inst, False))
    return found


def _resolve(token, child, lookup, warnings_by_id) -> int | None:
    candidates = [c for c in lookup.get(token.lower(), []) if c[0] != child.id]
    by_number = [c for c in candidates if c[2]]
    ids = {c[0] for c in (by_number or candidates)}
    if len(ids) > 1:
        same_institute = {c[0] for c in (by_number or candidates) if c[1] == child.instcode}
        ids = same_institute if len(same_institute) == 1 else ids
    if len(ids) == 1:
        return ids.pop()
    if ids:
        warnings_by_id.setdefault(child.id, []).append(
            f"ANCEST parent {token!r} matches {len(ids)} accessions; not linked")
    return None


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]
