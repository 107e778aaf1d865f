"""Who may read or change an assessment: the services app's rules, applied to assessments."""

from assessments.models import Assessment
from services.access import agency_ids, get_for_user


def assessments_for(user):
    """The assessments of the user's agencies, filtered by the agencies' ids as values on
    the assessments' own `agency` column (no join, no subquery)."""
    return Assessment.objects.for_agencies(agency_ids(user))


def get_assessment_for_user(user, code, *, write: bool = False, options: bool = True) -> Assessment:
    """The assessment with this public code: 404 to outsiders, 403 to viewers who write.

    One query fetches the assessment, its written answers, service, agency and author, and
    the user's role in the agency, kept on the assessment as `user_role` (a Role); with
    `options`, a second reads its options in order.
    """
    assessments = Assessment.objects.select_related("service__agency", "author", "text")
    if options:
        assessments = assessments.prefetch_related("options")
    return get_for_user(user, assessments, "service__agency", write=write, code=code)
