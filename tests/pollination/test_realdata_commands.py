"""The real sweet-cherry file through the commands a curator runs: the cultivars with their
parents as MCPD, their S-genotypes with `germplasm import s-alleles`, then the groups and the
parent check over the real pedigrees with `germplasm s-alleles groups|check --json`."""
import csv
import json
from collections import Counter

from germplasm.pollination.rules import parse
from tests.pollination.realdata import needs_cherries, varieties

pytestmark = needs_cherries


def load(cli, tmp_path) -> dict[str, str]:
    """{variety: ACCENUMB}; a variety the file lists twice is the first one's."""
    rows, numbers = varieties(), {}
    mcpd, alleles = tmp_path / "cherries.csv", tmp_path / "s_alleles.csv"
    with mcpd.open("w", encoding="utf-8", newline="") as m, \
            alleles.open("w", encoding="utf-8", newline="") as s:
        passport, genotypes = csv.writer(m), csv.writer(s)
        passport.writerow(["INSTCODE", "ACCENUMB", "ACCENAME", "GENUS", "SPECIES", "ANCEST"])
        genotypes.writerow(["ACCENUMB", "S_GENOTYPE", "SOURCE"])
        for number, row in enumerate(rows, 1):
            accenumb = f"CH{number:05d}"
            numbers.setdefault(row["variety"], accenumb)
            cross = " / ".join((row["mother"], row["father"])) if row["mother"] and \
                row["father"] and row["father"] != "open pollinated" else ""
            passport.writerow(["DEU001", accenumb, row["variety"], "Prunus", "avium", cross])
            genotypes.writerow([accenumb, row["genotype"], f"ref. {row['reference']}"])
    assert cli("import", "mcpd", mcpd).exit_code == 0
    result = cli("import", "s-alleles", alleles)
    assert result.exit_code == 0, result.output
    assert f"created {len(rows)}" in result.output
    return numbers


def test_real_groups_and_parent_check_through_the_commands(cli, tmp_path):
    numbers = load(cli, tmp_path)
    groups = json.loads(cli("s-alleles", "groups", "--json").output)
    expected = Counter(parse(r["genotype"]).group for r in varieties())
    del expected[None]
    assert {g: len(m) for g, m in groups.items()} == dict(expected)
    assert len(groups["S3S4"]) == 133 and len(groups["S3S4'"]) == 36
    result = cli("s-alleles", "check", "--json")
    assert result.exit_code == 1
    flagged = {c["accenumb"] for c in json.loads(result.output)["parent_conflicts"]}
    # Van × Stella (S1S3 × S3S4'): Lapins S1S4' and Sunburst S3S4' can be; Sumini S2S3 and
    # Sofia S2S4' cannot (no S2 in either parent); Burlat × Sunburst cannot give Kasandra S1S3.
    for clear in ("Sumini", "NewmoonTM (Sumini)", "SofiaTM (SPC 106)", "Kasandra"):
        assert numbers[clear] in flagged, clear
    for fine in ("Lapins", "Sunburst", "Stella"):
        assert numbers[fine] not in flagged, fine
    assert 10 <= len(flagged) <= 25
