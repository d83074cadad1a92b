"""A rectangular dendrogram as SVG, drawn on the server without matplotlib (which
Bio.Phylo.draw needs): leaves one row apart, each clade at its distance from the root, a
scale bar for branch length. Text is escaped and written as UTF-8, with a font list that
has Chinese glyphs on the usual systems."""
import math
import re
import unicodedata
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from Bio.Phylo.BaseTree import Tree

ROW = 20  # px between leaves
PLOT = 420  # px for the longest root-to-leaf distance
MARGIN = 16
FONT = 13
FONTS = ("'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
         "'WenQuanYi Micro Hei', sans-serif")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(tree: Tree, title: str, link: Callable[[str], str | None] = lambda _label: None
           ) -> str:
    """The SVG document; `link(label)` gives a leaf's href (None: plain text)."""
    leaves = tree.get_terminals()
    depth = tree.depths()
    scale = PLOT / (max(depth.values()) or 1)
    x = {c: MARGIN + d * scale for c, d in depth.items()}
    y = _rows(tree, {leaf: MARGIN + ROW * (i + 0.5) for i, leaf in enumerate(leaves)})
    width = MARGIN * 2 + PLOT + 8 + max(_text_width(leaf.name or "") for leaf in leaves)
    height = MARGIN * 2 + ROW * len(leaves) + 36
    parts = [_line(MARGIN - 8, y[tree.root], x[tree.root], y[tree.root])]
    for clade in tree.find_clades():
        for child in clade.clades:
            parts.append(_line(x[clade], y[child], x[child], y[child]))
        if clade.clades:
            parts.append(_line(x[clade], y[clade.clades[0]], x[clade], y[clade.clades[-1]]))
    parts += [_leaf(leaf.name or "", x[leaf] + 6, y[leaf], link) for leaf in leaves]
    parts += _scale_bar(MARGIN, MARGIN + ROW * len(leaves) + 20, scale)
    return _document(width, height, _clean(title), parts)


def _rows(tree: Tree, y: dict) -> dict:
    """A clade's row: midway between its first and last child's, leaves first."""
    for clade in tree.find_clades(order="postorder"):
        if clade.clades:
            y[clade] = (y[clade.clades[0]] + y[clade.clades[-1]]) / 2
    return y


def _line(x1, y1, x2, y2) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'


def _leaf(label: str, x: float, y: float, link) -> str:
    text = f'<text x="{x:.1f}" y="{y + FONT * 0.35:.1f}">{escape(_clean(label))}</text>'
    href = link(label)
    return f"<a href={quoteattr(href)}>{text}</a>" if href else text


def _scale_bar(x: float, y: float, scale: float) -> list[str]:
    """A round length (0.01, 0.02, 0.05, 0.1 …) about a fifth of the plot wide."""
    target = PLOT / 5 / scale
    step = 10 ** math.floor(math.log10(target)) if target > 0 else 0.1
    length = max((m * step for m in (1, 2, 5) if m * step <= target), default=step)
    return [_line(x, y, x + length * scale, y),
            f'<text x="{x + length * scale + 6:.1f}" y="{y + FONT * 0.35:.1f}">{length:g}</text>']


def _text_width(text: str) -> float:
    """Wide (CJK) characters take about one em, others a little over half."""
    return sum(FONT if unicodedata.east_asian_width(c) in "WF" else FONT * 0.62 for c in text)


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot hold, dropped."""
    return _NOT_XML.sub("", text)


def _document(width: float, height: float, title: str, parts: list[str]) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" class="dendrogram">\n'
            f"<title>{escape(title)}</title>\n"
            f'<g stroke="#333" stroke-width="1.2" fill="none">\n' + "\n".join(
                p for p in parts if p.startswith("<line")) + "\n</g>\n"
            f'<g font-family={quoteattr(FONTS)} font-size="{FONT}" fill="#111">\n' + "\n".join(
                p for p in parts if not p.startswith("<line")) + "\n</g>\n</svg>\n")
