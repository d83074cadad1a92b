"""The importer on real public data: 1,484 sweet-cherry cultivars with their parents."""
import csv

import pycountry
import pytest

from germplasm.accessions.services import get_by_number
from tests.conftest import REALDATA

CHERRIES = REALDATA / "cherry-traits" / "cherries_variety_genotype_group.csv"

pytestmark = pytest.mark.skipif(not CHERRIES.exists(), reason=f"{CHERRIES} not present")


def alpha3(code: str) -> str:
    """Convert as a curator would; what is not a country code is passed on untouched."""
    country = pycountry.countries.get(alpha_2=code.strip())
    return country.alpha_3 if country else code


def cherries_as_mcpd(tmp_path):
    """Curator-style MCPD sheet from the real file: names, origins and parents as given."""
    with CHERRIES.open(encoding="utf-8") as handle:
        source = list(csv.DictReader(handle))
    path = tmp_path / "cherries_mcpd.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["INSTCODE", "ACCENUMB", "ACCENAME", "GENUS", "SPECIES", "ORIGCTY",
                         "SAMPSTAT", "ANCEST", "REMARKS"])
        for number, row in enumerate(source, start=1):
            parents = " × ".join(p for p in (row["mother"], row["father"]) if p)
            writer.writerow(["DEU001", f"CH{number:05d}", row["variety"], "Prunus", "avium",
                             alpha3(row["origin_country"]), "500", parents,
                             f"S-alleles:{row['genotype']}"])
    return path, source


def test_raw_real_file_is_refused_as_not_mcpd(cli):
    result = cli("import", "mcpd", CHERRIES)
    assert result.exit_code == 2
    assert "no known columns" in result.output


def test_real_cultivars_import_with_parents_linked(cli, tmp_path):
    path, source = cherries_as_mcpd(tmp_path)
    report_path = tmp_path / "report.json"
    result = cli("import", "mcpd", path, "--skip-invalid", "--report", report_path)
    assert result.exit_code == 3  # the real file has origins such as "JA" and "AT/DE"
    import json

    report = json.loads(report_path.read_text(encoding="utf-8"))
    bad_origins = {r["value"] for r in report["rejected"]}
    assert {"JA", "EO", "AT/DE", "FR?"} <= bad_origins
    assert all(r["column"] == "ORIGCTY" for r in report["rejected"])
    assert report["created"] + len(report["rejected"]) == len(source)
    lapins = next(i for i, r in enumerate(source, 1) if r["variety"] == "Lapins")
    links = get_by_number(f"CH{lapins:05d}").parent_links
    assert [(link.role, link.parent.display_name) for link in links] == [
        ("female", "Van"), ("male", "Stella")]
