"""A manager reads a report in a real browser: on a desktop, on a phone and on paper."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.choices import Status
from tests.assessments.test_report import returns_option, returns_options
from tests.browser.conftest import assert_accessible
from tests.factories import AssessmentFactory, complete_answers

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def six_options() -> list[dict]:
    # A long name, to show labels and table cells wrap instead of being cut off.
    return [
        *returns_options(),
        returns_option(
            "Returns lodged by a registered tax agent on the client's behalf", "90000", 4
        ),
    ]


def assert_nothing_overflows(page):
    """No sideways scrolling, and no table or chart wider than the window."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    width = page.viewport_size["width"]
    for selector in ("#options-table", "#ratings-table", "#chart-table", "#cost-quality-chart"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, selector


def assert_chart_labels_inside(page):
    """Every option is labelled on the chart and no label runs off the canvas."""
    chart = page.evaluate(
        """() => {
            const chart = Chart.getChart('cost-quality-chart');
            return {width: chart.width, height: chart.height, labels: chart.$labelBoxes};
        }"""
    )
    assert len(chart["labels"]) == 6
    for label in chart["labels"]:
        assert label["x"] >= 0 and label["x"] + label["w"] <= chart["width"], label
        assert label["y"] >= 0 and label["y"] + label["h"] <= chart["height"], label


@pytest.mark.django_db(transaction=True)
def test_manager_reads_a_report_on_a_desktop_a_phone_and_paper(page, sign_in, axe, owner, service):
    assessment = AssessmentFactory(
        **complete_answers(options=six_options(), willingness_to_pay=Decimal("1")),
        service=service,
        author=owner,
        title="How people lodge their own returns",
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    sign_in("owner")
    page.get_by_role("link", name="Assessments", exact=True).click()
    page.get_by_role("link", name=assessment.title).click()
    expect(page.get_by_role("heading", name=assessment.title)).to_be_visible()
    expect(
        page.locator(".verdict-label").get_by_text("the best choice is Pre-filled returns")
    ).to_be_visible()

    # The chart: frontier line, two kinds of point, the best ringed, the comparator boxed.
    chart = page.get_by_role("img", name="Chart of full cost per client-year against quality")
    expect(chart).to_be_visible()
    # The page's scripts run after its heading shows: under load, wait for the chart.
    page.wait_for_function("() => window.Chart && Chart.getChart('cost-quality-chart')")
    assert page.evaluate("Chart.getChart('cost-quality-chart').data.datasets.length") == 5
    assert_chart_labels_inside(page)
    expect(
        page.get_by_role("table", name="Costs, quality and net benefit of each option")
    ).to_be_visible()
    expect(page.get_by_role("table", name="How each option was rated")).to_be_visible()
    expect(page.get_by_role("table", name="Figures in the chart")).to_be_visible()
    assert_nothing_overflows(page)
    assert_accessible(axe, page)

    page.set_viewport_size(PHONE)
    # The chart has resized to the phone. (A function, not an expression: Playwright polls
    # an expression with eval, which the Content Security Policy refuses.)
    page.wait_for_function("() => Chart.getChart('cost-quality-chart').width < 390")
    costs = page.get_by_role("table", name="Costs, quality and net benefit of each option")
    expect(costs).to_be_visible()
    # Stacked: the column headings are hidden and each figure carries its own label.
    assert (
        page.locator("#options-table thead").evaluate("e => e.getBoundingClientRect().width") <= 1
    )
    assert_nothing_overflows(page)
    assert_chart_labels_inside(page)
    assert_accessible(axe, page)

    # The Print button is shown (JavaScript works it) and opens the print dialogue.
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Print this report").click()
    assert page.evaluate("window.printed") == 1

    page.set_viewport_size(DESKTOP)
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.get_by_role("button", name="Archive").is_hidden()
    assert page.get_by_role("button", name="Print this report").is_hidden()
    expect(chart).to_be_visible()
    expect(page.locator("#options-table thead")).to_be_visible()  # paper gets the full table
    # Every folded table prints: each chart's table sits in a closed disclosure on screen.
    folded = page.locator("details:not([open]) table")
    assert folded.count() > 0
    for index in range(folded.count()):
        table = folded.nth(index)
        assert table.is_visible(), table.evaluate("t => t.id || t.caption?.textContent")
    assert len(page.pdf(format="A4")) > 10_000  # and Chromium prints it to a PDF


@pytest.mark.django_db(transaction=True)
def test_a_report_before_a_willingness_to_pay_leads_with_the_frontier(
    page, sign_in, axe, owner, service
):
    assessment = AssessmentFactory(
        **complete_answers(options=returns_options(), necessity="necessary"),
        service=service,
        author=owner,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    sign_in("owner")
    page.set_viewport_size(PHONE)
    page.goto(assessment.get_absolute_url())
    expect(page.get_by_role("heading", name="Which option is best")).to_be_visible()
    expect(
        page.get_by_text(
            "Never the best choice on the central figures, whatever quality is worth to you"
        )
    ).to_be_visible()
    assert page.evaluate("Chart.getChart('cost-quality-chart').data.datasets.length") == 4
    assert_nothing_overflows(page)
    assert_accessible(axe, page)


@pytest.mark.django_db(transaction=True)
def test_a_draft_report_is_accessible_and_says_it_is_provisional(
    page, sign_in, axe, owner, service
):
    draft = AssessmentFactory(service=service, author=owner, title="Unfinished arrangement")
    sign_in("owner")
    page.goto(draft.get_absolute_url())
    expect(page.get_by_text("Draft – results are provisional")).to_be_visible()
    expect(page.get_by_role("heading", name="No recommendation yet")).to_be_visible()
    assert_accessible(axe, page)
    page.set_viewport_size(PHONE)
    assert_accessible(axe, page)
    page.get_by_role("link", name="Continue editing").click()
    page.wait_for_url(f"**/assessments/{draft.code}/tasks/")
