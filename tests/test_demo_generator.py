"""The synthetic plum catalogue generator (loaders.demo): no database needed."""

import calendar
import re
from collections import Counter

import pytest

from loaders.demo import FIELDS, generate_rows

MCPD_COLUMNS = (
    "PUID", "INSTCODE", "ACCENUMB", "COLLNUMB", "COLLCODE", "COLLNAME", "COLLINSTADDRESS",
    "COLLMISSID", "GENUS", "SPECIES", "SPAUTHOR", "SUBTAXA", "SUBTAUTHOR", "CROPNAME",
    "ACCENAME", "ACQDATE", "ORIGCTY", "COLLSITE", "DECLATITUDE", "LATITUDE", "DECLONGITUDE",
    "LONGITUDE", "COORDUNCERT", "COORDDATUM", "GEOREFMETH", "ELEVATION", "COLLDATE",
    "BREDCODE", "BREDNAME", "SAMPSTAT", "ANCEST", "COLLSRC", "DONORCODE", "DONORNAME",
    "DONORNUMB", "OTHERNUMB", "DUPLSITE", "DUPLINSTNAME", "STORAGE", "MLSSTAT", "REMARKS",
    "DOI", "HISTORIC", "RESTRICTED",
)
SAMPSTAT_CODES = {
    "100", "110", "120", "130", "200", "300", "400", "410", "411", "412", "413", "414", "415",
    "416", "420", "421", "422", "423", "500", "600", "999",
}
COLLSRC_CODES = {
    "10", "11", "12", "13", "14", "15", "20", "21", "22", "23", "24", "25", "26", "27", "28",
    "30", "40", "50", "60", "61", "62", "99",
}
STORAGE_CODES = {"10", "11", "12", "13", "20", "30", "40", "50", "99"}
MCPD_DATE = re.compile(r"^\d{4}(\d{2}|--)(\d{2}|--)$")
ACCENUMB = re.compile(r"WSL\d{5}")
CROSS = re.compile(r"\s×\s|/")
WIEWS = re.compile(r"^[A-Z]{3}\d{3,4}$")


@pytest.fixture(scope="module")
def rows():
    return generate_rows(5000, seed=0)


def _first_name(row):
    return row["ACCENAME"].split(";")[0]


def test_same_seed_same_rows():
    assert generate_rows(300, seed=7) == generate_rows(300, seed=7)


def test_different_seeds_differ():
    assert generate_rows(300, seed=1) != generate_rows(300, seed=2)


def test_small_and_empty_catalogues():
    assert generate_rows(0) == []
    assert [r["ACCENUMB"] for r in generate_rows(3)] == ["WSL00001", "WSL00002", "WSL00003"]


def test_n_rows_with_unique_ordered_numbers(rows):
    assert len(rows) == 5000
    numbers = [r["ACCENUMB"] for r in rows]
    assert numbers == [f"WSL{i:05d}" for i in range(1, 5001)]


def test_every_row_has_all_keys_as_strings(rows):
    assert FIELDS == MCPD_COLUMNS
    for row in rows:
        assert list(row) == list(FIELDS)
        assert all(isinstance(v, str) for v in row.values())
        assert row["INSTCODE"] == "CHN385" and row["GENUS"] == "Prunus"
        assert row["CROPNAME"] == "plum"


def test_instcode_is_used():
    rows = generate_rows(50, seed=3, instcode="CHN999")
    assert {r["INSTCODE"] for r in rows} == {"CHN999"}
    assert all("CHN385" not in r["COLLCODE"] + r["BREDCODE"] for r in rows)


def test_wsl00001_is_wushan_crisp_plum(rows):
    first = rows[0]
    assert first["ACCENUMB"] == "WSL00001"
    assert first["ACCENAME"] == "巫山脆李;Wūshān Cuìlǐ"
    assert (first["SAMPSTAT"], first["ORIGCTY"]) == ("300", "CHN")
    assert first["COLLSITE"] == "重庆市巫山县曲尺乡"
    assert (first["SPECIES"], first["SPAUTHOR"]) == ("salicina", "Lindl.")


@pytest.mark.parametrize("seed", [0, 11])
def test_fixed_accessions_in_first_20_rows(seed):
    first = {_first_name(r): r for r in generate_rows(20, seed=seed)}
    expected = {
        "Santa Rosa": ("USA", "500", "salicina"),
        "Čačanska lepotica": ("SRB", "500", "domestica"),
        "Président": ("GBR", "500", "domestica"),
        "蜂糖李": ("CHN", "300", "salicina"),
        "青脆李": ("CHN", "300", "salicina"),
    }
    for name, values in expected.items():
        row = first[name]
        assert (row["ORIGCTY"], row["SAMPSTAT"], row["SPECIES"]) == values
    assert first["蜂糖李"]["COLLSITE"].startswith("贵州省")
    crosses = [r for r in first.values() if r["ANCEST"] == "巫山脆李 × Santa Rosa"]
    assert len(crosses) == 1 and crosses[0]["SAMPSTAT"] in {"410", "412", "416", "500"}


