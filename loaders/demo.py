"""Deterministic synthetic MCPD v2.1 catalogue of a plum (Prunus) germplasm nursery.

The nursery is imagined in the Three Gorges region of China (home of 巫山脆李, Wushan crisp
plum). :func:`generate_rows` returns rows shaped like rows read from an MCPD CSV file, for
demos, tests and benchmarks. Only ``random.Random(seed)`` is used, so output is reproducible.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from pypinyin import Style, lazy_pinyin

from . import demo_data as data

FIELDS = data.MCPD_FIELDS + data.EXTRA_FIELDS
PREFIX = "WSL"
KIND_WEIGHTS = {"landrace": 35, "cultivar": 30, "wild": 15, "bred": 12, "other": 8}
PARENT_SPECIES = ("salicina", "domestica")
PARENT_STATUS = ("300", "410", "412", "416", "500")
FIRST_DAY, LAST_DAY = date(1950, 1, 1), date(2025, 12, 31)


@dataclass
class _State:
    rng: random.Random
    instcode: str
    counts: dict[str, int] = field(default_factory=dict)
    pools: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def bump(self, key: str) -> int:
        """Count one more use of key and return the new count."""
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]


# --- small helpers --------------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


_PINYIN_CACHE: dict[str, str] = {}


def _word_pinyin(word: str) -> str:
    """Toned pinyin of one word, syllables joined, capitalised: 巫山 -> Wūshān, 江安 -> Jiāng'ān."""
    if word not in _PINYIN_CACHE:
        out = ""
        for syllable in lazy_pinyin(word, style=Style.TONE):
            initial = unicodedata.normalize("NFD", syllable)[:1]
            out += ("'" if out and initial in "aoe" else "") + syllable
        _PINYIN_CACHE[word] = out[:1].upper() + out[1:]
    return _PINYIN_CACHE[word]


def _chinese_name(st: _State, words: list[str]) -> str:
    """Unique Chinese name with its pinyin: '巫山脆李;Wūshān Cuìlǐ', then '巫山脆李2号;...'."""
    words = [w for w in words if w]
    base = "".join(words)
    k = st.bump(base)
    if k > 1:
        words = [*words, str(k), "号"]
    return "".join(words) + ";" + " ".join(_word_pinyin(w) for w in words)


def _numbered(st: _State, name: str, other: str, label: str) -> str:
    """ACCENAME for a repeated clone or seedling: 'Santa Rosa clone 3'."""
    k = st.bump(name)
    if k > 1:
        return f"{name} {label} {k}"
    return ";".join(n for n in (name, other) if n)


def _date(rng: random.Random, first: date = FIRST_DAY, last: date = LAST_DAY) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _fmt_date(rng: random.Random, day: date) -> str:
    """MCPD date YYYYMMDD; about 10 % are partial (YYYY---- or YYYYMM--)."""
    roll = rng.random()
    if roll < 0.05:
        return f"{day.year}----"
    if roll < 0.10:
        return f"{day.year}{day.month:02d}--"
    return day.strftime("%Y%m%d")


def _dates(rng: random.Random, first: date, collected: bool) -> dict[str, str]:
    """ACQDATE, and COLLDATE (not after ACQDATE) when the material was collected."""
    coll = _date(rng, first)
    acq = min(coll + timedelta(days=rng.randint(0, 900)), LAST_DAY)
    row = {"ACQDATE": _fmt_date(rng, acq)}
    if collected:
        row["COLLDATE"] = _fmt_date(rng, coll)
    return row


def _dms(value: float, width: int, pos: str, neg: str) -> str:
    """Degrees-minutes-seconds in MCPD form: 310427N, 1095840E."""
    seconds = round(abs(value) * 3600)
    deg, rest = divmod(seconds, 3600)
    return f"{deg:0{width}d}{rest // 60:02d}{rest % 60:02d}{pos if value >= 0 else neg}"


