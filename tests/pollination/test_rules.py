"""The S-allele rules: parsing, cross classes, self-compatibility, groups, parent check."""
import pytest

from germplasm.pollination.rules import (
    GenotypeProblem,
    cross,
    parent_problem,
    parse,
    self_compatible,
)

pytestmark = pytest.mark.no_db


@pytest.mark.parametrize(("text", "written", "alleles"), [
    ("S1S3", "S1S3", ("S1", "S3")),
    (" S3 S4′ ", "S3S4'", ("S3", "S4'")),
    ("SeSc", "SeSc", ("Se", "Sc")),
    ("S4S7m", "S4S7m", ("S4", "S7m")),
    ("S3S?", "S3S?", ("S3", None)),
    ("S19Sx", "S19Sx", ("S19", None)),
    ("S6S17/30?", "S6S17/30?", ("S6", None)),
])
def test_parsing(text, written, alleles):
    genotype = parse(text)
    assert genotype.text == written
    assert tuple(a.name if a else None for a in genotype.alleles) == alleles
    assert genotype.known == (None not in alleles)


@pytest.mark.parametrize("text", ["", "S1", "S1S2S3", "A1B2", "S1S#", "S1SAB"])
def test_bad_genotypes_are_refused(text):
    with pytest.raises(GenotypeProblem):
        parse(text)


@pytest.mark.parametrize(("female", "male", "expected", "stopped"), [
    ("S1S3", "S4S5", "compatible", ()),
    ("S1S3", "S3S5", "half", ("S3",)),
    ("S1S3", "S3S1", "incompatible", ("S3", "S1")),
    ("SaSb", "SaSb", "incompatible", ("Sa", "Sb")),
    ("S3S4", "S3S4'", "half", ("S3",)),  # S4' pollen is accepted by every style
    ("S3S4'", "S4S5", "half", ("S4",)),  # ...but the S4' style still stops S4 pollen
    ("SbSe", "SaSe", "compatible", ()),  # Se pollen is accepted: self-compatible allele
    ("S1S?", "S4S5", "unknown", ()),
    ("S1S3", "S4Sx", "unknown", ()),
])
def test_cross_classes(female, male, expected, stopped):
    verdict = cross(parse(female), parse(male))
    assert verdict.compatibility == expected
    assert verdict.rejected == stopped
    assert verdict.reason


def test_missing_genotype_is_unknown():
    assert cross(None, parse("S1S3")).compatibility == "unknown"
    assert "female" in cross(None, parse("S1S3")).reason
    assert cross(parse("S1S3"), None).compatibility == "unknown"


def test_self_compatible_cultivars_are_recognised():
    assert self_compatible(parse("S3S4'")) is True  # Stella
    assert self_compatible(parse("SbSe")) is True
    assert self_compatible(parse("ScSd")) is True
    assert self_compatible(parse("S1S3")) is False
    assert self_compatible(parse("S4'S?")) is True
    assert self_compatible(parse("S1S?")) is None
    assert parse("S3S4'").self_compatible and not parse("S3S4").self_compatible


def test_groups_share_both_alleles_in_any_order():
    assert parse("S3S1").group == parse("S1S3").group == "S1S3"
    assert parse("S13S4").group == "S4S13"
    assert parse("S1S?").group is None


@pytest.mark.parametrize(("child", "mother", "father", "flagged"), [
    ("S1S4", "S1S3", "S4S5", False),
    ("S3S4", "S1S3", "S4S5", False),
    ("S2S6", "S1S3", "S4S5", True),  # neither allele from a parent
    ("S1S3", "S1S3", "S3S5", True),  # the S3 from the father would be stopped by S1S3
    ("S1S5", "S1S3", "S3S5", False),
    ("S1S4'", "S1S3", "S3S4'", False),  # Lapins = Van × Stella
    ("S2S3", "S1S3", "S3S4'", True),  # Sumini: no S2 in either parent
    ("S1S4", "S1S?", "S4S5", False),  # an unknown allele: nothing to say
])
def test_parent_check(child, mother, father, flagged):
    assert (parent_problem(parse(child), parse(mother), parse(father)) is not None) == flagged
