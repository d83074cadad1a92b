"""An in-memory copy of what filters, facets and sorting need, one array per attribute.

Trait ranges, facet counts and trait sorts over 50,000 accessions take a millisecond on
numpy arrays against tens of milliseconds in SQL or whoosh. Each process brings its copy up
to date when the catalogue version (bumped by every change) moves on (search.snapshot_update).
"""
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np

from germplasm.accessions.models import Accession, AccessionMultiValue, Taxon
from germplasm.accessions.visibility import Scope, institutes, sees_all
from germplasm.evaluations.models import ALL_YEARS, TraitSummary
from germplasm.extensions import db
from germplasm.reference.provinces import province_of
from search.lookups import DescriptorInfo, Lookups, load_lookups
from search.state import current_version

NUMERIC_TYPES = ("Numerical", "Ordinal", "Date")
_cache: dict[str, "Snapshot"] = {}
_lock = threading.Lock()


@dataclass
class Labels:
    """Distinct values of one attribute; the arrays hold their indexes."""

    values: list = field(default_factory=list)
    index: dict = field(default_factory=dict)

    def code(self, value) -> int:
        if value not in self.index:
            self.index[value] = len(self.values)
            self.values.append(value)
        return self.index[value]


@dataclass
class Snapshot:
    version: int
    ids: np.ndarray
    accenumb: np.ndarray
    columns: dict[str, np.ndarray]  # species, sampstat, origin, province, storage bits, flags
    labels: dict[str, Labels]
    means: dict[str, np.ndarray]  # descriptor code -> overall mean (NaN when none)
    modes: dict[str, np.ndarray]  # descriptor code -> index into labels["c_"+code], -1 none
    descriptors: dict[str, DescriptorInfo]
    lookups: Lookups | None = None  # countries and code lists, as of this version

    def visible(self, scope: Scope) -> np.ndarray:
        """The accessions a caller with this visibility scope may see: all for staff, the
        unrestricted for the public, and also their institutes' restricted ones for a partner
        (germplasm.accessions.visibility). Figures shown to a caller (counts, ranges,
        z-scores) are computed over this mask only."""
        if sees_all(scope):
            return np.ones(len(self.ids), dtype=bool)
        shown = ~self.columns["restricted"]
        if opened := institutes(scope):
            shown |= self.of_institutes(opened)
        return shown

    def of_institutes(self, codes) -> np.ndarray:
        """The accessions held by these institutes: a look-up by label code, not a Python
        test per accession."""
        labels = self.labels["instcode"]
        wanted = np.zeros(len(labels.values), dtype=bool)
        wanted[[labels.index[c] for c in codes if c in labels.index]] = True
        return wanted[self.columns["instcode"]]

    def positions(self, accession_ids) -> np.ndarray:
        ids = np.asarray(accession_ids, dtype=np.int64)
        where = np.searchsorted(self.ids, ids)
        where = np.clip(where, 0, max(len(self.ids) - 1, 0))
        return where[self.ids[where] == ids] if len(self.ids) else where[:0]


def get_snapshot() -> Snapshot:
    """This process's snapshot, brought up to the catalogue's version: patched where a few
    accessions changed (an entry form, an edit), rebuilt after larger changes."""
    from search.snapshot_update import refreshed

    key = db.engine.url.render_as_string(hide_password=True)
    version = current_version()
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached.version != version:
            cached = _cache[key] = refreshed(cached, version)
        return cached


def clear_cache() -> None:
    _cache.clear()


ACCESSION_COLUMNS = (Accession.id, Accession.accenumb, Taxon.genus, Taxon.species,
                     Taxon.subtaxa, Accession.sampstat, Accession.origcty, Accession.collsite,
                     Accession.historic, Accession.restricted, Accession.instcode,
                     Accession.updated_at)


def build(version: int) -> Snapshot:
    labels = {name: Labels() for name in ("species", "origin", "province", "instcode")}
    rows = accession_rows()
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    columns = accession_columns(rows, labels)
    accenumb = np.array([r[1] for r in rows], dtype=object)
    columns["accenumb_rank"] = _ranks(accenumb)
    lookups = load_lookups()
    snapshot = Snapshot(version, ids, accenumb, columns, labels, {}, {}, lookups.descriptors,
                        lookups)
    columns["storage"] = storage_bits(snapshot.ids, storage_rows())
    load_traits(snapshot, trait_rows())
    return snapshot


def accession_rows(ids=None) -> list:
    query = db.select(*ACCESSION_COLUMNS).join(Taxon).order_by(Accession.id)
    if ids is not None:
        query = query.where(Accession.id.in_(ids))
    return _rows(query)


