"""In a real browser, with the Content Security Policy on: nothing is refused, charts draw,
the History page reads, and too many wrong passwords show the lockout page."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assessments.choices import Status
from tests.browser.conftest import assert_accessible
from tests.factories import AssessmentFactory, complete_answers


def refusals_of(page) -> list[str]:
    """Collect what the browser reports refusing under the policy, as it happens."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


@pytest.mark.django_db(transaction=True)
def test_pages_with_charts_break_no_rule_of_the_policy(page, sign_in, axe, owner, service):
    assessment = AssessmentFactory(
        **complete_answers(willingness_to_pay=Decimal("1")),
        service=service,
        author=owner,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    refused = refusals_of(page)
    sign_in("owner")
    page.goto(assessment.get_absolute_url())
    assert page.evaluate("() => Chart.getChart('cost-quality-chart').data.datasets.length") > 0
    page.goto(reverse("assessments:edit", args=[assessment.code, "work"]))  # 404: a page too
    page.goto("/")
    page.goto(reverse("help"))
    assert refused == []


@pytest.mark.django_db(transaction=True)
def test_the_history_page_reads_in_a_browser(page, sign_in, axe, owner, service):
    assessment = AssessmentFactory(**complete_answers(), service=service, author=owner)
    sign_in("owner")
    page.goto(reverse("assessments:check", args=[assessment.code]))
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("heading", name="History of changes")).to_be_visible()
    expect(page.get_by_role("heading", name="Submitted")).to_be_visible()
    assert_accessible(axe, page)


@pytest.mark.django_db(transaction=True)
def test_too_many_wrong_passwords_show_the_lockout_page(page, axe, owner):
    page.goto("/accounts/login/")
    for _ in range(5):
        page.get_by_label("Username").fill("owner")
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Sign in").click()
        if page.get_by_role("heading", name="Sign-in paused for 30 minutes").is_visible():
            break
    expect(page.get_by_role("heading", name="Sign-in paused for 30 minutes")).to_be_visible()
    assert_accessible(axe, page)
