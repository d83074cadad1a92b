"""A small orchard of Japanese plums with S-genotypes and two years of bloom dates."""
import pytest

from germplasm.extensions import db
from germplasm.pollination import services
from loaders.observations import import_rows
from loaders.report import ImportReport

# name: (S-genotype, {year: (first bloom, full bloom)} as MM-DD)
ORCHARD = {
    "巫山脆李": ("SaSb", {2024: ("03-01", "03-08"), 2025: ("03-03", "03-10")}),
    "早红": ("SaSb", {2024: ("03-01", "03-08"), 2025: ("03-03", "03-10")}),  # same group
    "黑宝石": ("ScSd", {2024: ("03-05", "03-12"), 2025: ("03-07", "03-14")}),  # 4 days
    "秋姬": ("SdSf", {2024: ("03-01", "03-08"), 2025: ("03-03", "03-10")}),  # 8 days
    "晚李": ("SfSg", {2024: ("03-20", "03-25")}),  # no overlap, one year
    "半李": ("SbSf", {2024: ("03-02", "03-08"), 2025: ("03-03", "03-09")}),  # half
    "未知李": ("SaS?", {}),
    "无记录李": ("ShSi", {}),  # compatible, never observed
}


@pytest.fixture
def orchard(make_accession):
    """{name: accession}; restricted: 秘李 (SdSg, compatible with 巫山脆李)."""
    made = {name: make_accession(ACCENAME=name) for name in ORCHARD}
    made["秘李"] = make_accession(ACCENAME="秘李", REMARKS="")
    made["秘李"].restricted = True
    for name, accession in made.items():
        genotype = ORCHARD.get(name, ("SdSg",))[0]
        services.set_genotype(accession, genotype, source="test", user="tester")
    for year in (2024, 2025):
        rows = [(n, [made[name].accenumb, f"{year}-{days[year][0]}", f"{year}-{days[year][1]}"])
                for n, (name, (_, bloom)) in enumerate(ORCHARD.items(), 2)
                for days in [bloom] if year in days]
        report = ImportReport()
        import_rows(["ACCENUMB", "FIRST_BLOOM_DATE", "FULL_BLOOM_DATE"], rows, report,
                    campaign=f"bloom {year}", year=year, user="tester", source="test")
        assert not report.rejected, report.rejected
    db.session.commit()
    return made

