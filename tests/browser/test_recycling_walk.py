"""Issue 23's recycling case, end to end, as its manager met it: on a phone (390 px), by
keyboard alone, with money typed as people write it ("£1.4m", "2,000,000", "£17 an
hour", "40,000 households", "9 hours"), three options with ranges, a slip on the way
(each error state checked with axe too), submitted, and the report printed to PDF with
every chart's table in it.

Nothing is clicked: a locator only names the control focus must reach (see
test_keyboard.py, whose helpers this walk uses).
"""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Assessment
from tests.browser.conftest import assert_accessible
from tests.browser.test_keyboard import (
    assert_error_summary_has_focus,
    choose,
    follow_error_link,
    pick,
    press,
    press_continue,
    skip_to_main,
    tab_to,
    tick,
    type_into,
)
from tests.factories import PASSWORD

PHONE = {"width": 390, "height": 844}

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"

# The report's charts, each with the id of the table that gives its figures.
CHART_TABLES = {
    "cost-quality-chart": "chart-table",
    "acceptability-chart": "acceptability-table",
    "tornado-chart": "tornado-table",
    "loss-chart": "loss-table",
}


def on_a_new_page(page, axe, heading):
    """Each page: its heading, no sideways scroll at 390 px, axe clean, then the skip link."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{heading!r} scrolls sideways on a phone"
    assert_accessible(axe, page)
    skip_to_main(page)


def rate(page, row, ratings):
    group = page.get_by_role("group", name=row)
    for option, rating in ratings:
        pick(page, group.get_by_label(option, exact=True), rating)


@pytest.mark.django_db(transaction=True)
def test_the_recycling_case_on_a_phone_by_keyboard_alone(page, axe, owner, service, tmp_path):
    page.set_viewport_size(PHONE)
    page.goto("/accounts/login/")
    type_into(page, "Username", "owner")
    type_into(page, "Password", PASSWORD)
    press(page, page.get_by_role("button", name="Sign in"))

    on_a_new_page(page, axe, "Your dashboard")
    press(page, page.get_by_role("link", name="Start a new assessment"))

    # The start page, first with nothing chosen: plain words, not Django's.
    on_a_new_page(page, axe, "Start an assessment")
    press_continue(page)
    assert_error_summary_has_focus(page, axe, "Which service is it part of?")
    expect(page.get_by_text("This field is required.")).to_have_count(0)
    service_list = page.get_by_label("Which service is it part of?")
    follow_error_link(page, re.compile("Which service"), service_list)
    page.keyboard.type("Home Service")
    type_into(page, "What do you call this arrangement?", "Household recycling")
    press_continue(page)

    on_a_new_page(page, axe, "Household recycling")
    press(page, page.get_by_role("link", name="1. The work"))

    on_a_new_page(page, axe, re.compile("The work"))
    type_into(page, "What work do the co-producers do?", "Households sort their waste at the kerb.")
    tick(page, "Who are the co-producers?", "Citizens or community members")
    choose(
        page, "Do they take part as individuals, in groups, or as a whole community?", "Individual"
    )
    tick(page, "At which stages do they take part?", "Delivery: doing the work of the service")
    type_into(page, "What goes into the work?", "Bins, bags, leaflets and residents' time")
    type_into(page, "What comes out of it?", "Sorted recycling")
    choose(
        page,
        "Does their work add to the service or replace work the agency did?",
        "It replaces work the agency did",
    )
    press_continue(page)

    # Figures followed by the words the boxes already name; one slip first.
    on_a_new_page(page, axe, re.compile("What each side gives"))
    tick(page, "What does the agency give?", "Tools or equipment")
    tick(page, "What do the co-producers give?", "Time", "Effort")
    choose(
        page,
        "Do both sides contribute at the same time?",
        "At different times, one after the other",
    )
    type_into(page, "About how many people take part in a year?", "40,000 households")
    hours = "About how many hours does each of them give in a year?"
    type_into(page, hours, "a few")
    press_continue(page)
    assert_error_summary_has_focus(page, axe, "Enter the hours each person gives as a number")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    follow_error_link(page, re.compile("hours each person gives"), page.get_by_label(hours))
    type_into(page, hours, "9 hours")
    press_continue(page)

    on_a_new_page(page, axe, re.compile("Who benefits"))
    choose(page, "How much private value does it create?", "1 – weak")
    choose(page, "How much public value does it create?", "3 – strong")
    press_continue(page)

    on_a_new_page(page, axe, re.compile("Could the service do without it"))
    choose(
        page,
        "Could the service work without the co-producers' part?",
        "Optional: the agency could do the work another way",
    )
    press_continue(page)

    on_a_new_page(page, axe, re.compile("Why people take part"))
    for motive, strength in [
        ("What they gain for themselves", "1 – weak"),
        ("They enjoy the work itself", "1 – weak"),
        ("The company and respect of others", "2 – moderate"),
        ("A sense of duty", "3 – strong"),
        ("They would be penalised if they did not", "1 – weak"),
    ]:
        choose(page, motive, strength)
    choose(page, "Does the agency pay or reward co-producers?", "No")
    press_continue(page)

    on_a_new_page(page, axe, re.compile("Skills and circumstances"))
    choose(page, "How much expertise does the work need?", "1 – weak")
    choose(page, "How capable are the co-producers of doing it well?", "3 – strong")
    choose(page, "Does their capability vary much from one area to another?", "No")
    tick(page, "What do co-producers bring that a paid provider could not?", "Locational advantage")
    choose(page, "Does the work fall on clients who are least able to carry it?", "No")
    press_continue(page)

    # Three options, money as people write it, ranges on one.
    on_a_new_page(page, axe, "Ways of doing the work")
    press(page, page.get_by_role("link", name="1. With co-production"))
    on_a_new_page(page, axe, "With co-production")
    type_into(page, "Name of the option", "Kerbside sorting by households")
    type_into(page, "One-off cost to set it up", "£1.4m")
    type_into(page, "Cost to the agency each year, once running", "600k a year")
    type_into(page, "Clients served each year, once take-up is full", "40,000 households")
    choose(page, "How sure are you of these figures?", "Medium: from comparable services")
    note = page.locator("#allowance-note")
    expect(note).to_contain_text("£350,000 and £150,000 a year at medium")
    ranges = page.get_by_text("How far might these figures be out? (optional)")
    tab_to(page, ranges)
    page.keyboard.press("Enter")
    setup_range = page.get_by_role("group", name="One-off cost to set it up")
    tab_to(page, setup_range.get_by_label("Lowest"))
    page.keyboard.type("£1.5m")  # above the estimate of £1.4m: refused
    tab_to(page, setup_range.get_by_label("Highest"))
    page.keyboard.type("£1.9m")
    press_continue(page)
    assert_error_summary_has_focus(page, axe, "lowest")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    lowest = page.get_by_role("group", name="One-off cost to set it up").get_by_label("Lowest")
    follow_error_link(page, re.compile("lowest", re.I), lowest)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("1,200,000")
    press_continue(page)

    on_a_new_page(page, axe, "What happens now")
    type_into(page, "Name of the option", "Mixed collection sorted at a plant")
    type_into(page, "One-off cost to set it up", "0")
    type_into(page, "Cost to the agency each year, once running", "2,000,000")
    type_into(page, "Clients served each year, once take-up is full", "40,000")
    choose(
        page, "How sure are you of these figures?", "High: from contracts, budgets or past spending"
    )
    press_continue(page)

    on_a_new_page(page, axe, "Ways of doing the work")
    tab_to(page, page.get_by_label("Name of the new option"))
    page.keyboard.type("Reward points for sorting")
    choose(page, "Do co-producers do part of the work in this option?", "Yes")
    press(page, page.get_by_role("button", name="Add this option"))

    on_a_new_page(page, axe, "Reward points for sorting")
    type_into(page, "One-off cost to set it up", "£250k")
    type_into(page, "Cost to the agency each year, once running", "£900,000")
    type_into(page, "Clients served each year, once take-up is full", "35,000")
    choose(page, "How sure are you of these figures?", "Low: a rough estimate")
    press_continue(page)

    on_a_new_page(page, axe, "Ways of doing the work")
    press(page, page.get_by_role("link", name="Continue to quality"))

    on_a_new_page(page, axe, "Quality of each option")
    for row, ratings in [
        ("Effectiveness", ("4", "3", "4")),
        ("Consistency across areas", ("3", "4", "3")),
        ("Trust and responsiveness", ("4", "3", "4")),
        ("Client experience", ("3", "3", "4")),
    ]:
        names = (
            "Kerbside sorting by households",
            "Mixed collection sorted at a plant",
            "Reward points for sorting",
        )
        rate(page, row, zip(names, ratings, strict=True))
    press_continue(page)

    on_a_new_page(page, axe, "Outcomes")
    press_continue(page)

    on_a_new_page(page, axe, "How to weigh the options")
    type_into(page, "What is an hour of a co-producer's time worth?", "£17 an hour")
    type_into(page, "Over how many years should the options be compared?", "5 years")
    type_into(page, "Discount rate", "3.5%", exact=True)
    type_into(
        page,
        "What is one point of better quality worth to you, for one client for a year?",
        "£5",
    )
    press_continue(page)

    on_a_new_page(page, axe, "Check your answers before submitting")
    expect(page.get_by_text("Not answered")).to_have_count(0)
    press(page, page.get_by_role("button", name="Submit assessment"), most=300)

    assessment = Assessment.objects.get(title="Household recycling")
    assert assessment.status == "submitted"
    assert [o.setup_cost for o in assessment.ordered_options] == [1400000, 0, 250000]
    assert assessment.co_producers_per_year == 40000 and assessment.hourly_rate == 17

    # The report, on the phone: every chart drawn, axe clean, and printed with its tables.
    on_a_new_page(page, axe, re.compile("Household recycling"))
    for chart in CHART_TABLES:
        expect(page.locator(f"#{chart}")).to_be_attached()
    page.emulate_media(media="print")
    for table in CHART_TABLES.values():
        expect(page.locator(f"#{table}")).to_be_visible()
    pdf = page.pdf(path=str(tmp_path / "report.pdf"), format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2
