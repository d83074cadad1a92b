"""A small generated collection for core tests: 40 accessions in 8 families of uneven size
(12, 8, 6, 4, 3, 3, 2, 2). A family shares an SSR fingerprint over five markers, drawn from
alleles private to it, with a member now and then one allele off; and trait values near the
family's own (soluble solids, fruit weight, flesh colour). The first two accessions (of the
largest family) have traits but no fingerprint, the next two a fingerprint but no traits, so
`both` has more candidates than either source alone. A random subset of a few misses the
small families and their alleles; a core should not."""
import random

import pytest

from germplasm.extensions import db
from loaders.observations import import_rows
from loaders.report import ImportReport
from tests.conftest import write

FAMILIES = (12, 8, 6, 4, 3, 3, 2, 2)
MARKERS = ("M1", "M2", "M3", "M4", "M5")
CATALOGUE = "MARKER,LINKAGE_GROUP,MOTIF,MIN_SIZE,MAX_SIZE\n" + "".join(
    f"{m},LG{n},(CT)n,100,300\n" for n, m in enumerate(MARKERS, 1))


def family_prints(rng: random.Random, family: int) -> dict[str, list[int]]:
    low = 100 + family * 24  # each family's own 24 bp window: private alleles
    return {m: sorted(rng.sample(range(low, low + 24, 2), 2)) for m in MARKERS}


@pytest.fixture
def collection(make_accession, cli, tmp_path) -> dict:
    """{accenumb: family}; fingerprints and trait summaries stored through the imports."""
    rng = random.Random(7)
    family_of = {}
    lines, rows = [",".join(["ACCESSION", *(f"{m}_{s}" for m in MARKERS for s in "ab")])], []
    for family, size in enumerate(FAMILIES):
        prints = family_prints(rng, family)
        for member in range(size):
            accession = make_accession(ACCENAME=f"家系{family}-{member}")
            family_of[accession.accenumb] = family
            mine = {m: list(a) for m, a in prints.items()}
            if rng.random() < 0.4:
                marker = rng.choice(MARKERS)
                mine[marker][0] = 100 + family * 24 + 22
            lines.append(",".join([accession.accenumb, *(str(a) for m in MARKERS
                                                        for a in sorted(mine[m]))]))
            rows.append([accession.accenumb, f"{10 + family * 1.5 + rng.random():.1f}",
                         f"{30 + family * 8 + rng.random() * 4:.0f}", str(family % 8 + 1)])
    numbers = list(family_of)
    lines = lines[:1] + lines[3:]  # the first two: traits only
    rows = rows[:2] + rows[4:]  # the next two: fingerprints only
    assert cli("import", "markers", write(tmp_path / "m.csv", CATALOGUE)).exit_code == 0
    result = cli("import", "genotypes", write(tmp_path / "g.csv", "\n".join(lines) + "\n"),
                 "--kind", "ssr")
    assert result.exit_code == 0, result.output
    report = ImportReport()
    import_rows(["ACCENUMB", "SSC", "FRUIT_WEIGHT", "FLESH_COLOR"],
                list(enumerate(rows, 2)), report, campaign="2026 core test", year=2026,
                user="tester", source="test")
    assert not report.rejected, report.rejected
    db.session.commit()
    assert len(numbers) == sum(FAMILIES)
    return family_of
