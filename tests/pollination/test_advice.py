"""Pollinizer advice and the S-allele commands, run as a user runs them."""
import json


def numbers(orchard, *names):
    return [orchard[n].accenumb for n in names]


def test_pollinizers_json_shape_and_ranking(orchard, cli):
    female = orchard["巫山脆李"].accenumb
    result = cli("pollinizers", female, "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert list(answer) == ["for", "items"] and answer["for"] == female
    assert all(list(i) == ["accenumb", "compatibility", "bloom_overlap_days", "years"]
               for i in answer["items"])
    # Compatible first, by days in bloom together (unobserved last), then half compatible;
    # 早红 shares both alleles (incompatible) and 未知李 has an unknown allele: left out.
    assert [(i["accenumb"], i["compatibility"], i["bloom_overlap_days"], i["years"])
            for i in answer["items"]] == [
        (orchard["秋姬"].accenumb, "compatible", 8.0, 2),
        (orchard["黑宝石"].accenumb, "compatible", 4.0, 2),
        (orchard["晚李"].accenumb, "compatible", 0.0, 1),
        (orchard["无记录李"].accenumb, "compatible", None, 0),
        (orchard["秘李"].accenumb, "compatible", None, 0),  # the command line sees all
        (orchard["半李"].accenumb, "half", 7.0, 2),
    ]


def test_top_and_the_text_form(orchard, cli):
    result = cli("pollinizers", "巫山脆李", "--top", "2")  # by name as well as by number
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == f"pollinizers for {orchard['巫山脆李'].accenumb} (SaSb)"
    assert len(lines) == 3 and "秋姬" in lines[1] and "8 d\t2 years" in lines[1]


def test_no_advice_without_a_known_genotype(orchard, cli):
    result = cli("pollinizers", orchard["未知李"].accenumb)
    assert result.exit_code == 1 and "no known S-genotype" in result.output
    answer = json.loads(cli("pollinizers", orchard["未知李"].accenumb, "--json").output)
    assert answer["items"] == []
    assert cli("pollinizers", "NOPE-1").exit_code == 2


def test_groups_command(orchard, cli):
    result = cli("s-alleles", "groups", "--json")
    assert result.exit_code == 0
    groups = json.loads(result.output)
    assert groups["SaSb"] == sorted(numbers(orchard, "巫山脆李", "早红"))
    assert "SaS?" not in groups and len(groups["SdSf"]) == 1
