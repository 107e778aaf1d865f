"""The report on one assessment: what it is, whether it is worth it, and what to watch."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from assessments import scoring
from assessments.access import get_assessment_for_user
from assessments.choices import Classification, Sensitivity, ValueType, Verdict
from assessments.models import MOTIVATORS, Assessment
from services.models import CaseExample
from services.similarity import Profile

# A motivator this strong (3 of 0-4 or more) counts when matching library cases.
STRONG_MOTIVATION = 3
SHARED_ASPECT_WORDS = {
    "sector": "the sector",
    "value_type": "the kind of value",
    "necessity": "both {necessity}",
    "motivators": "some reasons for taking part",
    "co_producer_type": "the kind of co-producer",
}


def similarity_profile(assessment: Assessment) -> Profile:
    """What the case library matches on: the service's sector and the assessment's answers."""
    value_type = assessment.result_value_type
    return Profile(
        sector=assessment.service.sector,
        value_type="" if value_type == ValueType.NONE else value_type,
        necessity=assessment.necessity,
        motivators=frozenset(
            motivator
            for motivator in MOTIVATORS
            if (getattr(assessment, f"{motivator}_motivation") or 0) >= STRONG_MOTIVATION
        ),
        co_producer_types=frozenset(assessment.co_producer_types or ()),
    )


def _chart_data(assessment: Assessment, result: scoring.AssessmentResult) -> dict | None:
    """The two options as points on the cost-quality plane, or None if either lacks one."""
    options = (
        ("Co-production", result.co_production_option),
        (assessment.alternative_name or "The alternative", result.alternative_option),
    )
    if any(option is None or option.cost_per_client is None for _, option in options):
        return None
    return {
        "currency": assessment.service.agency.currency,
        "points": [
            {"label": label, "x": option.cost_per_client, "y": option.quality_index}
            for label, option in options
        ],
    }


@require_safe
def report(request, code):
    assessment = get_assessment_for_user(request.user, code)
    result = assessment.score()
    matches = CaseExample.objects.published().similar_to(similarity_profile(assessment), limit=3)
    compared = (
        result.co_production_option is not None
        and result.alternative_option is not None
        and result.verdict != Verdict.NECESSARY
    )
    context = {
        "assessment": assessment,
        "agency": assessment.service.agency,
        "result": result,
        "classification": result.classification and Classification(result.classification),
        "value_type": result.value_type and ValueType(result.value_type),
        "verdict": result.verdict and Verdict(result.verdict),
        "sensitivity": result.sensitivity and Sensitivity(result.sensitivity),
        "compared": compared,
        "chart_data": _chart_data(assessment, result) if compared else None,
        "similar_cases": [
            (
                match.case,
                [
                    SHARED_ASPECT_WORDS[aspect].format(necessity=assessment.necessity)
                    for aspect in match.shared
                ],
            )
            for match in matches
        ],
        "can_change": assessment.user_role.can_change,
    }
    return render(request, "assessments/report.html", context)
