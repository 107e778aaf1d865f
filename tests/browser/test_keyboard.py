"""The whole wizard by keyboard alone: Tab to reach each control, then type, Space, Enter or
the arrow keys to use it. Nothing is clicked or filled in by script; a locator only names
the control focus must reach, so the test fails if the focus order skips one.

Along the way: every page passes axe, the skip link works on every page, focus is visible
on every control used, and after a validation error focus lands on the error summary,
whose link takes focus to the question.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD

# The most Tab presses a page may need to reach its next control. A page's whole focus
# order is far shorter; the bound only turns "never reached" into a clear failure.
MOST_TABS = 80

IS_FOCUSED = "element => element === document.activeElement"
FOCUSED_ELEMENT = """() => {
  const el = document.activeElement;
  const name = el.getAttribute("aria-label") || (el.labels && el.labels[0] ?
    el.labels[0].innerText : el.innerText) || el.value || "";
  return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}> ${name.trim().slice(0, 60)}`;
}"""
FOCUS_RING = """element => {
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  return outline || style.boxShadow !== "none";
}"""


def tab_to(page, target, *, most=MOST_TABS):
    """Press Tab until `target` has focus (unless it has already), then check that the
    focus can be seen."""
    element = target.element_handle()
    for _ in range(most):
        if element.evaluate(IS_FOCUSED):
            assert element.evaluate(FOCUS_RING), f"no visible focus on {describe_focus(page)}"
            return
        page.keyboard.press("Tab")
    pytest.fail(
        f"{most} presses of Tab never reached {target}; the last was on {describe_focus(page)}"
    )


def describe_focus(page) -> str:
    return page.evaluate(FOCUSED_ELEMENT)


def skip_to_main(page):
    """The first Tab on every page reaches the skip link, and Enter moves focus to the main
    content, so the header's links need not be tabbed past."""
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate(IS_FOCUSED), f"the first Tab reached {describe_focus(page)}"
    assert skip.evaluate(FOCUS_RING)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def type_into(page, label, text, *, exact=False):
    box = page.get_by_label(label, exact=exact)
    tab_to(page, box)
    page.keyboard.press("ControlOrMeta+a")
    if text:
        page.keyboard.type(str(text))
    else:
        page.keyboard.press("Delete")
    expect(box).to_have_value(str(text))


def choose(page, question, answer):
    """Tab into a group of radio buttons, then move to the answer with the arrow keys."""
    group = page.get_by_role("group", name=question)
    radio = group.get_by_role("radio", name=answer, exact=True)
    group_element, radio_element = group.element_handle(), radio.element_handle()
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if group_element.evaluate("group => group.contains(document.activeElement)"):
            break
    else:
        pytest.fail(f"Tab never reached the radio buttons of {question!r}")
    for _ in range(group.get_by_role("radio").count()):
        if radio_element.evaluate(IS_FOCUSED):
            break
        page.keyboard.press("ArrowRight")
    assert radio_element.evaluate(IS_FOCUSED), f"the arrow keys never reached {answer!r}"
    assert radio_element.evaluate(FOCUS_RING), f"no visible focus on {answer!r}"
    page.keyboard.press("Space")  # entering the group focuses its first radio, unchosen
    expect(radio).to_be_checked()


def tick(page, question, *answers):
    group = page.get_by_role("group", name=question)
    for answer in answers:
        box = group.get_by_role("checkbox", name=answer, exact=True)
        tab_to(page, box)
        page.keyboard.press("Space")
        expect(box).to_be_checked()


def pick(page, select, option_text):
    """Choose from a drop-down list by typing the start of the option, as a keyboard
    user does on a closed list."""
    tab_to(page, select)
    page.keyboard.type(option_text)
    chosen = select.locator("option:checked")
    expect(chosen).to_have_text(re.compile(r"^\s*" + re.escape(option_text)))


def press(page, target, *, most=MOST_TABS):
    """Tab to a button or link and press Enter, waiting for the page it opens."""
    tab_to(page, target, most=most)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def press_continue(page):
    press(page, page.get_by_role("button", name="Continue"))


def assert_error_summary_has_focus(page, axe, message):
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text(message)
    assert summary.evaluate(IS_FOCUSED), f"focus is on {describe_focus(page)}"
    assert summary.evaluate(FOCUS_RING)
    assert page.title().startswith("Error: ")
    assert_accessible(axe, page)


def follow_error_link(page, message, field):
    """Tab from the summary to the error's link; Enter takes focus to the question."""
    link = page.get_by_role("alert").get_by_role("link", name=message)
    tab_to(page, link, most=5)
    page.keyboard.press("Enter")
    expect(field).to_be_focused()


@pytest.mark.django_db(transaction=True)
def test_manager_completes_an_assessment_by_keyboard_alone(page, axe, owner, service):
    # Sign in, with a wrong password first.
    page.goto("/accounts/login/")
    type_into(page, "Username", "owner")
    type_into(page, "Password", "not the password")
    press(page, page.get_by_role("button", name="Sign in"))
    assert_error_summary_has_focus(page, axe, "enter a correct username and password")
    type_into(page, "Password", PASSWORD)
    press(page, page.get_by_role("button", name="Sign in"))

    skip_to_main(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your dashboard")
    press(page, page.get_by_role("link", name="Start a new assessment"))

    # Continue with nothing chosen: the summary has focus and leads to the question.
    skip_to_main(page)
    assert_accessible(axe, page)
    press_continue(page)
    assert_error_summary_has_focus(page, axe, "Which service is it part of?")
    service_list = page.get_by_label("Which service is it part of?")
    follow_error_link(page, re.compile("Which service"), service_list)
    page.keyboard.type("Home Service")
    expect(service_list.locator("option:checked")).to_have_text("Home Service (Home Agency)")
    type_into(page, "What do you call this arrangement?", "Parents hearing children read")
    press_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Parents hearing children read")
    skip_to_main(page)
    assert_accessible(axe, page)
    press(page, page.get_by_role("link", name="1. The work"))

    skip_to_main(page)
    assert_accessible(axe, page)
    type_into(page, "What work do the co-producers do?", "Parents listen to their child read.")
    tick(page, "Who are the co-producers?", "Families or carers")
    choose(
        page, "Do they take part as individuals, in groups, or as a whole community?", "Individual"
    )
    tick(page, "At which stages do they take part?", "Delivery: doing the work of the service")
    type_into(page, "What goes into the work?", "School books and parents' time")
    type_into(page, "What comes out of it?", "Reading practice")
    choose(
        page,
        "Does their work add to the service or replace work the agency did?",
        "It adds to what the agency does",
    )
    press_continue(page)

    # A section page with a figure that is not one.
    skip_to_main(page)
    assert_accessible(axe, page)
    tick(page, "What does the agency give?", "Training")
    tick(page, "What do the co-producers give?", "Time")
    choose(
        page,
        "Do both sides contribute at the same time?",
        "At different times, one after the other",
    )
    type_into(page, "About how many people take part in a year?", "400")
    hours = "About how many hours does each of them give in a year?"
    type_into(page, hours, "lots")
    press_continue(page)
    assert_error_summary_has_focus(page, axe, "Enter the hours each person gives as a number")
    follow_error_link(page, re.compile("hours each person gives"), page.get_by_label(hours))
    type_into(page, hours, "30")
    press_continue(page)

    skip_to_main(page)
    assert_accessible(axe, page)
    choose(page, "How much private value does it create?", "3 – strong")
    choose(page, "How much public value does it create?", "2 – moderate")
    press_continue(page)

    skip_to_main(page)
    assert_accessible(axe, page)
    choose(
        page,
        "Could the service work without the co-producers' part?",
        "Optional: the agency could do the work another way",
    )
    press_continue(page)

    skip_to_main(page)
    assert_accessible(axe, page)
    for motive, strength in [
        ("What they gain for themselves", "1 – weak"),
        ("They enjoy the work itself", "2 – moderate"),
        ("The company and respect of others", "2 – moderate"),
        ("A sense of duty", "4 – very strong"),
        ("They would be penalised if they did not", "0 – none"),
    ]:
        choose(page, motive, strength)
    choose(page, "Does the agency pay or reward co-producers?", "No")
    press_continue(page)

    skip_to_main(page)
    assert_accessible(axe, page)
    choose(page, "How much expertise does the work need?", "2 – moderate")
    choose(page, "How capable are the co-producers of doing it well?", "3 – strong")
    choose(page, "Does their capability vary much from one area to another?", "No")
    tick(page, "What do co-producers bring that a paid provider could not?", "Trust")
    choose(page, "Does the work fall on clients who are least able to carry it?", "No")
    press_continue(page)

    # The options: give each its costs, and add a third.
    expect(page.get_by_role("heading", level=1)).to_have_text("Ways of doing the work")
    skip_to_main(page)
    assert_accessible(axe, page)
    press(page, page.get_by_role("link", name="1. With co-production"))

    skip_to_main(page)
    assert_accessible(axe, page)
    type_into(page, "Name of the option", "Parents at home")
    type_into(page, "One-off cost to set it up", "lots")
    type_into(page, "Cost to the agency each year, once running", "20k")
    type_into(
        page, "Hours citizens or clients give for each client served, in a year (optional)", "1"
    )
    type_into(page, "Clients served each year, once take-up is full", "1,000")
    choose(
        page, "How sure are you of these figures?", "High: from contracts, budgets or past spending"
    )
    press_continue(page)
    assert_error_summary_has_focus(
        page, axe, "Enter the one-off set-up cost of Parents at home as a number"
    )
    setup = page.get_by_label("One-off cost to set it up")
    follow_error_link(page, re.compile("set-up cost"), setup)
    type_into(page, "One-off cost to set it up", "£5,000")
    press_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("What happens now")
    skip_to_main(page)
    type_into(page, "Name of the option", "Teaching assistants")
    type_into(page, "One-off cost to set it up", "0")
    type_into(page, "Cost to the agency each year, once running", "60k")
    type_into(page, "Clients served each year, once take-up is full", "1,000")
    choose(
        page, "How sure are you of these figures?", "High: from contracts, budgets or past spending"
    )
    press_continue(page)

    # Adding an option with no name first.
    expect(page.get_by_role("heading", level=1)).to_have_text("Ways of doing the work")
    skip_to_main(page)
    press(page, page.get_by_role("button", name="Add this option"))
    assert_error_summary_has_focus(page, axe, "Enter a name for the option")
    follow_error_link(
        page, re.compile("Name of the new option"), page.get_by_label("Name of the new option")
    )
    page.keyboard.type("Volunteer reading helpers")
    choose(page, "Do co-producers do part of the work in this option?", "Yes")
    press(page, page.get_by_role("button", name="Add this option"))

    # Its page, with the ranges opened from the keyboard.
    expect(page.get_by_role("heading", level=1)).to_have_text("Volunteer reading helpers")
    skip_to_main(page)
    type_into(page, "One-off cost to set it up", "2,000")
    type_into(page, "Cost to the agency each year, once running", "£35,000")
    type_into(page, "Clients served each year, once take-up is full", "1000")
    choose(page, "How sure are you of these figures?", "Medium: from comparable services")
    ranges = page.get_by_text("How far might these figures be out? (optional)")
    tab_to(page, ranges)
    page.keyboard.press("Enter")
    setup_range = page.get_by_role("group", name="One-off cost to set it up")
    tab_to(page, setup_range.get_by_label("Lowest"))
    page.keyboard.type("1,500")
    tab_to(page, setup_range.get_by_label("Highest"))
    page.keyboard.type("4,000")
    assert_accessible(axe, page)
    press_continue(page)
    expect(page.get_by_role("link", name="3. Volunteer reading helpers")).to_be_visible()
    skip_to_main(page)
    press(page, page.get_by_role("link", name="Continue to quality"))

    # The quality grid: a drop-down list each, and one range that cannot be.
    expect(page.get_by_role("heading", level=1)).to_have_text("Quality of each option")
    skip_to_main(page)
    assert_accessible(axe, page)
    for row in [
        "Effectiveness",
        "Consistency across areas",
        "Trust and responsiveness",
        "Client experience",
    ]:
        group = page.get_by_role("group", name=row)
        for option, rating in [("Parents at home", "4"), ("Teaching assistants", "3"),
                               ("Volunteer reading helpers", "4")]:  # fmt: skip
            pick(page, group.get_by_label(option, exact=True), rating)
            if row == "Effectiveness" and option == "Parents at home":
                tab_to(page, group.get_by_text("Could it be higher or lower?").first)
                page.keyboard.press("Enter")
                pick(page, group.get_by_label("Lowest effectiveness of Parents at home"), "5")
    press_continue(page)
    assert_error_summary_has_focus(page, axe, "must not be above the rating itself")
    lowest = page.get_by_label("Lowest effectiveness of Parents at home")
    follow_error_link(page, re.compile("must not be above"), lowest)
    page.keyboard.type("3")
    expect(lowest.locator("option:checked")).to_have_text(re.compile("^3"))
    press_continue(page)

    # Outcomes are optional: none here, so on to the appraisal settings.
    expect(page.get_by_role("heading", level=1)).to_have_text("Outcomes")
    skip_to_main(page)
    assert_accessible(axe, page)
    press_continue(page)

    # The appraisal settings start from the agency's; a slip of the keyboard first.
    expect(page.get_by_role("heading", level=1)).to_have_text("How to weigh the options")
    skip_to_main(page)
    assert_accessible(axe, page)
    hourly = "What is an hour of a co-producer's time worth?"
    type_into(page, hourly, "-5")
    type_into(page, "Over how many years should the options be compared?", "3")
    type_into(page, "Discount rate", "3.5%", exact=True)
    press_continue(page)
    assert_error_summary_has_focus(page, axe, "value of an hour")
    follow_error_link(page, re.compile("value of an hour"), page.get_by_label(hourly))
    type_into(page, hourly, "10")
    press_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before submitting"
    )
    expect(page.get_by_text("Not answered")).to_have_count(0)
    skip_to_main(page)
    assert_accessible(axe, page)
    # Every answer has a Change link, so the button is a long way down.
    press(page, page.get_by_role("button", name="Submit assessment"), most=300)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Parents hearing children read.*Submitted")
    )
    expect(page.get_by_text("frontier").first).to_be_visible()
    skip_to_main(page)
    assert_accessible(axe, page)
