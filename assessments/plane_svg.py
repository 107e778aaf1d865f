"""The portfolio plane's geometry, for drawing it on the server as SVG: the scales and
their ticks, the willingness-to-pay line clipped to the plot, the markers' outlines, and
where the names of the top points go so that they do not overlap.

Pure Python, no Django: plain numbers and strings in, plain numbers and strings out; the
template (`_dashboard_plane_svg.html`) draws them. Coordinates are in the SVG's viewBox
units, y downwards, rounded to a tenth so the markup stays short.

Text widths are estimated (CHAR_WIDTH of the font size a character, NAME_WIDTH in the
names' semi-bold: a little wider than the average of a sans-serif face), as the server
cannot measure the reader's font.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

CHAR_WIDTH = 0.6  # of the font size, for an average character of a sans-serif face
NAME_WIDTH = 0.7  # the same in the semi-bold of the points' names (DejaVu Sans is wide)
ELLIPSIS = "…"
MIN_NAME_CHARS = 8  # a name is not cut shorter than this to fit beside its point


@dataclass(frozen=True)
class Size:
    """A drawing's size in viewBox units, its font size and how long a name may be."""

    width: int
    height: int
    font: float
    name_chars: int  # a name longer than this is cut with an ellipsis
    marker: float = 5.5  # a marker's radius


@dataclass(frozen=True)
class Scale:
    """Maps values in [low, high] onto [start, end] (end may be below start: y goes down)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return self.start + (value - self.low) / span * (self.end - self.start)


@dataclass(frozen=True)
class Tick:
    value: float
    position: float  # along its axis
    label: str
    text_at: float  # where its label's baseline (y ticks) or middle (x ticks) goes


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def inside(self, other: "Box") -> bool:
        return (
            self.left >= other.left
            and self.right <= other.right
            and self.top >= other.top
            and self.bottom <= other.bottom
        )


@dataclass(frozen=True)
class Label:
    """A point's name: its text's baseline start (or end, `anchor`), and a leader line
    from the point when the name had to move away from it."""

    text: str
    x: float
    y: float
    anchor: str  # "start" or "end"
    leader: tuple[float, float, float, float] | None = None


@dataclass
class Layout:
    size: Size
    plot: Box
    x_text_at: float  # the baseline of the x ticks' labels
    y_text_at: float  # where the y ticks' labels end
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    x_zero: float  # where quality gained is 0 (a vertical line)
    y_zero: float  # where the extra cost is 0 (a horizontal line)
    line: tuple[float, float, float, float] | None  # willingness to pay, clipped
    points: list[tuple[float, float]]  # each point's centre, in the order given
    labels: dict[int, Label] = field(default_factory=dict)  # by the point's index
    cells: list[Box] = field(default_factory=list)  # binned: each cell's rectangle
    corners: list[tuple[str, float, float, str]] = field(default_factory=list)


def text_width(text: str, font: float) -> float:
    return len(text) * font * CHAR_WIDTH


def truncate(text: str, limit: int) -> str:
    """The text cut to `limit` characters, an ellipsis the last, at a word's end where one
    is near."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + ELLIPSIS


