"""A demo survey with answers, so the demo shows results beside a manager's estimates."""

import random

from assessments.models import Assessment
from assessments.scoring import MOTIVATORS
from assessments.survey.models import Survey, SurveyResponse
from assessments.survey.questions import HELPS

DEMO_SURVEY_OF = "Peer breastfeeding supporters"
DEMO_ANSWERS = 12
# How much each kind of supporter agrees with each reason, on average (1 to 5): mothers
# who were helped themselves, doing it for others and for the company.
LEANING = {"material": 1.6, "intrinsic": 4.2, "social": 4.0, "normative": 4.5, "sanctions": 1.2}
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
    survey, created = Survey.objects.get_or_create(
        assessment=assessment, defaults={"opened_by": assessment.author}
    )
    if not created:
        return survey
    rng = random.Random(2026)
    contributions = list(assessment.co_producer_contributions or ["time"])
    for number in range(DEMO_ANSWERS):
        agreement = {
            f"{m}_agreement": max(1, min(5, round(rng.gauss(LEANING[m], 0.8)))) for m in MOTIVATORS
        }
        survey.record(
            SurveyResponse(
                activities=rng.sample(contributions, k=min(len(contributions), rng.randint(1, 2))),
                hours_a_month=rng.choice([4, 6, 6, 8, 8, 10, 12, 16]),
                ease=rng.choice([3, 4, 4, 5]),
                helps=rng.sample(list(HELPS), k=2),
                comment=COMMENTS[number % len(COMMENTS)],
                **agreement,
            )
        )
    return survey
