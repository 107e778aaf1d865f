"""The portfolio dashboard on the demo data, in a real browser."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import assert_accessible


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("COPROD_DEMO_PASSWORD", "demo-password-for-tests")
    call_command("seed_demo", verbosity=0)
    return "demo-password-for-tests"


def chart_count(page, canvas_id) -> int:
    """How many points (or bars) Chart.js drew on a canvas; -1 if there is no chart."""
    return page.evaluate(
        """id => {
            const chart = Chart.getChart(document.getElementById(id));
            return chart ? chart.data.datasets.reduce((n, d) => n + d.data.length, 0) : -1;
        }""",
        canvas_id,
    )


def plane_count(page) -> int:
    """How many points the plane (drawn on the server as SVG) shows, each a link."""
    return page.locator("svg.plane-svg:visible a").count()


def test_a_manager_reads_and_filters_the_portfolio(page, sign_in, axe, demo):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    sign_in("manager", demo)
    page.goto("/")
    for canvas in ("agency-chart", "sector-chart", "motivator-chart"):
        assert chart_count(page, canvas) > 0, canvas
    everything = plane_count(page)
    submitted = page.locator("#summary-heading ~ .row .stat-value").first.inner_text()
    assert_accessible(axe, page)

    # By keyboard: open the filters, then the agency filter and the button that applies it.
    page.locator(".dashboard-filters > summary").focus()
    page.keyboard.press("Enter")
    page.locator("#id_agency").focus()
    page.keyboard.press("ArrowDown")  # the first agency after "All my agencies"
    chosen = page.locator("#id_agency").input_value()
    assert chosen
    page.get_by_role("button", name="Show these assessments").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"agency={chosen}" in page.url
    assert 0 < plane_count(page) < everything
    assert page.locator("#summary-heading ~ .row .stat-value").first.inner_text() != submitted
    assert_accessible(axe, page)

    # The table under the plane carries the same points, each linking to its report.
    page.get_by_text("The figures in the chart").first.click()
    links = page.locator(".plane-table tbody a")
    assert links.count() == plane_count(page)
    with page.expect_navigation():
        links.first.click()
    assert "/assessments/" in page.url
    assert errors == []


def test_the_tables_carry_the_figures_without_javascript(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("manager")
    page.get_by_label("Password").fill(demo)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    for table in ("#quadrant-table", ".plane-table", "#agency-table", "#sector-table",
                  "#profile-table"):  # fmt: skip
        assert page.locator(f"{table} tbody tr").count() > 0, table
    context.close()