def _coords(rng: random.Random, lat: float, lon: float, elev: int, gps: bool) -> dict[str, str]:
    spread, digits = (0.08, rng.choice((4, 5))) if gps else (0.03, 4)
    lat = round(lat + rng.uniform(-spread, spread), digits)
    lon = round(lon + rng.uniform(-spread, spread), digits)
    return {
        "DECLATITUDE": f"{lat:.{digits}f}", "LATITUDE": _dms(lat, 2, "N", "S"),
        "DECLONGITUDE": f"{lon:.{digits}f}", "LONGITUDE": _dms(lon, 3, "E", "W"),
        "COORDUNCERT": str(rng.randint(3, 30) if gps else rng.choice((1000, 2000, 5000))),
        "COORDDATUM": "WGS84", "GEOREFMETH": "GPS" if gps else "gazetteer",
        "ELEVATION": str(max(0, elev + rng.randint(-150, 150))),
    }


def _collector(st: _State, mission: str, coll_date: str) -> dict[str, str]:
    """COLLNUMB, COLLCODE (or COLLNAME and address) and COLLMISSID of a collecting trip."""
    partner, name, address = data.MISSIONS[mission]
    year = coll_date[:4]
    seq = st.bump(f"{mission}{year}")
    code = st.instcode if mission in data.OWN_MISSIONS else partner
    if code == st.instcode and st.rng.random() < 0.3:
        code = f"{code};{partner}"
    return {
        "COLLNUMB": f"{mission}{year}-{seq:03d}", "COLLCODE": code, "COLLNAME": name,
        "COLLINSTADDRESS": address, "COLLMISSID": f"{mission}-{year}",
    }


def _taxon(rng: random.Random, species: str, subtaxa: str = "") -> dict[str, str]:
    if species in data.HYBRIDS:
        return {"GENUS": "Prunus", "SPECIES": "sp.", "REMARKS": data.HYBRIDS[species]}
    row = {"GENUS": "Prunus", "SPECIES": species, "SPAUTHOR": data.SPAUTHORS[species]}
    if subtaxa and rng.random() < 0.7:
        row.update(SUBTAXA=subtaxa, SUBTAUTHOR=data.SUBTAUTHORS[subtaxa])
    return row


def _add_remark(row: dict[str, str], note: str) -> None:
    row["REMARKS"] = ";".join(r for r in (row.get("REMARKS", ""), note) if r)


# --- the five kinds of accession ------------------------------------------------------------


def _landrace(st: _State, pick: tuple[str, str, str] | None = None) -> dict[str, str]:
    rng = st.rng
    if pick is None and rng.random() < 0.15:
        pick = rng.choice(data.SIGNATURE_LANDRACES)
    if pick is None:
        key = rng.choice(data.PLACE_KEYS)
        pick = (key, rng.choice(data.DESCRIPTORS), key)
    site, lat, lon, elev, mission = data.PLACES[pick[2]]
    species = "ussuriensis" if lat > 40 and rng.random() < 0.25 else "salicina"
    row = {**_taxon(rng, species), "ACCENAME": _chinese_name(st, [pick[0], pick[1]]),
           "SAMPSTAT": "300", "ORIGCTY": "CHN", "COLLSITE": site,
           "COLLSRC": _weighted(rng, {"22": 5, "23": 3, "21": 1, "30": 1})}
    row.update(_dates(rng, date(1960, 1, 1), collected=True))
    if rng.random() < 0.6:
        gps = int(row["COLLDATE"][:4]) >= 1995 and rng.random() < 0.6  # no GPS before
        row.update(_coords(rng, lat, lon, elev, gps=gps))
        row.update(_collector(st, mission, row["COLLDATE"]))
    return row


def _donor(st: _State, country: str) -> dict[str, str]:
    if st.rng.random() < 0.3:
        return {}
    code, name, number = data.DONORS[country]
    return {"DONORCODE": code, "DONORNAME": name,
            "DONORNUMB": number.format(n=st.rng.randint(100, 9999))}


