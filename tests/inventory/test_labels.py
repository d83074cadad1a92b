"""Printable labels: the QR codes decode to the scan addresses, scans open the tree's
accession or the lot (404 where the accession may not be seen), the sheets are for staff,
24 labels per A4 sheet, and `germplasm labels` writes the same sheets to a file."""
import html
import re
from datetime import date

import pytest
import segno
import zxingcpp
from PIL import Image

from germplasm.accounts.services import create_user
from germplasm.extensions import db
from germplasm.inventory import labels, plants
from tests.accounts.test_login import login


def decode_svgs(page: str) -> list[str]:
    """Every inline QR code of the page, drawn from its SVG path and read by a decoder."""
    found = []
    for svg in re.findall(r'<svg viewBox="0 0 (\d+) \1" class="qr">(.*?)</svg>', page, re.S):
        size, body = int(svg[0]), svg[1]
        path = re.search(r'stroke="#000" d="([^"]+)"', body).group(1)
        image = Image.new("L", (size, size), 255)
        x = y = 0.0
        for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
            if op == "M":
                x, y = float(a), float(b)
            elif op == "m":
                x, y = x + float(a), y + float(b)
            else:  # a horizontal run of dark modules on row y - 0.5
                for column in range(int(x), int(x + float(a))):
                    image.putpixel((column, int(y)), 0)
                x += float(a)
        image = image.resize((size * 8, size * 8), Image.NEAREST)
        found.append(" ".join(code.text for code in zxingcpp.read_barcodes(image)))
    return found


