"""A manager's whole journey: start, fill in, leave, resume elsewhere, fix a mistake, submit."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    answer_the_work,
    answer_what_each_side_gives,
    assert_accessible,
    choose,
    press_continue,
)
from tests.factories import PASSWORD


def sign_in_here(page):
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.django_db(transaction=True)
def test_manager_assesses_an_arrangement_end_to_end(browser, live_server, axe, owner, service):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.goto("/accounts/login/")
    sign_in_here(page)

    page.goto("/assessments/new/")
    page.get_by_label("Which service is it part of?").select_option(
        label=f"{service.name} (Home Agency)"
    )
    page.get_by_label("What do you call this arrangement?").fill("Parents hearing children read")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Parents hearing children read")).to_be_visible()
    assert_accessible(axe, page)
    tasks_url = page.url

    page.get_by_role("link", name="1. The work").click()
    assert_accessible(axe, page)
    answer_the_work(page)
    press_continue(page)

    expect(page.get_by_role("heading", name="What each side gives")).to_be_visible()
    answer_what_each_side_gives(page)
    press_continue(page)

    choose(page, "value", "private_value_strength", 3)
    choose(page, "value", "public_value_strength", 2)
    press_continue(page)
    context.close()  # the manager closes the browser half-way

    # ...and carries on later from another device.
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.goto(tasks_url)  # sign-in comes first, then back to the same page
    sign_in_here(page)
    page.wait_for_url(tasks_url)
    # Three answered; the appraisal settings, though filled from the agency's defaults, wait
    # for the manager to confirm them.
    assert "3 of 9 sections" in page.content()
    page.get_by_role("link", name="4. Could the service do without it").click()

    choose(page, "necessity", "necessity", "optional")
    press_continue(page)
    for motivator, strength in [("material", 1), ("intrinsic", 2), ("social", 2),
                                ("normative", 4), ("sanctions", 0)]:  # fmt: skip
        choose(page, "motivations", f"{motivator}_motivation", strength)
    choose(page, "motivations", "material_rewards_offered", "False")
    press_continue(page)

    choose(page, "capability", "expertise_required", 2)
    choose(page, "capability", "co_producer_capability", 3)
    choose(page, "capability", "capability_varies_by_area", "False")
    choose(page, "capability", "special_assets", "trust")
    choose(page, "capability", "burden_on_vulnerable", "False")
    press_continue(page)

    # The options: rename the two the assessment starts with, give their costs, add a third.
    expect(page.get_by_role("heading", name="Ways of doing the work")).to_be_visible()
    assert_accessible(axe, page)
    page.get_by_role("link", name="1. With co-production").click()
    give_costs(page, "Parents at home", "True", setup="£5,000", annual="20k", hours="1")
    assert_accessible(axe, page)
    press_continue(page)
    give_costs(page, "Teaching assistants", "False", setup="0", annual="60k", hours="")
    press_continue(page)

    page.get_by_label("Name of the new option").fill("Volunteer reading helpers")
    page.locator("input[name='co_produced'][value='True']").check()
    page.get_by_role("button", name="Add this option").click()
    page.wait_for_load_state()
    page.get_by_label("One-off cost to set it up").fill("2.6m")  # a slip: far too much
    page.get_by_label("Cost to the agency each year, once running").fill("£35,000")
    page.get_by_label("Clients served each year, once take-up is full").fill("1000")
    page.locator("input[name='confidence'][value='medium']").check()
    press_continue(page)
    expect(page.get_by_role("heading", name="Ways of doing the work")).to_be_visible()
    assert "Volunteer reading helpers" in page.content()
    assert_accessible(axe, page)
    page.get_by_role("link", name="Continue to quality").click()

    expect(page.get_by_role("heading", name="Quality of each option")).to_be_visible()
    assert_accessible(axe, page)
    for option, rating in [("Parents at home", 4), ("Teaching assistants", 3),
                           ("Volunteer reading helpers", 4)]:  # fmt: skip
        for select in page.get_by_label(option, exact=True).all():
            select.select_option(str(rating))
    press_continue(page)

    # Outcomes are optional: this arrangement values none, and goes on.
    expect(page.get_by_role("heading", name="Outcomes", exact=True)).to_be_visible()
    assert_accessible(axe, page)
    press_continue(page)

    expect(page.get_by_role("heading", name="How to weigh the options")).to_be_visible()
    page.locator("[name='appraisal-hourly_rate']").fill("-5")  # a slip of the keyboard
    page.locator("[name='appraisal-appraisal_years']").fill("3")
    page.locator("[name='appraisal-discount_rate']").fill("3.5%")
    press_continue(page)
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    assert_accessible(axe, page)
    assert page.locator("[name='appraisal-discount_rate']").input_value() == "3.5%"
    page.locator("[name='appraisal-hourly_rate']").fill("10")
    press_continue(page)

    # Check your answers closes the loop: Change opens the question, Continue comes back.
    expect(page.get_by_role("heading", name="Check your answers before submitting")).to_be_visible()
    assert "Not answered" not in page.content()
    assert_accessible(axe, page)
    check_url = page.url
    page.get_by_role(
        "link", name="Change one-off cost to set it up for Volunteer reading helpers"
    ).click()
    page.wait_for_load_state()
    box = page.get_by_label("One-off cost to set it up")
    assert box.evaluate("element => element === document.activeElement")
    box.fill("£2,000")
    page.get_by_role("button", name="Save and go back to check your answers").click()
    page.wait_for_url(f"{check_url}#answer-setup_cost-*")  # back at the changed row
    assert "£2,000" in page.content()

    page.get_by_role("button", name="Submit assessment").click()
    page.wait_for_load_state()
    report = page.content()
    assert "Volunteer reading helpers" in report and "frontier" in report.lower()
    assert_accessible(axe, page)
    context.close()


def give_costs(page, name, co_produced, *, setup, annual, hours):
    page.get_by_label("Name of the option").fill(name)
    page.locator(f"input[name='co_produced'][value='{co_produced}']").check()
    page.get_by_label("One-off cost to set it up").fill(setup)
    page.get_by_label("Cost to the agency each year, once running").fill(annual)
    page.get_by_label(
        "Hours citizens or clients give for each client served, in a year (optional)"
    ).fill(hours)
    page.get_by_label("Clients served each year, once take-up is full").fill("1,000")
    page.locator("input[name='confidence'][value='high']").check()


def test_the_missing_list_links_to_the_question(page, live_server, sign_in, owner, service):
    from tests.factories import AssessmentFactory

    draft = AssessmentFactory(service=service, author=owner)
    sign_in("owner")
    page.goto(f"/assessments/{draft.code}/check/")
    missing = page.locator(".missing-answers")
    missing.get_by_role("link", name="The work: What work do the co-producers do?").click()
    page.wait_for_load_state()
    box = page.get_by_label("What work do the co-producers do?")
    assert box.evaluate("element => element === document.activeElement")
