"""Dot-and-whisker charts as plain geometry for the template to draw as inline SVG.

A chart is one row per group: a dot at the rate, a line across its 95% interval, and the rate
as text. The comparison with the reference group is carried by the dot's shape and a word, never
by color alone (WCAG 2.1 1.4.1). The axis always runs from 0% to 100% so that small differences
are not magnified. Everything here is numbers and text; the template escapes the text.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 720
LABEL_WIDTH = 250  # group names are right-aligned in this band
VALUE_WIDTH = 150  # rate text and comparison word on the right
PLOT_LEFT = LABEL_WIDTH + 10
PLOT_RIGHT = WIDTH - VALUE_WIDTH - 10
ROW_HEIGHT = 26
TOP = 30  # room for the reference-line labels
AXIS_HEIGHT = 30
TICKS = (0, 25, 50, 75, 100)
GRID_TOP = TOP - 4
LINE_LABEL_STEP = 12  # reference-line labels stack downwards from the top
DASHES = (("6 4", "dashed"), ("2 3", "dotted"), ("10 3 2 3", "dash-dot"))  # SVG pattern, and its name for the caption

# Shape per comparison call; the word is written next to the rate as well.
MARKERS = {
    "reference": "diamond",
    "better": "triangle-up",
    "worse": "triangle-down",
    "no difference": "circle",
    None: "circle",
}


LABEL_CHARACTERS = 34  # longer names are shortened in the chart (the table has them whole)


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_text: str  # the label as drawn, shortened to fit
    y: float
    x: float | None  # the dot; None when the rate is suppressed or has no denominator
    x_low: float | None
    x_high: float | None
    marker: str
    hollow: bool  # a denominator under the reliability minimum
    value_text: str  # the rate, or why there is none
    call_text: str  # "reference", "worse", "better", "" ...


@dataclass(frozen=True)
class ReferenceLine:
    label: str
    x: float
    dash: str  # SVG stroke-dasharray
    dash_name: str  # how the caption names it
    top: float  # the line starts just under its label
    label_y: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class DotChart:
    id: str
    title: str
    description: str  # the text alternative, read by screen readers
    width: int
    height: int
    plot_left: float
    plot_right: float
    grid_top: float
    axis_y: float
    rows: tuple[ChartRow, ...]
    ticks: tuple[Tick, ...]
    lines: tuple[ReferenceLine, ...]


@dataclass(frozen=True)
class ChartPoint:
    """One group to draw: rates as proportions (0 to 1)."""

    label: str
    rate: float | None
    lower: float | None
    upper: float | None
    comparison: str | None
    reliable: bool
    value_text: str


def x_position(proportion: float) -> float:
    """Horizontal position of a proportion on the 0% to 100% axis.

    >>> x_position(0.0) == PLOT_LEFT and x_position(1.0) == PLOT_RIGHT
    True
    """
    return round(PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * min(max(proportion, 0.0), 1.0), 2)


def dot_chart(chart_id: str, title: str, points: list[ChartPoint], lines: list[tuple[str, float]], description: str) -> DotChart:
    """Lay out one chart. `lines` are labelled vertical reference lines (overall rate, benchmark)."""
    rows = []
    for index, point in enumerate(points):
        drawn = point.rate is not None
        rows.append(ChartRow(
            label=point.label,
            label_text=shorten(point.label),
            y=TOP + ROW_HEIGHT * index + ROW_HEIGHT / 2,
            x=x_position(point.rate) if drawn else None,
            x_low=x_position(point.lower) if drawn and point.lower is not None else None,
            x_high=x_position(point.upper) if drawn and point.upper is not None else None,
            marker=MARKERS.get(point.comparison, "circle"),
            hollow=not point.reliable,
            value_text=point.value_text,
            call_text=point.comparison or "",
        ))
    axis_y = TOP + ROW_HEIGHT * len(points) + 4
    reference_lines = []
    for index, (label, value) in enumerate(lines):
        dash, name = DASHES[index % len(DASHES)]
        label_y = 11 + LINE_LABEL_STEP * index
        reference_lines.append(ReferenceLine(label, x_position(value), dash, name, label_y + 3, label_y))
    return DotChart(
        id=chart_id, title=title, description=description, width=WIDTH, height=round(axis_y + AXIS_HEIGHT),
        plot_left=PLOT_LEFT, plot_right=PLOT_RIGHT, grid_top=GRID_TOP, axis_y=axis_y, rows=tuple(rows),
        ticks=tuple(Tick(x_position(tick / 100), f"{tick}%") for tick in TICKS), lines=tuple(reference_lines),
    )


def shorten(label: str, limit: int = LABEL_CHARACTERS) -> str:
    """A label that fits the chart's label band.

    >>> shorten("Native Hawaiian or Pacific Islander")
    'Native Hawaiian or Pacific Island…'
    """
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def marker_points(shape: str, x: float, y: float, size: float = 7.0) -> str:
    """SVG polygon points for a marker shape (circles are drawn as circles)."""
    if shape == "diamond":
        corners = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
    elif shape == "triangle-up":
        corners = [(x, y - size), (x + size, y + size * 0.8), (x - size, y + size * 0.8)]
    elif shape == "triangle-down":
        corners = [(x, y + size), (x + size, y - size * 0.8), (x - size, y - size * 0.8)]
    else:
        return ""
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in corners)


# ---- trend charts: rates by measurement period, one line per group ----

TREND_HEIGHT = 240
TREND_LEFT = 56  # room for the percent ticks
TREND_RIGHT = WIDTH - 230  # room for the line labels on the right
TREND_TOP = 16
TREND_BOTTOM = TREND_HEIGHT - 34
TREND_LABEL_GAP = 13  # line labels closer than this are pushed apart


@dataclass(frozen=True)
class TrendSeries:
    """One group's rates by period (proportions; None where there is no published rate)."""

    label: str
    rates: tuple[float | None, ...]
    reliable: tuple[bool, ...] = ()  # per period; an unreliable rate is drawn hollow (default: all reliable)


