"""Deterministic synthetic evaluation data (long-form observation rows) for :mod:`loaders.demo`.

Each accession has stable genetic values from ``random.Random(f"{seed}-{ACCENUMB}")``, shaped
by species, origin and name; a year adds a shared effect, noise per accession-year and noise
per replicate. Parameters live in :mod:`loaders.demo_observation_data`.
"""

from __future__ import annotations

import importlib.resources
import json
import math
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from . import demo_observation_data as data

FRUIT_GROUPS = ("fruit", "quality")
DIED = re.compile(r"HISTORIC:trees died in (\d{4})")
FAMILIES = ("jp", "eu", "wild")
BLOOM_DAY = data.CLIMATE["FULL_BLOOM_DATE"][0]


@dataclass
class DemoCampaign:
    name: str
    year: int
    site: str
    rows: list[dict[str, str]]


@dataclass
class _Profile:
    """Genetic values of one accession: descriptor code (or helper name) -> value."""
    accenumb: str
    family: str
    north: float
    hints: dict
    check: bool
    genes: dict = field(default_factory=dict)


@dataclass
class _Year:
    year: int
    effects: dict[str, float]
    seasons: dict[str, tuple[int, int]]


@cache
def descriptors() -> tuple[dict, ...]:
    """The descriptor catalogue without Text descriptors, in catalogue order."""
    text = importlib.resources.files("germplasm.data").joinpath("descriptors.json")
    return tuple(d for d in json.loads(text.read_text("utf-8")) if d["data_type"] != "Text")


@cache
def _labels() -> dict[str, dict[str, tuple[str, str]]]:
    """Descriptor code -> category code -> (Chinese label, English label)."""
    return {d["code"]: {str(c["code"]): (c["label_zh"], c["label_en"])
                        for c in d.get("categories") or []} for d in descriptors()}


def _gauss(rng: random.Random, sd: float) -> float:
    """Normal noise cut at 2.5 sd, so that no value runs wild."""
    return max(-2.5, min(2.5, rng.gauss(0.0, 1.0))) * sd


def _clip(value, low, high):
    return max(low, min(high, value))


def _day_of_year(year: int, month_day: str) -> int:
    month, day = (int(part) for part in month_day.split("-"))
    return date(year, month, day).timetuple().tm_yday


def _iso(year: int, day: int) -> str:
    return (date(year, 1, 1) + timedelta(days=day - 1)).isoformat()


def _alive(row: dict[str, str], year: int) -> bool:
    """HISTORIC accessions only up to LAST_HISTORIC_YEAR and before their trees died."""
    if row.get("HISTORIC") != "Y":
        return True
    died = DIED.search(row.get("REMARKS", ""))
    return year <= data.LAST_HISTORIC_YEAR and (died is None or year < int(died.group(1)))


