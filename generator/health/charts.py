"""Static SVG bar charts, drawn at build time.

Hand-made SVG rather than a plotting library: a horizontal bar chart is a few
rectangles and labels, and drawing it here keeps the output byte-identical from
build to build, adds no dependency and no script, and lets the colours come from the
theme's CSS variables (`fill: var(--link)`), so the chart follows dark mode like the
rest of the page. Libraries such as matplotlib or pygal bake colours and fonts into
the file and weigh tens of megabytes. Every chart sits next to a table with the
same numbers (the accessible fallback); the SVG itself is role="img" with a title.
"""
from __future__ import annotations

from markupsafe import Markup, escape

BAR = 22          # bar height
GAP = 8
LABEL_WIDTH = 210
BAR_WIDTH = 300
CHARS = 30        # longest label drawn in full; longer ones end with an ellipsis


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]]) -> Markup:
    """A horizontal bar chart of (label, count) rows, largest first as given."""
    top = max((count for _, count in rows), default=0) or 1
    height = max(1, len(rows)) * (BAR + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [f'<svg class="kc-chart" id="{escape(chart_id)}" role="img" aria-labelledby="{escape(chart_id)}-title" '
             f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{escape(chart_id)}-title">{escape(title)}</title>']
    for index, (label, count) in enumerate(rows):
        y = GAP + index * (BAR + GAP)
        shown = label if len(label) <= CHARS else label[:CHARS - 1] + "…"
        length = round(BAR_WIDTH * count / top) if count else 0
        parts.append(f'<text class="kc-chart-label" x="{LABEL_WIDTH - 8}" y="{y + BAR * 0.7:.1f}" '
                     f'text-anchor="end">{escape(shown)}</text>')
        parts.append(f'<rect class="kc-chart-bar" x="{LABEL_WIDTH}" y="{y}" width="{max(length, 2)}" '
                     f'height="{BAR}" rx="3"><title>{escape(label)}: {count}</title></rect>')
        parts.append(f'<text class="kc-chart-value" x="{LABEL_WIDTH + max(length, 2) + 6}" '
                     f'y="{y + BAR * 0.7:.1f}">{count}</text>')
    if not rows:
        parts.append(f'<text class="kc-chart-label" x="8" y="{BAR * 0.7:.1f}">Nothing to show</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
