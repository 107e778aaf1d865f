"""The one place that answers "which agencies may this user see, and change?".

Every view and export goes through these helpers. An object outside the user's
agencies answers 404, so outsiders cannot even learn that it exists; a viewer
asking to change something they may read answers 403. The helpers that fetch one
object fetch the user's role with it, in the same query, and keep it on the object as
`user_role`, so a page that shows or hides manager buttons need not ask again.

Library cases are shared, not agency data: anyone signed in reads the published ones;
staff, who curate them, also read drafts. A case someone may not read answers 404.

The user's agencies are read once a request (`user_agencies`), and the helpers that
return many rows filter by their ids as values: the planner then weighs each agency's
share of a table from its statistics, where through a subquery on memberships it could
not tell a small agency from a large one (docs/architecture.md). A kept page's one query
reads them with its generations and leaves them here (`remember_agencies`), so a page
worked out pays nothing more for them.
"""

from contextvars import ContextVar
from typing import NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.http import Http404

from services.models import Agency, CaseExample, Membership, Role, Service


class UserAgency(NamedTuple):
    """One of the user's agencies: its id, the user's role there, and what the page
    header shows of it."""

    id: int
    role: str
    name: str
    slug: str


# The agencies read in this request, by user id: a dict during a request (the
# `request_started` signal makes it, `request_finished` ends it), None outside one, where
# each call reads them afresh.
_read: ContextVar[dict | None] = ContextVar("user_agencies", default=None)


def request_started(**kwargs) -> None:
    _read.set({})


def request_ended(**kwargs) -> None:
    _read.set(None)


def memberships_changed(**kwargs) -> None:
    """A membership written in this request: its users' agencies are read again."""
    if _read.get() is not None:
        _read.set({})


def remember_agencies(user, agencies) -> None:
    """The user's agencies as a query has just read them (id, role, name, slug; by name),
    for the rest of this request."""
    if (read := _read.get()) is not None:
        read[user.pk] = tuple(UserAgency(*agency) for agency in agencies)


def user_agencies(user) -> tuple[UserAgency, ...]:
    """The user's agencies, by name: one query, once a request."""
    if not user.is_authenticated:
        return ()
    read = _read.get()
    if read is not None and user.pk in read:
        return read[user.pk]
    agencies = tuple(
        UserAgency(*row)
        for row in Membership.objects.filter(user_id=user.pk)
        .order_by("agency__name")
        .values_list("agency_id", "role", "agency__name", "agency__slug")
    )
    if read is not None:
        read[user.pk] = agencies
    return agencies


def agency_ids(user, *, write: bool = False) -> list[int]:
    """The ids of the agencies the user may read, or with write=True, change."""
    return [
        agency.id for agency in user_agencies(user) if not write or Role(agency.role).can_change
    ]


def agencies_for(user, *, write: bool = False):
    """The agencies the user may read, or with write=True, change."""
    return Agency.objects.filter(pk__in=agency_ids(user, write=write))


def services_for(user):
    return Service.objects.for_agencies(agency_ids(user))


def role_subquery(user, agency_path: str) -> Subquery:
    """The user's role in the agency at `agency_path` of the outer query, for annotate().

    Lets the access helpers fetch an object and the reader's role in one query.
    """
    memberships = Membership.objects.filter(user=user, agency=OuterRef(agency_path))
    return Subquery(memberships.values("role")[:1])


def check_role(role: str | None, *, write: bool = False) -> Role:
    """Raise 404 unless the user has a role in the agency, 403 if they may only read."""
    if role is None:
        raise Http404("No such page.")
    role = Role(role)
    if write and not role.can_change:
        raise PermissionDenied("Viewers can read but not change this agency's work.")
    return role


def get_for_user(user, queryset, agency_path: str, *, write: bool = False, **lookup):
    """The one object of `queryset` matching `lookup`: 404 to outsiders, 403 to viewers who write.

    One query fetches the object and the user's role in the agency at `agency_path`; the
    role is kept on the object as `user_role` (a Role), so the page need not ask again.
    """
    if not user.is_authenticated:
        raise Http404("No such page.")
    try:
        found = queryset.annotate(user_role=role_subquery(user, agency_path)).get(**lookup)
    except (queryset.model.DoesNotExist, ValidationError, ValueError):
        raise Http404("No such page.") from None
    found.user_role = check_role(found.user_role, write=write)
    return found


def get_service_for_user(user, code, *, write: bool = False) -> Service:
    """The service with this public code, with its agency and the user's role there."""
    return get_for_user(
        user, Service.objects.select_related("agency"), "agency", write=write, code=code
    )


def get_agency_for_user(user, slug, *, write: bool = False) -> Agency:
    """The agency with this slug, with the user's role there."""
    return get_for_user(user, Agency.objects.all(), "pk", write=write, slug=slug)


def cases_for(user):
    return CaseExample.objects.visible_to(user)


def get_case_for_user(user, slug) -> CaseExample:
    try:
        return cases_for(user).prefetch_related("sources").get(slug=slug)
    except CaseExample.DoesNotExist:
        raise Http404("No such case.") from None
