"""Synthetic evaluation campaigns for the demo catalogue (loaders.demo_observations)."""

import importlib.resources
import json
import re
import statistics
from collections import Counter, defaultdict
from datetime import date

import pytest

from loaders.demo import generate_rows
from loaders.demo_observations import DemoCampaign, generate_campaigns

pytestmark = pytest.mark.no_db

KEYS = {"ACCENUMB", "DESCRIPTOR", "VALUE", "REPLICATE", "OBSERVED_ON", "OBSERVER"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
SOUTH = ("广东", "广西", "福建", "云南", "贵州")
NORTH = ("辽宁", "吉林", "黑龙江")
DISEASES = ("BACTERIAL_SPOT", "BROWN_ROT", "RED_SPOT", "GUMMOSIS", "APHIDS")
DESCRIPTORS = {d["code"]: d for d in json.loads(
    importlib.resources.files("germplasm.data").joinpath("descriptors.json").read_text("utf-8"))}


@pytest.fixture(scope="module")
def accessions():
    return generate_rows(5000, seed=0)


@pytest.fixture(scope="module")
def campaigns(accessions):
    return generate_campaigns(accessions)


@pytest.fixture(scope="module")
def by_key(campaigns):
    """(year, ACCENUMB, DESCRIPTOR) -> [row, ...] in replicate order."""
    index = defaultdict(list)
    for campaign in campaigns:
        for row in campaign.rows:
            index[campaign.year, row["ACCENUMB"], row["DESCRIPTOR"]].append(row)
    return index


@pytest.fixture(scope="module")
def catalogue(accessions):
    return {row["ACCENUMB"]: row for row in accessions}


# --- an independent checker of typed values -------------------------------------------------------


def _code(descriptor: dict, value: str) -> str | None:
    """Category code of a code or label, None if it is none of them."""
    for category in descriptor["categories"]:
        if value in (str(category["code"]), category["label_zh"], category["label_en"]):
            return str(category["code"])
    return None


def _problem(descriptor: dict, value: str, year: int) -> str | None:
    kind = descriptor["data_type"]
    if kind == "Numerical":
        places = len(value.split(".")[1]) if "." in value else 0
        if not NUMBER.match(value) or places != descriptor["decimals"]:
            return "not a number with the descriptor's decimals"
        if not descriptor["min"] <= float(value) <= descriptor["max"]:
            return "out of range"
    elif kind in ("Ordinal", "Nominal"):
        if _code(descriptor, value) is None:
            return "not a category code or label"
    elif kind == "Date":
        if not ISO.match(value) or date.fromisoformat(value).year != year:
            return "not an ISO date of the campaign year"
        if not descriptor["min"] <= value[5:] <= descriptor["max"]:
            return "out of season"
    else:
        return f"unexpected {kind} descriptor"
    return None


def _day(value: str) -> int:
    return date.fromisoformat(value).timetuple().tm_yday


def _values(by_key, year, accenumb, code) -> list[str]:
    return [row["VALUE"] for row in by_key.get((year, accenumb, code), [])]


def _per_accession_mean(by_key, code, convert=float) -> dict[str, float]:
    values = defaultdict(list)
    for (_, accenumb, descriptor), rows in by_key.items():
        if descriptor == code:
            values[accenumb] += [convert(row["VALUE"]) for row in rows]
    return {accenumb: statistics.fmean(v) for accenumb, v in values.items()}


# --- shape of the output --------------------------------------------------------------------------


def test_same_inputs_give_identical_output():
    rows = generate_rows(300, seed=3)
    first = generate_campaigns(rows, seed=3, per_year=80)
    assert first == generate_campaigns(rows, seed=3, per_year=80)
    assert first != generate_campaigns(rows, seed=4, per_year=80)
    assert all(isinstance(c, DemoCampaign) for c in first)


def test_five_years_of_500_give_over_100000_rows(campaigns):
    assert [c.year for c in campaigns] == [2021, 2022, 2023, 2024, 2025]
    assert sum(len(c.rows) for c in campaigns) >= 100_000
    for campaign in campaigns:
        assert len({row["ACCENUMB"] for row in campaign.rows}) == 500
        assert str(campaign.year) in campaign.name and campaign.site


def test_rows_are_unique_per_campaign_and_complete(campaigns):
    for campaign in campaigns:
        keys = [(r["ACCENUMB"], r["DESCRIPTOR"], r["REPLICATE"]) for r in campaign.rows]
        assert len(keys) == len(set(keys))
        assert all(set(row) == KEYS and all(row.values()) for row in campaign.rows)


def test_every_value_is_valid_for_its_descriptor(campaigns):
    problems = []
    for campaign in campaigns:
        for row in campaign.rows:
            problem = _problem(DESCRIPTORS[row["DESCRIPTOR"]], row["VALUE"], campaign.year)
            if problem:
                problems.append((campaign.year, row["DESCRIPTOR"], row["VALUE"], problem))
    assert problems == []


def test_replicates_only_for_numerical_fruit_and_quality_traits(by_key):
    for (_, _, code), rows in by_key.items():
        descriptor = DESCRIPTORS[code]
        many = descriptor["data_type"] == "Numerical" and descriptor["group"] in (
            "fruit", "quality")
        assert {row["REPLICATE"] for row in rows} <= ({"1", "2", "3"} if many else {"1"})
    assert {len(rows) for (_, _, code), rows in by_key.items() if code == "SSC"} == {3}


def test_most_descriptors_are_recorded_with_some_gaps(by_key, campaigns):
    recorded = Counter((year, accenumb) for year, accenumb, _ in by_key)
    shares = [n / len(DESCRIPTORS) for n in recorded.values()]
    assert 0.85 <= statistics.fmean(shares) <= 0.95
    assert min(shares) >= 0.7
    assert {row["DESCRIPTOR"] for row in campaigns[0].rows} == set(DESCRIPTORS)


def test_categories_mostly_as_codes_sometimes_labels(campaigns):
    kinds = Counter()
    for row in campaigns[0].rows:
        descriptor = DESCRIPTORS[row["DESCRIPTOR"]]
        if descriptor["categories"]:
            code = _code(descriptor, row["VALUE"])
            label = next(c for c in descriptor["categories"] if str(c["code"]) == code)
            kind = "code" if row["VALUE"] == code else (
                "zh" if row["VALUE"] == label["label_zh"] else "en")
            kinds[kind] += 1
    total = sum(kinds.values())
    assert 0.70 < kinds["code"] / total < 0.80
    assert 0.15 < kinds["zh"] / total < 0.25
    assert 0.02 < kinds["en"] / total < 0.08


def test_observed_on_is_a_day_of_the_campaign_year(campaigns, by_key):
    for campaign in campaigns:
        for row in campaign.rows:
            assert ISO.match(row["OBSERVED_ON"])
            assert date.fromisoformat(row["OBSERVED_ON"]).year == campaign.year
            if DESCRIPTORS[row["DESCRIPTOR"]]["data_type"] == "Date":
                assert row["OBSERVED_ON"] == row["VALUE"]
    for (year, accenumb, code), rows in by_key.items():
        harvest = _values(by_key, year, accenumb, "HARVEST_DATE")
        if code in ("FRUIT_WEIGHT", "SSC") and harvest:
            lag = _day(rows[0]["OBSERVED_ON"]) - _day(harvest[0])
            assert 0 <= lag <= 7


def test_observers_are_a_small_staff(campaigns):
    names = {row["OBSERVER"] for c in campaigns for row in c.rows}
    assert 3 <= len(names) <= 12
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) for name in names)


