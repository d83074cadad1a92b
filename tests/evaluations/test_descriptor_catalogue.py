"""The plum trait descriptor catalogue (germplasm/data/descriptors.json): shape, scales, codes."""
import json
import re
from collections import Counter
from datetime import date
from importlib.resources import files

import pytest

pytestmark = pytest.mark.no_db

KEYS = {
    "code", "group", "name_zh", "name_en", "definition_zh", "definition_en", "data_type", "unit",
    "method_zh", "method_en", "min", "max", "decimals", "categories", "better", "trait_class",
    "trait_name", "method_name", "scale_name", "source",
}
GROUPS = {"phenology", "fruit", "quality", "resistance"}
DATA_TYPES = {"Numerical", "Ordinal", "Nominal", "Date", "Text"}
TRAIT_CLASSES = {"Morphological", "Phenological", "Agronomic", "Physiological", "Quality",
                 "Biotic stress", "Abiotic stress"}
BETTER = {"higher", "lower", None}
MMDD = re.compile(r"^\d{2}-\d{2}$")
CODE = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
HAN = re.compile(r"[\u4e00-\u9fff]")

# code -> (data_type, allowed units or None)
REQUIRED = {
    "FRUIT_WEIGHT": ("Numerical", {"g"}),
    "SSC": ("Numerical", {"°Brix"}),
    "TITRATABLE_ACIDITY": ("Numerical", {"%", "g/100 mL"}),
    "FIRMNESS": ("Numerical", {"kg/cm²"}),
    "HARVEST_DATE": ("Date", None),
    "FIRST_BLOOM_DATE": ("Date", None),
    "FULL_BLOOM_DATE": ("Date", None),
    "FLESH_COLOR": ("Nominal", None),
    "SKIN_COLOR": ("Nominal", None),
    "STONE_ADHESION": ({"Nominal", "Ordinal"}, None),
    "FLESH_TEXTURE": ("Nominal", None),
    "YIELD_PER_TREE": ("Numerical", {"kg"}),
    "FRUIT_CRACKING": ("Ordinal", None),
    "EARLY_FRUIT_DROP": ("Ordinal", None),
    "BACTERIAL_SPOT": ("Ordinal", None),
    "BROWN_ROT": ("Ordinal", None),
    "PLUM_POX": ("Ordinal", None),
    "DROUGHT_TOLERANCE": ("Ordinal", None),
    "COLD_HARDINESS": ("Ordinal", None),
    "SELF_COMPATIBILITY": ({"Nominal", "Ordinal"}, None),
    "CHILLING_REQUIREMENT": ("Numerical", {"h"}),
    "SUGAR_ACID_RATIO": ("Numerical", None),
    "VITAMIN_C": ("Numerical", None),
    "TOTAL_PHENOLICS": ("Numerical", None),
    "ANTHOCYANINS": ("Numerical", None),
}
GRADES_1_9 = ["1", "3", "5", "7", "9"]


def _resource():
    return files("germplasm.data").joinpath("descriptors.json")


