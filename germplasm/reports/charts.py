"""Horizontal bar charts and progress bars as inline SVG, drawn on the server: the strict
CSP allows no script, and the page needs no chart library or network."""
from markupsafe import Markup, escape

WIDTH, ROW, LABEL = 420, 22, 150


def bars(rows: list[tuple], label: str) -> Markup:
    """One bar per (name, value) row, the value written after it."""
    if not rows:
        return Markup("")
    largest = max((float(value) for _, value in rows), default=0) or 1
    span = WIDTH - LABEL - 60
    drawn = []
    for index, (name, value) in enumerate(rows):
        y = index * ROW + 4
        width = span * float(value) / largest
        drawn.append(
            f'<text x="{LABEL - 6}" y="{y + 13}" class="tick" text-anchor="end">'
            f'{escape(str(name))}</text>'
            f'<rect x="{LABEL}" y="{y}" width="{width:.1f}" height="{ROW - 6}" class="bar">'
            f'<title>{escape(str(name))}: {escape(str(value))}</title></rect>'
            f'<text x="{LABEL + width + 4:.1f}" y="{y + 13}" class="tick">'
            f'{escape(str(value))}</text>')
    height = len(rows) * ROW + 8
    return Markup(f'<svg class="chart report" viewBox="0 0 {WIDTH} {height}" role="img" '
                  f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
                  f'{"".join(drawn)}</svg>')


def progress(done: int, plan: int, label: str) -> Markup:
    """A bar filled to done/plan (capped at full), with a line at the plan."""
    share = min(1.0, done / plan) if plan > 0 else 1.0
    span = WIDTH - 20
    return Markup(
        f'<svg class="chart report progress" viewBox="0 0 {WIDTH} 34" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
        f'<rect x="10" y="6" width="{span}" height="16" class="track"/>'
        f'<rect x="10" y="6" width="{span * share:.1f}" height="16" class="bar"/>'
        f'<text x="{10 + span}" y="32" class="tick" text-anchor="end">{plan}</text>'
        f'<text x="10" y="32" class="tick">{done}</text></svg>')
