"""A small world for BrAPI: at least two of every entity a call lists (institutes and their
programs, accessions with names, codes, donors, a wild collecting site and a cross, trees in
two blocks, lots with a ledger, campaigns in two years at two sites, staff), and a
restricted accession with its tree and lot that only staff may see."""
from dataclasses import dataclass

import pytest

from germplasm.accessions.models import Institute
from germplasm.accounts import tokens
from germplasm.accounts.services import create_user, find
from germplasm.evaluations import campaigns
from germplasm.extensions import db
from germplasm.inventory import ledger, lots, plants
from germplasm.inventory.quantities import to_milli
from germplasm.selections import saved
from loaders.observation_posts import record_posted

PLUM = dict(cropname="plum")
ACCESSIONS = [
    dict(accenumb="B001", accename="巫山脆李;Wūshān Cuìlǐ;Wushan Crisp", sampstat="300",
         origcty="CHN", storage="20;30", donorcode="CHN004", donornumb="D-17",
         acqdate="20050301", doi="10.18730/B001", **PLUM),
    dict(accenumb="B002", accename="野李", sampstat="100", origcty="CHN",
         collsite="重庆市巫山县", declatitude="31.07519", declongitude="109.87812",
         coorduncert="30", elevation="800", colldate="20190612", **PLUM),
    dict(instcode="CHN004", accenumb="B003", accename="Santa Rosa", species="domestica",
         sampstat="500", origcty="USA", ancest="B001/B002", acqdate="1998----", **PLUM),
    dict(accenumb="B004", accename="青脆李", sampstat="300", origcty="CHN", restricted="Y",
         **PLUM),
]


@dataclass
class World:
    ids: dict          # accenumb -> accession id
    staff_token: str   # a bearer token of a staff user, write scope


@pytest.fixture
def brapi_world(make_accession) -> World:
    return build_world(make_accession)


def build_world(make_accession) -> World:
    """The world in the current app's database (tests/brapi/test_client.py builds it in a
    live server's)."""
    db.session.add(Institute(code="CHN004", name_zh="中国农业科学院果树研究所",
                             name_en="Research Institute of Pomology, CAAS"))
    db.session.flush()
    made = {row["accenumb"]: make_accession(**row) for row in ACCESSIONS}
    ids = {number: accession.id for number, accession in made.items()}
    for number, block in (("B001", "东区"), ("B002", "西区"), ("B004", "东区")):
        plants.plant(ids[number], plants.PlantFields(block, "1" if number != "B004" else "2", "1"))
    first = lots.create(ids["B001"], "B001-2026-1", lots.LotFields("scion", location="冷库 A"),
                        actor="tests", quantity=50)
    second = lots.create(ids["B001"], "B001-2026-2", lots.LotFields("scion"), actor="tests")
    ledger.transfer(first, second, to_milli(10, "piece"), actor="tests", note="分装")
    lots.create(ids["B003"], "B003-2026-1", lots.LotFields("budwood"), actor="tests",
                quantity=12)
    lots.create(ids["B004"], "B004-2026-1", lots.LotFields("scion"), actor="tests", quantity=5)
    campaigns.get_or_create("2025 评价", 2025, site="巫山")
    campaigns.get_or_create("2026 评价", 2026, site="北碚")
    _evaluations(ids)
    staff = create_user("wang.fang", "curator", "orchard-2026", "王芳")
    create_user("li.ming", "staff", "orchard-2026", "李明")
    _token, secret = tokens.create(staff, scope="write")
    add_published_lists(ids, staff)
    db.session.commit()
    return World(ids, secret)


# The campaigns' descriptors, worklists and observations (trees are named by their place,
# block-row-position, as BrAPI units write the `plant` of an observation): 2025 at 巫山
# with a tree each of B001, B002 and the restricted B004; 2026 at 北碚 with B001's tree and
# B003, which has no tree (one unit for the accession).
EVALUATIONS = {
    "2025 评价": (["SSC", "FRUIT_WEIGHT"], ["B001", "B002", "B004"], [
        ("B001", "CHN385", "东区-1-1", "SSC", "14.5"),
        ("B001", "CHN385", "东区-1-1", "FRUIT_WEIGHT", "35.2"),
        ("B002", "CHN385", "西区-1-1", "SSC", "12"),
        ("B004", "CHN385", "东区-2-1", "SSC", "16.1")]),
    "2026 评价": (["SSC", "FLESH_COLOR"], ["B001", "B003"], [
        ("B001", "CHN385", "东区-1-1", "SSC", "15"),
        ("B003", "CHN004", "", "FLESH_COLOR", "5")]),
}


def _evaluations(ids: dict) -> None:
    for name, (codes, numbers, rows) in EVALUATIONS.items():
        campaign = campaigns.find(name)
        campaigns.add_descriptors(campaign, campaigns.descriptors_by_code(codes))
        campaigns.add_to_worklist(campaign, [ids[number] for number in numbers])
        record_posted(campaign.id, [
            {"accenumb": number, "instcode": instcode, "plant": plant, "descriptor": code,
             "value": value, "observed_on": f"{campaign.year}-07-10", "observer": "王芳"}
            for number, instcode, plant, code, value in rows], user="tests")


def study_ids(client) -> dict[str, str]:
    """{campaign name: its studyDbId}, read over BrAPI."""
    studies = client.get("/brapi/v2/studies").get_json()["result"]["data"]
    return {s["studyName"]: s["studyDbId"] for s in studies}


def add_published_lists(ids: dict, staff) -> None:
    """Two lists everyone sees (one holds the restricted B004, shown to staff only) and a
    private one of li.ming's that nobody else sees."""
    saved.create("巫山脆李 core collection", staff, [ids["B001"], ids["B002"], ids["B004"]],
                 published=True)
    saved.create("elite material 2026", None, [ids["B003"], ids["B001"]], published=True)
    saved.create("li.ming's private picks", find("li.ming"), [ids["B002"]])
