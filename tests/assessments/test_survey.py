"""The co-producers' survey: answered anonymously, throttled, shown only in aggregate and
only to the assessment's agency, and adopted into a draft, never into a submitted one."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from assessments.choices import Status
from assessments.models import Assessment, Survey, SurveyResponse
from assessments.scoring import MOTIVATORS
from assessments.survey.questions import MOTIVATOR_WORDS
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def submitted(owner, service):
    return factories.AssessmentFactory(
        **factories.complete_answers(), service=service, author=owner,
        status=Status.SUBMITTED, submitted_at=timezone.now(),
    )  # fmt: skip


# The assessment's title names an option the agency is still weighing: people answering
# must never see it.
INTERNAL_TITLE = "Recycling: option B, cut collections to fortnightly"
PUBLIC_TITLE = "Your views on recycling in Kirkby"
# What people tick, in their own words; "time" is the code answers had before the manager
# wrote the words, which the data migration keeps.
TASKS = [
    {"code": "time", "label": "Sorting my recycling into the right bins", "offered": True},
    {"code": "task-1", "label": "Taking glass to the bottle bank", "offered": True},
]


@pytest.fixture
def survey(submitted, owner):
    return open_survey(submitted, owner)


def open_survey(assessment, owner=None, **fields):
    return Survey.objects.create(
        assessment=assessment,
        opened_by=owner,
        public_title=PUBLIC_TITLE,
        description="Tell us how sorting your recycling goes.",
        task_choices=TASKS,
        **fields,
    )


def survey_url(survey):
    return reverse("survey-answer", args=[survey.token])


AGREE_ALL = {f"{m}_agreement": "4" for m in MOTIVATORS}


def answer(
    client,
    survey,
    *,
    hours="6",
    minutes="",
    per="month",
    agreement=None,
    ease="4",
    comment="",
    address="127.0.0.1",
    **extra,
):
    """Send the three pages as a phone would: each page posts only its own questions and
    is redirected to the next, the answers so far kept in the browser's cookie. Returns
    the last page's response (a redirect to the thanks page, or a refusal), or the page a
    problem sent them back to."""
    url = survey_url(survey)
    pages = (
        {"activities": [survey.offered_tasks[0][0]], "hours": hours, "minutes": minutes,
         "per": per},
        agreement or AGREE_ALL,
        {"ease": ease, "helps": ["ease", "social"], "comment": comment, **extra},
    )  # fmt: skip
    for page, data in enumerate(pages, start=1):
        response = client.post(url, {"page": page, **data}, REMOTE_ADDR=address)
        if response.status_code != 303:
            return response
        if page < len(pages) and response["Location"] != f"{url}?page={page + 1}":
            return client.get(response["Location"], REMOTE_ADDR=address)
    if response["Location"].startswith(f"{url}?page="):
        return client.get(response["Location"], REMOTE_ADDR=address)
    return response


def answers_from(client, survey, count, **kwargs):
    for number in range(count):
        client.cookies.clear()  # a different phone each time
        response = answer(
            client, survey, hours=str(number * 2 + 2), address=f"10.0.0.{number}", **kwargs
        )
        assert response.status_code == 303, response.status_code


# --- Answering --------------------------------------------------------------------------


def test_anyone_with_the_link_answers_without_signing_in(client, survey):
    page = client.get(survey_url(survey))
    assert page.status_code == 200
    assert "What do you do?" in page.content.decode() and "Page 1 of 3" in page.content.decode()
    response = answer(client, survey, comment="Evenings suit me best.")
    assert response.status_code == 303
    assert response["Location"] == reverse("survey-thanks", args=[survey.token])
    saved = SurveyResponse.objects.get()
    assert saved.activities == ["time"] and saved.minutes_a_month == 360 and saved.ease == 4
    assert saved.normative_agreement == 4 and saved.helps == ["ease", "social"]
    assert saved.comment == "Evenings suit me best." and saved.answered_on == timezone.localdate()
    survey.refresh_from_db()
    assert survey.response_count == 1
    assert survey.normative_agreement_total == 0  # the totals move a whole batch at a time
    assert client.get(response["Location"]).status_code == 200


def test_each_page_goes_on_by_a_redirect_and_back_keeps_the_answers(client, survey):
    url = survey_url(survey)
    sent = client.post(url, {"page": 1, "activities": ["time"], "hours": "9", "per": "month"})
    assert sent.status_code == 303 and sent["Location"] == f"{url}?page=2"
    second = client.get(sent["Location"])
    assert second.context["page"] == 2 and "Why you take part" in second.content.decode()
    back = client.post(url, {"page": 2, "back": "1", **AGREE_ALL})
    assert back.status_code == 303 and back["Location"] == f"{url}?page=1"
    first = client.get(back["Location"]).content.decode()
    assert (
        'value="9"' in first
        and 'value="time" class="form-check-input" id="id_activities_0" checked' in first
    )
    again = client.get(f"{url}?page=2").content.decode()
    assert again.count("checked") == len(MOTIVATORS)  # page 2's answers kept when going back
    assert not SurveyResponse.objects.exists()  # nothing is kept until the last page


def test_a_bad_answer_is_shown_on_its_page_with_what_was_typed(client, survey):
    url = survey_url(survey)
    sent = client.post(url, {"page": 1, "hours": "lots", "per": "week"})
    assert sent.status_code == 303 and sent["Location"] == f"{url}?page=1"
    response = client.get(sent["Location"])
    assert response.status_code == 200 and response.context["page"] == 1
    text = response.content.decode()
    assert "Enter the hours as a whole number, like 6" in text and "There is a problem" in text
    assert 'value="lots"' in text and "<title>Error: " in text
    client.cookies.clear()
    too_long = answer(client, survey, comment="x" * 501)
    assert too_long.context["page"] == 3
    assert "Keep your comment to 500 characters or fewer: it has 501" in too_long.content.decode()
    assert not SurveyResponse.objects.exists()


def test_one_answer_per_browser_by_default(client, survey):
    assert answer(client, survey).status_code == 303
    again = client.get(survey_url(survey))
    assert "You have already answered this survey" in again.content.decode()
    assert answer(client, survey).status_code == 200
    assert SurveyResponse.objects.count() == 1
    Survey.objects.filter(pk=survey.pk).update(one_per_browser=False)
    survey.refresh_from_db()
    assert answer(client, survey).status_code == 303  # a shared computer at a drop-in
    assert SurveyResponse.objects.count() == 2


def test_answers_from_one_address_are_throttled(client, survey, settings):
    settings.SURVEY_ANSWERS_PER_ADDRESS_PER_HOUR = 2
    for _ in range(2):
        client.cookies.clear()
        assert answer(client, survey).status_code == 303
    client.cookies.clear()
    refused = answer(client, survey)
    assert refused.status_code == 429
    assert "Too many answers from this connection" in refused.content.decode()
    client.cookies.clear()
    assert answer(client, survey, address="192.0.2.7").status_code == 303  # another address
    assert SurveyResponse.objects.count() == 3


def test_the_throttle_keeps_only_a_rotating_hash_of_the_address(client, survey):
    answer(client, survey, address="203.0.113.9")
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            assert "203.0.113.9" not in repr(cursor.fetchall()), table


def test_the_honeypot_is_thanked_and_nothing_is_kept(client, survey):
    response = answer(client, survey, website="http://spam.example")
    assert response.status_code == 303 and "thanks" in response["Location"]
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    "change, words",
    [
        ({"closed_at": timezone.now()}, "This survey is closed"),
        ({"closes_on": timezone.localdate() - timezone.timedelta(days=1)}, "This survey is closed"),
        ({"response_limit": 1, "response_count": 1}, "This survey is full"),
    ],
)
def test_a_closed_or_full_survey_refuses_answers_with_410(client, survey, change, words):
    Survey.objects.filter(pk=survey.pk).update(**change)
    page = client.get(survey_url(survey))
    assert page.status_code == 410 and words in page.content.decode()
    assert answer(client, survey).status_code == 410
    assert not SurveyResponse.objects.exists()


def test_the_last_place_goes_to_one_answer_only(client, survey):
    Survey.objects.filter(pk=survey.pk).update(response_limit=1)
    survey.refresh_from_db()
    stale = Survey.objects.get(pk=survey.pk)  # a second phone that loaded the page earlier
    assert answer(client, survey).status_code == 303
    assert not stale.record(SurveyResponse(**{f"{m}_agreement": 3 for m in MOTIVATORS}))
    assert SurveyResponse.objects.count() == 1


def test_an_unknown_or_malformed_token_is_404(client, db):
    assert client.get("/s/not-a-survey/").status_code == 404
    assert client.get("/s/not-a-survey/thanks/").status_code == 404
    # Only the token's own alphabet reaches the database (a NUL there is an error on
    # PostgreSQL, not a miss).
    for malformed in ("%00", "a%00b", "%E2%80%AE", "a.b", "%20"):
        assert client.get(f"/s/{malformed}/").status_code == 404, malformed


# --- Nothing identifying ----------------------------------------------------------------


def test_the_response_table_has_no_column_that_identifies_a_person():
    columns = {field.column for field in SurveyResponse._meta.concrete_fields}
    assert columns == {
        "id", "survey_id", "batch", "answered_on", "activities", "minutes_a_month",
        *(f"{m}_agreement" for m in MOTIVATORS), "ease", "helps", "comment",
    }  # fmt: skip
    assert not any(
        field.is_relation and field.related_model is not Survey
        for field in SurveyResponse._meta.get_fields()
    )
    answered_on = SurveyResponse._meta.get_field("answered_on")
    assert answered_on.get_internal_type() == "DateField"  # the day, not the time


def test_the_token_is_random_and_unrelated_to_anything_public(owner, service):
    tokens = set()
    for _ in range(20):
        assessment = factories.AssessmentFactory(service=service, author=owner)
        token = Survey.objects.create(assessment=assessment).token
        assert len(token) >= 32 and assessment.code.hex not in token
        assert str(assessment.pk) != token and token not in tokens
        tokens.add(token)
    # No common prefix a guesser could start from.
    assert len({token[:4] for token in tokens}) == 20


# --- Results for the agency -------------------------------------------------------------


def manage_url(assessment, name="survey"):
    return reverse(f"assessments:{name}", args=[assessment.code])


# What the manager writes when opening the survey: the words people see.
SETTINGS = {
    "public_title": PUBLIC_TITLE,
    "description": "Tell us how sorting your recycling goes.",
    "tasks": "Sorting my recycling into the right bins\nTaking glass to the bottle bank",
}


def test_results_stay_hidden_until_five_have_answered(client, owner, survey, submitted):
    answers_from(client, survey, 4)
    client.force_login(owner)
    page = client.get(manage_url(submitted))
    assert page.context["results"] is None
    assert "Results show once at least 5 people have answered" in page.content.decode()
    assert client.get(manage_url(submitted, "survey_csv")).status_code == 404
    client.logout()
    answers_from(client, survey, 1, comment="The forms are long.")
    client.force_login(owner)
    page = client.get(manage_url(submitted))
    results = page.context["results"]
    assert results.count == 5 and results.median_minutes_a_month == 240  # 2, 2, 4, 6, 8 hours
    assert results.hours_a_year == 48
    normative = next(m for m in results.motivators if m.code == "normative")
    assert normative.surveyed_strength == 3 and normative.managers_strength == 4
    text = page.content.decode()
    assert "The forms are long." in text and "Why they take part" in text


def test_the_results_csv_adds_up_and_leaves_out_comments(client, owner, survey, submitted):
    answers_from(client, survey, 5, comment="My neighbour Jo Bloggs helps too.")
    client.force_login(owner)
    response = client.get(manage_url(submitted, "survey_csv"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["question", "answer", "figure", "unit"]
    assert ["answers", "", "5", "people"] in rows
    assert "Jo Bloggs" not in response.content.decode()


def test_another_agencys_managers_cannot_see_the_survey(client, outsider, survey, submitted):
    client.force_login(outsider)
    for name in ("survey", "survey_csv", "survey_print"):
        assert client.get(manage_url(submitted, name)).status_code == 404
    for name in ("survey_open", "survey_close", "survey_use"):
        assert client.post(manage_url(submitted, name)).status_code == 404


def test_the_results_page_takes_a_bounded_number_of_queries(client, owner, survey, submitted):
    answers_from(client, survey, 5)
    client.force_login(owner)
    client.get(manage_url(submitted))
    with CaptureQueriesContext(connection) as small:
        client.get(manage_url(submitted))
    answers_from(client, survey, 15)
    client.force_login(owner)
    with CaptureQueriesContext(connection) as big:
        client.get(manage_url(submitted))
    assert len(big) == len(small) <= 6


# --- Running it -------------------------------------------------------------------------


def test_a_manager_opens_prints_and_closes_a_survey(client, owner, submitted):
    client.force_login(owner)
    page = client.get(manage_url(submitted))
    assert "Open the survey" in page.content.decode()
    opened = client.post(manage_url(submitted, "survey_open"), {**SETTINGS, "response_limit": "200",
                                                                 "one_per_browser": "on"})  # fmt: skip
    assert opened.status_code == 302
    survey = Survey.objects.get(assessment=submitted)
    assert survey.response_limit == 200 and survey.opened_by == owner and survey.is_open
    printed = client.get(manage_url(submitted, "survey_print"))
    assert printed.status_code == 200
    text = printed.content.decode()
    assert "<svg" in text and survey.token in text
    client.post(manage_url(submitted, "survey_close"))
    survey.refresh_from_db()
    assert survey.state() == "closed"
    client.post(manage_url(submitted, "survey_open"), {**SETTINGS, "one_per_browser": "on"})
    survey.refresh_from_db()
    assert survey.is_open and survey.response_limit is None


def test_bad_settings_get_a_message_and_keep_what_was_typed(client, owner, submitted):
    client.force_login(owner)
    response = client.post(manage_url(submitted, "survey_open"), {"response_limit": "0",
                                                                   "closes_on": "2001-01-01"})  # fmt: skip
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text and "Enter a number of answers from 1 to 100,000" in text
    assert "The closing date must be today or later" in text
    assert not Survey.objects.exists()


def test_a_limit_below_the_results_threshold_is_refused_saying_why(client, owner, submitted):
    client.force_login(owner)
    response = client.post(manage_url(submitted, "survey_open"), {"response_limit": "4"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Allow at least 5 answers: results are shown only once 5 people have answered" in text
    assert 'value="4"' in text  # what was typed is kept
    assert not Survey.objects.exists()
    response = client.post(
        manage_url(submitted, "survey_open"), {**SETTINGS, "response_limit": "5"}
    )
    assert Survey.objects.get().response_limit == 5


def test_viewers_read_the_results_but_cannot_run_the_survey(client, viewer, survey, submitted):
    client.force_login(viewer)
    assert client.get(manage_url(submitted)).status_code == 200
    for name in ("survey_open", "survey_close", "survey_use"):
        assert client.post(manage_url(submitted, name)).status_code == 403


def test_using_the_figures_starts_a_revision_and_leaves_the_submitted_one(
    client, owner, survey, submitted
):
    answers_from(client, survey, 5, agreement={f"{m}_agreement": "2" for m in MOTIVATORS})
    before = Assessment.objects.get(pk=submitted.pk)
    client.force_login(owner)
    response = client.post(manage_url(submitted, "survey_use"))
    assert response.status_code == 302
    revision = Assessment.objects.get(revision_of=submitted)
    assert response["Location"] == reverse("assessments:tasks", args=[revision.code])
    assert revision.status == Status.DRAFT and revision.hours_per_co_producer == 72
    assert all(getattr(revision, f"{m}_motivation") == 1 for m in MOTIVATORS)
    after = Assessment.objects.get(pk=submitted.pk)
    assert after.hours_per_co_producer == before.hours_per_co_producer
    assert after.version == before.version and after.status == Status.SUBMITTED


def test_using_the_figures_on_a_draft_changes_the_draft(client, owner, service):
    draft = factories.AssessmentFactory(
        **factories.complete_answers(), service=service, author=owner
    )
    survey = open_survey(draft)
    answers_from(client, survey, 5)
    client.force_login(owner)
    client.post(manage_url(draft, "survey_use"))
    draft.refresh_from_db()
    assert draft.hours_per_co_producer == 72 and draft.normative_motivation == 3
    assert not Assessment.objects.filter(revision_of=draft).exists()


def test_the_dashboard_shows_what_co_producers_said_beside_the_estimates(
    client, owner, survey, submitted, django_capture_on_commit_callbacks
):
    answers_from(client, survey, 4, agreement={f"{m}_agreement": "5" for m in MOTIVATORS})
    client.force_login(owner)
    assert client.get("/").context["profile"]["surveyed"] == []  # four: not enough yet
    client.logout()
    # Committed, as in the app: the kept dashboard gives way to one worked out afresh.
    with django_capture_on_commit_callbacks(execute=True):
        answers_from(client, survey, 1, agreement={f"{m}_agreement": "5" for m in MOTIVATORS})
    client.force_login(owner)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    profile = response.context["profile"]
    assert profile["surveyed_count"] == 1
    said = {label: (estimate, value) for label, estimate, value in profile["surveyed"]}
    assert said["Duty, or doing right"] == (4, 4.0)  # estimate 4; all strongly agree: 4
    assert "What co-producers said" in response.content.decode()
    assert len(queries) == 19  # as many as without a survey (test_dashboard.py)


def test_opening_changing_and_closing_a_survey_are_in_the_history(client, owner, submitted):
    client.force_login(owner)
    client.post(manage_url(submitted, "survey_open"), {**SETTINGS, "one_per_browser": "on"})
    client.post(manage_url(submitted, "survey_close"))
    client.post(manage_url(submitted, "survey_close"))  # already closed: nothing to record
    client.post(manage_url(submitted, "survey_open"), {**SETTINGS, "response_limit": "50"})
    rows = submitted.history.order_by("history_date", "history_id")
    reasons = [row.history_change_reason for row in rows]
    assert reasons[-3:] == [
        "Opened the co-producers' survey",
        "Closed the co-producers' survey",
        "Changed the survey's settings and opened it",
    ]
    assert all(row.history_user == owner for row in rows.reverse()[:3])
    page = client.get(reverse("assessments:history", args=[submitted.code])).content.decode()
    assert (
        "Closed the co-producers&#x27; survey" in page or "Closed the co-producers' survey" in page
    )


# --- What people read: the survey's own words, never the agency's working ones (issue 23) --


def public_pages(client, survey) -> dict[str, str]:
    """Every page someone answering can see, by name: the three pages, thanks, already
    answered, too many answers, closed and full."""
    url = survey_url(survey)
    pages = {f"page {n}": client.get(f"{url}?page={n}").content.decode() for n in (1, 2, 3)}
    sent = answer(client, survey)
    pages["thanks"] = client.get(sent["Location"]).content.decode()
    pages["already answered"] = client.get(url).content.decode()
    Survey.objects.filter(pk=survey.pk).update(one_per_browser=False)
    cache.clear()
    for _ in range(21):  # past the throttle's limit for one address
        refused = answer(client, survey, address="192.0.2.99")
    assert refused.status_code == 429
    pages["too many"] = refused.content.decode()
    Survey.objects.filter(pk=survey.pk).update(closed_at=timezone.now())
    pages["closed"] = client.get(url).content.decode()
    Survey.objects.filter(pk=survey.pk).update(closed_at=None, response_limit=1, response_count=1)
    pages["full"] = client.get(url).content.decode()
    return pages


def test_every_public_page_names_the_agency_and_the_public_title_never_the_internal_one(
    client, survey, submitted
):
    Assessment.objects.filter(pk=submitted.pk).update(title=INTERNAL_TITLE)
    survey.refresh_from_db()
    agency = submitted.service.agency.name
    for name, text in public_pages(client, survey).items():
        assert agency in text, name
        assert PUBLIC_TITLE in text, name
        assert "option B" not in text and INTERNAL_TITLE not in text, name
        assert "You help to run" not in text, name


def test_the_poster_names_the_agency_and_the_public_title_never_the_internal_one(
    client, owner, survey, submitted
):
    Assessment.objects.filter(pk=submitted.pk).update(title=INTERNAL_TITLE)
    client.force_login(owner)
    text = client.get(manage_url(submitted, "survey_print")).content.decode()
    poster = text.split('class="survey-poster', 1)[1]
    assert submitted.service.agency.name in poster and PUBLIC_TITLE in poster
    assert "Tell us how sorting your recycling goes." in poster
    # Not in the poster, nor in the page's title, which browsers print in the header.
    assert "option B" not in poster and "option B" not in text.split("</title>")[0]


def test_what_do_you_do_offers_the_managers_tasks_in_peoples_words(client, survey):
    text = client.get(survey_url(survey)).content.decode()
    assert "What do you do?" in text
    assert "Sorting my recycling into the right bins" in text
    assert "Taking glass to the bottle bank" in text and "Something else" in text
    for category in (">Time<", ">Effort<", "Compliance with rules"):
        assert category not in text  # the assessment's own categories


def test_opening_a_survey_suggests_words_from_the_service_not_the_assessment(
    client, owner, submitted
):
    Assessment.objects.filter(pk=submitted.pk).update(title=INTERNAL_TITLE)
    client.force_login(owner)
    form = client.get(manage_url(submitted)).context["form"]
    assert form["public_title"].value() == "Your views on Home Service"
    assert submitted.service.agency.name in form["description"].value()
    assert "option B" not in form["public_title"].value() + form["description"].value()
    # Today's list, what the assessment says people give, is offered to be rewritten.
    assert form["tasks"].value() == "Time\nEffort"


def test_the_manager_writes_the_tasks_and_earlier_answers_still_count(
    client, owner, survey, submitted
):
    answers_from(client, survey, 5)  # each ticked "Sorting my recycling into the right bins"
    client.force_login(owner)
    sent = client.post(
        manage_url(submitted, "survey_open"),
        {**SETTINGS, "tasks": "Taking glass to the bottle bank\n\nRinsing tins\nsomething else"},
    )
    assert sent.status_code == 302
    survey.refresh_from_db()
    assert survey.offered_tasks == [
        ("task-1", "Taking glass to the bottle bank"),  # unchanged words keep their code
        ("task-2", "Rinsing tins"),
        ("other", "Something else"),  # always there, once
    ]
    results = client.get(manage_url(submitted)).context["results"]
    counted = dict(results.activities)
    # Taken off the list, but the five who ticked it still count.
    assert counted["Sorting my recycling into the right bins"] == 5
    assert counted["Rinsing tins"] == 0
    client.logout()
    client.cookies.clear()
    page = client.get(survey_url(survey)).content.decode()
    assert "Rinsing tins" in page and "Sorting my recycling" not in page


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"public_title": ""}, "Enter the title people see"),
        ({"tasks": "  \n "}, "Write at least one task people can tick"),
        ({"tasks": "x" * 101}, "Keep each task to 100 characters or fewer"),
    ],
)
def test_the_survey_needs_a_title_and_tasks(client, owner, submitted, fields, message):
    client.force_login(owner)
    response = client.post(manage_url(submitted, "survey_open"), {**SETTINGS, **fields})
    assert response.status_code == 200 and message in response.content.decode()
    assert not Survey.objects.exists()


# --- Time, kept to the minute (issue 23) ---------------------------------------------------


@pytest.mark.parametrize(
    "hours, minutes, per, kept",
    [
        ("1", "30", "week", 390),  # an hour and a half a week: 6 hours 30 minutes a month
        ("", "45", "month", 45),
        ("0", "45", "week", 195),
        ("6", "", "month", 360),
        ("", "", "", None),  # would rather not say
    ],
)
def test_time_is_taken_in_hours_and_minutes_a_week_or_a_month(
    client, survey, hours, minutes, per, kept
):
    assert answer(client, survey, hours=hours, minutes=minutes, per=per).status_code == 303
    assert SurveyResponse.objects.get().minutes_a_month == kept


@pytest.mark.parametrize(
    "hours, minutes, per, message",
    [
        ("2", "", "", "Say whether that time is a week or a month"),
        ("1", "75", "week", "Enter the minutes as a whole number from 0 to 59, like 30"),
        ("301", "", "month", "Enter at most 300 hours a month"),
        ("70", "", "week", "Enter at most 69 hours a week"),
    ],
)
def test_a_time_that_cannot_be_right_is_asked_again(client, survey, hours, minutes, per, message):
    response = answer(client, survey, hours=hours, minutes=minutes, per=per)
    assert response.status_code == 200 and response.context["page"] == 1
    assert message in response.content.decode()
    assert not SurveyResponse.objects.exists()


def minutes_answers(client, survey, times):
    for number, (hours, minutes, per) in enumerate(times):
        client.cookies.clear()
        sent = answer(
            client, survey, hours=hours, minutes=minutes, per=per, address=f"10.0.1.{number}"
        )
        assert sent.status_code == 303


def test_results_keep_the_minutes(client, owner, survey, submitted):
    minutes_answers(client, survey, [("", "45", "month")] * 3 + [("1", "30", "week")] * 2)
    client.force_login(owner)
    page = client.get(manage_url(submitted))
    results = page.context["results"]
    assert results.median_minutes_a_month == 45
    assert results.hours_a_year == Decimal("9.0")  # not 12, as whole hours a month made it
    assert "The middle answer was <strong>45 minutes a month</strong>" in page.content.decode()
    rows = list(
        csv.reader(io.StringIO(client.get(manage_url(submitted, "survey_csv")).content.decode()))
    )
    assert ["time a month", "middle answer", "0.75", "hours"] in rows


def test_use_these_figures_shows_each_change_before_and_after(client, owner, service):
    answers = {**factories.complete_answers(), "normative_motivation": 4,
               "hours_per_co_producer": Decimal("9")}  # fmt: skip
    draft = factories.AssessmentFactory(**answers, service=service, author=owner)
    survey = open_survey(draft)
    # 47.5 minutes a month in the middle (an even number of answers): 9.5 hours a year.
    minutes_answers(client, survey, [("", "45", "month")] * 5 + [("", "50", "month")] * 5)
    client.force_login(owner)
    results_page = client.get(manage_url(draft)).content.decode()
    assert reverse("assessments:survey_use_confirm", args=[draft.code]) in results_page
    confirm = client.get(manage_url(draft, "survey_use_confirm"))
    assert confirm.status_code == 200
    rows = {
        change.label: (change.old_words, change.new_words) for change in confirm.context["changes"]
    }
    assert rows["Hours each co-producer gives a year"] == ("9", "9.5")
    assert rows["Why people take part: Duty, or doing right (strength 0 to 4)"] == ("4", "3")
    text = confirm.content.decode()
    assert "Hours each co-producer gives a year" in text and "<strong>9.5</strong>" in text
    draft.refresh_from_db()
    assert draft.hours_per_co_producer == Decimal("9")  # nothing changed by looking
    done = client.post(manage_url(draft, "survey_use"), follow=True)
    draft.refresh_from_db()
    assert draft.hours_per_co_producer == Decimal("9.5") and draft.normative_motivation == 3
    told = " ".join(str(m) for m in done.context["messages"])
    assert "Hours each co-producer gives a year: 9 → 9.5" in told
    assert "Duty, or doing right (strength 0 to 4): 4 → 3" in told
    assert done.redirect_chain[-1][0] == reverse("assessments:tasks", args=[draft.code])
    assert "Hours each co-producer gives a year: 9 → 9.5" in done.content.decode()


def test_the_figures_to_use_page_is_for_the_agencys_managers(
    client, outsider, viewer, survey, submitted
):
    answers_from(client, survey, 5)
    client.force_login(outsider)
    assert client.get(manage_url(submitted, "survey_use_confirm")).status_code == 404
    client.force_login(viewer)
    assert client.get(manage_url(submitted, "survey_use_confirm")).status_code == 403


# --- One scale a column, in plain words (issue 23) ----------------------------------------


def test_results_show_one_scale_a_column_in_plain_words(client, owner, survey, submitted):
    answers_from(client, survey, 5, agreement={f"{m}_agreement": "3" for m in MOTIVATORS})
    client.force_login(owner)
    page = client.get(manage_url(submitted))
    text = page.content.decode()
    table = text.split("Why they take part", 1)[1].split("</table>", 1)[0]
    for heading in ("Average answer (1 to 5)", "Strength from the survey (0 to 4)",
                    "This assessment's estimate (0 to 4)"):  # fmt: skip
        assert heading in table, heading
    assert "(average" not in text  # never two scales in one cell
    assert '<td class="text-end">3.0</td><td class="text-end">2</td>' in table
    for words in MOTIVATOR_WORDS.values():
        assert escape(words) in table
    for jargon in ("Material", "Intrinsic", "Normative", "Sanctions"):
        assert jargon not in table
    assert page.context["chart"]["labels"] == list(MOTIVATOR_WORDS.values())
    body = client.get(manage_url(submitted, "survey_csv")).content.decode()
    assert "why they take part: Duty, or doing right" in body
    assert "average answer (1 to 5)" in body and "strength (0 to 4)" in body
    for jargon in ("Material", "Intrinsic", "Normative", "Sanctions"):
        assert jargon not in body


# --- Leaving halfway and coming back; Back after sending (issue 23) ------------------------


def test_coming_back_halfway_resumes_with_the_answers_and_start_again_clears_them(client, survey):
    url = survey_url(survey)
    client.post(url, {"page": 1, "activities": ["task-1"], "hours": "1", "minutes": "30",
                      "per": "week"})  # fmt: skip
    client.post(url, {"page": 2, **AGREE_ALL})
    # They close the page and open the link again, later.
    again = client.get(url)
    assert again.status_code == 200 and again.context["page"] == 3  # where they were
    text = again.content.decode()
    assert "We have kept the answers you gave before" in text and "Start again" in text
    first = client.get(f"{url}?page=1").content.decode()
    assert 'value="1"' in first and 'value="30"' in first
    assert 'value="task-1" class="form-check-input" id="id_activities_1" checked' in first
    # And they send it: everything from the earlier pages is in the answer.
    sent = client.post(url, {"page": 3, "ease": "5"})
    assert sent.status_code == 303 and "thanks" in sent["Location"]
    saved = SurveyResponse.objects.get()
    assert saved.activities == ["task-1"] and saved.minutes_a_month == 390
    assert saved.normative_agreement == 4 and saved.ease == 5


def test_start_again_clears_the_answers_kept(client, survey):
    url = survey_url(survey)
    client.post(url, {"page": 1, "hours": "4", "per": "week"})
    cleared = client.post(url, {"start_again": "1"})
    assert cleared.status_code == 303 and cleared["Location"] == url
    assert cleared.cookies["survey-answers"]["max-age"] == 0
    fresh = client.get(url)
    assert fresh.context["page"] == 1 and 'value="4"' not in fresh.content.decode()
    assert "Start again" not in fresh.content.decode()


def test_after_sending_the_answers_kept_are_cleared_and_nothing_posts_again(client, survey):
    url = survey_url(survey)
    sent = answer(client, survey)
    assert sent.status_code == 303  # See Other: the thanks page is fetched with a GET
    assert sent.cookies["survey-answers"]["max-age"] == 0
    assert sent.cookies["survey-answers"]["path"] == url
    # Back from the thanks page is a GET of the last page: nothing is sent again.
    back = client.get(f"{url}?page=3")
    assert back.status_code == 200 and SurveyResponse.objects.count() == 1


def test_the_honeypot_clears_the_answers_kept_too(client, survey):
    sent = answer(client, survey, website="http://spam.example")
    assert sent.cookies["survey-answers"]["max-age"] == 0
    assert not SurveyResponse.objects.exists()
