"""The migrations that give the survey its own words and keep time to the minute (0024,
0025): forwards, each survey gets a public title and description from its service and its
tasks from what the assessment says people give, under the codes the answers hold, and
each answer's hours a month become minutes; backwards, minutes go back to whole hours."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.models import Survey, SurveyResponse
from assessments.survey.results import results_for
from tests import factories
from tests.assessments.test_migration_options import migrate

BEFORE = [("assessments", "0023_agency_on_rows")]

pytestmark = pytest.mark.migration_round_trip


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_existing_surveys_get_public_words_and_their_answers_minutes(
    transactional_db, owner, service
):
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(), service=service, author=owner,
        title="Option B: fortnightly collections",
    )  # fmt: skip
    survey = Survey.objects.create(assessment=assessment, public_title="x")
    try:
        old = migrate(BEFORE)
        OldResponse = old.get_model("assessments", "SurveyResponse")
        for number in range(5):
            OldResponse.objects.create(
                id=number + 1, survey_id=survey.pk, hours_a_month=6 + number,
                activities=["time"], batch=0,
            )  # fmt: skip
        old.get_model("assessments", "Survey").objects.filter(pk=survey.pk).update(response_count=5)
    finally:
        migrate(latest())

    survey = Survey.objects.get(pk=survey.pk)
    assert survey.public_title == "Your views on Home Service"
    assert "Home Agency" in survey.description and "Option B" not in survey.description
    # complete_answers: people give time and effort; the answers' "time" still counts.
    assert survey.offered_tasks == [
        ("time", "Time"),
        ("effort", "Effort"),
        ("other", "Something else"),
    ]
    assert sorted(SurveyResponse.objects.values_list("minutes_a_month", flat=True)) == [
        360, 420, 480, 540, 600,
    ]  # fmt: skip
    results = results_for(survey)
    assert dict(results.activities)["Time"] == 5 and results.median_minutes_a_month == 480


def test_going_back_rounds_minutes_to_whole_hours(transactional_db, owner, service):
    assessment = factories.AssessmentFactory(service=service, author=owner)
    survey = Survey.objects.create(assessment=assessment, public_title="Your views")
    survey.record(SurveyResponse(minutes_a_month=100))
    try:
        old = migrate(BEFORE)
        OldResponse = old.get_model("assessments", "SurveyResponse")
        assert OldResponse.objects.get().hours_a_month == 2  # 1 hour 40 minutes
    finally:
        migrate(latest())
    assert SurveyResponse.objects.get().minutes_a_month == 120
