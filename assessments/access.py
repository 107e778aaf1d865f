"""Who may read or change an assessment: the services app's rules, applied to assessments."""

from django.core.exceptions import ValidationError
from django.http import Http404

from assessments.models import Assessment
from services.access import agencies_for, check_agency_access


def assessments_for(user):
    return Assessment.objects.for_agencies(agencies_for(user))


def get_assessment_for_user(user, code, *, write: bool = False) -> Assessment:
    """The assessment with this public code: 404 to outsiders, 403 to viewers who write."""
    try:
        assessment = Assessment.objects.select_related("service__agency", "author").get(code=code)
    except (Assessment.DoesNotExist, ValidationError, ValueError):
        raise Http404("No such assessment.") from None
    check_agency_access(user, assessment.service.agency, write=write)
    return assessment