def _cultivar(st: _State, name: str | None = None) -> dict[str, str]:
    rng = st.rng
    cv = data.CULTIVAR_BY_NAME[name] if name else rng.choice(data.CULTIVARS)
    name, species, subtaxa, country, breeder, other = cv
    row = {**_taxon(rng, species, subtaxa), "ACCENAME": _numbered(st, name, other, "clone"),
           "SAMPSTAT": "500", "ORIGCTY": country, "BREDNAME": breeder,
           "COLLSRC": _weighted(rng, {"40": 8, "30": 1, "50": 1})}
    row.update(_dates(rng, date(1955, 1, 1), collected=False))
    row.update(_donor(st, country))
    return row


def _wild(st: _State) -> dict[str, str]:
    rng = st.rng
    species = _weighted(rng, {sp: w for sp, (w, _) in data.WILD.items()})
    country, site, lat, lon, elev, mission = rng.choice(data.WILD[species][1])
    row = {**_taxon(rng, species), "SAMPSTAT": _weighted(rng, {"100": 2, "110": 5, "120": 3}),
           "ORIGCTY": country, "COLLSITE": site,
           "COLLSRC": _weighted(rng, {"10": 2, "11": 4, "12": 3, "13": 2, "14": 1, "15": 1})}
    row.update(_dates(rng, date(1995, 1, 1), collected=True))
    row.update(_coords(rng, lat, lon, elev, gps=True))
    row.update(_collector(st, mission, row["COLLDATE"]))
    return row


def _pedigree(st: _State, species: str, status: str) -> str:
    """ANCEST naming earlier catalogue rows, by accession number or by name."""
    pool = st.pools[species]
    (num_a, name_a), (num_b, name_b) = st.rng.sample(pool, 2) if len(pool) > 1 else pool * 2
    style = st.rng.random()
    if status == "416":
        return num_a if style < 0.5 else name_a
    if style < 0.35:
        return f"{num_a}/{num_b}"
    return f"{name_a} × {name_b}" if style < 0.7 else f"{name_a}/{name_b}"


def _bred_name(st: _State, status: str, year: int) -> str:
    if status == "500":
        stem = st.rng.choice(data.BRED_STEMS)
        k = st.bump(stem)
        return f"{stem}{k}号;{_word_pinyin(stem)} {k} Hào"
    return f"WS{year % 100:02d}-{st.bump(f'WS{year}'):03d}"


def _bred(st: _State, ancest: str = "", status: str = "") -> dict[str, str]:
    rng = st.rng
    species = "domestica" if rng.random() < 0.15 and st.pools.get("domestica") else "salicina"
    status = status or _weighted(rng, {"410": 3, "412": 3, "416": 2, "500": 2})
    acq = _date(rng, date(1985, 1, 1))
    row = {**_taxon(rng, species), "ACCENAME": _bred_name(st, status, acq.year),
           "SAMPSTAT": status, "ORIGCTY": "CHN", "COLLSRC": "40", "ACQDATE": _fmt_date(rng, acq),
           "ANCEST": ancest or (_pedigree(st, species, status) if st.pools.get(species) else "")}
    if rng.random() < 0.6:
        row["BREDCODE"] = st.instcode
    else:
        row["BREDNAME"] = rng.choice(data.BRED_INSTITUTES)
    if status == "416":
        _add_remark(row, "ANCEST:clonal selection")
    return row


def _other(st: _State) -> dict[str, str]:
    rng = st.rng
    name, species, country, other = rng.choice(data.ROOTSTOCKS)
    status = "999" if rng.random() < 0.6 else "400"
    row = {**_taxon(rng, species), "ACCENAME": _numbered(st, name, other, "seedling"),
           "SAMPSTAT": status, "ORIGCTY": country, "COLLSRC": _weighted(rng, {"40": 3, "50": 1})}
    row.update(_dates(rng, date(1955, 1, 1), collected=False))
    _add_remark(row, "SAMPSTAT:rootstock" if status == "999" else "STORAGE:rootstock trial block")
    return row


