"""The one place that answers "which agencies may this user see, and change?".

Every view and export goes through these helpers. An object outside the user's
agencies answers 404, so outsiders cannot even learn that it exists; a viewer
asking to change something they may read answers 403.

Library cases are shared, not agency data: anyone signed in reads the published ones;
staff, who curate them, also read drafts. A case someone may not read answers 404.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from services.models import Agency, CaseExample, Membership, Role, Service


def agencies_for(user, *, write: bool = False):
    """The agencies the user may read, or with write=True, change."""
    return Agency.objects.for_user(user, role=Role.MANAGER if write else None)


def services_for(user):
    return Service.objects.for_agencies(agencies_for(user))


def role_in(user, agency) -> Role | None:
    if not user.is_authenticated:
        return None
    role = (
        Membership.objects.filter(user=user, agency=agency).values_list("role", flat=True).first()
    )
    return Role(role) if role else None


def check_agency_access(user, agency, *, write: bool = False, role: Role | None = None) -> Role:
    """Raise 404 unless the user belongs to the agency, 403 if they may only read.

    Pass `role` when the caller already fetched it (an annotation) to save a query.
    """
    role = role or role_in(user, agency)
    if role is None:
        raise Http404("No such page.")
    if write and not role.can_change:
        raise PermissionDenied("Viewers can read but not change this agency's work.")
    return role


def get_service_for_user(user, code, *, write: bool = False) -> Service:
    try:
        service = Service.objects.select_related("agency").get(code=code)
    except (Service.DoesNotExist, ValidationError, ValueError):
        raise Http404("No such service.") from None
    check_agency_access(user, service.agency, write=write)
    return service


def cases_for(user):
    return CaseExample.objects.visible_to(user)


def get_case_for_user(user, slug) -> CaseExample:
    try:
        return cases_for(user).prefetch_related("sources").get(slug=slug)
    except CaseExample.DoesNotExist:
        raise Http404("No such case.") from None
