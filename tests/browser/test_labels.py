"""Label sheets in a real browser: staff open the tree labels from the accession page, the
labels stand 3 × 8 on each A4 page (as laid out on screen and as printed to PDF), and the
QR code read from the screenshot opens the tree's accession; packet labels open the lot."""
import io
import math
import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.no_db

MM = 96 / 25.4  # CSS pixels per millimetre
ACCESSIONS = [f"WSL{n:05d}" for n in range(1, 16)]


def read_qr(locator) -> str:
    """The text of the QR code in a screenshot of this element, as a phone would read it."""
    image = Image.open(io.BytesIO(locator.screenshot()))
    return " ".join(code.text for code in zxingcpp.read_barcodes(image))


def pdf_pages(page) -> list[tuple[float, float]]:
    """(width, height) in points of each page of the page printed to PDF."""
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def test_tree_labels_stand_in_a_grid_on_a4_and_their_qr_opens_the_tree(page, log_in,
                                                                       screenshot, live_server):
    log_in(page)
    page.goto("/accessions/WSL00001")
    page.locator("#inventory a", has_text="植株标签").click()
    page.wait_for_url("**/labels/trees?accenumb=WSL00001")
    expect(page.locator(".label").first).to_be_visible()

    page.goto("/labels/trees?" + "&".join(f"accenumb={a}" for a in ACCESSIONS))
    labels = page.locator(".sheet .label")
    count = labels.count()
    assert count > 24  # two sheets at least
    sheets = page.locator(".sheet")
    expect(sheets).to_have_count(math.ceil(count / 24))
    screenshot(page, "12-labels-trees")

    # On screen: each sheet is A4 wide and tall, and its labels form a 3 × 8 grid.
    sheet = sheets.first.bounding_box()
    assert abs(sheet["width"] - 210 * MM) < 2 and abs(sheet["height"] - 296 * MM) < 2
    boxes = [box for box in (labels.nth(i).bounding_box() for i in range(24))]
    columns = sorted({round(b["x"]) for b in boxes})
    rows = sorted({round(b["y"]) for b in boxes})
    assert len(columns) == 3 and len(rows) == 8
    assert all(sheet["x"] <= b["x"] and b["x"] + b["width"] <= sheet["x"] + sheet["width"] + 1
               and b["y"] + b["height"] <= sheet["y"] + sheet["height"] + 1 for b in boxes)
    assert all(60 * MM < b["width"] < 70 * MM and 30 * MM < b["height"] < 37 * MM
               for b in boxes)
    assert labels.nth(24).bounding_box()["y"] > sheet["y"] + sheet["height"]  # next sheet

    # Printed: one A4 page per sheet, no label cut over two pages.
    printed = pdf_pages(page)
    assert len(printed) == sheets.count()
    assert all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in printed)

    # The first label's QR code, read from the screen, opens its accession at the tree.
    url = read_qr(labels.first.locator("svg.qr"))
    assert re.fullmatch(re.escape(live_server) + r"/q/t/\d+", url), url
    page.goto(url)
    assert re.search(r"/accessions/WSL0000\d#tree-\d+$", page.url), page.url
    expect(page.locator(f"#tree-{url.rsplit('/', 1)[1]}")).to_be_visible()


def test_packet_labels_carry_the_request_and_open_the_lot(page, log_in, screenshot,
                                                          live_server):
    log_in(page)
    page.goto("/api/v1/lots?per_page=3")
    numbers = [item["lot_number"] for item in page.evaluate(
        "() => JSON.parse(document.body.innerText).items")]
    page.goto("/labels/lots?" + "&".join(f"lot={n}" for n in numbers)
              + f"&lot={numbers[0]}:2&request=R2026-00012")
    labels = page.locator(".sheet .label")
    expect(labels).to_have_count(4)
    expect(labels.first).to_contain_text("申请单 R2026-00012")
    screenshot(page, "12-labels-packets")
    assert len(pdf_pages(page)) == 1

    url = read_qr(labels.first.locator("svg.qr"))
    assert url == f"{live_server}/q/l/{numbers[0]}"
    page.goto(url)
    assert page.url.endswith(f"/lots/{numbers[0]}")
    expect(page.locator("h1")).to_contain_text(numbers[0])
    expect(page.locator("#ledger")).to_contain_text("最近的台账记录")
    screenshot(page, "12-lot-page")