def test_coordinates_in_range_and_consistent(rows):
    for row in rows:
        if row["DECLATITUDE"]:
            lat, lon = float(row["DECLATITUDE"]), float(row["DECLONGITUDE"])
            assert -90 <= lat <= 90 and -180 <= lon <= 180
            assert 4 <= len(row["DECLATITUDE"].split(".")[1]) <= 5
            assert row["COORDDATUM"] == "WGS84" and row["COORDUNCERT"].isdigit()
            assert re.fullmatch(r"-?\d+", row["ELEVATION"])
            assert row["LATITUDE"][-1] in "NS" and row["LONGITUDE"][-1] in "EW"
        if row["ORIGCTY"] == "CHN" and row["DECLATITUDE"]:
            assert 18 < float(row["DECLATITUDE"]) < 54
            assert 73 < float(row["DECLONGITUDE"]) < 135


def test_code_lists(rows):
    for row in rows:
        assert row["SAMPSTAT"] in SAMPSTAT_CODES
        assert row["COLLSRC"] == "" or row["COLLSRC"] in COLLSRC_CODES
        assert set(row["STORAGE"].split(";")) <= STORAGE_CODES
        assert row["MLSSTAT"] in {"", "0"}
        assert row["HISTORIC"] in {"Y", "N"} and row["RESTRICTED"] in {"Y", "N"}
        assert re.fullmatch(r"[A-Z]{3}", row["ORIGCTY"])
        for field in ("COLLCODE", "BREDCODE", "DUPLSITE", "DONORCODE"):
            assert all(WIEWS.match(c) for c in row[field].split(";") if row[field])


def test_species_and_hybrids(rows):
    for row in rows:
        assert row["SPECIES"] == "sp." or re.fullmatch(r"[a-z]+", row["SPECIES"])
        if row["SPECIES"] == "sp.":
            assert "SPECIES:salicina × cerasifera hybrid" in row["REMARKS"]
        else:
            assert row["SPAUTHOR"]
    species = Counter(r["SPECIES"] for r in rows)
    assert species.most_common(1)[0][0] == "salicina"


def test_ancest_numbers_refer_to_earlier_rows(rows):
    mentioned = 0
    for index, row in enumerate(rows, 1):
        for number in ACCENUMB.findall(row["ANCEST"]):
            mentioned += 1
            assert int(number[3:]) < index, f"{row['ACCENUMB']} names later {number}"
    assert mentioned > 50


def test_ancest_names_refer_to_earlier_rows(rows):
    earlier = set()
    for row in rows:
        for parent in CROSS.split(row["ANCEST"]) if row["ANCEST"] else []:
            assert ACCENUMB.fullmatch(parent) or parent in earlier, (row["ACCENUMB"], parent)
        earlier.add(_first_name(row))


def _check_date(text):
    assert MCPD_DATE.match(text), text
    month, day = text[4:6], text[6:]
    assert not (month == "--" and day != "--"), f"{text}: day without month"
    year = int(text[:4])
    assert 1950 <= year <= 2026
    if month != "--":
        assert 1 <= int(month) <= 12
    if day != "--":
        assert 1 <= int(day) <= calendar.monthrange(year, int(month))[1]


def test_dates_are_mcpd_dates(rows):
    partial = total = 0
    for row in rows:
        assert row["ACQDATE"]
        for field in ("ACQDATE", "COLLDATE"):
            if row[field]:
                _check_date(row[field])
                total += 1
                partial += row[field].endswith("--")
        if row["COLLDATE"] and "-" not in row["COLLDATE"] + row["ACQDATE"]:
            assert row["COLLDATE"] <= row["ACQDATE"]
    assert 0.05 < partial / total < 0.15


def test_wild_material_is_collected(rows):
    wild = [r for r in rows if r["SAMPSTAT"] in {"100", "110", "120"}]
    assert wild
    for row in wild:
        assert row["COLLSITE"] and row["DECLATITUDE"] and row["COLLDATE"] and row["COLLNUMB"]
        assert 10 <= int(row["COLLSRC"]) <= 15
        assert row["GEOREFMETH"] == "GPS" and row["COLLMISSID"]
    assert any(";" in r["COLLCODE"] for r in wild)


def test_names_unique(rows):
    names = Counter(n for r in rows for n in r["ACCENAME"].split(";") if n)
    assert names.most_common(1)[0][1] == 1
    assert any(_first_name(r).startswith("Santa Rosa clone ") for r in rows)
    assert any(re.fullmatch(r"巫山脆李\d+号", _first_name(r)) for r in rows)


def test_sampstat_shares(rows):
    shares = Counter(r["SAMPSTAT"] for r in rows)

    def share(*codes):
        return sum(shares[c] for c in codes) / len(rows)

    assert share("300") == pytest.approx(0.35, abs=0.05)
    assert share("100", "110", "120") == pytest.approx(0.15, abs=0.04)
    assert share("500", "410", "412", "416") == pytest.approx(0.42, abs=0.06)
    assert share("999", "400") == pytest.approx(0.08, abs=0.04)
    assert share("410", "412", "416") > 0.05


def test_flags_and_remarks(rows):
    flags = Counter((r["HISTORIC"], r["RESTRICTED"]) for r in rows)
    historic = sum(v for (h, _), v in flags.items() if h == "Y") / len(rows)
    restricted = sum(v for (_, x), v in flags.items() if x == "Y") / len(rows)
    assert 0.01 < historic < 0.05 and 0.005 < restricted < 0.04
    for row in rows:
        if row["HISTORIC"] == "Y":
            assert "HISTORIC:trees died" in row["REMARKS"]
        for note in filter(None, row["REMARKS"].split(";")):
            assert re.match(r"^[A-Z]+:", note), note
