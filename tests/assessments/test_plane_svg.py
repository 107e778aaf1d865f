"""The plane's geometry (assessments.plane_svg): scales, ticks, the clipped line, the
markers and where the names go. Pure functions, so no database."""

import pytest

from assessments import plane_svg
from assessments.plane_svg import Box, Scale, Size

WIDE = Size(width=720, height=440, font=13, name_chars=30)
NARROW = Size(width=360, height=420, font=12, name_chars=21, marker=5)


def label(value):
    return f"{value:g}"


@pytest.mark.parametrize(
    "span, step",
    [(100, 20), (112, 25), (40, 10), (0.5, 0.1), (3_000_000, 1_000_000), (7, 2), (0, 1)],
)
def test_a_step_is_a_round_number_giving_about_six_ticks(span, step):
    assert plane_svg.nice_step(span) == pytest.approx(step)


def test_the_domain_takes_in_zero_pads_and_ends_on_ticks():
    low, high, ticks = plane_svg.nice_domain([10, 50, 100])
    # All better: 0 is still on the axis, with a step below it so a point on 0 is not
    # drawn on the edge.
    assert (low, high) == (-25, 125)
    assert ticks == [-25, 0, 25, 50, 75, 100, 125]
    low, high, ticks = plane_svg.nice_domain([-26.57, -9.25, 3])
    assert (low, high, ticks) == (-30, 10, [-30, -20, -10, 0, 10])


def test_ticks_carry_no_floating_point_noise():
    _, _, ticks = plane_svg.nice_domain([0.1, 0.3])
    assert ticks == [-0.1, 0, 0.1, 0.2, 0.3, 0.4]
    assert all(len(repr(t)) <= 4 for t in ticks)


def test_one_value_or_none_still_makes_an_axis():
    low, high, ticks = plane_svg.nice_domain([])
    assert low < 0 < high and 0 in ticks
    low, high, _ = plane_svg.nice_domain([0, 0])
    assert low < 0 < high


def test_a_scale_maps_values_onto_pixels_either_way_up():
    across = Scale(-10, 30, 100, 500)
    assert across(-10) == 100 and across(30) == 500 and across(0) == 200
    up = Scale(0, 100, 400, 0)  # y grows downwards in SVG
    assert up(0) == 400 and up(100) == 0 and up(25) == 300


def test_the_line_is_clipped_to_the_box():
    # y = 2.5x inside x -20..100, y -30..40: it enters at y = -30 and leaves at y = 40.
    assert plane_svg.clip_line(2.5, -20, 100, -30, 40) == pytest.approx((-12, -30, 16, 40))
    # A shallow line crosses the whole width.
    assert plane_svg.clip_line(0.1, -20, 100, -30, 40) == pytest.approx((-20, -2, 100, 10))
    # A flat line runs along 0; a line that misses the box is not drawn.
    assert plane_svg.clip_line(0, -1, 1, -1, 1) == (-1, 0, 1, 0)
    assert plane_svg.clip_line(5, 10, 20, -30, -10) is None


def test_long_names_are_cut_at_a_word_with_an_ellipsis():
    assert (
        plane_svg.truncate("Pre-filled online tax returns", 30) == "Pre-filled online tax returns"
    )
    cut = plane_svg.truncate("Reading at home with parents in the evening", 20)
    assert cut == "Reading at home…" and len(cut) <= 20
    # No space near the end: cut mid-word rather than lose most of the name.
    assert plane_svg.truncate("Supercalifragilisticexpialidocious", 10) == "Supercali…"
    assert plane_svg.truncate("  spaced   out  ", 20) == "spaced out"


@pytest.mark.parametrize("shape", ["up", "down", "diamond", "circle"])
def test_every_marker_is_a_closed_path_around_its_point(shape):
    path = plane_svg.marker_path(shape, 50, 60, 5)
    assert path.startswith("M") and path.endswith("Z")


def test_names_go_beside_their_points_without_overlapping():
    bounds = Box(0, 0, 400, 300)
    # Five points in a tight cluster: every name must find a place of its own.
    anchors = [(200, 150), (204, 152), (198, 147), (202, 155), (196, 151)]
    texts = ["First name", "Second name", "Third name", "Fourth name", "Fifth name"]
    labels = plane_svg.place_labels(anchors, texts, bounds=bounds, font=12, radius=5)
    boxes = [plane_svg._label_box(lb.text, lb.x, lb.y, lb.anchor, 12) for lb in labels]
    for i, box in enumerate(boxes):
        assert box.inside(bounds)
        assert not any(box.overlaps(other) for other in boxes[i + 1 :])
    # The most important takes the first place, to the right of its point; each name
    # stays near its own point.
    assert (labels[0].anchor, labels[0].leader) == ("start", None)
    assert labels[0].x > 200
    for (x, y), box in zip(anchors, boxes, strict=True):
        assert box.top - 60 < y < box.bottom + 60
        assert box.left - 10 < x < box.right + 10


def test_a_name_pushed_away_from_its_point_has_a_leader_line():
    bounds = Box(0, 0, 400, 300)
    # Seven names for one point: after right and left, some must move lines away.
    anchors = [(200, 150)] * 7
    texts = [f"Name {n}" for n in range(7)]
    labels = plane_svg.place_labels(anchors, texts, bounds=bounds, font=12, radius=5)
    assert [lb.leader for lb in labels[:2]] == [None, None]
    assert labels[-1].leader is not None and labels[-1].leader[:2] == (200, 150)


def test_a_name_near_the_right_edge_goes_to_the_left_of_its_point():
    (placed,) = plane_svg.place_labels(
        [(390, 100)], ["A long name here"], bounds=Box(0, 0, 400, 300), font=12, radius=5
    )
    assert placed.anchor == "end" and placed.x < 390


