"""The report's uncertainty charts laid out for a desk, a phone and paper: the tornado's
labels whole, its axis in short money, keys and tables that fit the window, and charts
that print in proportion with every table."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.choices import Status
from tests.browser.conftest import assert_accessible
from tests.factories import AssessmentFactory, complete_answers, complete_options

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
CHARTS = ("acceptability-chart", "loss-chart", "tornado-chart")


@pytest.fixture
def long_names(owner, service):
    """Two options with long names and costs in millions, roughly estimated: a fragile
    choice whose tornado has long labels and an axis in tens of millions."""
    options = complete_options()
    options[0]["name"] = "Trained parents listening to their children read at home every evening"
    options[1]["name"] = "Teaching assistants hearing children read in school"
    options[0]["annual_agency_cost"] = Decimal("5500000")
    options[1]["annual_agency_cost"] = Decimal("6000000")
    for option in options:
        option["clients_per_year"] = 100000
        option["confidence"] = "low"
    return AssessmentFactory(
        **complete_answers(options=options, willingness_to_pay=Decimal("0.5")),
        service=service,
        author=owner,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )


def open_report(page, sign_in, assessment, viewport):
    page.set_viewport_size(viewport)
    sign_in("owner")
    page.goto(assessment.get_absolute_url())
    expect(page.locator("#tornado-chart")).to_be_visible()
    # A function, not an expression: the Content Security Policy refuses eval.
    page.wait_for_function(
        "() => window.Chart && ['acceptability-chart', 'loss-chart', 'tornado-chart']"
        ".every(id => Chart.getChart(id))"
    )


def tornado_axes(page) -> dict:
    """The tornado's label axis and every label line measured in the font it is drawn in,
    and its money axis's ticks."""
    return page.evaluate(
        """() => {
            const chart = Chart.getChart('tornado-chart');
            const y = chart.scales.y, x = chart.scales.x;
            const font = y.options.ticks.font;
            const ctx = document.createElement('canvas').getContext('2d');
            ctx.font = `${font.style || 'normal'} ${font.weight || 'normal'} ${font.size}px ${font.family}`;
            const lines = chart.data.labels.flatMap(label => [].concat(label));
            return {
                left: y.left, right: y.right, padding: y.options.ticks.padding,
                chartWidth: chart.width,
                widest: Math.max(...lines.map(line => ctx.measureText(line).width)),
                lines: lines,
                rotation: x.labelRotation,
                ticks: x.ticks.map(tick => tick.label),
            };
        }"""
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_tornados_labels_are_whole_and_its_axis_reads_short_money(
    page, sign_in, axe, long_names, viewport
):
    open_report(page, sign_in, long_names, viewport)

    axes = tornado_axes(page)
    # Chart.js right-aligns each label at the axis: the longest line must fit the axis's
    # width, or its start is drawn off the canvas's left edge.
    assert axes["left"] >= 0
    assert axes["widest"] + axes["padding"] <= axes["right"] - axes["left"], axes
    assert all(len(line) <= 36 for line in axes["lines"]), axes["lines"]
    assert axes["rotation"] == 0
    assert axes["ticks"] and all(
        re.fullmatch(r"-?£\d+(\.\d+)?(k|m|bn)?", tick) for tick in axes["ticks"]
    ), axes["ticks"]
    assert any(tick.endswith("m") for tick in axes["ticks"])  # tens of millions: "£10m"

    width = page.evaluate("() => window.innerWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    # Each chart's key lists every option inside the window, the long name wrapped.
    for chart in ("acceptability-chart", "loss-chart"):
        items = page.locator(f"#{chart}-key li")
        expect(items).to_have_count(2)
        for index in range(2):
            box = items.nth(index).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, chart
    # The tornado's table sits in a labelled region that scrolls inside the window.
    region = page.get_by_role("region", name="The figures that matter most")
    expect(region).to_be_visible()
    assert region.get_attribute("tabindex") == "0"
    assert "scroll-region" in region.get_attribute("class")
    box = region.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert_accessible(axe, page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_charts_print_in_proportion_with_every_table(page, sign_in, long_names, viewport):
    open_report(page, sign_in, long_names, viewport)

    # Printing: the page redraws its charts for paper, then the browser lays the page out
    # for print without running any more of its scripts, so nothing resizes them again.
    page.evaluate(
        """() => {
            window.dispatchEvent(new Event('beforeprint'));
            for (const id of ['acceptability-chart', 'loss-chart', 'tornado-chart']) {
                Chart.getChart(id).resize = () => {};
            }
        }"""
    )
    page.emulate_media(media="print")
    shapes = page.evaluate(
        """ids => ids.map(id => {
            const canvas = document.getElementById(id);
            const shown = canvas.getBoundingClientRect();
            const box = canvas.parentElement.getBoundingClientRect();
            return {id, drawn: canvas.width / canvas.height, shown: shown.width / shown.height,
                    right: shown.right, boxRight: box.right, width: shown.width};
        })""",
        list(CHARTS),
    )
    for shape in shapes:
        # Drawn and shown in the same proportion: not squashed, not stretched.
        assert shape["shown"] == pytest.approx(shape["drawn"], rel=0.02), shape
        assert shape["right"] <= shape["boxRight"] + 1 and shape["width"] > 0, shape
    # Every chart's table prints, those folded away on screen included.
    for table in ("#acceptability-table", "#loss-table", "#tornado-table"):
        expect(page.locator(table)).to_be_visible()
