"""The co-producers' survey: answered anonymously, throttled, shown only in aggregate and
only to the assessment's agency, and adopted into a draft, never into a submitted one."""

import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from assessments.models import Assessment, Survey, SurveyResponse
from assessments.scoring import MOTIVATORS
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


@pytest.fixture
def survey(submitted, owner):
    return Survey.objects.create(assessment=submitted, opened_by=owner)


def survey_url(survey):
    return reverse("survey-answer", args=[survey.token])


AGREE_ALL = {f"{m}_agreement": "4" for m in MOTIVATORS}


def answer(
    client,
    survey,
    *,
    hours="6",
    agreement=None,
    ease="4",
    comment="",
    address="127.0.0.1",
    **extra,
):
    """Send the three pages as a phone would: each page posts what it shows plus the
    earlier pages' answers, which it carries in hidden fields."""
    url = survey_url(survey)
    first = {"activities": ["time"], "hours_a_month": hours}
    second = {**first, **(agreement or AGREE_ALL)}
    third = {**second, "ease": ease, "helps": ["ease", "social"], "comment": comment, **extra}
    for page, data in enumerate((first, second), start=1):
        response = client.post(url, {"page": page, **data}, REMOTE_ADDR=address)
        if response.status_code != 200 or response.context.get("show_errors"):
            return response
    return client.post(url, {"page": 3, **third}, REMOTE_ADDR=address)


def answers_from(client, survey, count, **kwargs):
    for number in range(count):
        client.cookies.clear()  # a different phone each time
        response = answer(
            client, survey, hours=str(number * 2 + 2), address=f"10.0.0.{number}", **kwargs
        )
        assert response.status_code == 302, response.status_code


# --- Answering --------------------------------------------------------------------------


def test_anyone_with_the_link_answers_without_signing_in(client, survey):
    page = client.get(survey_url(survey))
    assert page.status_code == 200
    assert "What do you do?" in page.content.decode() and "Page 1 of 3" in page.content.decode()
    response = answer(client, survey, comment="Evenings suit me best.")
    assert response.status_code == 302
    assert response["Location"] == reverse("survey-thanks", args=[survey.token])
    saved = SurveyResponse.objects.get()
    assert saved.activities == ["time"] and saved.hours_a_month == 6 and saved.ease == 4
    assert saved.normative_agreement == 4 and saved.helps == ["ease", "social"]
    assert saved.comment == "Evenings suit me best." and saved.answered_on == timezone.localdate()
    survey.refresh_from_db()
    assert survey.response_count == 1
    assert survey.normative_agreement_total == 0  # the totals move a whole batch at a time
    assert client.get(response["Location"]).status_code == 200


def test_each_page_carries_the_earlier_answers_and_back_keeps_them(client, survey):
    url = survey_url(survey)
    second = client.post(url, {"page": 1, "activities": ["time"], "hours_a_month": "9"})
    assert second.context["page"] == 2
    assert ("hours_a_month", "9") in second.context["carried"]
    back = client.post(url, {"page": 2, "back": "1", "hours_a_month": "9", **AGREE_ALL})
    assert back.context["page"] == 1 and 'value="9"' in back.content.decode()
    assert ("social_agreement", "4") in back.context["carried"]
    assert not SurveyResponse.objects.exists()  # nothing is kept until the last page


def test_a_bad_answer_is_shown_on_its_page_with_what_was_typed(client, survey):
    url = survey_url(survey)
    response = client.post(url, {"page": 1, "hours_a_month": "lots"})
    assert response.status_code == 200 and response.context["page"] == 1
    assert "Enter the hours as a whole number, like 6" in response.content.decode()
    assert 'value="lots"' in response.content.decode()
    too_long = answer(client, survey, comment="x" * 501)
    assert too_long.context["page"] == 3
    assert "Keep your comment to 500 characters or fewer: it has 501" in too_long.content.decode()
    assert not SurveyResponse.objects.exists()


def test_one_answer_per_browser_by_default(client, survey):
    assert answer(client, survey).status_code == 302
    again = client.get(survey_url(survey))
    assert "You have already answered this survey" in again.content.decode()
    assert answer(client, survey).status_code == 200
    assert SurveyResponse.objects.count() == 1
    Survey.objects.filter(pk=survey.pk).update(one_per_browser=False)
    survey.refresh_from_db()
    assert answer(client, survey).status_code == 302  # a shared computer at a drop-in
    assert SurveyResponse.objects.count() == 2


def test_answers_from_one_address_are_throttled(client, survey, settings):
    settings.SURVEY_ANSWERS_PER_ADDRESS_PER_HOUR = 2
    for _ in range(2):
        client.cookies.clear()
        assert answer(client, survey).status_code == 302
    client.cookies.clear()
    refused = answer(client, survey)
    assert refused.status_code == 429
    assert "Too many answers from this connection" in refused.content.decode()
    client.cookies.clear()
    assert answer(client, survey, address="192.0.2.7").status_code == 302  # another address
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
    assert response.status_code == 302 and "thanks" in response["Location"]
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
    assert answer(client, survey).status_code == 302
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
        "id", "survey_id", "batch", "answered_on", "activities", "hours_a_month",
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
    assert results.count == 5 and results.median_hours_a_month == 4  # 2, 2, 4, 6, 8
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
    opened = client.post(manage_url(submitted, "survey_open"), {"response_limit": "200",
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
    client.post(manage_url(submitted, "survey_open"), {"one_per_browser": "on"})
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
    survey = Survey.objects.create(assessment=draft)
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
    client.post(manage_url(submitted, "survey_open"), {"one_per_browser": "on"})
    client.post(manage_url(submitted, "survey_close"))
    client.post(manage_url(submitted, "survey_close"))  # already closed: nothing to record
    client.post(manage_url(submitted, "survey_open"), {"response_limit": "50"})
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
