"""A manager chooses assessments on the list and reads them side by side, on a desktop and
on a phone."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.choices import Status
from tests.browser.conftest import assert_accessible
from tests.browser.test_report import DESKTOP, PHONE, six_options
from tests.factories import AssessmentFactory, complete_answers

TABLES = ("assessments", "result", "plane", "options", "risks", "settings")


@pytest.fixture
def three(owner, service):
    """Three assessments: six options with a long name, two options with a risk flag, and a
    draft without a willingness to pay."""
    done = {"status": Status.SUBMITTED, "submitted_at": timezone.now()}
    return [
        AssessmentFactory(
            **complete_answers(options=six_options(), willingness_to_pay=Decimal("1")),
            service=service,
            author=owner,
            title="How people lodge their own returns",
            **done,
        ),
        AssessmentFactory(
            **complete_answers(willingness_to_pay=Decimal("1"), burden_on_vulnerable=True),
            service=service,
            author=owner,
            title="Parents hearing children read at home",
            **done,
        ),
        AssessmentFactory(
            **complete_answers(),
            service=service,
            author=owner,
            title="Volunteers checking on neighbours in winter",
        ),
    ]


def assert_nothing_overflows(page):
    """No sideways scrolling of the page, and every table inside the window."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    width = page.viewport_size["width"]
    for slug in TABLES:
        box = page.locator(f"#compare-{slug}").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, slug


@pytest.mark.django_db(transaction=True)
def test_manager_compares_three_assessments_on_a_desktop_and_a_phone(page, sign_in, axe, three):
    sign_in("owner")
    page.get_by_role("link", name="Assessments", exact=True).click()
    page.get_by_label("First assessment").select_option(value=str(three[0].code))
    page.get_by_label("Second assessment").select_option(value=str(three[1].code))
    page.get_by_label("Third assessment (optional)").select_option(value=str(three[2].code))
    page.get_by_role("button", name="Compare", exact=True).click()
    page.wait_for_url("**/assessments/compare/?a=*")
    expect(page.get_by_role("heading", name="Comparing 3 assessments")).to_be_visible()

    # Each column is headed by its assessment, linked to its report.
    result = page.get_by_role("table", name="The result")
    for assessment in three:
        link = result.get_by_role("link", name=assessment.title)
        assert link.get_attribute("href") == assessment.get_absolute_url()
    assert "Pre-filled returns" in result.inner_text()
    assert "None named: no value is put on a quality point" in result.inner_text()
    assert "Unfair burden" in page.get_by_role("table", name="Risks to watch").inner_text()
    expect(page.get_by_role("link", name="Download this table (CSV)")).to_be_visible()
    assert_nothing_overflows(page)
    assert_accessible(axe, page)

    # Each table sits in a region a keyboard can reach, named like the table.
    region = page.get_by_role("region", name="The options, in each assessment's order")
    assert region.get_attribute("tabindex") == "0"
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "The options, in each assessment's order"
    )

    page.set_viewport_size(PHONE)
    # Stacked: the column headings are hidden and each entry carries its assessment's title.
    assert (
        page.locator("#compare-options thead").evaluate("e => e.getBoundingClientRect().width") <= 1
    )
    first_entry = page.locator("#compare-result tbody td").first
    assert (
        page.evaluate("e => getComputedStyle(e, '::before').content", first_entry.element_handle())
        == f'"{three[0].title}"'
    )
    assert_nothing_overflows(page)
    assert_accessible(axe, page)

    page.set_viewport_size(DESKTOP)
    page.get_by_role("link", name="How people lodge their own returns").first.click()
    expect(page.get_by_role("heading", name="How people lodge their own returns")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_asking_without_a_choice_shows_the_form_with_its_problem(page, sign_in, axe, three):
    sign_in("owner")
    page.goto(f"/assessments/compare/?a={three[0].code}")
    expect(page.get_by_role("heading", name="Compare assessments")).to_be_visible()
    assert "Choose at least two assessments to compare" in page.get_by_role("alert").inner_text()
    page.get_by_label("Second assessment").select_option(value=str(three[1].code))
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.get_by_role("heading", name="Comparing 2 assessments")).to_be_visible()
    assert_accessible(axe, page)
    page.set_viewport_size(PHONE)
    page.goto("/assessments/compare/")
    assert_accessible(axe, page)
