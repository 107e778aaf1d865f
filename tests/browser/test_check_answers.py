"""Check your answers in a browser (issue 23): Change an option's figure, save, and land
back on that row; short at desktop width, no sideways scroll on a phone."""

from playwright.sync_api import expect

from assessments.models import Option
from tests.assessments.recycling_case import recycling_case
from tests.browser.conftest import assert_accessible

# The three-option recycling case measured 7,109 px at 1366 px wide before the page was
# grouped into summary lists and option cards (about 4,700 px after).
DESKTOP_HEIGHT_LIMIT = 5_500


def test_change_an_options_figure_and_land_back_on_its_row(page, sign_in, axe, owner, service):
    draft = recycling_case(service, owner)
    option = Option.objects.get(assessment=draft, name="Community recycling points")
    row_id = f"answer-annual_agency_cost-{option.code.hex}"
    sign_in("owner")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/assessments/{draft.code}/check/")
    expect(page.get_by_role("heading", name="Check your answers before submitting")).to_be_visible()
    assert_accessible(axe, page)

    page.get_by_role(
        "link", name="Change cost to the agency a year for Community recycling points"
    ).click()
    box = page.get_by_label("Cost to the agency each year, once running")
    expect(box).to_be_focused()
    box.fill("£450,000")
    page.get_by_role("button", name="Save and go back to check your answers").click()

    page.wait_for_url(f"**/assessments/{draft.code}/check/#{row_id}")
    row = page.locator(f"#{row_id}")
    expect(row).to_be_visible()
    expect(row).to_contain_text("£450,000")
    expect(row).to_be_focused()
    # Bootstrap scrolls smoothly, so wait for the row to arrive before measuring it.
    expect(row).to_be_in_viewport(ratio=1)
    box = row.bounding_box()
    viewport = page.viewport_size
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    assert_accessible(axe, page)


def test_the_page_is_short_on_a_desktop_and_fits_a_phone(page, sign_in, axe, owner, service):
    draft = recycling_case(service, owner)
    sign_in("owner")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/assessments/{draft.code}/check/")
    expect(page.get_by_role("heading", name="Ways of doing the work")).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < DESKTOP_HEIGHT_LIMIT, height

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.get_by_role("heading", name="Quality of each option")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(axe, page)
