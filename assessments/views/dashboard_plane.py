"""The dashboard's cost-quality plane, drawn on the server as inline SVG: one plane for
each currency in view (money in two currencies never shares an axis), every point a link
to its report with a name a screen reader reads, and the five assessments that gain the
most net benefit against their comparators named on it.

The geometry (scales, ticks, where names go) is `assessments.plane_svg`; this module puts
the portfolio's figures into it and words around them; `_dashboard_plane_svg.html` draws
it. Each plane is laid out twice, wide for a desk and narrow for a phone, as text in an
SVG grows and shrinks with it: the page shows the one that fits (CSS), so its text stays
about the size of the page's.
"""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel.numbers import format_compact_currency, get_currency_name

from assessments import plane_svg
from assessments.choices import Quadrant
from coprod_site.numbers import (
    NUMBER_LOCALE,
    currency_sign,
    format_money,
    format_number,
    round_to_estimate,
)

NAMED = 5  # points named on each plane: the most net benefit against the comparator
SIZES = {
    "wide": plane_svg.Size(width=720, height=440, font=13, name_chars=30),
    "narrow": plane_svg.Size(width=360, height=420, font=12, name_chars=21, marker=5),
}
CELL_LEVELS = 5  # shades of a binned cell, by its count against the fullest cell's

# Not colour alone: a marker's shape says the quality (up better, a diamond the same,
# down worse) and its fill the cost (solid cheaper, a dot in it the same, hollow dearer).
SHAPES = {"better": "up", "same": "diamond", "worse": "down"}
FILLS = {"cheaper": "solid", "same": "dot", "dearer": "hollow"}
QUALITY_WORDS = {"up": "better quality", "diamond": "the same quality", "down": "lower quality"}
QUADRANT_LABELS = {q.value: q.label for q in Quadrant}
CORNER_NAMES = {
    "dearer_worse": "Dearer, worse",
    "dearer_better": "Dearer, better",
    "cheaper_worse": "Cheaper, worse",
    "cheaper_better": "Cheaper, better",
}


def mark(quadrant: str) -> tuple[str, str]:
    """The marker for a quadrant: (shape, fill)."""
    cost, quality = quadrant.split("_")
    return SHAPES[quality], FILLS[cost]


def tick_money(value: float, currency: str) -> str:
    """Money on an axis, short: £10k, A$2.5m, £0, -£7.50."""
    if abs(value) >= 1000:
        return format_compact_currency(value, currency, locale=NUMBER_LOCALE, fraction_digits=2)
    places = 0 if float(value).is_integer() else 2
    return format_money(round(value, places), currency, places=places)


def tick_points(value: float) -> str:
    """Quality points on an axis: 10, 2.5, -5."""
    return format_number(value, places=0 if float(value).is_integer() else 2)


# Names for up to 300 points are written with Python's own formatting, as Babel's (which
# `format_number` and `format_money` use) took a third of the plane's time; for British
# English they write the same: thousands commas, a point for decimals, pence only when
# there are any.
def signed_points(value) -> str:
    """Quality points with their sign, to one place: +25, -3.5, 0."""
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.1f}".removesuffix(".0")
    return f"+{text}" if rounded > 0 else ("0" if rounded == 0 else text)


def cost_words(value, currency: str) -> str:
    """A change in cost per client-year in words that carry its sign: "cost £26.60 less
    per client-year", to three significant figures."""
    if not value:
        return "the same cost per client-year"
    amount = round_to_estimate(abs(value))
    figure = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return f"cost {sign_of(currency)}{figure} {'more' if value > 0 else 'less'} per client-year"


@cache
def sign_of(currency: str) -> str:
    return currency_sign(currency)


def point_name(point: dict, currency: str) -> str:
    """What a screen reader says for a point: whose it is, where it stands, what that means."""
    return (
        f"{point['title']}, {point['service__agency__name']}: "
        f"quality {signed_points(point['result_quality_change'])} points, "
        f"{cost_words(point['result_cost_change'], currency)}, "
        f"{QUADRANT_LABELS[point['result_quadrant']]}"
    )


def _text(value: float) -> str:
    """A coordinate as the SVG takes it: Django's templates would format a float for the
    reader (1,234.5), slowly."""
    return f"{value:g}"


def _label(label: plane_svg.Label | None) -> dict | None:
    if label is None:
        return None
    return {
        "text": label.text,
        "x": _text(label.x),
        "y": _text(label.y),
        "anchor": label.anchor,
        "leader": label.leader and [_text(v) for v in label.leader],
    }


def top_named(points: list[dict], how_many: int = NAMED) -> list[int]:
    """The indexes of the points with the most net benefit against their comparators,
    highest first (by title on a tie); those without one (no value on a quality point)
    are never named."""
    valued = [i for i, p in enumerate(points) if p["result_net_benefit_change"] is not None]
    valued.sort(key=lambda i: (-points[i]["result_net_benefit_change"], points[i]["title"]))
    return valued[:how_many]


def _legend(quadrants: set[str]) -> list[dict]:
    """A key for each quadrant on the plane, its marker drawn in a 16 x 16 box."""
    return [
        {
            "quadrant": q.value,
            "label": q.label,
            "fill": mark(q)[1],
            "path": plane_svg.marker_path(mark(q)[0], 8, 8, 5),
        }
        for q in Quadrant
        if q.value in quadrants
    ]


