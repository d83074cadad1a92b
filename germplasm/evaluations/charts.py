"""Small server-side SVG charts: where one accession stands in the collection.

Rendered on the server so the pages need no chart library and no internet access.
"""
import numpy as np
from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 320, 120, 24


def histogram(values, marker: float | None, label: str, bins: int = 20,
              format_value=str) -> Markup:
    """Bars for the collection's values, a red line at this accession's value."""
    values = np.asarray(values, dtype=float)
    if not len(values):
        return Markup("")
    low, high = float(values.min()), float(values.max())
    span = (high - low) or 1.0
    slots = np.minimum(((values - low) / span * bins).astype(int), bins - 1)
    counts = np.bincount(slots, minlength=bins).tolist()
    tallest = max(counts)
    width = (WIDTH - 2 * PAD) / bins
    bars = "".join(_bar(i, count, tallest, width) for i, count in enumerate(counts) if count)
    line = _marker(marker, low, span) if marker is not None else ""
    axis = (f'<text x="{PAD}" y="{HEIGHT - 4}" class="tick">{escape(format_value(low))}</text>'
            f'<text x="{WIDTH - PAD}" y="{HEIGHT - 4}" class="tick" text-anchor="end">'
            f'{escape(format_value(high))}</text>')
    return Markup(f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
                  f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
                  f'{bars}{line}{axis}</svg>')


def _bar(index: int, count: int, tallest: int, width: float) -> str:
    height = (HEIGHT - 2 * PAD) * count / tallest
    x, y = PAD + index * width, HEIGHT - PAD - height
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{width - 1:.1f}" height="{height:.1f}" '
            f'class="bar"><title>{count}</title></rect>')


def _marker(value: float, low: float, span: float) -> str:
    x = PAD + (value - low) / span * (WIDTH - 2 * PAD)
    return (f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{PAD / 2}" y2="{HEIGHT - PAD}" '
            f'class="marker"/>')


def percentile(values, value: float) -> int:
    """Share of the collection at or below this value, in percent."""
    values = np.asarray(values, dtype=float)
    if not len(values):
        return 0
    return round(100 * int(np.count_nonzero(values <= value)) / len(values))


def grade_bars(bars: list[tuple[str, int, str | None]], own: int | None, label: str) -> Markup:
    """One bar per grade, named by its label under it, in the scale's order (not bins of a
    continuous range). `bars` are (label, count, link or None); `own` is the index of this
    accession's grade, drawn in the marker's colour."""
    if not bars or not any(count for _, count, _ in bars):
        return Markup("")
    width = max(WIDTH, len(bars) * 56)
    slot = (width - 2 * PAD) / len(bars)
    tallest = max(count for _, count, _ in bars)
    drawn = "".join(_grade_bar(i, bar, tallest, slot, i == own) for i, bar in enumerate(bars))
    return Markup(f'<svg class="chart grades" viewBox="0 0 {width} {HEIGHT + 12}" role="img" '
                  f'aria-label="{escape(label)}"><title>{escape(label)}</title>{drawn}</svg>')


def _grade_bar(index: int, bar: tuple, tallest: int, slot: float, own: bool) -> str:
    name, count, link = bar
    height = (HEIGHT - 2 * PAD) * count / tallest
    x, y = PAD + index * slot, HEIGHT - PAD - height
    middle = x + (slot - 4) / 2
    kind = "bar own" if own else "bar"
    shape = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot - 4:.1f}" height="{height:.1f}" '
             f'class="{kind}"><title>{escape(name)}: {count}</title></rect>'
             f'<text x="{middle:.1f}" y="{y - 3:.1f}" class="tick" text-anchor="middle">'
             f'{count}</text>'
             f'<text y="{HEIGHT - PAD + 12}" class="tick grade" text-anchor="middle">'
             f'{_lines(name, middle)}</text>')
    return f'<a href="{escape(link)}">{shape}</a>' if link else shape


def _lines(name: str, x: float) -> str:
    """A long label ("None or very slight") on two lines, so neighbours do not overlap."""
    words = name.split()
    if len(name) <= 10 or len(words) < 2:
        return f'<tspan x="{x:.1f}">{escape(name)}</tspan>'
    half = max(1, len(words) // 2)
    first, second = " ".join(words[:half]), " ".join(words[half:])
    return (f'<tspan x="{x:.1f}">{escape(first)}</tspan>'
            f'<tspan x="{x:.1f}" dy="11">{escape(second)}</tspan>')
