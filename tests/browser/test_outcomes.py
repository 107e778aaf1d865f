"""A manager values outcomes in a real browser: one at a published value, one with a case's
measured effect, on a desktop and on a phone."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from assessments.forms.outcomes import OutcomeEffectsForm
from assessments.models import OutcomeEffect, OutcomeMeasure
from services.models import CaseEffect, CaseStatus, ReferenceValue
from tests.browser.conftest import assert_accessible
from tests.browser.test_report import DESKTOP, PHONE
from tests.factories import AssessmentFactory, CaseExampleFactory, complete_answers

WIDE = {**DESKTOP, "width": 1366}


@pytest.mark.django_db(transaction=True)
def test_manager_adds_an_outcome_from_a_reference_value_and_one_from_a_case(
    page, sign_in, axe, owner, service
):
    assessment = AssessmentFactory(
        **complete_answers(willingness_to_pay=Decimal("1")),
        service=service,
        author=owner,
        title="Parents hearing children read",
    )
    ReferenceValue.objects.create(
        slug="test-reading-age",
        name="A month of reading age gained (test value)",
        unit="one month of reading age",
        value=Decimal("150"),
        low=Decimal("100"),
        high=Decimal("200"),
        currency="GBP",
        price_year=2023,
        country="United Kingdom",
        source_title="Valuing reading",
        publisher="Test Institute",
        location="Table 2",
        source_year=2023,
        url="https://example.org/reading",
        status=CaseStatus.PUBLISHED,
    )
    CaseEffect.objects.create(
        case=CaseExampleFactory(title="Volunteer reading partners"),
        outcome="Days off school avoided",
        unit="one day",
        effect=Decimal("1.5"),
        low=Decimal("0.5"),
        high=Decimal("2.5"),
        spread="ci95",
        compared_with="no partner",
        population="400 pupils, one year",
        study="Reader et al. (2030), Journal of Test Evidence",
    )
    parents = assessment.ordered_options[0]
    page.set_viewport_size(WIDE)
    sign_in("owner")

    # The task list offers the optional section after the quality ratings.
    page.goto(f"/assessments/{assessment.code}/tasks/")
    page.get_by_role("link", name="Outcomes (optional)").click()
    expect(page.get_by_role("heading", name="Outcomes", exact=True)).to_be_visible()
    assert_accessible(axe, page)

    # A published value.
    page.get_by_role("link", name="Add an outcome").click()
    expect(page.get_by_role("heading", name="Add an outcome")).to_be_visible()
    assert_accessible(axe, page)
    page.get_by_label("A month of reading age gained (test value)").check()
    page.get_by_role("button", name="Add this outcome").click()
    heading = page.get_by_role("heading", name="A month of reading age gained (test value)")
    expect(heading).to_be_visible()
    expect(page.get_by_text("Test Institute (2023), Valuing reading, Table 2")).to_be_visible()
    assert_accessible(axe, page)
    estimate = OutcomeEffectsForm.field_name("estimate", parents)
    page.locator(f"[name='{estimate}']").fill("0.5")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Outcomes", exact=True)).to_be_visible()
    expect(page.get_by_text("0.5 more than")).to_be_visible()

    # A value of the agency's own, its effect adopted from a case's study.
    page.get_by_role("link", name="Add an outcome").click()
    page.get_by_label("A value of your own").check()
    page.get_by_label("What changes", exact=True).fill("Days off school avoided")
    page.get_by_label("One unit", exact=True).fill("one day")
    page.get_by_label("Value of one unit").fill("£45")
    page.get_by_label("Where it comes from, and why you use it").fill(
        "Our attendance team's cost of following up an absence."
    )
    page.get_by_role("button", name="Add this outcome").click()
    expect(page.get_by_role("heading", name="Days off school avoided", exact=True)).to_be_visible()
    page.get_by_role("button", name="Days off school avoided, Volunteer reading partners").click()
    expect(page.locator(".evidence")).to_contain_text(
        "copied from Reader et al. (2030), Journal of Test Evidence"
    )
    expect(page.locator(f"[name='{estimate}']")).to_have_value("1.5")

    # On a phone the pages read as well.
    page.set_viewport_size(PHONE)
    assert_accessible(axe, page)
    page.get_by_role("link", name="Back to the outcomes").click()
    expect(page.get_by_role("heading", name="Outcomes", exact=True)).to_be_visible()
    assert_accessible(axe, page)

    adopted = OutcomeMeasure.objects.get(name="Days off school avoided")
    assert adopted.evidence.startswith("Reader et al. (2030)")
    effect = OutcomeEffect.objects.get(outcome=adopted)
    assert (effect.estimate, effect.low, effect.high, effect.spread) == (
        Decimal("1.5"),
        Decimal("0.5"),
        Decimal("2.5"),
        "ci95",
    )