# --- who is evaluated when ------------------------------------------------------------------------


def test_heavy_overlap_and_some_newcomers_each_year(campaigns):
    sets = [{row["ACCENUMB"] for row in c.rows} for c in campaigns]
    years_per_accession = Counter(a for s in sets for a in s)
    several = sum(1 for n in years_per_accession.values() if n >= 3)
    assert several / len(years_per_accession) > 0.6
    for before, after in zip(sets, sets[1:], strict=False):
        assert len(before & after) >= 0.8 * len(after)
    for i in range(1, len(sets)):
        assert sets[i] - set().union(*sets[:i])


def test_no_historic_accession_after_2022(campaigns, catalogue):
    for campaign in campaigns:
        historic = {row["ACCENUMB"] for row in campaign.rows
                    if catalogue[row["ACCENUMB"]]["HISTORIC"] == "Y"}
        assert not historic or campaign.year <= 2022


def test_all_accessions_when_fewer_than_per_year():
    rows = generate_rows(60, seed=5)
    for campaign in generate_campaigns(rows, seed=5, years=range(2024, 2026)):
        alive = {r["ACCENUMB"] for r in rows if r["HISTORIC"] == "N"}
        assert {row["ACCENUMB"] for row in campaign.rows} == alive


# --- biology --------------------------------------------------------------------------------------


def test_late_ripening_accessions_have_larger_fruit(by_key):
    harvest = _per_accession_mean(by_key, "HARVEST_DATE", _day)
    weight = _per_accession_mean(by_key, "FRUIT_WEIGHT")
    both = sorted(set(harvest) & set(weight))
    assert len(both) > 400
    r = statistics.correlation([harvest[a] for a in both], [weight[a] for a in both])
    assert r > 0.3


def _landraces(catalogue, provinces):
    return {a for a, row in catalogue.items()
            if row["SAMPSTAT"] == "300" and row["COLLSITE"].startswith(provinces)}


def test_southern_landraces_bloom_earlier_need_less_chilling_and_are_less_hardy(
        by_key, catalogue):
    south, north = _landraces(catalogue, SOUTH), _landraces(catalogue, NORTH)
    for code, convert in (("FULL_BLOOM_DATE", _day), ("CHILLING_REQUIREMENT", float),
                          ("COLD_HARDINESS_LT50", float)):
        means = _per_accession_mean(by_key, code, convert)
        south_mean = statistics.fmean(means[a] for a in south if a in means)
        north_mean = statistics.fmean(means[a] for a in north if a in means)
        if code == "COLD_HARDINESS_LT50":
            assert north_mean < south_mean - 5
        else:
            assert south_mean < north_mean


