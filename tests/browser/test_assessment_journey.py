"""A manager's whole journey: start, fill in, leave, resume elsewhere, fix a mistake, submit."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD


def choose(page, step, name, value):
    page.locator(f"input[name='{step}-{name}'][value='{value}']").check()


def fill(page, step, name, value):
    page.locator(f"[name='{step}-{name}']").fill(str(value))


def sign_in_here(page):
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def press_continue(page):
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


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
    assert page.get_by_role("heading", name="Parents hearing children read").is_visible()
    assert_accessible(axe, page)
    tasks_url = page.url

    page.get_by_role("link", name="1. The work").click()
    assert_accessible(axe, page)
    fill(page, "work", "work_description", "Parents listen to their child read each evening.")
    choose(page, "work", "co_producer_types", "families")
    choose(page, "work", "level", "individual")
    choose(page, "work", "phases", "delivery")
    fill(page, "work", "inputs", "School books and parents' time")
    fill(page, "work", "outputs", "Reading practice")
    choose(page, "work", "work_relation", "adds")
    press_continue(page)

    assert page.get_by_role("heading", name="Reciprocity").is_visible()
    choose(page, "reciprocity", "agency_contributions", "training")
    choose(page, "reciprocity", "co_producer_contributions", "time")
    choose(page, "reciprocity", "timing", "sequential")
    fill(page, "reciprocity", "co_producers_per_year", 400)
    fill(page, "reciprocity", "hours_per_co_producer", 30)
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
    assert "3 of 7 sections" in page.content()
    page.get_by_role("link", name="4. Necessity").click()

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

    assert page.get_by_role("heading", name="Costs and quality").is_visible()
    fill(page, "costs", "alternative_name", "Teaching assistants")
    fill(page, "costs", "hourly_rate", -5)  # a slip of the keyboard
    fill(page, "costs", "appraisal_years", 3)
    fill(page, "costs", "discount_rate", "3.5")
    for option, agency_cost, hours, rating in [("co_production", 20000, 1000, 4),
                                               ("alternative", 60000, 0, 3)]:  # fmt: skip
        fill(page, "costs", f"{option}_setup_cost", 0)
        fill(page, "costs", f"{option}_annual_agency_cost", agency_cost)
        fill(page, "costs", f"{option}_annual_co_producer_hours", hours)
        fill(page, "costs", f"{option}_clients_per_year", 1000)
        choose(page, "costs", f"{option}_confidence", "high")
        for quality in ("effectiveness", "consistency", "trust", "experience"):
            choose(page, "costs", f"{option}_{quality}", rating)
    press_continue(page)

    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    assert summary.is_visible()
    assert_accessible(axe, page)
    assert page.locator("[name='costs-alternative_name']").input_value() == "Teaching assistants"
    fill(page, "costs", "hourly_rate", 10)
    press_continue(page)

    assert page.get_by_role("heading", name="Check your answers before submitting").is_visible()
    assert "Not answered" not in page.content()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Submit assessment").click()
    page.wait_for_load_state()

    assert "Co-production is cheaper and better" in page.content()
    assert_accessible(axe, page)
    context.close()