@pytest.fixture(scope="module")
def catalogue():
    return json.loads(_resource().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_code(catalogue):
    return {d["code"]: d for d in catalogue}


def labels(descriptor):
    return {c["code"]: (c["label_zh"], c["label_en"]) for c in descriptor["categories"]}


def test_file_is_utf8_with_chinese_as_characters():
    raw = _resource().read_bytes().decode("utf-8")  # raises if not UTF-8
    assert "\\u" not in raw, "write with ensure_ascii=False"
    assert HAN.search(raw)


def test_size_and_unique_codes(catalogue):
    assert isinstance(catalogue, list) and len(catalogue) >= 50
    codes = [d["code"] for d in catalogue]
    assert [c for c, n in Counter(codes).items() if n > 1] == []
    assert all(CODE.match(c) for c in codes), [c for c in codes if not CODE.match(c)]


def test_every_object_has_exactly_the_keys(catalogue):
    for d in catalogue:
        assert set(d) == KEYS, (d.get("code"), set(d) ^ KEYS)


def test_enumerated_fields_are_in_their_sets(catalogue):
    for d in catalogue:
        assert d["group"] in GROUPS, d["code"]
        assert d["data_type"] in DATA_TYPES, d["code"]
        assert d["trait_class"] in TRAIT_CLASSES, d["code"]
        assert d["better"] in BETTER, d["code"]


def test_text_fields_are_filled_and_bilingual(catalogue):
    for d in catalogue:
        for key in ("name_zh", "name_en", "definition_zh", "definition_en", "method_zh",
                    "method_en", "trait_name", "method_name", "scale_name", "source"):
            assert isinstance(d[key], str) and d[key].strip(), (d["code"], key)
        for key in ("name_zh", "definition_zh", "method_zh"):
            assert HAN.search(d[key]), (d["code"], key)
        assert not HAN.search(d["name_en"]), d["code"]


def test_each_group_has_at_least_eight(catalogue):
    counts = Counter(d["group"] for d in catalogue)
    assert all(counts[g] >= 8 for g in GROUPS), counts


@pytest.mark.parametrize("code", sorted(REQUIRED))
def test_required_codes_have_their_types(by_code, code):
    assert code in by_code, f"missing required descriptor {code}"
    data_type, units = REQUIRED[code]
    allowed = data_type if isinstance(data_type, set) else {data_type}
    assert by_code[code]["data_type"] in allowed
    if units is not None:
        assert by_code[code]["unit"] in units


def test_numerical_scales(catalogue):
    for d in (d for d in catalogue if d["data_type"] == "Numerical"):
        assert isinstance(d["min"], (int, float)) and isinstance(d["max"], (int, float)), d["code"]
        assert not isinstance(d["min"], bool) and not isinstance(d["max"], bool), d["code"]
        assert d["min"] < d["max"], d["code"]
        assert isinstance(d["unit"], str) and d["unit"].strip(), d["code"]
        assert isinstance(d["decimals"], int) and 0 <= d["decimals"] <= 4, d["code"]
        assert d["categories"] == [], d["code"]


def test_ordinal_scales(catalogue):
    for d in (d for d in catalogue if d["data_type"] == "Ordinal"):
        assert isinstance(d["min"], int) and isinstance(d["max"], int), d["code"]
        assert d["min"] < d["max"], d["code"]
        assert d["decimals"] is None, d["code"]
        assert len(d["categories"]) >= 2, d["code"]
        codes = []
        for c in d["categories"]:
            assert re.fullmatch(r"-?\d+", c["code"]), (d["code"], c["code"])
            codes.append(int(c["code"]))
        assert all(d["min"] <= c <= d["max"] for c in codes), d["code"]
        assert min(codes) == d["min"] and max(codes) == d["max"], d["code"]
        assert codes == sorted(codes), d["code"]


def test_category_codes_and_labels_are_unique(catalogue):
    for d in (d for d in catalogue if d["data_type"] in {"Nominal", "Ordinal"}):
        cats = d["categories"]
        assert cats, d["code"]
        for c in cats:
            assert set(c) == {"code", "label_zh", "label_en"}, d["code"]
            assert isinstance(c["code"], str) and c["code"].strip(), d["code"]
            assert c["label_zh"].strip() and c["label_en"].strip(), (d["code"], c["code"])
        assert len({c["code"] for c in cats}) == len(cats), d["code"]
        # typing any label, Chinese or English, in any case must map to exactly one category
        typed = [c[k].strip().casefold() for c in cats for k in ("label_zh", "label_en")]
        assert [t for t, n in Counter(typed).items() if n > 1] == [], d["code"]


def test_other_types_have_no_categories_or_decimals(catalogue):
    for d in catalogue:
        if d["data_type"] not in {"Nominal", "Ordinal"}:
            assert d["categories"] == [], d["code"]
        if d["data_type"] != "Numerical":
            assert d["decimals"] is None, d["code"]
        if d["data_type"] in {"Nominal", "Text"}:
            assert d["min"] is None and d["max"] is None, d["code"]


def test_date_ranges(catalogue):
    for d in (d for d in catalogue if d["data_type"] == "Date"):
        assert isinstance(d["min"], str) and MMDD.match(d["min"]), d["code"]
        assert isinstance(d["max"], str) and MMDD.match(d["max"]), d["code"]
        for value in (d["min"], d["max"]):
            month, day = map(int, value.split("-"))
            date(2024, month, day)  # a real calendar day (leap year allows 02-29)
        assert d["min"] < d["max"], d["code"]
        assert d["better"] is None, d["code"]


def test_resistance_style_grades(by_code):
    for code in ("FRUIT_CRACKING", "EARLY_FRUIT_DROP", "BACTERIAL_SPOT", "BROWN_ROT",
                 "DROUGHT_TOLERANCE", "COLD_HARDINESS"):
        d = by_code[code]
        assert [c["code"] for c in d["categories"]] == GRADES_1_9, code
        assert (d["min"], d["max"]) == (1, 9), code
        assert d["better"] == "lower", code
    for code in ("BACTERIAL_SPOT", "BROWN_ROT"):
        assert labels(by_code[code])["1"] == ("高抗", "highly resistant")
        assert labels(by_code[code])["9"] == ("高感", "highly susceptible")
    assert labels(by_code["DROUGHT_TOLERANCE"])["1"][0] == "极强"
    pox = by_code["PLUM_POX"]
    assert [c["code"] for c in pox["categories"]] == ["0", "1", "2", "3", "4"]
    assert (pox["min"], pox["max"], pox["better"]) == (0, 4, "lower")


def test_named_category_sets(by_code):
    def has(code, *pairs):
        present = set(labels(by_code[code]).values())
        missing = [p for p in pairs if p not in present]
        assert missing == [], (code, missing)

    has("FLESH_COLOR", ("黄色", "yellow"), ("红色", "red"), ("绿色", "green"), ("白色", "white"),
        ("紫红色", "purple-red"), ("橙黄色", "orange"))
    has("SKIN_COLOR", ("黄色", "yellow"), ("绿色", "green"), ("红色", "red"),
        ("紫红色", "purple-red"), ("紫黑色", "purple-black"), ("黄绿色", "yellow-green"))
    has("FLESH_TEXTURE", ("脆", "crisp"), ("硬", "firm"), ("软溶", "melting"), ("软", "soft"))
    assert labels(by_code["STONE_ADHESION"]) == {
        "1": ("粘核", "clingstone"), "2": ("半粘核", "semi-cling"), "3": ("离核", "freestone")}
    assert {k: v[0] for k, v in labels(by_code["SELF_COMPATIBILITY"]).items()} == {
        "1": "自交亲和", "2": "部分自交亲和", "3": "自交不亲和"}


def test_required_ranges_are_plausible(by_code):
    chill = by_code["CHILLING_REQUIREMENT"]
    assert chill["min"] <= 150 and chill["max"] >= 1200
    assert by_code["FRUIT_WEIGHT"]["min"] >= 0 and by_code["FRUIT_WEIGHT"]["max"] <= 500
    assert by_code["SSC"]["max"] <= 40
    assert by_code["HARVEST_DATE"]["min"] <= "05-01" and by_code["HARVEST_DATE"]["max"] >= "10-31"
    assert by_code["FIRST_BLOOM_DATE"]["min"] <= "01-10"
