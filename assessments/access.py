"""Who may read or change an assessment: the services app's rules, applied to assessments."""

from django.core.exceptions import ValidationError
from django.http import Http404

from assessments.models import Assessment
from services.access import agencies_for, check_role, role_subquery


def assessments_for(user):
    return Assessment.objects.for_agencies(agencies_for(user))


def get_assessment_for_user(user, code, *, write: bool = False) -> Assessment:
    """The assessment with this public code: 404 to outsiders, 403 to viewers who write.

    One query fetches the assessment, its written answers, service, agency and author, and
    the user's role in the agency, kept on the assessment as `user_role` (a Role).
    """
    if not user.is_authenticated:
        raise Http404("No such assessment.")
    try:
        assessment = (
            Assessment.objects.select_related("service__agency", "author", "text")
            .annotate(user_role=role_subquery(user, "service__agency"))
            .get(code=code)
        )
    except (Assessment.DoesNotExist, ValidationError, ValueError):
        raise Http404("No such assessment.") from None
    assessment.user_role = check_role(assessment.user_role, write=write)
    return assessment