def _point_plane(points: list[dict], currency: str, slope: float | None) -> dict:
    named = top_named(points)
    coordinates = [
        (float(p["result_quality_change"]), float(p["result_cost_change"])) for p in points
    ]
    names = [(i, points[i]["title"]) for i in named]
    spoken = [point_name(p, currency) for p in points]
    layouts = []
    for kind, size in SIZES.items():
        layout = plane_svg.layout(
            coordinates,
            size=size,
            x_label=tick_points,
            y_label=lambda v: tick_money(v, currency),
            names=names,
            slope=slope,
            corner_names=CORNER_NAMES,
        )
        marks = []
        for index, (point, (x, y)) in enumerate(zip(points, layout.points, strict=True)):
            shape, fill = mark(point["result_quadrant"])
            marks.append(
                {
                    "url": f"/assessments/{point['code']}/",
                    "name": spoken[index],
                    "quadrant": point["result_quadrant"],
                    "fill": fill,
                    "path": plane_svg.marker_path(shape, x, y, size.marker),
                    "x": _text(x),
                    "y": _text(y),
                    "ring": _text(size.marker + 5),
                    "label": _label(layout.labels.get(index)),
                }
            )
        # Named points last, so that their markers and names are drawn over the others'.
        marks.sort(key=lambda m: m["label"] is not None)
        layouts.append({"kind": kind, "layout": layout, "marks": marks})
    return {
        "layouts": layouts,
        "legend": _legend({p["result_quadrant"] for p in points}),
        "named": [
            {
                "title": points[i]["title"],
                "url": f"/assessments/{points[i]['code']}/",
                "net_benefit_change": points[i]["result_net_benefit_change"],
            }
            for i in named
        ],
        "count": len(points),
    }


def _cell_plane(cells: list[dict], currency: str, slope: float | None) -> dict:
    """The binned plane: a rectangle for each cell holding any, its quadrants together."""
    by_cell = defaultdict(list)
    for cell in cells:
        by_cell[cell["x_cell"], cell["y_cell"]].append(cell)
    grouped = list(by_cell.values())
    edges = [(g[0]["x_from"], g[0]["x_to"], g[0]["y_from"], g[0]["y_to"]) for g in grouped]
    fullest = max(sum(c["count"] for c in g) for g in grouped)
    layouts = []
    for kind, size in SIZES.items():
        layout = plane_svg.layout(
            [],
            size=size,
            x_label=tick_points,
            y_label=lambda v: tick_money(v, currency),
            slope=slope,
            cells=edges,
            corner_names=CORNER_NAMES,
        )
        rects = []
        for group, box in zip(grouped, layout.cells, strict=True):
            count = sum(c["count"] for c in group)
            first = group[0]
            parts = ", ".join(
                f"{c['count']} {Quadrant(c['result_quadrant']).label.lower()}" for c in group
            )
            name = (
                f"{count} assessment{'s' if count != 1 else ''} with quality "
                f"{signed_points(first['x_from'])} to {signed_points(first['x_to'])} points and "
                f"extra cost per client-year {tick_money(first['y_from'], currency)} to "
                f"{tick_money(first['y_to'], currency)}: {parts}"
            )
            width, height = box.right - box.left, box.bottom - box.top
            text = str(count)
            fits = width >= plane_svg.text_width(text, size.font * 0.85) + 2
            rects.append(
                {
                    "box": box,
                    "width": round(width, 1),
                    "height": round(height, 1),
                    "name": name,
                    "count": text,
                    "level": -(-count * CELL_LEVELS // fullest),  # 1 to CELL_LEVELS
                    "show_count": fits and height >= size.font * 0.9,
                    "text_x": round(box.left + width / 2, 1),
                    "text_y": round(box.top + height / 2 + size.font * 0.3, 1),
                }
            )
        layouts.append({"kind": kind, "layout": layout, "rects": rects})
    return {
        "layouts": layouts,
        "legend": [],
        "named": [],
        "count": sum(c["count"] for c in cells),
    }


def planes(plane: dict, *, wtp=None, wtp_currency: str | None = None) -> dict:
    """Each currency's plane, ready to draw. `wtp`, one agency's value of a quality point
    in `wtp_currency`, draws its line on that currency's plane."""
    binned = plane["binned"]
    items = plane["cells"] if binned else plane["points"]
    currencies = plane.get("currencies") or sorted({i["currency_code"] for i in items})
    several = len(currencies) > 1
    drawn = []
    for number, currency in enumerate(currencies, start=1):
        mine = [i for i in items if i["currency_code"] == currency]
        if not binned:
            mine = [
                p
                for p in mine
                if p["result_quality_change"] is not None and p["result_cost_change"] is not None
            ]
        if not mine:
            continue
        slope = None
        if wtp is not None and wtp_currency in (None, currency):
            slope = float(wtp)
        figure = (_cell_plane if binned else _point_plane)(mine, currency, slope)
        drawn.append(
            {
                **figure,
                "id": f"plane-{currency.lower()}",
                "number": number,
                "currency": currency,
                "currency_name": get_currency_name(currency, count=2, locale=NUMBER_LOCALE),
                "heading": several,
                "wtp": slope is not None,
            }
        )
    return {"binned": binned, "several": several, "planes": drawn}
