"""The rules on 1,484 real sweet-cherry cultivars (same S-RNase system as plum): every genotype
parses, the groups derived from genotypes agree with the published 2020 groups, self-compatible
alleles fall in the published SC group, and the parent check over the real pedigrees."""
import re
from collections import defaultdict

import pytest

from germplasm.pollination.rules import parent_problem, parse
from tests.pollination.realdata import needs_cherries, published_groups, varieties

pytestmark = [pytest.mark.no_db, needs_cherries]

# Rows whose group number disagrees with their genotype in the source file itself: the
# 2020 table's later numbers (LII–LX) were re-assigned after the variety list was compiled,
# and a few single rows carry a typo. Listed so that any other disagreement fails.
KNOWN_DISAGREEMENTS = {
    ("LIV", "S3S14"): 13, ("LX", "S9S13"): 8, ("LV", "S13S16"): 4, ("LIII", "S13S22"): 4,
    ("XLVII", "S16S22"): 4, ("LII", "S6S24"): 2, ("LVIII", "S2S18"): 2, ("VII", "S2S5"): 1,
    ("XVI", "S3S3"): 1, ("XXXIV", "S4S13"): 1, ("II", "S1S13"): 1, ("LII", "S1S13"): 1,
    ("XXXI", "S3S14"): 1, ("XXXIV", "S21S22"): 1,
}


def _published_group(alleles: str) -> str:
    return parse("".join(re.findall(r"S\d+", alleles))).group


def test_every_real_genotype_parses():
    parsed = [parse(r["genotype"]) for r in varieties()]
    assert len(parsed) == 1484
    unknown = [g.text for g in parsed if not g.known]
    assert len(unknown) == 18 and "S4Sx" in unknown and "S3S?" in unknown and "S6S17/30?" in unknown


def test_derived_groups_agree_with_the_published_ones():
    groups = {k: _published_group(v) for k, v in published_groups().items()}
    assert groups["II"] == "S1S3" and groups["LVI"] == "S3S21" and len(groups) == 63
    agree, disagree = 0, defaultdict(int)
    for row in varieties():
        numeral = row["incompatibility_group"].strip()
        if numeral in groups:
            derived = parse(row["genotype"]).group
            if derived == groups[numeral]:
                agree += 1
            else:
                disagree[(numeral, derived)] += 1
    assert dict(disagree) == KNOWN_DISAGREEMENTS
    assert agree == 1302


def test_members_of_a_derived_group_share_one_published_group():
    """The other direction: cultivars we group together were grouped together."""
    numerals = defaultdict(set)
    for row in varieties():
        numeral = row["incompatibility_group"].strip()
        if numeral not in ("", "0", "SC") and (parse(row["genotype"]).group, numeral) not in \
                {(g, n) for n, g in KNOWN_DISAGREEMENTS}:
            numerals[parse(row["genotype"]).group].add(numeral)
    assert numerals and all(len(n) == 1 for n in numerals.values())


def test_self_compatible_alleles_are_in_the_published_sc_group():
    primed = [r for r in varieties() if "'" in r["genotype"]]
    assert len(primed) == 84
    assert all(parse(r["genotype"]).self_compatible for r in primed)
    assert {r["incompatibility_group"].strip() for r in primed} == {"SC"}


def test_parent_check_over_the_real_pedigrees():
    """A cultivar is flagged when no recorded genotype of its parents (the file lists a few
    cultivars twice, with different genotypes) can give its own."""
    by_name = defaultdict(list)
    for row in varieties():
        by_name[row["variety"]].append(parse(row["genotype"]))
    checked, flagged = 0, set()
    for row in varieties():
        child = parse(row["genotype"])
        mothers, fathers = by_name.get(row["mother"]), by_name.get(row["father"])
        if not (mothers and fathers and child.known):
            continue
        checked += 1
        if all(parent_problem(child, m, f) for m in mothers for f in fathers):
            flagged.add(row["variety"])
    assert checked == 63
    assert flagged == {
        "Axel (Alex, III-16/45)", "Bucium", "Chunlei", "Ferpin", "Glenred (SequoiaTM)",
        "Heidi", "Huldra", "Kasandra", "NewmoonTM (Sumini)", "Panaro 1 (Sweet Early)",
        "Ruishan", "Sir Douglas (FB 122)", "SofiaTM (SPC 106)", "Sumini",
        "Sweet EarlyTM (Panaro 1)", "Symphony (Selina, 13S-25-25)"}
    assert "Lapins" not in flagged and "Sunburst" not in flagged  # Van × Stella
