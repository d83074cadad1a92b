"""`germplasm import lots|plants` and `germplasm export lots`, as a user runs them."""
import csv
import json

from openpyxl import Workbook

from germplasm.extensions import db
from germplasm.inventory import ledger, lots
from germplasm.inventory.models import Plant
from tests.conftest import write

HEADER = ("INSTCODE,ACCENUMB,LOT_NUMBER,MATERIAL,QUANTITY,UNIT,LOCATION,DISTRIBUTABLE,"
          "AVAILABLE_FROM,AVAILABLE_TO,NOTES\n")


def test_a_good_lot_file_and_its_reimport(make_accession, cli, tmp_path):
    a, b = make_accession(), make_accession()
    path = write(tmp_path / "lots.csv", HEADER
                 + f"CHN385,{a.accenumb},S-2026-001,scion,120,piece,冷库1,Y,12-01,02-28,冬季接穗\n"
                 + f",{b.accenumb},P-2026-001,花粉,2.5,g,冰箱2,N,,,\n")
    result = cli("import", "lots", path)
    assert result.exit_code == 0, result.output
    assert "created 2" in result.output
    scions, pollen = lots.get("S-2026-001"), lots.get("P-2026-001")
    assert (scions.material, scions.on_hand_milli, scions.distributable) == ("scion", 120_000,
                                                                            True)
    assert (scions.available_from, scions.available_to, scions.location) == ("12-01", "02-28",
                                                                            "冷库1")
    assert (pollen.material, pollen.unit, pollen.on_hand_milli) == ("pollen", "g", 2500)
    assert [e.kind for e in ledger.entries(scions)] == ["adjust"]
    again = cli("import", "lots", path)
    assert "created 0, updated 0, unchanged 2" in again.output
    recount = write(tmp_path / "count.csv", HEADER
                    + f"CHN385,{a.accenumb},S-2026-001,scion,100,piece,冷库1,Y,12-01,02-28,\n")
    assert cli("import", "lots", recount).exit_code == 0
    db.session.expire_all()
    scions = lots.get("S-2026-001")
    assert scions.on_hand_milli == 100_000
    assert [(e.kind, e.on_hand_milli) for e in ledger.entries(scions)] == [
        ("adjust", 120_000), ("adjust", -20_000)]


def test_bad_rows_are_named_and_nothing_is_written(make_accession, cli, tmp_path):
    a = make_accession()
    path = write(tmp_path / "bad.csv", HEADER
                 + f",{a.accenumb},OK-1,scion,5,,,Y,,,\n"
                 + ",NOPE-404,OK-2,scion,5,,,Y,,,\n"
                 + f",{a.accenumb},BAD-3,leaves,5,,,Y,,,\n"
                 + f",{a.accenumb},BAD-4,scion,2.5,,,Y,,,\n"
                 + f",{a.accenumb},BAD-5,pollen,1,kg,,N,,,\n"
                 + f",{a.accenumb},BAD-6,scion,1,,,maybe,,,\n"
                 + f",{a.accenumb},BAD-7,scion,1,,,Y,13-01,02-01,\n"
                 + f",{a.accenumb},OK-1,scion,5,,,Y,,,\n")
    report_path = tmp_path / "report.json"
    result = cli("import", "lots", path, "--report", report_path)
    assert result.exit_code == 3, result.output
    assert "nothing written" in result.output
    rejected = {(r["row"], r["column"]) for r in json.loads(report_path.read_text())["rejected"]}
    assert rejected == {(3, "ACCENUMB"), (4, "MATERIAL"), (5, "QUANTITY"), (6, "UNIT"),
                        (7, "DISTRIBUTABLE"), (8, "AVAILABLE_FROM"), (9, "LOT_NUMBER")}
    assert lots.get("OK-1") is None
    skipped = cli("import", "lots", path, "--skip-invalid")
    assert skipped.exit_code == 3 and "created 1" in skipped.output
    assert lots.get("OK-1").on_hand_milli == 5_000


def test_gbk_csv_xlsx_and_dry_run(make_accession, cli, tmp_path):
    a = make_accession()
    gbk = write(tmp_path / "gbk.csv", HEADER + f",{a.accenumb},G-1,接穗,30,支,温室,是,,,国标码\n",
                encoding="gbk")
    dry = cli("import", "lots", gbk, "--dry-run")
    assert dry.exit_code == 0 and "dry run" in dry.output
    assert lots.get("G-1") is None
    assert cli("import", "lots", gbk).exit_code == 0
    assert (lots.get("G-1").notes, lots.get("G-1").unit) == ("国标码", "piece")
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["", a.accenumb, "X-1", "seedling", 40, "", "苗圃", "N", "", "", ""])
    book.save(tmp_path / "lots.xlsx")
    assert cli("import", "lots", tmp_path / "lots.xlsx").exit_code == 0
    assert (lots.get("X-1").material, lots.get("X-1").on_hand_milli) == ("seedling", 40_000)
    unreadable = write(tmp_path / "empty.csv", "")
    assert cli("import", "lots", unreadable).exit_code == 2


def test_export_lots_round_trips(make_accession, cli, tmp_path):
    a = make_accession()
    write(tmp_path / "in.csv", HEADER + f",{a.accenumb},E-1,budwood,12,,架1,Y,07-01,08-31,夏\n")
    assert cli("import", "lots", tmp_path / "in.csv").exit_code == 0
    result = cli("export", "lots", tmp_path / "out.csv")
    assert result.exit_code == 0 and "exported" in result.output
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["LOT_NUMBER"]: r for r in csv.DictReader(handle)}
    assert rows["E-1"]["QUANTITY"] == "12" and rows["E-1"]["AVAILABLE"] == "12"
    assert rows["E-1"]["AVAILABLE_TO"] == "08-31"
    again = cli("import", "lots", tmp_path / "out.csv")
    assert again.exit_code == 0 and "updated 0" in again.output


PLANTS = "ACCENUMB,BLOCK,ROW,POSITION,PLANTED,ROOTSTOCK,STATUS\n"


def test_plants_import(make_accession, cli, tmp_path):
    a, stock = make_accession(), make_accession()
    path = write(tmp_path / "plants.csv", PLANTS
                 + f"{a.accenumb},A,1,1,2019-03-15,{stock.accenumb},living\n"
                 + f"{a.accenumb},A,1,2,20190315,毛桃,\n")
    result = cli("import", "plants", path)
    assert result.exit_code == 0, result.output
    trees = db.session.scalars(db.select(Plant).where(Plant.accession_id == a.id)
                               .order_by(Plant.position)).all()
    assert [t.rootstock_accession_id for t in trees] == [stock.id, None]
    assert trees[1].rootstock_text == "毛桃" and str(trees[0].planted_on) == "2019-03-15"
    bad = write(tmp_path / "bad.csv", PLANTS
                + f"{stock.accenumb},A,1,1,,,\n"
                + f"{a.accenumb},A,1,3,2019-02-30,,\n"
                + f"{a.accenumb},A,1,4,,,dead?\n")
    report = tmp_path / "r.json"
    assert cli("import", "plants", bad, "--report", report).exit_code == 3
    rejected = {(r["row"], r["column"]) for r in json.loads(report.read_text())["rejected"]}
    assert rejected == {(2, "POSITION"), (3, "PLANTED"), (4, "STATUS")}
    gone = write(tmp_path / "gone.csv", PLANTS + f"{a.accenumb},A,1,2,,,已移除\n")
    assert cli("import", "plants", gone).exit_code == 0
    db.session.expire_all()
    assert db.session.get(Plant, trees[1].id).status == "removed"
