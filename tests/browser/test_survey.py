"""Co-producers answer the survey on a phone, without signing in; once five have, the
manager sees what they said beside the assessment's own estimates.

What people answering read is the survey's own title, its description and the agency's
name, never the assessment's working title; they can leave halfway and come back to their
answers, and go Back after sending without the browser offering to send them again."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.choices import Status
from assessments.models import Survey, SurveyResponse
from assessments.scoring import MOTIVATORS
from tests.browser.conftest import assert_accessible
from tests.browser.test_keyboard import choose, press, tick, type_into
from tests.browser.test_report import DESKTOP, PHONE
from tests.factories import AssessmentFactory, complete_answers

INTERNAL_TITLE = "Reading scheme: option B, paid tutors instead"
PUBLIC_TITLE = "Reading at home with your child"
TASKS = [
    {"code": "time", "label": "Hearing my child read", "offered": True},
    {"code": "task-1", "label": "Filling in the reading diary", "offered": True},
]


@pytest.fixture
def survey(owner, service):
    assessment = AssessmentFactory(
        **complete_answers(), service=service, author=owner, title=INTERNAL_TITLE,
        status=Status.SUBMITTED, submitted_at=timezone.now(),
    )  # fmt: skip
    survey = Survey.objects.create(
        assessment=assessment,
        opened_by=owner,
        public_title=PUBLIC_TITLE,
        description="Home Agency would like to hear how reading at home goes for you.",
        task_choices=TASKS,
    )
    for hours in (2, 4, 8, 10):  # four earlier answers: one more shows the results
        survey.record(
            SurveyResponse(
                minutes_a_month=hours * 60, ease=4, **{f"{m}_agreement": 2 for m in MOTIVATORS}
            )
        )
    return survey


def assert_public_words(page):
    """The page names the agency and the survey's own title, never the working title."""
    text = page.locator("body").inner_text()
    assert "Home Agency" in text and PUBLIC_TITLE in text
    assert "option B" not in text and "option B" not in page.title()


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_answering_on_a_phone_then_the_manager_sees_the_results(page, axe, sign_in, survey):
    page.set_viewport_size(PHONE)
    page.goto(f"/s/{survey.token}/")
    expect(page.get_by_role("heading", name="What you do")).to_be_visible()
    assert page.get_by_role("link", name="Sign in").count() == 0
    assert_public_words(page)
    assert_accessible(axe, page)
    no_sideways_scroll(page)

    page.get_by_label("Hearing my child read").check()
    page.get_by_label("Hours").fill("400")
    page.get_by_label("A month").check()
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".error-summary")
    assert "Enter at most 300 hours a month" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert_accessible(axe, page)  # the error state too
    page.get_by_label("Hours").fill("6")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Why you take part")).to_be_visible()
    duty = page.get_by_role("group", name="It is the right thing to do, or my duty.")
    duty.get_by_label("Strongly agree").check()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="How it goes")).to_be_visible()
    page.get_by_label("Quite easy").check()
    page.get_by_label("Making it simpler and quicker to do").check()
    page.get_by_label("Anything else you would like to tell them?").fill("Evenings suit me.")
    trap = page.locator("#id_website").bounding_box()  # the honeypot: off the screen
    assert trap["x"] + trap["width"] <= 0
    assert_accessible(axe, page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you: your answers are saved")).to_be_visible()
    assert_public_words(page)
    assert_accessible(axe, page)
    saved = SurveyResponse.objects.get(comment="Evenings suit me.")
    assert saved.minutes_a_month == 360 and saved.normative_agreement == 5 and saved.ease == 4
    assert saved.activities == ["time"]

    page.goto(f"/s/{survey.token}/")  # the same phone again
    expect(
        page.get_by_role("heading", name="You have already answered this survey")
    ).to_be_visible()
    assert_public_words(page)

    page.set_viewport_size(DESKTOP)
    sign_in("owner")
    page.goto(f"/assessments/{survey.assessment.code}/survey/")
    expect(page.get_by_text("What 5 people said.")).to_be_visible()
    expect(page.get_by_text("The middle answer was 6 hours a month")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Average answer (1 to 5)")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Duty, or doing right")).to_be_visible()
    expect(page.get_by_text("Evenings suit me.")).to_be_visible()
    page.wait_for_function(
        "document.getElementById('survey-motivators-chart').getBoundingClientRect().height > 0"
    )
    assert_accessible(axe, page)
    page.get_by_role("link", name="Page to print, with a QR code").click()
    expect(page.locator(".survey-qr svg")).to_be_visible()
    poster = page.locator(".survey-poster").inner_text()
    assert "Home Agency" in poster and PUBLIC_TITLE in poster and "option B" not in poster
    assert "option B" not in page.title()  # printed in the header by some browsers
    assert_accessible(axe, page)


