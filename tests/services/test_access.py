import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from services.access import agencies_for, get_service_for_user, services_for
from services.models import Role
from tests import factories


def test_user_sees_only_their_own_agencies(owner, agency, other_agency):
    assert list(agencies_for(owner)) == [agency]


def test_viewer_may_read_but_not_write(viewer, agency):
    assert list(agencies_for(viewer)) == [agency]
    assert list(agencies_for(viewer, write=True)) == []


def test_anonymous_user_has_no_agencies(db, agency):
    from django.contrib.auth.models import AnonymousUser

    assert list(agencies_for(AnonymousUser())) == []


def test_member_of_agency_a_gets_404_for_agency_b_service(outsider, service):
    with pytest.raises(Http404):
        get_service_for_user(outsider, service.code)


def test_viewer_asking_to_change_a_service_gets_403(viewer, service):
    assert get_service_for_user(viewer, service.code) == service
    with pytest.raises(PermissionDenied):
        get_service_for_user(viewer, service.code, write=True)


def test_manager_may_change_their_service(owner, service):
    assert get_service_for_user(owner, service.code, write=True) == service


def test_the_service_comes_with_the_users_role_in_one_query(
    owner, viewer, service, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert get_service_for_user(viewer, service.code).user_role == Role.VIEWER
    assert get_service_for_user(owner, service.code, write=True).user_role == Role.MANAGER


def test_anonymous_user_gets_404_for_a_service(db, service):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Http404):
        get_service_for_user(AnonymousUser(), service.code)


def test_unknown_or_malformed_code_is_404(owner):
    with pytest.raises(Http404):
        get_service_for_user(owner, "not-a-uuid")


def test_services_for_spans_all_the_users_agencies(owner, service, other_service):
    second = factories.AgencyFactory(name="Second Agency")
    factories.member_of(second, role="viewer", username=owner.username)
    extra = factories.ServiceFactory(agency=second)
    assert set(services_for(owner)) == {service, extra}
