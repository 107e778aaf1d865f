"""A demo survey with answers, so the demo shows results beside a manager's estimates."""

import random

from assessments.models import Assessment
from assessments.scoring import MOTIVATORS
from assessments.survey.models import Survey, SurveyResponse
from assessments.survey.questions import (
    HELPS,
    revised_tasks,
    suggested_description,
    suggested_public_title,
)

DEMO_SURVEY_OF = "Peer breastfeeding supporters"
DEMO_ANSWERS = 12
# How much each kind of supporter agrees with each reason, on average (1 to 5): mothers
# who were helped themselves, doing it for others and for the company.
LEANING = {"material": 1.6, "intrinsic": 4.2, "social": 4.0, "normative": 4.5, "sanctions": 1.2}
# What the supporters do, in their own words.
DEMO_TASKS = [
    "Visiting mothers at home in the first weeks",
    "Running a drop-in group",
    "Answering messages and calls",
]
COMMENTS = [
    "The evening sessions clash with bedtime.",
    "I would like a refresher on tongue-tie.",
    "",
    "",
    "Meeting the other supporters keeps me going.",
]


def seed_survey() -> Survey | None:
    """Open a survey of the demo's peer supporters and answer it, unless there is one."""
    assessment = (
        Assessment.objects.filter(title=DEMO_SURVEY_OF, revision_of__isnull=True)
        .order_by("pk")
        .first()
    )
    if assessment is None:
        return None
    service = assessment.service
    survey, created = Survey.objects.get_or_create(
        assessment=assessment,
        defaults={
            "opened_by": assessment.author,
            "public_title": suggested_public_title(service.name),
            "description": suggested_description(service.name, service.agency.name),
            "task_choices": revised_tasks([], DEMO_TASKS),
        },
    )
    if not created:
        return survey
    rng = random.Random(2026)
    tasks = [task["code"] for task in survey.task_choices]
    for number in range(DEMO_ANSWERS):
        agreement = {
            f"{m}_agreement": max(1, min(5, round(rng.gauss(LEANING[m], 0.8)))) for m in MOTIVATORS
        }
        survey.record(
            SurveyResponse(
                activities=rng.sample(tasks, k=rng.randint(1, 2)),
                minutes_a_month=rng.choice([45, 240, 390, 390, 480, 520, 600, 720, 960]),
                ease=rng.choice([3, 4, 4, 5]),
                helps=rng.sample(list(HELPS), k=2),
                comment=COMMENTS[number % len(COMMENTS)],
                **agreement,
            )
        )
    return survey