def test_on_a_phone_by_keyboard_leaving_halfway_and_back_after_sending(page, axe, survey):
    """Keyboard alone at 390 px: two pages answered, the phone put away, the link opened
    again (the answers are there), sent, then Back and reload: no form is sent again."""
    page.set_viewport_size(PHONE)
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url)))
    link = f"/s/{survey.token}/"
    page.goto(link)
    assert_public_words(page)

    tick(page, "What do you do?", "Hearing my child read")
    type_into(page, "Hours", "1", exact=True)
    type_into(page, "Minutes", "30", exact=True)
    choose(page, "Is that a week or a month?", "A week")
    press(page, page.get_by_role("button", name="Continue"))
    expect(page.get_by_role("heading", name="Why you take part")).to_be_visible()
    assert page.url.endswith(f"{link}?page=2")  # a GET, after the page's POST
    choose(page, "It is the right thing to do, or my duty.", "Strongly agree")
    press(page, page.get_by_role("button", name="Continue"))
    expect(page.get_by_role("heading", name="How it goes")).to_be_visible()

    # They put the phone away, and open the link again later.
    page.goto("about:blank")
    page.goto(link)
    expect(page.get_by_role("heading", name="How it goes")).to_be_visible()
    expect(page.get_by_text("We have kept the answers you gave before")).to_be_visible()
    expect(page.get_by_role("button", name="Start again")).to_be_visible()
    assert_public_words(page)
    assert_accessible(axe, page)
    no_sideways_scroll(page)
    press(page, page.get_by_role("button", name="Back"))
    duty = page.get_by_role("group", name="It is the right thing to do, or my duty.")
    expect(duty.get_by_role("radio", name="Strongly agree")).to_be_checked()
    press(page, page.get_by_role("button", name="Back"))
    expect(page.get_by_label("Hours", exact=True)).to_have_value("1")
    expect(page.get_by_label("Minutes", exact=True)).to_have_value("30")
    expect(page.get_by_role("checkbox", name="Hearing my child read")).to_be_checked()
    assert_accessible(axe, page)
    press(page, page.get_by_role("button", name="Continue"))
    press(page, page.get_by_role("button", name="Continue"))

    choose(page, "How easy is it to do your part?", "Quite easy")
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_role("heading", name="Thank you: your answers are saved")).to_be_visible()
    assert_public_words(page)
    assert_accessible(axe, page)
    saved = SurveyResponse.objects.get(minutes_a_month=390)  # 1 hour 30 minutes a week
    assert saved.activities == ["time"] and saved.normative_agreement == 5 and saved.ease == 4

    # Back, and reload: fetched again with GETs, never the form sent again.
    sent.clear()
    page.go_back()
    page.wait_for_load_state()
    expect(
        page.get_by_role("heading", name="You have already answered this survey")
    ).to_be_visible()
    page.reload()
    expect(
        page.get_by_role("heading", name="You have already answered this survey")
    ).to_be_visible()
    assert sent and all(method == "GET" for method, _ in sent), sent
    assert "Confirm Form Resubmission" not in page.content()
    assert SurveyResponse.objects.filter(minutes_a_month=390).count() == 1
    assert_accessible(axe, page)


def test_start_again_clears_the_answers_kept_on_the_phone(page, survey):
    page.set_viewport_size(PHONE)
    link = f"/s/{survey.token}/"
    page.goto(link)
    type_into(page, "Hours", "3", exact=True)
    choose(page, "Is that a week or a month?", "A month")
    press(page, page.get_by_role("button", name="Continue"))
    page.goto(link)
    press(page, page.get_by_role("button", name="Start again"))
    expect(page.get_by_role("heading", name="What you do")).to_be_visible()
    expect(page.get_by_label("Hours", exact=True)).to_have_value("")
    expect(page.get_by_role("button", name="Start again")).to_have_count(0)