KINDS = {"landrace": _landrace, "cultivar": _cultivar, "wild": _wild, "bred": _bred,
         "other": _other}

# Accessions that exist whatever the seed (for n >= len(FIXED)), in this order from WSL00001.
FIXED = (
    lambda st: _landrace(st, ("巫山", "脆李", "曲尺")),
    lambda st: _cultivar(st, "Santa Rosa"),
    lambda st: _landrace(st, ("", "蜂糖李", "六马")),
    lambda st: _cultivar(st, "Čačanska lepotica"),
    lambda st: _landrace(st, ("", "青脆李", "奉节")),
    lambda st: _cultivar(st, "Président"),
    lambda st: _bred(st, ancest="巫山脆李 × Santa Rosa", status="412"),
    lambda st: _cultivar(st, "Friar"),
    lambda st: _landrace(st, ("江安", "李", "江安")),
    lambda st: _cultivar(st, "Black Amber"),
)


# --- fields common to all rows ----------------------------------------------------------------


def _holdings(st: _State, accenumb: str) -> dict[str, str]:
    """Storage, MLS, safety duplicates, other numbers and DOI."""
    rng = st.rng
    row = {"STORAGE": _weighted(rng, dict(data.STORAGE_CODES)), "MLSSTAT": rng.choice(("", "0"))}
    if rng.random() < 0.15:
        row["DUPLSITE"] = ";".join(data.PARTNER_CODES[: rng.randint(1, 2)])
    if rng.random() < 0.08:
        row["OTHERNUMB"] = f"CHN001:P-{rng.randint(1, 9999)};:ZJ-{rng.randint(1, 999)}"
    if rng.random() < 0.25:
        row["DOI"] = row["PUID"] = f"10.5072/{st.instcode}.{accenumb}"
    return row


def _flags(rng: random.Random, row: dict[str, str], fixed: bool) -> None:
    """HISTORIC (about 3 %, with a note), RESTRICTED (about 2 %) and occasional remarks."""
    row["HISTORIC"] = row["RESTRICTED"] = "N"
    if not fixed and rng.random() < 0.03:
        row["HISTORIC"] = "Y"
        year = rng.randint(min(max(int(row["ACQDATE"][:4]) + 1, 1990), 2025), 2025)
        _add_remark(row, f"HISTORIC:trees died in {year} ({rng.choice(data.HISTORIC_CAUSES)})")
    if not fixed and rng.random() < 0.02:
        row["RESTRICTED"] = "Y"
    if rng.random() < 0.05:
        _add_remark(row, rng.choice(data.GENERAL_REMARKS))


def _finish(st: _State, partial: dict[str, str], index: int, fixed: bool) -> dict[str, str]:
    accenumb = f"{PREFIX}{index:05d}"
    row = dict.fromkeys(FIELDS, "")
    row.update(partial, INSTCODE=st.instcode, ACCENUMB=accenumb, CROPNAME="plum")
    row.update(_holdings(st, accenumb))
    _flags(st.rng, row, fixed)
    if row["SPECIES"] in PARENT_SPECIES and row["SAMPSTAT"] in PARENT_STATUS:
        name = row["ACCENAME"].split(";")[0]
        st.pools.setdefault(row["SPECIES"], []).append((accenumb, name))
    return row


def generate_rows(n: int = 5000, seed: int = 0, instcode: str = "CHN385") -> list[dict[str, str]]:
    """Return n MCPD rows as {MCPD column name: string value}, like rows read from a CSV file."""
    st = _State(random.Random(seed), instcode)
    rows = []
    for i in range(n):
        fixed = i < len(FIXED)
        make = FIXED[i] if fixed else KINDS[_weighted(st.rng, KIND_WEIGHTS)]
        rows.append(_finish(st, make(st), i + 1, fixed))
    return rows