def test_a_name_avoids_the_quarters_names():
    corner = Box(300, 0, 400, 20)
    (placed,) = plane_svg.place_labels(
        [(300, 14)], ["Name"], bounds=Box(0, 0, 400, 300), font=12, radius=5, obstacles=[corner]
    )
    box = plane_svg._label_box(placed.text, placed.x, placed.y, placed.anchor, 12)
    assert not box.overlaps(corner)


@pytest.mark.parametrize("size", [WIDE, NARROW])
def test_the_layout_keeps_everything_inside_the_drawing(size):
    points = [(25, -117_000), (50, 2_000), (-5, 40_000), (0, 0), (12.5, -2_500_000)]
    layout = plane_svg.layout(
        points,
        size=size,
        x_label=label,
        y_label=lambda v: f"£{v / 1000:g}k",
        names=[(4, "The most net benefit of all, with a long name"), (0, "Second")],
        slope=2.5,
        corner_names={"cheaper_better": "Cheaper, better", "dearer_worse": "Dearer, worse"},
    )
    plot = layout.plot
    assert 0 < plot.left < plot.right <= size.width and 0 < plot.top < plot.bottom < size.height
    for x, y in layout.points:
        assert plot.left <= x <= plot.right and plot.top <= y <= plot.bottom
    # The zero lines cross inside the plot; ticks run in order along their axes.
    assert plot.left < layout.x_zero < plot.right and plot.top < layout.y_zero < plot.bottom
    assert [t.position for t in layout.x_ticks] == sorted(t.position for t in layout.x_ticks)
    assert [t.position for t in layout.y_ticks] == sorted(
        (t.position for t in layout.y_ticks), reverse=True
    )
    assert "£0k" in [t.label for t in layout.y_ticks]
    # Names only for the points asked, cut to the drawing's length, inside the plot.
    assert set(layout.labels) == {4, 0}
    assert layout.labels[4].text.endswith("…") and len(layout.labels[4].text) <= size.name_chars
    # The line through 0 stays inside the plot.
    x1, y1, x2, y2 = layout.line
    assert plot.left <= min(x1, x2) and max(x1, x2) <= plot.right
    assert plot.top <= min(y1, y2) and max(y1, y2) <= plot.bottom
    assert {text for text, *_ in layout.corners} <= {"Cheaper, better", "Dearer, worse"}


def test_labels_on_the_x_axis_thin_out_rather_than_touch():
    points = [(-1_000_000, 0), (1_000_000, 1)]
    layout = plane_svg.layout(points, size=NARROW, x_label=lambda v: f"{v:,.0f}", y_label=label)
    shown = [t for t in layout.x_ticks if t.label]
    assert len(shown) < len(layout.x_ticks)
    assert any(t.value == 0 for t in shown)  # 0 keeps its label


def test_binned_cells_become_rectangles_on_the_same_scales():
    cells = [(0, 10, -100, -50), (10, 20, -50, 0)]
    layout = plane_svg.layout([], size=WIDE, x_label=label, y_label=label, cells=cells)
    first, second = layout.cells
    assert first.left < first.right == second.left  # neighbours share an edge
    assert first.top == second.bottom  # -50 is the top of one and the bottom of the other
    assert layout.points == [] and layout.labels == {}


def test_a_name_keeps_off_the_zero_lines_where_it_can():
    # A point on the zero line: beside it, the line would run between the words.
    (placed,) = plane_svg.place_labels(
        [(100, 150)], ["Name"], bounds=Box(0, 0, 400, 300), font=12, radius=5, across=[150]
    )
    box = plane_svg._label_box(placed.text, placed.x, placed.y, placed.anchor, 12)
    assert not box.top - 1 < 150 < box.bottom + 1


def test_a_segment_crosses_a_box_only_where_it_passes_through():
    box = Box(10, 10, 20, 20)
    assert plane_svg.crosses((0, 0, 30, 30), box)  # through the middle
    assert plane_svg.crosses((15, 0, 15, 30), box)  # straight down through it
    assert not plane_svg.crosses((0, 0, 30, 5), box)  # below it
    assert not plane_svg.crosses((0, 30, 5, 0), box)  # beside it
    assert not plane_svg.crosses((0, 0, 9, 9), box)  # stops short


def test_a_name_keeps_off_the_willingness_to_pay_line_where_it_can():
    # The point on the line, which runs down to the right: to the right of the point, the
    # line would cross the name.
    line = (0, 0, 400, 300)
    (placed,) = plane_svg.place_labels(
        [(200, 150)], ["A name"], bounds=Box(0, 0, 400, 300), font=12, radius=5, segments=[line]
    )
    box = plane_svg._label_box(placed.text, placed.x, placed.y, placed.anchor, 12)
    assert not plane_svg.crosses(line, box)
    assert plane_svg.crosses(line, plane_svg._label_box("A name", 208, 153.6, "start", 12))


def test_a_name_with_no_room_on_either_side_is_cut_to_fit():
    # A point in the middle of a narrow plot: the whole name fits on neither side.
    bounds = Box(60, 0, 340, 300)
    name = "Neighbourhood watch in the eastern wards"
    (placed,) = plane_svg.place_labels([(200, 150)], [name], bounds=bounds, font=12, radius=5)
    box = plane_svg._label_box(placed.text, placed.x, placed.y, placed.anchor, 12)
    assert box.inside(bounds)
    assert placed.text.endswith("…") and name.startswith(placed.text[:-1].rstrip())
    assert len(placed.text) >= plane_svg.MIN_NAME_CHARS
