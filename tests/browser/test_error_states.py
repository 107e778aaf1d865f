"""Pages with errors pass axe, say so in their title, and put focus on the error summary,
whose every link leads to a box that takes focus.

The wizard's own error states (sign-in, new assessment, a section, an option, adding an
option, the quality grid, the appraisal) are met in test_keyboard.py. The not-found page,
the services list and help are checked here too: no other browser test runs axe on them.
"""

from uuid import uuid4

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import AssessmentFactory


def assert_error_page(page, axe):
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    assert_accessible(axe, page)
    return summary


def assert_every_error_link_leads_to_a_box(page, summary):
    links = summary.get_by_role("link")
    assert links.count()
    for href in [link.get_attribute("href") for link in links.all()]:
        box = page.locator(href)
        expect(box).to_have_count(1)
        assert box.evaluate("box => box.matches('input, select, textarea')"), href


@pytest.mark.django_db(transaction=True)
def test_form_errors_are_accessible(page, sign_in, axe, owner, service):
    sign_in("owner")

    # A new service with nothing filled in: errors on a list, boxes and radio buttons.
    page.goto("/services/new/")
    page.get_by_role("button", name="Add the service").click()
    summary = assert_error_page(page, axe)
    assert_every_error_link_leads_to_a_box(page, summary)
    summary.get_by_role("link", name="Name of the service").click()
    expect(page.get_by_label("Name of the service")).to_be_focused()

    # Changing a service, with a figure that is not one.
    page.goto(f"{service.get_absolute_url()}edit/")
    page.get_by_label("Clients a year").fill("lots")
    page.get_by_role("button", name="Save changes").click()
    assert_error_page(page, axe)

    # A question answered with tick boxes links to its first box.
    draft = AssessmentFactory(service=service, author=owner)
    page.goto(f"/assessments/{draft.code}/edit/capability/")
    brings = page.get_by_role("group", name="What do co-producers bring")
    brings.get_by_label("Trust").check()
    brings.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    summary = assert_error_page(page, axe)
    summary.get_by_role("link", name="What do co-producers bring").click()
    expect(brings.get_by_label("Local knowledge")).to_be_focused()

    # The appraisal's ranges, folded away until one is wrong.
    page.goto(f"/assessments/{draft.code}/edit/appraisal/")
    page.get_by_text("What if these values were lower or higher?").click()
    page.get_by_label("Value of an hour: lowest").fill("50")
    page.get_by_label("Value of an hour: highest").fill("5")
    page.get_by_role("button", name="Continue").click()
    summary = assert_error_page(page, axe)
    expect(page.get_by_label("Value of an hour: highest")).to_be_visible()
    assert_every_error_link_leads_to_a_box(page, summary)


@pytest.mark.django_db(transaction=True)
def test_filter_errors_and_the_not_found_page_are_accessible(page, sign_in, axe, owner, service):
    sign_in("owner")
    for address in [
        "/?agency=nowhere",
        "/assessments/?agency=nowhere",
        "/cases/?sector=nowhere",
        "/assessments/compare/?a=nowhere",
    ]:
        page.goto(address)
        summary = assert_error_page(page, axe)
        assert_every_error_link_leads_to_a_box(page, summary)

    assert page.goto(f"/assessments/{uuid4()}/").status == 404
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(axe, page)

    for address in ["/services/", "/help/"]:
        page.goto(address)
        assert_accessible(axe, page)
