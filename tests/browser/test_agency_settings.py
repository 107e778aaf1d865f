from decimal import Decimal

import pytest
from playwright.sync_api import expect

from services.models import Agency
from tests.browser.conftest import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_manager_sets_the_agencys_appraisal_defaults(page, sign_in, axe, owner, agency):
    sign_in("owner")
    page.get_by_role("link", name="Appraisal settings of Home Agency").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Appraisal settings")
    expect(page.get_by_text("Changes apply to assessments started from now on")).to_be_visible()
    assert_accessible(axe, page)

    # A figure that is not a number comes back as typed, with a message naming it.
    hourly = page.get_by_label("What is an hour of a co-producer's time worth?")
    hourly.fill("a lot")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Enter the value of an hour as a number, like 18.50"
    )
    expect(hourly).to_have_value("a lot")
    assert_accessible(axe, page)

    # Figures typed the way people write them are accepted.
    hourly.fill("£18.50")
    page.get_by_role("textbox", name="Discount rate", exact=True).fill("3.5%")
    page.get_by_label("Over how many years should options be compared?").fill("10")
    page.get_by_label("What is one point of better quality worth").fill("")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("status")).to_contain_text("Saved Home Agency's appraisal settings")
    expect(hourly).to_have_value("18.5")
    assert_accessible(axe, page)
    agency = Agency.objects.get(pk=agency.pk)
    assert agency.default_hourly_value == Decimal("18.50")
    assert agency.default_appraisal_years == 10
    assert agency.default_willingness_to_pay is None


@pytest.mark.django_db(transaction=True)
def test_manager_changes_a_service(page, sign_in, axe, owner, service):
    sign_in("owner")
    page.goto(service.get_absolute_url())
    page.get_by_role("link", name="Change the service's details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Home Service")
    assert_accessible(axe, page)
    page.get_by_label("Clients a year").fill("40k")
    page.get_by_label("Obligatees").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_contain_text("Saved the changes to Home Service.")
    expect(page.get_by_text("40,000")).to_be_visible()
    expect(page.get_by_text("Obligatees")).to_be_visible()
