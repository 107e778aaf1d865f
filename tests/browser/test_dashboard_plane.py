"""The dashboard's cost-quality plane on the demo data, in a real browser at a desk's
width and a phone's: drawn on the server, a plane for each currency, the top names on
it, no sideways scroll, readable text, bar charts whose labels wrap rather than clip,
and nothing axe objects to."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

WIDTHS = [1366, 390]


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.setenv("COPROD_DEMO_PASSWORD", "demo-password-for-tests")
    call_command("seed_demo", verbosity=0)
    return "demo-password-for-tests"


def signed_in_page(browser, live_server, password, width, javascript=True):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("manager")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    return context, page


def box_inside(inner, outer, slack=1.0) -> bool:
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_plane_reads_at_a_desk_and_on_a_phone(browser, live_server, axe, demo, width):
    context, page = signed_in_page(browser, live_server, demo, width)
    problems = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto("/")

    # The demo manager's agencies keep their money in pounds and in Australian dollars:
    # a plane for each, one drawing of each showing (the wide or the narrow).
    for heading in ("In Australian dollars (AUD)", "In British pounds (GBP)"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    planes = page.locator("svg.plane-svg:visible")
    assert planes.count() == 2
    expected = "plane-wide" if width > 768 else "plane-narrow"
    for index in range(2):
        plane = planes.nth(index)
        assert expected in plane.get_attribute("class")
        svg_box = plane.bounding_box()
        assert svg_box["width"] <= width and svg_box["x"] >= 0
        # The names of the top points, whole inside their plane.
        names = plane.locator("text.plane-name")
        assert 1 <= names.count() <= 5
        for n in range(names.count()):
            expect(names.nth(n)).to_be_visible()
            assert box_inside(names.nth(n).bounding_box(), svg_box), (
                names.nth(n).evaluate("e => e.outerHTML"),
                plane.get_attribute("viewBox"),
            )
        # Text stays readable: a tick label at least 10 px high on screen.
        tick = plane.locator(".plane-axes text").first.bounding_box()
        assert tick["height"] >= 10, tick

    # Every point a link with a name; as many as the rows of the table beneath.
    links = page.locator("svg.plane-svg:visible a")
    assert links.count() == page.locator(".plane-table tbody tr").count() > 0
    for n in range(links.count()):
        assert "per client-year" in links.nth(n).get_attribute("aria-label")

    # No sideways scroll of the page.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # A keyboard reaches a point, and it opens the report.
    links.first.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/assessments/" in page.url
    page.go_back()

    assert_accessible(axe, page)
    assert problems == []
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_bar_chart_labels_wrap_instead_of_clipping(browser, live_server, demo, width):
    context, page = signed_in_page(browser, live_server, demo, width)
    page.goto("/")
    for chart in ("motivator-chart", "agency-chart", "sector-chart"):
        page.locator(f"#{chart}").scroll_into_view_if_needed()
        fit = page.evaluate(
            """id => {
                const chart = Chart.getChart(document.getElementById(id));
                const scale = chart.scales.y;
                const ctx = chart.ctx;
                ctx.save();
                ctx.font = Chart.helpers.toFont(scale.options.ticks.font).string;
                const labels = scale.ticks.map(t => [].concat(t.label));
                const widest = Math.max(...labels.flat().map(l => ctx.measureText(l).width));
                ctx.restore();
                return {
                    labels: labels,
                    originals: chart.data.labels,
                    widest: widest,
                    right: scale.right,
                    chartWidth: chart.width,
                };
            }""",
            chart,
        )
        # Nothing lost: the lines put back together are the labels.
        assert [" ".join(lines) for lines in fit["labels"]] == fit["originals"], chart
        # Every line fits between the canvas's left edge and the bars.
        assert fit["widest"] <= fit["right"], (chart, fit)
        assert fit["right"] <= fit["chartWidth"] / 2, (chart, fit)
    # On a phone the reasons for taking part wrap onto two lines or more.
    if width < 500:
        labels = page.evaluate(
            "() => Chart.getChart(document.getElementById('motivator-chart'))"
            ".scales.y.ticks.map(t => [].concat(t.label))"
        )
        assert any(len(lines) > 1 for lines in labels)
    context.close()


def test_the_plane_is_drawn_without_javascript(browser, live_server, demo):
    context, page = signed_in_page(browser, live_server, demo, 1366, javascript=False)
    page.goto("/")
    links = page.locator("svg.plane-svg:visible a")
    assert links.count() == page.locator(".plane-table tbody tr").count() > 0
    assert page.locator("svg.plane-svg:visible text.plane-name").count() >= 2
    context.close()
