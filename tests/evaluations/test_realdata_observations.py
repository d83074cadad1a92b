"""Real RosBREED sweet-cherry evaluations: NA cells, M/D/YYYY dates, values out of range."""
import csv
import json

import pytest

from germplasm.evaluations.models import Observation
from germplasm.extensions import db
from tests.conftest import REALDATA

ALLDATA = REALDATA / "cherry-traits" / "rosbreed_alldata.csv"
pytestmark = pytest.mark.skipif(not ALLDATA.exists(), reason=f"{ALLDATA} not present")
RENAMED = {"Germplasm": "ACCENUMB", "SSC": "SSC", "Fruit_Wt": "Mean fruit weight",
           "Harvest_Date": "HARVEST_DATE", "Bloom_Date": "FULL_BLOOM_DATE"}


def rows_2011():
    with ALLDATA.open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["Dataset"].endswith("2011")]


def test_rosbreed_2011_sheet_imports_honestly(cli, make_accession, tmp_path):
    rows = rows_2011()
    for name in sorted({r["Germplasm"] for r in rows}):
        make_accession(accenumb=name, genus="Prunus", species="avium")
    sheet = tmp_path / "rosbreed_2011.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(RENAMED.values())
        writer.writerows([[r[k] for k in RENAMED] for r in rows])
    out = tmp_path / "r.json"
    result = cli("import", "observations", sheet, "--campaign", "RosBREED 2011", "--year", 2011,
                 "--skip-invalid", "--report", out)
    report = json.loads(out.read_text())
    too_sweet = [r for r in rows if r["SSC"] != "NA" and float(r["SSC"]) > 35]
    assert {(x["column"], float(x["value"])) for x in report["rejected"]} == {
        ("SSC", float(r["SSC"])) for r in too_sweet}
    assert result.exit_code == (3 if too_sweet else 0)
    kept = [r for r in rows if r not in too_sweet]
    expected = sum(r[k] != "NA" for r in kept for k in RENAMED if k != "Germplasm")
    assert report["created"] == expected
    harvest = db.session.scalars(db.select(Observation.value_date).join(Observation.accession)
                                 .where(Observation.descriptor.has(code="HARVEST_DATE"))
                                 .where(Observation.accession.has(accenumb="Bing"))).one()
    assert harvest.isoformat() == "2011-06-29"  # 6/29/2011: month first, told by the column