def _choose(accessions, years, per_year: int, rng: random.Random) -> dict[int, list[dict]]:
    """A core (with the check) evaluated every year; the other places go to a window that
    moves on by a third each year, so newcomers are evaluated for about three years."""
    rows = sorted(accessions, key=lambda r: r["ACCENUMB"])
    rng.shuffle(rows)
    rows.sort(key=lambda r: r["ACCENUMB"] != data.CHECK_ACCESSION)
    core = round(per_year * data.CORE_SHARE)
    step, chosen = max(1, (per_year - core) // 3), {}
    for i, year in enumerate(years):
        eligible = [r for r in rows if _alive(r, year)]
        start = core + min(i * step, max(0, len(eligible) - per_year))
        chosen[year] = sorted(eligible[:core] + eligible[start:start + per_year - core],
                              key=lambda r: r["ACCENUMB"])
    return chosen


def _north(row: dict[str, str]) -> float:
    """How far north the accession comes from: -1 (far south) .. 0 (Wushan) .. 1.4."""
    try:
        lat = float(row.get("DECLATITUDE") or "")
    except ValueError:
        site = row.get("COLLSITE") or ""
        lat = next((v for k, v in data.PROVINCE_LAT.items() if site.startswith(k)),
                   data.COUNTRY_LAT.get(row.get("ORIGCTY", ""), data.HOME_LAT))
    return _clip((lat - data.HOME_LAT) / data.LAT_SCALE, *data.NORTH_LIMITS)


def _hints(name: str) -> dict:
    """What the name tells (巫山脆李, 蜂糖李, Santa Rosa ...): the first hint wins per key."""
    hints: dict = {}
    for word, values in data.NAME_HINTS:
        if word in name:
            hints.update({k: v for k, v in values.items() if k not in hints})
    return hints


def _profile(row: dict[str, str], seed: int) -> _Profile:
    rng = random.Random(f"{seed}-{row['ACCENUMB']}")
    species = data.SPECIES.get(row.get("SPECIES", ""), data.SPECIES["salicina"])
    p = _Profile(row["ACCENUMB"], species[0], _north(row), _hints(row.get("ACCENAME", "")),
                 row["ACCENUMB"] == data.CHECK_ACCESSION)
    for code, (home, per_north, sd) in data.CLIMATE.items():  # climate of origin
        p.genes[code] = home + per_north * p.north + _gauss(rng, sd)
    p.genes["FULL_BLOOM_DATE"] += species[3]
    p.genes["CHILLING_REQUIREMENT"] += 8 * species[3]
    sampstat = row.get("SAMPSTAT", "")
    factor = next((f for s, f in data.WEIGHT_FACTOR.items() if sampstat.startswith(s)), 1.0)
    _fruit_genes(p, rng, species, factor)
    _category_genes(p, rng)
    _plain_genes(p, rng)
    _ordinal_genes(p, rng, sampstat == "300")
    return p


def _fruit_genes(p: _Profile, rng: random.Random, species: tuple, factor: float) -> None:
    """Ripening day, then fruit weight growing with it; sugar and acid."""
    _, h0, w0, _, ssc_shift, ta0 = species
    g, hints = p.genes, p.hints
    harvest = h0 + hints.get("dh", 0) + 0.5 * (g["FULL_BLOOM_DATE"] - BLOOM_DAY)
    g["HARVEST_DATE"] = hints.get("harvest", harvest + _gauss(rng, 16))
    weight = w0 * factor * math.exp(0.02 * (g["HARVEST_DATE"] - h0) + _gauss(rng, 0.2))
    g["FRUIT_WEIGHT"] = hints.get("weight", weight)
    ssc = 13.5 + ssc_shift + hints.get("dssc", 0) + _gauss(rng, 1.4)
    g["SSC"] = hints.get("ssc", _clip(ssc, 10.5, 17.5))
    g["TITRATABLE_ACIDITY"] = ta0 * hints.get("ta_x", 1.0) * math.exp(_gauss(rng, 0.25))
    g["stone"] = (0.04 + 1.0 / (g["FRUIT_WEIGHT"] + 8)) * math.exp(_gauss(rng, 0.15))


def _category_genes(p: _Profile, rng: random.Random) -> None:
    g = p.genes
    for code, by_family in data.NOMINAL.items():
        weights = by_family[p.family]
        g[code] = p.hints.get(data.HINT_KEYS.get(code, "")) or rng.choices(
            list(weights), weights=list(weights.values()))[0]
    g["FRUIT_SHAPE_INDEX"] = rng.uniform(*data.SHAPE_INDEX[g["FRUIT_SHAPE"]])
    ratio = g["SSC"] / g["TITRATABLE_ACIDITY"]  # flavour follows the sugar/acid ratio
    g["FLAVOR"] = next((code for limit, code in data.FLAVOR_LIMITS if ratio < limit),
                       "5" if g["SSC"] < 12 else "4")


def _plain_genes(p: _Profile, rng: random.Random) -> None:
    g, fam = p.genes, FAMILIES.index(p.family)
    for code, (means, sd, _) in data.NUMERIC.items():
        g[code] = means[fam] + _gauss(rng, sd)
    firmness, shelf, _, _ = data.TEXTURE[g["FLESH_TEXTURE"]]
    g["FIRMNESS"] = firmness * math.exp(_gauss(rng, 0.15))
    g["SHELF_LIFE"] = shelf * math.exp(_gauss(rng, 0.25))
    g["leaf_ratio"] = (0.45 if p.family == "jp" else 0.55) + _gauss(rng, 0.04)
    colour = data.ANTHOCYANIN_SKIN[g["SKIN_COLOR"]] + data.ANTHOCYANIN_FLESH.get(
        g["FLESH_COLOR"], 0.0)
    g["ANTHOCYANINS"] = colour * math.exp(_gauss(rng, 0.3))
    g["TOTAL_PHENOLICS"] += 1.5 * g["ANTHOCYANINS"]


def _ordinal_genes(p: _Profile, rng: random.Random, landrace: bool) -> None:
    g, fam = p.genes, FAMILIES.index(p.family)
    for code, (means, sd, _) in data.ORDINAL.items():
        g[code] = means[fam] + _gauss(rng, sd)
    _, _, crisp, juicy = data.TEXTURE[g["FLESH_TEXTURE"]]
    g["CRISPNESS"] += crisp
    g["JUICINESS"] += juicy
    g["AROMA"] += p.hints.get("aroma", 0.0)
    g["COLD_HARDINESS"] += 5 + (g["COLD_HARDINESS_LT50"] + 25) / 3.5
    g["HEAT_TOLERANCE"] += 1.6 * p.north
    g["OVERALL_FRUIT_QUALITY"] += -0.35 * (g["SSC"] - 13.5) - 0.6 * math.log(
        g["FRUIT_WEIGHT"] / 40) - 0.4 * (g["FLESH_TEXTURE"] == "1")
    g["FRUIT_SET"] -= 4 * (g["SELF_COMPATIBILITY"] - 2)
    if landrace and rng.random() < data.PROBLEM_LANDRACE_RATE:
        g["EARLY_FRUIT_DROP"] += data.PROBLEM_SHIFT
        g["FRUIT_CRACKING"] += data.PROBLEM_SHIFT


def _year(seed: int, year: int) -> _Year:
    """Effects shared by all accessions in a year (a warm spring, a wet harvest ...), -1..1."""
    rng = random.Random(f"{seed}-year-{year}")
    effects = {d["code"]: rng.uniform(-1.0, 1.0) for d in descriptors()}
    seasons = {d["code"]: (_day_of_year(year, d["min"]), _day_of_year(year, d["max"]))
               for d in descriptors() if d["data_type"] == "Date"}
    return _Year(year, effects, seasons)


def _vary(rng: random.Random, gene: float, sd: float, effect: float, reps: int, k: float,
          log: bool = False) -> list[float]:
    """Gene + year effect + accession-year noise + replicate noise (relative if log)."""
    value = (0.0 if log else gene) + sd * effect + k * _gauss(rng, sd)
    values = [value] if reps == 1 else [value + k * _gauss(rng, 0.7 * sd) for _ in range(reps)]
    return [gene * math.exp(v) for v in values] if log else values


def _dates(p: _Profile, yr: _Year, rng: random.Random, k: float) -> dict[str, list[int]]:
    """Bud burst, first bloom < full bloom < harvest, leaf fall, as days of the year."""
    g, fx, season = p.genes, yr.effects, yr.seasons
    first_low, first_high = season["FIRST_BLOOM_DATE"]
    full = round(g["FULL_BLOOM_DATE"] + 6 * fx["FULL_BLOOM_DATE"] + k * _gauss(rng, 3))
    full = _clip(full, max(season["FULL_BLOOM_DATE"][0], first_low + 1),
                 season["FULL_BLOOM_DATE"][1])
    first = _clip(full - rng.randint(2, 6), first_low, min(first_high, full - 1))
    harvest = round(g["HARVEST_DATE"] + 0.25 * (full - g["FULL_BLOOM_DATE"])
                    + 4 * fx["HARVEST_DATE"] + k * _gauss(rng, 3))
    low, high = season["HARVEST_DATE"]
    harvest = _clip(harvest, max(low, full + 40), min(high, full + 220))
    bud = _clip(first - rng.randint(0, 8), *season["BUD_BURST_DATE"])
    fall = round(g["LEAF_FALL_DATE"] + 6 * fx["LEAF_FALL_DATE"] + k * _gauss(rng, 4))
    return {"BUD_BURST_DATE": [bud], "FIRST_BLOOM_DATE": [first], "FULL_BLOOM_DATE": [full],
            "HARVEST_DATE": [harvest], "LEAF_FALL_DATE": [_clip(fall, *season["LEAF_FALL_DATE"])],
            "FRUIT_DEVELOPMENT_PERIOD": [harvest - full]}


def _fruit(p: _Profile, yr: _Year, rng: random.Random, k: float) -> dict[str, list[float]]:
    """Weights of the replicate samples, and sizes and stones that go with them."""
    g, n = p.genes, data.FRUIT_REPLICATES
    weight = _vary(rng, g["FRUIT_WEIGHT"], 0.06, yr.effects["FRUIT_WEIGHT"], n, k, log=True)
    index = _vary(rng, g["FRUIT_SHAPE_INDEX"], 0.02, 0.0, n, k)
    # an ellipsoid of density 1.05 g/cm³: weight = 1.05 π/6 · length · width²
    width = [(6 * w / (1.05 * math.pi * i)) ** (1 / 3) for w, i in zip(weight, index, strict=True)]
    stone = [w * g["stone"] * math.exp(_gauss(rng, 0.05)) for w in weight]
    return {
        "FRUIT_WEIGHT": weight, "MAX_FRUIT_WEIGHT": [w * rng.uniform(1.2, 1.55) for w in weight],
        "FRUIT_SHAPE_INDEX": index, "FRUIT_TRANSVERSE_DIAMETER": width,
        "FRUIT_LONGITUDINAL_DIAMETER": [t * i for t, i in zip(width, index, strict=True)],
        "STONE_WEIGHT": stone,
        "EDIBLE_PORTION": [100 * (1 - s / w) for s, w in zip(stone, weight, strict=True)],
    }


def _quality(p: _Profile, yr: _Year, rng: random.Random, k: float) -> dict[str, list[float]]:
    g, fx, n = p.genes, yr.effects, data.FRUIT_REPLICATES
    ssc = _vary(rng, g["SSC"], 0.5, fx["SSC"], n, k)
    acid = _vary(rng, g["TITRATABLE_ACIDITY"], 0.08, fx["TITRATABLE_ACIDITY"], n, k, log=True)
    low, high = _meta()["TITRATABLE_ACIDITY"]["min"], _meta()["TITRATABLE_ACIDITY"]["max"]
    acid = [_clip(a, low, high) for a in acid]  # as typed, so that SSC/TA matches the sheet
    phenolics = _vary(rng, g["TOTAL_PHENOLICS"], 25.0, fx["TOTAL_PHENOLICS"], n, k)
    return {
        "SSC": ssc, "TITRATABLE_ACIDITY": acid,
        "SUGAR_ACID_RATIO": [s / a for s, a in zip(ssc, acid, strict=True)],
        "FIRMNESS": _vary(rng, g["FIRMNESS"], 0.08, fx["FIRMNESS"], n, k, log=True),
        "SHELF_LIFE": _vary(rng, g["SHELF_LIFE"], 0.12, fx["SHELF_LIFE"], n, k, log=True),
        "ANTHOCYANINS": _vary(rng, g["ANTHOCYANINS"], 0.12, fx["ANTHOCYANINS"], n, k, log=True),
        "TOTAL_PHENOLICS": phenolics,
        "ANTIOXIDANT_CAPACITY": [0.85 * x * math.exp(_gauss(rng, 0.08)) for x in phenolics],
    }


def _plain(p: _Profile, yr: _Year, rng: random.Random, k: float) -> dict[str, list[float]]:
    g, out = p.genes, {}
    for code, (_, _, sd) in data.NUMERIC.items():
        reps = data.FRUIT_REPLICATES if _meta()[code]["group"] in FRUIT_GROUPS else 1
        out[code] = _vary(rng, g[code], sd, yr.effects[code], reps, k)
    out["LEAF_WIDTH"] = [x * g["leaf_ratio"] for x in out["LEAF_LENGTH"]]
    for code, sd in (("CHILLING_REQUIREMENT", 40.0), ("COLD_HARDINESS_LT50", 1.5)):
        out[code] = _vary(rng, g[code], sd, yr.effects[code], 1, k)
    return out


def _scores(p: _Profile, yr: _Year, rng: random.Random, k: float) -> dict[str, list[str]]:
    """Ordinal codes from scores, nominal codes as they are (they do not change)."""
    out = {code: [p.genes[code]] for code in (*data.NOMINAL, "FLAVOR")}
    for code, (_, _, sd) in data.ORDINAL.items():
        score = p.genes[code] + sd * (yr.effects[code] + k * _gauss(rng, 1.0))
        out[code] = [min(_labels()[code], key=lambda c: abs(float(c) - score))]
    return out


ANCHORS = {"harvest": "HARVEST_DATE", "bloom": "FULL_BLOOM_DATE", "first": "FIRST_BLOOM_DATE"}


@cache
def _meta() -> dict[str, dict]:
    return {d["code"]: d for d in descriptors()}


def _text(descriptor: dict, value, year: int, rng: random.Random) -> str:
    """As staff type it: ISO date, number with the descriptor's decimals, code or label."""
    kind = descriptor["data_type"]
    if kind == "Date":
        return _iso(year, value)
    if kind == "Numerical":
        places = descriptor["decimals"] or 0
        value = round(_clip(value, descriptor["min"], descriptor["max"]), places) + 0.0
        return f"{value:.{places}f}"
    roll = rng.random()
    if roll < data.LABEL_RATES[0]:
        return value
    chinese, english = _labels()[descriptor["code"]][value]
    return chinese if roll < data.LABEL_RATES[1] else english


def _observed_on(code: str, values: dict, yr: _Year, rng: random.Random, offsets: dict) -> str:
    """Day of observation; traits read on the same occasion share the day."""
    anchor, first, last = spec = data.OBSERVED.get(code, data.DEFAULT_OBSERVED)
    if spec not in offsets:
        offsets[spec] = rng.randint(first, last)
    start = values[ANCHORS[anchor]][0] if anchor in ANCHORS else _day_of_year(yr.year, anchor)
    return _iso(yr.year, _clip(start + offsets[spec], 1, _day_of_year(yr.year, "12-31")))


def _sheet(p: _Profile, yr: _Year, seed: int) -> list[dict[str, str]]:
    rng = random.Random(f"{seed}-{p.accenumb}-{yr.year}")
    k = 0.4 if p.check else 1.0  # the check cultivar grows in the best-kept block
    values: dict[str, list] = {}
    for part in (_dates, _fruit, _plain, _quality, _scores):  # _quality's phenolics win
        values.update(part(p, yr, rng, k))
    staff = {group: rng.choice(names) for group, names in data.STAFF.items()}
    rows, offsets = [], {}
    for d in descriptors():
        if not p.check and rng.random() < data.GAP_RATE:
            continue  # a gap in the sheet
        observed = _observed_on(d["code"], values, yr, rng, offsets)
        for replicate, value in enumerate(values[d["code"]], 1):
            text = _text(d, value, yr.year, rng)
            rows.append({"ACCENUMB": p.accenumb, "DESCRIPTOR": d["code"], "VALUE": text,
                         "REPLICATE": str(replicate), "OBSERVER": staff[d["group"]],
                         "OBSERVED_ON": text if d["data_type"] == "Date" else observed})
    return rows


def generate_campaigns(accessions: list[dict[str, str]], seed: int = 0,
                       years: range = range(2021, 2026), per_year: int = 500,
                       ) -> list[DemoCampaign]:
    """One campaign per year evaluating per_year accessions (all if fewer), mostly the same."""
    chosen = _choose(accessions, years, per_year, random.Random(seed))
    profiles: dict[str, _Profile] = {}
    campaigns = []
    for year in years:
        yr, rows = _year(seed, year), []
        for row in chosen[year]:
            if row["ACCENUMB"] not in profiles:
                profiles[row["ACCENUMB"]] = _profile(row, seed)
            rows += _sheet(profiles[row["ACCENUMB"]], yr, seed)
        name = data.CAMPAIGN_NAME.format(year=year)
        campaigns.append(DemoCampaign(name, year, data.SITE, rows))
    return campaigns