def _trees(accession, count=1, block="K"):
    made = [plants.plant(accession.id, plants.PlantFields(block, str(1 + i // 10), str(i % 10)))
            for i in range(count)]
    db.session.commit()
    return made


@pytest.fixture
def stocked(make_accession, make_lot):
    accession = make_accession(accenumb="LAB1", accename="红心李;Hongxinli")
    tree = _trees(accession)[0]
    lot = make_lot(accession, quantity=80, distributable=True, available_from="12-01",
                   available_to="02-28", location="冷库3")
    return accession, tree, lot


@pytest.fixture
def staff(client):
    create_user("wang.nursery", "staff", "orchard-2026")
    db.session.commit()
    assert login(client, "wang.nursery", "orchard-2026").status_code == 302
    return client


def test_a_tree_label_shows_the_tree_and_its_qr_code_opens_it(staff, stocked):
    _accession, tree, _lot = stocked
    page = staff.get("/labels/trees?accenumb=LAB1").get_data(as_text=True)
    assert decode_svgs(page) == [f"http://localhost/q/t/{tree.id}"]
    label = page[page.index('class="label"'):]
    for expected in ("LAB1", "红心李", "Hongxinli", "K 区 · 1 行 · 0 号"):
        assert expected in label, expected
    # The page's SVG is segno's own drawing of that address.
    assert segno.make(f"http://localhost/q/t/{tree.id}").svg_inline(
        omitsize=True, border=2, svgclass="qr", lineclass=None, light="#fff") in page


def test_scanning_a_tree_opens_its_accession_at_the_tree(client, staff, stocked):
    _accession, tree, _lot = stocked
    response = client.get(f"/q/t/{tree.id}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/accessions/LAB1#tree-{tree.id}"
    assert f'id="tree-{tree.id}"' in client.get("/accessions/LAB1").get_data(as_text=True)
    assert client.get("/q/t/999999").status_code == 404


def test_packet_labels_name_lot_accession_material_quantity_and_request(staff, stocked):
    _accession, _tree, lot = stocked
    page = html.unescape(staff.get(
        f"/labels/lots?lot={lot.lot_number}&lot={lot.lot_number}:5&request=R2026-00012")
        .get_data(as_text=True))
    assert decode_svgs(page) == [f"http://localhost/q/l/{lot.lot_number}"] * 2
    first, second = page.split('class="label"')[1:]
    for expected in (lot.lot_number, "LAB1 红心李", "Hongxinli", "接穗 · 80 支",
                     "申请单 R2026-00012"):
        assert expected in first, expected
    assert "接穗 · 5 支" in second


def test_packet_labels_refuse_unknown_lots_and_impossible_quantities(staff, stocked):
    lot = stocked[2]
    response = staff.get(f"/labels/lots?lot={lot.lot_number}&lot=NOPE-1")
    assert response.status_code == 400 and "NOPE-1" in response.get_data(as_text=True)
    response = staff.get(f"/labels/lots?lot={lot.lot_number}:2.5")  # scions are whole pieces
    assert response.status_code == 400 and lot.lot_number in response.get_data(as_text=True)
    assert staff.get("/labels/lots").status_code == 400
    assert staff.get("/labels/trees").status_code == 400


def test_packet_labels_can_be_made_by_other_pages(app, stocked):
    """What the requests pages will call: lots with the packets' quantities and a number."""
    lot = stocked[2]
    with app.test_request_context("/", base_url="https://plum.example.org"):
        made = labels.packet_labels([(lot, 3)], "R2026-00001")
        sheet = labels.render_sheet(made, "R2026-00001")
    assert made[0].url == f"https://plum.example.org/q/l/{lot.lot_number}"
    assert made[0].lines[-1] == "申请单 R2026-00001"
    assert decode_svgs(sheet) == [made[0].url]


def test_scanning_a_packet_opens_the_lot_page(client, staff, stocked):
    lot = stocked[2]
    response = client.get(f"/q/l/{lot.lot_number}")
    assert response.status_code == 302 and response.headers["Location"] == f"/lots/{lot.lot_number}"
    page = html.unescape(client.get(f"/lots/{lot.lot_number}").get_data(as_text=True))
    for expected in ("LAB1 红心李", "接穗", "80 支", "12-01 – 02-28", "未检测", "最近的台账记录",
                     "盘点调整", "+80", "tester"):
        assert expected in page, expected
    assert client.get("/q/l/NOPE-1").status_code == 404


def test_the_public_sees_a_public_lot_without_its_ledger(client, stocked):
    lot = stocked[2]
    page = html.unescape(client.get(f"/lots/{lot.lot_number}").get_data(as_text=True))
    assert "80 支" in page and "LAB1" in page
    assert "最近的台账记录" not in page and "tester" not in page


def test_restricted_material_is_not_found_for_those_who_may_not_see_it(client, make_accession,
                                                                       make_lot):
    secret = make_accession(accenumb="SEC1", restricted=True)
    tree, lot = _trees(secret)[0], make_lot(secret)
    for path in (f"/q/t/{tree.id}", f"/q/l/{lot.lot_number}", f"/lots/{lot.lot_number}",
                 "/accessions/SEC1"):
        assert client.get(path).status_code == 404, path
    create_user("reader", "researcher", "orchard-2026")
    create_user("keeper", "staff", "orchard-2026")
    db.session.commit()
    login(client, "reader", "orchard-2026")
    assert client.get(f"/q/t/{tree.id}").status_code == 404
    login(client, "keeper", "orchard-2026")
    assert client.get(f"/q/t/{tree.id}").status_code == 302
    assert client.get(f"/lots/{lot.lot_number}").status_code == 200


def test_label_sheets_are_for_staff(client, stocked):
    lot = stocked[2]
    for path in ("/labels/trees?accenumb=LAB1", f"/labels/lots?lot={lot.lot_number}"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path
    create_user("reader", "researcher", "orchard-2026")
    db.session.commit()
    login(client, "reader", "orchard-2026")
    for path in ("/labels/trees?accenumb=LAB1", f"/labels/lots?lot={lot.lot_number}"):
        assert client.get(path).status_code == 403, path


def test_24_labels_per_a4_sheet_living_trees_only(staff, make_accession):
    accession = make_accession(accenumb="MANY")
    made = _trees(accession, 30, block="Z")
    plants.remove(made[0], "dead", date(2026, 1, 5))
    db.session.commit()
    page = staff.get("/labels/trees?accenumb=MANY&block=Z").get_data(as_text=True)
    sheets = page.split('<section class="sheet">')[1:]
    assert [sheet.count('class="label"') for sheet in sheets] == [24, 5]
    assert "29 张标签，共 2 页 A4" in page
    assert "@page { size: A4" in page
    assert staff.get("/labels/trees?block=Z").get_data(as_text=True).count('class="label"') == 29
    assert staff.get("/labels/trees?block=Y").get_data(as_text=True).count('class="label"') == 0


def test_the_accession_page_offers_staff_the_labels(staff, stocked):
    lot = stocked[2]
    page = html.unescape(staff.get("/accessions/LAB1").get_data(as_text=True))
    assert "打印标签" in page
    assert 'href="/labels/trees?accenumb=LAB1"' in page
    assert f'href="/labels/lots?lot={lot.lot_number}"' in page
    assert f'href="/lots/{lot.lot_number}"' in page


def test_the_cli_writes_the_same_sheets(cli, stocked, tmp_path):
    _accession, tree, lot = stocked
    out = tmp_path / "trees.html"
    result = cli("labels", "trees", "--accenumb", "LAB1", "-o", out,
                 "--base-url", "https://plum.example.org/")
    assert result.exit_code == 0, result.output
    assert "wrote 1 labels on 1 A4 pages" in result.output
    page = out.read_text(encoding="utf-8")
    assert decode_svgs(page) == [f"https://plum.example.org/q/t/{tree.id}"]
    assert "红心李" in page and "植株标签" in page

    out = tmp_path / "lots.html"
    result = cli("labels", "lots", "--lot", f"{lot.lot_number}:4", "--request", "R2026-00012",
                 "-o", out, "--base-url", "https://plum.example.org")
    assert result.exit_code == 0, result.output
    page = html.unescape(out.read_text(encoding="utf-8"))
    assert decode_svgs(page) == [f"https://plum.example.org/q/l/{lot.lot_number}"]
    assert "申请单 R2026-00012" in page and "接穗 · 4 支" in page

    result = cli("labels", "lots", "--lot", "NOPE-1", "-o", tmp_path / "x.html")
    assert result.exit_code == 2 and "NOPE-1" in result.output
    assert not (tmp_path / "x.html").exists()


def test_living_trees_by_block_in_field_order(make_accession):
    accession = make_accession(accenumb="BLK")
    for row, position in (("10", "1"), ("2", "10"), ("2", "9"), ("2", "9a")):
        plants.plant(accession.id, plants.PlantFields("B1", row, position))
    _trees(accession, 1, block="B2")
    assert [t.block for t in labels.living_trees([], "B2")] == ["B2"]
    assert len(labels.living_trees(["BLK"], None)) == 5
    assert [t.place for t in labels.living_trees(["BLK"], "B1")] == [
        "B1-2-9", "B1-2-9a", "B1-2-10", "B1-10-1"]