def accession_columns(rows: list, labels: dict[str, Labels]) -> dict[str, np.ndarray]:
    """The filter columns of these accession rows (codes into the shared `labels`)."""
    return {
        "species": np.array([labels["species"].code(" ".join(filter(None, r[2:5])))
                             for r in rows], dtype=np.int32),
        "sampstat": np.array([r[5] or 0 for r in rows], dtype=np.int32),
        "origin": np.array([labels["origin"].code(r[6] or "") for r in rows], dtype=np.int32),
        "province": np.array([labels["province"].code(
            (province_of(r[7]) if r[6] == "CHN" else None) or "") for r in rows],
            dtype=np.int32),
        "historic": np.array([bool(r[8]) for r in rows], dtype=bool),
        "restricted": np.array([bool(r[9]) for r in rows], dtype=bool),
        "instcode": np.array([labels["instcode"].code(r[10]) for r in rows], dtype=np.int32),
        "updated_at": np.array([microseconds(r[11]) for r in rows], dtype=np.int64),
    }


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def microseconds(moment) -> int:
    """A time as microseconds since 1970 UTC: the driver's datetime (PostgreSQL) or text
    (SQLite, which stores UTC without a zone); 0 for none."""
    if moment is None:
        return 0
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH) // _MICROSECOND


def moment_of(microseconds_since_epoch: int) -> datetime:
    return EPOCH + int(microseconds_since_epoch) * _MICROSECOND


_MICROSECOND = timedelta(microseconds=1)


def _ranks(accenumb: np.ndarray) -> np.ndarray:
    """Each accession number's place in sorted order: sorting by number on every request
    then compares integers, not strings."""
    ranks = np.empty(len(accenumb), dtype=np.int64)
    ranks[np.argsort(accenumb.astype(str), kind="stable")] = np.arange(len(accenumb))
    return ranks


def storage_rows(ids=None) -> list:
    query = db.select(AccessionMultiValue.accession_id, AccessionMultiValue.value).where(
        AccessionMultiValue.field == "STORAGE")
    if ids is not None:
        query = query.where(AccessionMultiValue.accession_id.in_(ids))
    return _rows(query)


def storage_bits(snapshot_ids: np.ndarray, rows: list) -> np.ndarray:
    """A bit per STORAGE code, for each of `snapshot_ids` (sorted)."""
    bits = np.zeros(len(snapshot_ids), dtype=np.int64)
    if not rows or not len(snapshot_ids):
        return bits
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    flags = np.array([1 << storage_bit(r[1]) for r in rows], dtype=np.int64)
    where = np.minimum(np.searchsorted(snapshot_ids, ids), len(snapshot_ids) - 1)
    known = snapshot_ids[where] == ids
    np.bitwise_or.at(bits, where[known], flags[known])  # one pass, not one search per row
    return bits


_STORAGE_BITS = {code: bit for bit, code in enumerate(
    ("10", "11", "12", "13", "20", "30", "40", "50", "99"))}


def storage_bit(code: str) -> int:
    return _STORAGE_BITS.get(code, 63)


def trait_rows(ids=None) -> list:
    """(accession id, descriptor id, mean, mode) of the overall summaries."""
    query = db.select(TraitSummary.accession_id, TraitSummary.descriptor_id, TraitSummary.mean,
                      TraitSummary.mode).where(TraitSummary.year == ALL_YEARS)
    if ids is not None:
        query = query.where(TraitSummary.accession_id.in_(ids))
    return _rows(query)


def load_traits(snapshot: Snapshot, rows: list) -> None:
    """Write these summary rows into the snapshot's trait arrays (made when first needed)."""
    if not rows or not len(snapshot.ids):
        return
    accession_ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    descriptor_ids = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
    where = np.minimum(np.searchsorted(snapshot.ids, accession_ids), len(snapshot.ids) - 1)
    found = snapshot.ids[where] == accession_ids
    descriptors = {d.id: d for d in snapshot.descriptors.values()}
    for descriptor_id in np.unique(descriptor_ids[found]):
        rows_of = np.flatnonzero(found & (descriptor_ids == descriptor_id))
        descriptor = descriptors[int(descriptor_id)]
        if descriptor.data_type in NUMERIC_TYPES:
            _load_means(snapshot, descriptor.code, where[rows_of], [rows[i][2] for i in rows_of])
        _load_modes(snapshot, descriptor.code, where[rows_of], [rows[i][3] for i in rows_of])


def _load_means(snapshot: Snapshot, code: str, positions: np.ndarray, means: list) -> None:
    values = np.array([np.nan if m is None else m for m in means], dtype=float)
    held = ~np.isnan(values)
    if held.any():
        if code not in snapshot.means:
            snapshot.means[code] = np.full(len(snapshot.ids), np.nan)
        snapshot.means[code][positions[held]] = values[held]


def _load_modes(snapshot: Snapshot, code: str, positions: np.ndarray, modes: list) -> None:
    held = [i for i, mode in enumerate(modes) if mode is not None]
    if not held:
        return
    if code not in snapshot.modes:
        snapshot.modes[code] = np.full(len(snapshot.ids), -1, dtype=np.int32)
        snapshot.labels[f"c_{code}"] = Labels()
    labels = snapshot.labels[f"c_{code}"]
    snapshot.modes[code][positions[held]] = [labels.code(modes[i]) for i in held]


def _rows(statement) -> list[tuple]:
    """Plain tuples from the driver's own cursor, in the session's transaction: making
    SQLAlchemy Row objects was 40 % of a snapshot's build (the ORM's doubled it again)."""
    connection = db.session.connection()
    compiled = statement.compile(dialect=connection.dialect,
                                 compile_kwargs={"render_postcompile": True})
    params = compiled.params
    if compiled.positional:
        params = tuple(params[name] for name in compiled.positiontup)
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return cursor.fetchall()
    finally:
        cursor.close()
