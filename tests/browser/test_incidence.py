"""A finance officer reads who gains and who pays, and the agency's cash, on a phone and
on paper: every table is readable, nothing is cut off, and the page passes axe."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.choices import Status
from tests.assessments.test_report import certain, returns_option
from tests.browser.conftest import assert_accessible
from tests.browser.test_report import DESKTOP, PHONE
from tests.factories import AssessmentFactory, complete_answers

TABLES = ("incidence-table", "perspectives-table", "budget-table")


def options() -> list[dict]:
    households = returns_option("Households sort their own recycling at the kerb", "40000", 3)
    households["hours_per_client"] = Decimal("2.2")
    banks = returns_option("Bring banks at supermarkets, emptied by a contractor", "52000", 3)
    banks["setup_cost"] = Decimal("250000")
    return certain(
        [
            returns_option("Council sorts it", "60000", 3, co_produced=False, comparator=True),
            households,
            banks,
        ]
    )


def assert_tables_whole(page):
    """No sideways scroll of the page; each table is as wide as its region shows, or its
    region scrolls (and can be reached by keyboard to do so)."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    width = page.viewport_size["width"]
    for name in TABLES:
        region = page.locator(f".table-responsive:has(.{name})")
        box = region.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, name
        assert region.get_attribute("tabindex") == "0", name


@pytest.mark.django_db(transaction=True)
def test_who_gains_and_the_cash_read_on_a_phone_and_on_paper(page, sign_in, axe, owner, service):
    assessment = AssessmentFactory(
        **complete_answers(
            options=options(), willingness_to_pay=Decimal("1"), discount_rate=Decimal("0")
        ),
        service=service,
        author=owner,
        title="Sorting recyclables at home",
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    sign_in("owner")
    page.set_viewport_size(PHONE)
    page.goto(assessment.get_absolute_url())
    expect(page.get_by_role("heading", name="Who gains and who pays")).to_be_visible()
    expect(page.get_by_text("Who pays changes the answer.")).to_be_visible()
    incidence = page.get_by_role("table", name="Who gains and who pays: each option against")
    expect(incidence).to_be_visible()
    expect(incidence.get_by_role("rowheader", name="Everyone: net benefit")).to_be_visible()
    budget = page.get_by_role("table", name="cash for each option, not discounted")
    expect(budget).to_be_visible()
    expect(budget.get_by_role("rowheader", name="Total with the allowance")).to_be_visible()
    assert_tables_whole(page)
    # A region that scrolls sideways does so from the keyboard.
    region = page.locator(".table-responsive:has(.budget-table)")
    region.focus()
    before = region.evaluate("e => e.scrollLeft")
    scrolls = region.evaluate("e => e.scrollWidth > e.clientWidth")
    page.keyboard.press("ArrowRight")
    if scrolls:
        page.wait_for_function(
            "([e, x]) => e.scrollLeft > x", arg=[region.element_handle(), before]
        )
    assert_accessible(axe, page)

    page.set_viewport_size(DESKTOP)
    page.emulate_media(media="print")
    for name in TABLES:
        table = page.locator(f"table.{name}")
        expect(table).to_be_visible()
        # On paper nothing scrolls: every table fits the page's width.
        assert table.evaluate("e => e.scrollWidth <= e.parentElement.clientWidth + 1"), name
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= DESKTOP["width"], name
    expect(page.locator("table.budget-table").get_by_text("£132,000").first).to_be_visible()
