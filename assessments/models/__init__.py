"""The assessment, its written answers and its options."""

from assessments.models.assessment import (
    EVENTS,
    HOURS_IN_A_YEAR,
    TEXT_FIELDS,
    Assessment,
    AssessmentQuerySet,
    AssessmentText,
)
from assessments.models.option import COST_FIELDS, OPTIONAL_COST_FIELDS, Option
from assessments.models.outcome import MAX_OUTCOMES, OutcomeEffect, OutcomeMeasure
from assessments.scoring import MOTIVATORS, RATING_FIELDS

# The survey's models live in their sub-package; importing them here registers them.
from assessments.survey.models import Survey, SurveyResponse

RATINGS = RATING_FIELDS

__all__ = [
    "COST_FIELDS",
    "EVENTS",
    "HOURS_IN_A_YEAR",
    "MAX_OUTCOMES",
    "MOTIVATORS",
    "OPTIONAL_COST_FIELDS",
    "RATINGS",
    "TEXT_FIELDS",
    "Assessment",
    "AssessmentQuerySet",
    "AssessmentText",
    "Option",
    "OutcomeEffect",
    "OutcomeMeasure",
    "Survey",
    "SurveyResponse",
]
