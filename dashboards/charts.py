"""Server-drawn SVG bar charts: the geometry is worked out here, the template only draws it.

Colours are SVG presentation attributes (the CSP forbids style attributes); each chart is
labelled for assistive technology and shown beside a table of the same numbers.
"""

from dataclasses import dataclass, field

WIDTH = 480
LABEL_WIDTH = 170
BAR_HEIGHT = 22
GAP = 8
#: Colours with at least 3:1 contrast against white, told apart by the legend and the table too.
PALETTE = {
    "open": "#1d3a5f",
    "overdue": "#a4161a",
    "closed": "#1b5e20",
    "soon": "#8a5a00",
    "neutral": "#495057",
}


@dataclass
class Segment:
    name: str
    value: int
    colour: str
    x: float = 0
    width: float = 0


@dataclass
class Bar:
    label: str
    segments: list[Segment]
    y: float = 0
    text_y: float = 0
    total: int = 0
    total_x: float = 0


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    bars: list[Bar]
    legend: list[tuple[str, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = 0


def bar_chart(*, slug: str, title: str, rows: list[tuple[str, list[tuple[str, int, str]]]]):
    """rows: (label, [(segment name, value, colour key)]). Bars are stacked horizontally."""
    bars = [
        Bar(label=label, segments=[Segment(n, v, PALETTE[c]) for n, v, c in parts])
        for label, parts in rows
    ]
    biggest = max((sum(s.value for s in bar.segments) for bar in bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 40
    for index, bar in enumerate(bars):
        bar.y = index * (BAR_HEIGHT + GAP)
        bar.text_y = bar.y + BAR_HEIGHT * 0.7
        x = float(LABEL_WIDTH)
        for segment in bar.segments:
            segment.x = round(x, 1)
            segment.width = round(segment.value / biggest * room, 1)
            x += segment.width
        bar.total = sum(s.value for s in bar.segments)
        bar.total_x = round(x + 4, 1)
    legend = []
    for bar in bars[:1]:
        legend = [(s.name, s.colour) for s in bar.segments]
    parts = "; ".join(
        f"{bar.label}: " + ", ".join(f"{s.value} {s.name.lower()}" for s in bar.segments)
        for bar in bars
    )
    return Chart(
        slug=slug,
        title=title,
        description=parts or "No data.",
        bars=bars,
        legend=legend if len(legend) > 1 else [],
        height=max(len(bars), 1) * (BAR_HEIGHT + GAP),
    )
