"""A manager reads how sure the choice is: the acceptability curve and the tornado."""

from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.choices import Status
from tests.browser.conftest import assert_accessible
from tests.browser.test_report import DESKTOP, PHONE
from tests.factories import AssessmentFactory, complete_answers, complete_options


@pytest.fixture
def fragile(owner, service):
    """Two options so close in cost, and so roughly estimated, that the choice is fragile."""
    options = complete_options()
    options[0]["annual_agency_cost"] = Decimal("55000")
    options[0]["confidence"] = options[1]["confidence"] = "low"
    return AssessmentFactory(
        **complete_answers(options=options, willingness_to_pay=Decimal("0.5")),
        service=service,
        author=owner,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )


def drawn(page, canvas_id) -> dict:
    """What Chart.js drew on a canvas: its labels and how many points or bars."""
    return page.evaluate(
        """id => {
            const chart = Chart.getChart(document.getElementById(id));
            return chart && {
                labels: chart.data.datasets.map(d => d.label),
                points: chart.data.datasets.map(d => d.data.length),
                categories: (chart.data.labels || []).length,
            };
        }""",
        canvas_id,
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_curve_and_the_tornado_read_on_a_report(page, sign_in, axe, fragile, viewport):
    page.set_viewport_size(viewport)
    sign_in("owner")
    page.goto(fragile.get_absolute_url())
    section = page.locator("section[aria-labelledby='uncertainty-heading']")
    assert "Fragile." in section.inner_text()

    curve = drawn(page, "acceptability-chart")
    assert curve["labels"] == ["Parents at home", "Teaching assistants in school"]
    assert curve["points"][0] == curve["points"][1] >= 10
    tornado = drawn(page, "tornado-chart")
    rows = page.locator("#tornado-table tbody tr")
    assert 1 <= rows.count() <= 10 and tornado["categories"] == rows.count()
    first_figure = rows.first.locator("th").inner_text()
    assert first_figure  # the figure that matters most heads the table

    page.get_by_text("The figures in the chart", exact=True).click()
    assert page.locator("#acceptability-table tbody tr").count() == curve["points"][0]
    # What choosing each option risks losing: a line for each option, over the same points.
    losses = drawn(page, "loss-chart")
    assert losses["labels"] == curve["labels"] and losses["points"] == curve["points"]
    page.get_by_text("The figures in the chart of losses").click()
    assert page.locator("#loss-table tbody tr").count() == curve["points"][0]
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert_accessible(axe, page)
