"""Co-producers answer the survey on a phone, without signing in; once five have, the
manager sees what they said beside the assessment's own estimates."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.choices import Status
from assessments.models import Survey, SurveyResponse
from assessments.scoring import MOTIVATORS
from tests.browser.conftest import assert_accessible
from tests.browser.test_report import DESKTOP, PHONE
from tests.factories import AssessmentFactory, complete_answers


@pytest.fixture
def survey(owner, service):
    assessment = AssessmentFactory(
        **complete_answers(), service=service, author=owner, title="Parents reading at home",
        status=Status.SUBMITTED, submitted_at=timezone.now(),
    )  # fmt: skip
    survey = Survey.objects.create(assessment=assessment, opened_by=owner)
    for hours in (2, 4, 8, 10):  # four earlier answers: one more shows the results
        survey.record(
            SurveyResponse(hours_a_month=hours, ease=4, **{f"{m}_agreement": 2 for m in MOTIVATORS})
        )
    return survey


def test_answering_on_a_phone_then_the_manager_sees_the_results(page, axe, sign_in, survey):
    page.set_viewport_size(PHONE)
    page.goto(f"/s/{survey.token}/")
    assert page.get_by_role("heading", name="What you do").is_visible()
    assert page.get_by_role("link", name="Sign in").count() == 0
    assert_accessible(axe, page)
    # No sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.get_by_label("Time").check()
    page.get_by_label("Roughly how many hours a month").fill("400")
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".error-summary")
    assert "Enter at most 300 hours a month" in summary.inner_text()
    assert_accessible(axe, page)  # the error state too
    page.get_by_label("Roughly how many hours a month").fill("6")
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_role("heading", name="Why you take part").is_visible()
    duty = page.get_by_role("group", name="It is the right thing to do, or my duty.")
    duty.get_by_label("Strongly agree").check()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_role("heading", name="How it goes").is_visible()
    page.get_by_label("Quite easy").check()
    page.get_by_label("Making it simpler and quicker to do").check()
    page.get_by_label("Anything else you would like to tell them?").fill("Evenings suit me.")
    trap = page.locator("#id_website").bounding_box()  # the honeypot: off the screen
    assert trap["x"] + trap["width"] <= 0
    assert_accessible(axe, page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you: your answers are saved")).to_be_visible()
    assert_accessible(axe, page)
    saved = SurveyResponse.objects.get(comment="Evenings suit me.")
    assert saved.hours_a_month == 6 and saved.normative_agreement == 5 and saved.ease == 4

    page.goto(f"/s/{survey.token}/")  # the same phone again
    assert page.get_by_role("heading", name="You have already answered this survey").is_visible()

    page.set_viewport_size(DESKTOP)
    sign_in("owner")
    page.goto(f"/assessments/{survey.assessment.code}/survey/")
    assert page.get_by_text("What 5 people said.").is_visible()
    assert page.get_by_text("The middle answer was 6 hours a month").is_visible()
    assert page.get_by_text("Evenings suit me.").is_visible()
    page.wait_for_function(
        "document.getElementById('survey-motivators-chart').getBoundingClientRect().height > 0"
    )
    assert_accessible(axe, page)
    page.get_by_role("link", name="Page to print, with a QR code").click()
    expect(page.locator(".survey-qr svg")).to_be_visible()
    assert_accessible(axe, page)
