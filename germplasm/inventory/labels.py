"""Printable labels: one per tree of the field genebank or per packet of material, each with
a QR code of the scan address that opens the tree's accession or the lot (see
germplasm.inventory.label_views), several labels per A4 sheet.

The requests pages print the packets of a request with
    render_sheet(packet_labels([(lot, quantity), ...], request.number), title)
The QR codes are inline SVG made here by segno: no image service, nothing fetched."""
import re
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import quote

import segno
from flask import has_request_context, render_template, request
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.extensions import db
from germplasm.inventory.models import Lot, Plant
from germplasm.inventory.quantities import QuantityProblem, from_milli, to_milli
from germplasm.inventory.words import material_label, unit_label

COLUMNS, ROWS = 3, 8  # 24 labels of 70 × 37 mm on A4, the common sheet of sticky labels
PER_SHEET = COLUMNS * ROWS


@dataclass
class Label:
    """What one label shows: the QR code's address, a headline and a few lines."""

    url: str
    title: str
    lines: list[str] = field(default_factory=list)

    @property
    def qr(self) -> Markup:
        return qr_svg(self.url)


def qr_svg(url: str) -> Markup:
    """The QR code of `url` as inline SVG; the sheet's CSS gives it its printed size. A quiet
    zone of two modules is enough on a white label with its own margin."""
    code = segno.make(url, micro=False)
    return Markup(code.svg_inline(omitsize=True, border=2, svgclass="qr", lineclass=None,
                                  light="#fff"))


def tree_scan_url(plant_id: int, base_url: str | None = None) -> str:
    return f"{_base(base_url)}/q/t/{plant_id}"


def lot_scan_url(lot_number: str, base_url: str | None = None) -> str:
    return f"{_base(base_url)}/q/l/{quote(lot_number, safe='')}"


def _base(base_url: str | None) -> str:
    """The site's address the QR codes point to: as given, else the request's (the CLI renders
    in a request made for its --base-url)."""
    if base_url:
        return base_url.rstrip("/")
    if has_request_context():
        return request.url_root.rstrip("/")
    raise ValueError("labels outside a request need the site's base URL")


def names(accession: Accession) -> tuple[str, str]:
    """(Chinese names, other names), each joined with ' / '."""
    chinese = [n.name for n in accession.names if n.lang == "zh"]
    other = [n.name for n in accession.names if n.lang != "zh"]
    return " / ".join(chinese), " / ".join(other)


def living_trees(accenumbs: list[str], block: str | None) -> list[Plant]:
    """The living trees of these accessions (all, when none is given) in this block (any,
    when none), in field order."""
    query = (select(Plant).join(Accession, Accession.id == Plant.accession_id)
             .where(Plant.status == "living"))
    if accenumbs:
        query = query.where(Accession.accenumb.in_(accenumbs))
    if block:
        query = query.where(Plant.block == block)
    found = db.session.scalars(query.order_by(Plant.block, Plant.id))
    return sorted(found, key=lambda t: (_natural(t.block), _natural(t.row), _natural(t.position)))


def _natural(text: str) -> tuple:
    """Field order: row 2 before row 10 (the columns are text: 'K', '3', '9a')."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.findall(r"[0-9]+|[^0-9]+", text))


def tree_labels(trees: list[Plant], base_url: str | None = None) -> list[Label]:
    labels = []
    for tree in trees:
        chinese, other = names(tree.accession)
        place = _("Block %(block)s · row %(row)s · position %(position)s",
                  block=tree.block, row=tree.row, position=tree.position)
        labels.append(Label(tree_scan_url(tree.id, base_url), tree.accession.accenumb,
                            [line for line in (chinese, other, place) if line]))
    return labels


def packet_labels(lots_with_quantities, request_number: str | None = None,
                  base_url: str | None = None) -> list[Label]:
    """Labels for packets: (lot, quantity) pairs; a quantity of None prints the lot's stock
    on hand. Each label names the lot, its accession and names, the material, the quantity
    with its unit and, when given, the request number."""
    labels = []
    for lot, quantity in lots_with_quantities:
        chinese, other = names(lot.accession)
        amount = from_milli(lot.on_hand_milli) if quantity is None else Decimal(str(quantity))
        lines = [f"{lot.accession.accenumb} {chinese}".strip(), other,
                 f"{material_label(lot.material)} · {amount} {unit_label(lot.unit)}"]
        if request_number:
            lines.append(_("Request %(number)s", number=request_number))
        labels.append(Label(lot_scan_url(lot.lot_number, base_url), lot.lot_number,
                            [line for line in lines if line]))
    return labels


class LabelProblem(ValueError):
    """Labels that cannot be printed as asked; the message names the lot and the reason."""


def packet_spec(text: str) -> tuple[str, Decimal | None]:
    """'L0001' -> ('L0001', None); 'L0001:5' -> ('L0001', 5): a packet of 5 of that lot.
    A tail after the last colon that is no positive number belongs to the lot number."""
    number, colon, tail = text.strip().rpartition(":")
    try:
        quantity = Decimal(tail) if colon else None
    except ArithmeticError:
        quantity = None
    if quantity is None or not quantity.is_finite() or quantity <= 0:
        return text.strip(), None
    return number, quantity


def packets(specs: list[str]) -> list[tuple[Lot, Decimal | None]]:
    """(lot, quantity) pairs for packet_labels from 'LOT' or 'LOT:QUANTITY' specs; LabelProblem
    for a lot number that names no lot or a quantity the lot's unit cannot hold."""
    parsed = [packet_spec(spec) for spec in specs if spec.strip()]
    if not parsed:
        raise LabelProblem(_("Name at least one lot (lot=LOT or lot=LOT:QUANTITY)."))
    found = {lot.lot_number: lot for lot in db.session.scalars(
        select(Lot).where(Lot.lot_number.in_({number for number, _q in parsed})))}
    pairs = []
    for number, quantity in parsed:
        if number not in found:
            raise LabelProblem(_("There is no lot %(number)s.", number=number))
        if quantity is not None:
            try:
                to_milli(quantity, found[number].unit)
            except QuantityProblem as problem:
                raise LabelProblem(f"{number}: {problem}") from None
        pairs.append((found[number], quantity))
    return pairs


def tree_sheet_title(accenumbs: list[str], block: str | None) -> str:
    return " · ".join([_("Tree labels"), *accenumbs, *([block] if block else [])])


def packet_sheet_title(request_number: str | None) -> str:
    return " · ".join([_("Packet labels"), *([request_number] if request_number else [])])


def sheets(labels: list[Label]) -> list[list[Label]]:
    return [labels[i:i + PER_SHEET] for i in range(0, len(labels), PER_SHEET)]


def render_sheet(labels: list[Label], title: str, back_url: str | None = None) -> str:
    """The printable page: a standalone HTML document (it also works saved to a file)."""
    return render_template("inventory/label_sheet.html", sheets=sheets(labels), title=title,
                           count=len(labels), back_url=back_url, columns=COLUMNS, rows=ROWS)