def test_first_bloom_before_full_bloom_before_harvest(by_key):
    checked = 0
    for year, accenumb in {(year, accenumb) for year, accenumb, _ in by_key}:
        first, full, harvest, period = (_values(by_key, year, accenumb, code) for code in (
            "FIRST_BLOOM_DATE", "FULL_BLOOM_DATE", "HARVEST_DATE", "FRUIT_DEVELOPMENT_PERIOD"))
        if first and full:
            assert first[0] < full[0]
        if full and harvest:
            assert full[0] < harvest[0]
            if period:
                assert int(period[0]) == _day(harvest[0]) - _day(full[0])
                checked += 1
    assert checked > 1000


def test_sugar_acid_ratio_follows_ssc_and_acidity(by_key):
    checked = 0
    for (year, accenumb, code), rows in by_key.items():
        if code != "SUGAR_ACID_RATIO":
            continue
        ssc = _values(by_key, year, accenumb, "SSC")
        acid = _values(by_key, year, accenumb, "TITRATABLE_ACIDITY")
        for i, row in enumerate(rows):
            if len(ssc) > i and len(acid) > i:
                expected = float(ssc[i]) / float(acid[i])
                assert float(row["VALUE"]) == pytest.approx(expected, rel=0.04, abs=0.1)
                checked += 1
    assert checked > 1000


def test_ssc_around_13_5_brix(by_key):
    values = [float(row["VALUE"]) for (_, _, c), rows in by_key.items() if c == "SSC"
              for row in rows]
    assert 13.0 < statistics.fmean(values) < 14.0
    assert sum(10 <= v <= 18 for v in values) / len(values) > 0.95


def test_disease_grades_are_skewed_to_the_middle(by_key):
    for code in DISEASES:
        grades = Counter(_code(DESCRIPTORS[code], row["VALUE"])
                         for (_, _, c), rows in by_key.items() if c == code for row in rows)
        total = sum(grades.values())
        assert (grades["3"] + grades["5"]) / total > 0.6
        assert (grades["1"] + grades["9"]) / total < 0.15
        assert grades["1"] > 0


def test_crisp_landraces_are_crisp_and_firm(by_key, catalogue):
    crisp = {a for a, row in catalogue.items() if row["SAMPSTAT"] == "300"
             and "脆" in row["ACCENAME"].split(";")[0]}
    texture = DESCRIPTORS["FLESH_TEXTURE"]
    firmness = _per_accession_mean(by_key, "FIRMNESS")
    seen = 0
    for (_, accenumb, code), rows in by_key.items():
        if code == "FLESH_TEXTURE" and accenumb in crisp:
            assert _code(texture, rows[0]["VALUE"]) == "1"
            seen += 1
    assert seen > 20
    others = statistics.fmean(v for a, v in firmness.items() if a not in crisp)
    assert statistics.fmean(firmness[a] for a in crisp if a in firmness) > others + 3


def test_landraces_crack_and_drop_fruit_more_than_cultivars(by_key, catalogue):
    for code in ("FRUIT_CRACKING", "EARLY_FRUIT_DROP"):
        grades = defaultdict(list)
        for (_, accenumb, c), rows in by_key.items():
            if c == code:
                status = catalogue[accenumb]["SAMPSTAT"]
                grades[status].append(int(_code(DESCRIPTORS[code], rows[0]["VALUE"])))
        assert statistics.fmean(grades["300"]) > statistics.fmean(grades["500"]) + 0.3


def test_wushan_crisp_plum_looks_like_the_real_cultivar(by_key, catalogue):
    assert catalogue["WSL00001"]["ACCENAME"].startswith("巫山脆李")
    years = {year for year, accenumb, _ in by_key if accenumb == "WSL00001"}
    assert years == {2021, 2022, 2023, 2024, 2025}
    category = lambda year, code: {_code(DESCRIPTORS[code], v)  # noqa: E731
                                   for v in _values(by_key, year, "WSL00001", code)}
    for year in years:
        harvest = _values(by_key, year, "WSL00001", "HARVEST_DATE")
        assert len(harvest) == 1 and "07-05" <= harvest[0][5:] <= "07-25"
        weights = [float(v) for v in _values(by_key, year, "WSL00001", "FRUIT_WEIGHT")]
        assert len(weights) == 3 and all(30 <= w <= 45 for w in weights)
        ssc = [float(v) for v in _values(by_key, year, "WSL00001", "SSC")]
        assert len(ssc) == 3 and all(12 <= s <= 15 for s in ssc)
        assert category(year, "FLESH_TEXTURE") == {"1"}  # crisp
        assert category(year, "SKIN_COLOR") <= {"1", "2"}  # green or yellow-green
        assert category(year, "FLESH_COLOR") == {"5"}  # yellow