def nice_step(span: float, count: int = 6) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `count` ticks."""
    if span <= 0:
        return 1.0
    rough = span / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(rough))
    for multiple in (1, 2, 2.5, 5, 10):
        if rough <= multiple * power * 1.0000001:
            return multiple * power
    return 10 * power  # pragma: no cover - the loop ends at 10


def _clean(value: float, step: float) -> float:
    # 0.1 + 0.2 is 0.30000000000000004: round to well below the step.
    places = max(0, 6 - math.floor(math.log10(step)))
    rounded = round(value, places)
    return 0.0 if rounded == 0 else rounded


def nice_domain(values: Sequence[float], count: int = 6, pad: float = 0.05):
    """The axis for these values: always taking in 0 (so the plane's quarters show), padded
    a little on both sides (a point on 0 is not drawn on the plot's edge), widened to
    whole steps. Returns (low, high, ticks)."""
    low, high = min([0.0, *values]), max([0.0, *values])
    if high == low:
        low, high = low - 1, high + 1
    margin = (high - low) * pad
    low, high = low - margin, high + margin
    step = nice_step(high - low, count)
    low = _clean(math.floor(low / step + 1e-9) * step, step)
    high = _clean(math.ceil(high / step - 1e-9) * step, step)
    ticks = [
        float(_clean(low + index * step, step)) for index in range(round((high - low) / step) + 1)
    ]
    return float(low), float(high), ticks


def clip_line(slope: float, x_low: float, x_high: float, y_low: float, y_high: float):
    """The part of y = slope * x inside the box, as (x1, y1, x2, y2) in values; None if
    the line misses it."""
    if slope == 0:
        return (x_low, 0.0, x_high, 0.0) if y_low <= 0 <= y_high else None
    ends = sorted((y_low / slope, y_high / slope))
    start, end = max(x_low, ends[0]), min(x_high, ends[1])
    if start >= end:
        return None
    return (start, slope * start, end, slope * end)


def marker_path(shape: str, x: float, y: float, r: float) -> str:
    """A marker's outline as an SVG path: "up" and "down" triangles, a "diamond", a
    "circle" otherwise."""
    if shape == "up":
        return f"M{x:.1f} {y - r * 1.15:.1f}L{x + r * 1.1:.1f} {y + r * 0.8:.1f}H{x - r * 1.1:.1f}Z"
    if shape == "down":
        return f"M{x:.1f} {y + r * 1.15:.1f}L{x + r * 1.1:.1f} {y - r * 0.8:.1f}H{x - r * 1.1:.1f}Z"
    if shape == "diamond":
        d = r * 1.2
        return f"M{x:.1f} {y - d:.1f}L{x + d:.1f} {y:.1f}L{x:.1f} {y + d:.1f}L{x - d:.1f} {y:.1f}Z"
    return f"M{x - r:.1f} {y:.1f}a{r:.1f} {r:.1f} 0 1 0 {2 * r:.1f} 0a{r:.1f} {r:.1f} 0 1 0 {-2 * r:.1f} 0Z"


def _label_box(text: str, x: float, y: float, anchor: str, font: float) -> Box:
    width = len(text) * font * NAME_WIDTH
    left = x if anchor == "start" else x - width
    return Box(left, y - font * 0.8, left + width, y + font * 0.25)


def crosses(segment: tuple[float, float, float, float], box: Box) -> bool:
    """Whether the segment passes through the box (Liang and Barsky's clipping)."""
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    start, end = 0.0, 1.0
    for p, q in (
        (-dx, x1 - box.left),
        (dx, box.right - x1),
        (-dy, y1 - box.top),
        (dy, box.bottom - y1),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            start = max(start, t)
        else:
            end = min(end, t)
        if start > end:
            return False
    return True


def place_labels(
    anchors: Sequence[tuple[float, float]],
    texts: Sequence[str],
    *,
    bounds: Box,
    font: float,
    radius: float,
    obstacles: Sequence[Box] = (),
    dots: Sequence[tuple[float, float]] = (),
    across: Sequence[float] = (),
    upright: Sequence[float] = (),
    segments: Sequence[tuple[float, float, float, float]] = (),
) -> list[Label]:
    """Where each text goes beside its anchor (a point's centre), the first placed first.

    Each name tries positions in turn (cut shorter, with an ellipsis, where a side has
    too little room for it, at a cost): right, left, above and below on either side, then
    right and left moved up or down a line at a time (with a leader line back to its
    point). It takes the first that stays inside `bounds` and overlaps no name already
    placed and no obstacle (the quarters' names), covering as few of the other `dots`,
    and crossing as few lines (`across` at these y, `upright` at these x: the zero lines,
    which would show between its words; and `segments`, the willingness-to-pay line) as
    it can; failing all, the one that overlaps least.
    """
    gap = radius + 3
    line = font * 1.25
    placed: list[Box] = []
    labels = []
    for (x, y), text in zip(anchors, texts, strict=True):
        middle = y + font * 0.3
        # Only dots a name placed here could reach: a few, not all 300.
        reach = len(text) * font * NAME_WIDTH + gap + 4 + radius
        near = [
            Box(dx - radius, dy - radius, dx + radius, dy + radius)
            for dx, dy in dots
            if (dx, dy) != (x, y) and abs(dx - x) <= reach and abs(dy - y) <= 6 * line
        ]
        candidates = [
            (x + gap, middle, "start", False),
            (x - gap, middle, "end", False),
            (x + radius, y - gap, "start", False),
            (x + radius, y + gap + font * 0.8, "start", False),
            (x - radius, y - gap, "end", False),
            (x - radius, y + gap + font * 0.8, "end", False),
        ]
        for step in range(1, 5):
            for direction in (-1, 1):
                shifted = middle + direction * step * line
                candidates.append((x + gap + 4, shifted, "start", True))
                candidates.append((x - gap - 4, shifted, "end", True))
        best, best_cost = None, math.inf
        for order, (lx, ly, anchor, moved) in enumerate(candidates):
            shown = text
            box = _label_box(shown, lx, ly, anchor, font)
            # Too long for the room on this side: shorter, rather than off the plot.
            room = bounds.right - lx if anchor == "start" else lx - bounds.left
            if box.right - box.left > room:
                fits = int(room // (font * NAME_WIDTH))
                if fits >= MIN_NAME_CHARS:
                    shown = truncate(text, fits)
                    box = _label_box(shown, lx, ly, anchor, font)
            cost = order + 6 * (len(text) - len(shown))
            if not box.inside(bounds):
                cost += 10_000
            cost += 1_000 * sum(box.overlaps(other) for other in (*placed, *obstacles))
            cost += 20 * sum(box.overlaps(dot) for dot in near)
            cost += 8 * sum(box.top - 1 < line_y < box.bottom + 1 for line_y in across)
            cost += 8 * sum(box.left - 1 < line_x < box.right + 1 for line_x in upright)
            cost += 8 * sum(crosses(segment, box) for segment in segments)
            if cost < best_cost:
                best, best_cost = (shown, lx, ly, anchor, moved, box), cost
        shown, lx, ly, anchor, moved, box = best
        leader = None
        if moved:
            edge = box.left if anchor == "start" else box.right
            leader = (round(x, 1), round(y, 1), round(edge, 1), round(ly - font * 0.3, 1))
        placed.append(box)
        labels.append(Label(shown, round(lx, 1), round(ly, 1), anchor, leader))
    return labels


CORNERS = (
    # (which quarter, x side, y side): y "top" is dearer, x "right" is better.
    ("dearer_worse", "left", "top"),
    ("dearer_better", "right", "top"),
    ("cheaper_worse", "left", "bottom"),
    ("cheaper_better", "right", "bottom"),
)


def layout(
    points: Sequence[tuple[float, float]],
    *,
    size: Size,
    x_label: Callable[[float], str],
    y_label: Callable[[float], str],
    names: Sequence[tuple[int, str]] = (),
    slope: float | None = None,
    cells: Sequence[tuple[float, float, float, float]] = (),
    corner_names: dict[str, str] | None = None,
) -> Layout:
    """The plane for `points` (quality gained, extra cost) or, binned, for `cells` (each
    (x_from, x_to, y_from, y_to)): its scales and ticks, labelled by `x_label` and
    `y_label`; `names` (a point's index and its text, the first the most important) set
    beside their points; the line y = slope * x; the quarters' names in their corners
    where there is room."""
    xs = [x for x, _ in points] + [v for c in cells for v in c[:2]]
    ys = [y for _, y in points] + [v for c in cells for v in c[2:]]
    x_low, x_high, x_values = nice_domain(xs)
    y_low, y_high, y_values = nice_domain(ys)
    font = size.font
    y_texts = [y_label(v) for v in y_values]
    left = max(text_width(t, font) for t in y_texts) + font * 2.4
    bottom = font * 3.2
    plot = Box(round(left, 1), font, size.width - font, size.height - bottom)
    x_scale = Scale(x_low, x_high, plot.left, plot.right)
    y_scale = Scale(y_low, y_high, plot.bottom, plot.top)

    x_ticks = [Tick(v, round(x_scale(v), 1), x_label(v), round(x_scale(v), 1)) for v in x_values]
    # Fewer x labels where they would touch: every other one, keeping 0.
    widest = max(text_width(t.label, font) for t in x_ticks)
    spacing = (plot.right - plot.left) / max(len(x_ticks) - 1, 1)
    if widest + font > spacing:
        zero = next((i for i, t in enumerate(x_ticks) if t.value == 0), 0)
        x_ticks = [
            t if (i - zero) % 2 == 0 else Tick(t.value, t.position, "", t.text_at)
            for i, t in enumerate(x_ticks)
        ]
    y_ticks = [
        Tick(v, round(y_scale(v), 1), text, round(y_scale(v) + font * 0.35, 1))
        for v, text in zip(y_values, y_texts, strict=True)
    ]

    line = None
    if slope is not None:
        clipped = clip_line(slope, x_low, x_high, y_low, y_high)
        if clipped:
            x1, y1, x2, y2 = clipped
            line = tuple(round(v, 1) for v in (x_scale(x1), y_scale(y1), x_scale(x2), y_scale(y2)))

    centres = [(round(x_scale(x), 1), round(y_scale(y), 1)) for x, y in points]
    boxes = []
    for x_from, x_to, y_from, y_to in cells:
        boxes.append(
            Box(
                round(x_scale(x_from), 1),
                round(y_scale(y_to), 1),
                round(x_scale(x_to), 1),
                round(y_scale(y_from), 1),
            )
        )

    # The quarters' names, small, in the plot's corners where their quarter has room.
    x_zero, y_zero = round(x_scale(0), 1), round(y_scale(0), 1)
    corners, corner_boxes = [], []
    small = font * 0.85
    pad = font * 0.4
    for quarter, x_side, y_side in CORNERS:
        text = (corner_names or {}).get(quarter)
        if not text:
            continue
        width = text_width(text, small)
        room_x = (x_zero - plot.left) if x_side == "left" else (plot.right - x_zero)
        room_y = (y_zero - plot.top) if y_side == "top" else (plot.bottom - y_zero)
        if room_x < width + 2 * pad or room_y < small * 2:
            continue
        x = plot.left + pad if x_side == "left" else plot.right - pad
        y = plot.top + pad + small * 0.8 if y_side == "top" else plot.bottom - pad
        anchor = "start" if x_side == "left" else "end"
        corners.append((text, round(x, 1), round(y, 1), anchor))
        corner_boxes.append(_label_box(text, x, y, anchor, small))

    labels = {}
    if names:
        placed = place_labels(
            [centres[index] for index, _ in names],
            [truncate(text, size.name_chars) for _, text in names],
            bounds=plot,
            font=font,
            radius=size.marker,
            obstacles=corner_boxes,
            dots=centres,
            across=[y_zero],
            upright=[x_zero],
            segments=[line] if line else [],
        )
        labels = {index: label for (index, _), label in zip(names, placed, strict=True)}

    return Layout(
        size=size,
        plot=plot,
        x_text_at=round(plot.bottom + font * 1.3, 1),
        y_text_at=round(plot.left - font * 0.4, 1),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        x_zero=x_zero,
        y_zero=y_zero,
        line=line,
        points=centres,
        labels=labels,
        cells=boxes,
        corners=corners,
    )