@dataclass(frozen=True)
class TrendLine:
    label: str
    label_text: str
    label_y: float
    segments: tuple[str, ...]  # SVG polyline points; a missing rate breaks the line
    points: tuple[tuple[float, float, bool], ...]  # x, y, hollow (denominator under the reliability minimum)
    emphasis: bool  # the overall line is drawn heavier
    dash: str


@dataclass(frozen=True)
class TrendChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    periods: tuple[tuple[float, str], ...]  # x and label
    ticks: tuple[tuple[float, str], ...]  # y and label
    lines: tuple[TrendLine, ...]


def trend_chart(chart_id: str, title: str, periods: list[str], series: list[TrendSeries], description: str) -> TrendChart:
    """Lay out rates by period on a 0% to 100% axis; the first series is the emphasised one.

    Lines are told apart by their label at the right end and their dash pattern, not by color.
    """
    step = (TREND_RIGHT - TREND_LEFT) / max(len(periods) - 1, 1)
    xs = [round(TREND_LEFT + step * index, 2) if len(periods) > 1 else (TREND_LEFT + TREND_RIGHT) / 2 for index in range(len(periods))]

    def y_of(rate: float) -> float:
        return round(TREND_BOTTOM - (TREND_BOTTOM - TREND_TOP) * min(max(rate, 0.0), 1.0), 2)

    drawn = []
    # A group with no published rate in any period has no line (the table lists it).
    for index, one in enumerate(one for one in series if any(rate is not None for rate in one.rates)):
        reliable = one.reliable or (True,) * len(one.rates)
        points = [(x, y_of(rate), not sure) for x, rate, sure in zip(xs, one.rates, reliable, strict=True) if rate is not None]
        segments, current = [], []
        for x, rate in zip(xs, one.rates, strict=True):
            if rate is None:
                segments.append(current)
                current = []
            else:
                current.append(f"{x:.2f},{y_of(rate):.2f}")
        segments.append(current)
        last = next(y_of(rate) for rate in reversed(one.rates) if rate is not None)
        dash = "" if index == 0 else DASHES[(index - 1) % len(DASHES)][0]
        drawn.append((one, tuple(" ".join(segment) for segment in segments if len(segment) > 1), tuple(points), last, dash, index == 0))
    label_ys = _spread([last for _, _, _, last, _, _ in drawn])
    lines = tuple(
        TrendLine(one.label, shorten(one.label, 28), label_y, segments, points, emphasis, dash)
        for (one, segments, points, _, dash, emphasis), label_y in zip(drawn, label_ys, strict=True)
    )
    return TrendChart(
        id=chart_id, title=title, description=description, width=WIDTH, height=TREND_HEIGHT,
        plot_left=TREND_LEFT, plot_right=TREND_RIGHT, plot_top=TREND_TOP, plot_bottom=TREND_BOTTOM,
        periods=tuple(zip(xs, periods, strict=True)), ticks=tuple((y_of(tick / 100), f"{tick}%") for tick in TICKS), lines=lines,
    )


def _spread(positions: list[float]) -> list[float]:
    """Label heights at each line's last point, pushed down apart so no two overlap.

    >>> _spread([100.0, 104.0, 50.0])
    [100.0, 113.0, 50.0]
    """
    placed = list(positions)
    order = sorted(range(len(placed)), key=lambda index: placed[index])
    previous = None
    for index in order:
        if previous is not None and placed[index] < previous + TREND_LABEL_GAP:
            placed[index] = previous + TREND_LABEL_GAP
        previous = placed[index]
    limit = TREND_HEIGHT - 4.0  # labels pushed past the bottom are pushed back up, keeping the gap
    for index in reversed(order):
        placed[index] = min(placed[index], limit)
        limit = placed[index] - TREND_LABEL_GAP
    return placed
