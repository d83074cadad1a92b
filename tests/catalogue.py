"""A small evaluated catalogue, indexed in a fresh folder per test: fixtures for any test
that searches, pages or exports (registered in tests/conftest.py)."""
import pytest

from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from search import accession_index, snapshot, text

CATALOGUE = [
    dict(accenumb="S001", accename="巫山脆李;Wūshān Cuìlǐ", sampstat="300", origcty="CHN",
         collsite="重庆市巫山县曲尺乡"),
    dict(accenumb="S002", accename="Santa Rosa", sampstat="500", origcty="USA"),
    dict(accenumb="S003", accename="Čačanska lepotica", species="domestica", sampstat="500",
         origcty="SRB"),
    dict(accenumb="S004", accename="Président", species="domestica", sampstat="500",
         origcty="GBR"),
    dict(accenumb="S005", accename="蜂糖李;Fēngtánglǐ", sampstat="300", origcty="CHN",
         collsite="贵州省安顺市六马镇"),
    dict(accenumb="S006", accename="青脆李", sampstat="300", origcty="CHN",
         collsite="重庆市巫山县", restricted="Y"),
    dict(accenumb="S007", accename="Rosa Negra", sampstat="500", origcty="ESP"),
]
TRAITS = {  # accession: (SSC, FRUIT_WEIGHT, HARVEST_DATE, FLESH_COLOR, FRUIT_CRACKING)
    "S001": ("13.5", "38", "2026-07-12", "黄色", "1"),
    "S002": ("12.0", "70", "2026-07-25", "red", "5"),
    "S003": ("16.0", "45", "2026-08-20", "yellow", "3"),
    "S004": ("15.0", "60", "2026-09-05", "5", "7"),
    "S005": ("17.5", "35", "2026-07-18", "黄绿色", "1"),
    "S006": ("14.5", "40", "2026-07-08", "黄色", "3"),
}
CODES = ["SSC", "FRUIT_WEIGHT", "HARVEST_DATE", "FLESH_COLOR", "FRUIT_CRACKING"]


@pytest.fixture
def index_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "GERMPLASM_INDEX_DIR", str(tmp_path / "index"))
    snapshot.clear_cache()
    text.forget()
    yield tmp_path / "index"
    snapshot.clear_cache()
    text.forget()


@pytest.fixture
def catalogue(make_accession, index_dir):
    accessions = {row["accenumb"]: make_accession(**row) for row in CATALOGUE}
    campaign, _ = campaigns.get_or_create("2026 评价", 2026)
    descriptors = descriptors_by_code(CODES)
    items = [NewObservation(accession_id=accessions[number].id, descriptor=d,
                            value=ValueParser(d).parse(raw, 2026))
             for number, values in TRAITS.items() for d, raw in zip(descriptors, values,
                                                                     strict=True)]
    record(campaign, items, user="tests", source="fixture")
    db.session.commit()
    accession_index.rebuild()
    return accessions
