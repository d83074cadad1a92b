"""An ordinal trait in result columns, exports and the API is its grade (the most frequent
score), not a mean such as 6.3 that no one recorded."""
import csv
import io

from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from search import accession_index


def _two_more_years(accession):
    cracking = descriptors_by_code(["FRUIT_CRACKING"])[0]
    for year, raw in ((2024, "5"), (2025, "9")):  # with 2026's 5: mean 6.3, grade 5
        campaign, _ = campaigns.get_or_create(f"{year} 评价", year)
        record(campaign, [NewObservation(accession_id=accession.id, descriptor=cracking,
                                         value=ValueParser(cracking).parse(raw, year))],
               user="tests", source="fixture")
    db.session.commit()
    accession_index.rebuild()


def test_result_columns_show_the_grade(client, catalogue):
    _two_more_years(catalogue["S002"])
    page = client.get("/?q=Santa&col=FRUIT_CRACKING").get_data(as_text=True)
    row = page[page.index("S002"):]
    row = row[:row.index("</tr>")]
    assert "中等" in row and "6.3" not in row
    api = client.get("/api/v1/accessions?q=Santa&col=FRUIT_CRACKING&sort=FRUIT_CRACKING").json
    item = next(i for i in api["items"] if i["accenumb"] == "S002")
    assert item["traits"]["FRUIT_CRACKING"] == "5"


def test_exports_show_the_grade(client, catalogue):
    _two_more_years(catalogue["S002"])
    text = client.get("/export/csv?q=Santa&col=FRUIT_CRACKING").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1][0] == "S002" and rows[1][-1] == "中等"
