"""The assessments section of a service's page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_lists_the_services_assessments_with_status_and_result(client, viewer, service):
    factories.AssessmentFactory(
        **factories.complete_answers(),
        service=service,
        title="Reading at home",
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    factories.AssessmentFactory(service=service, title="Just begun")
    factories.AssessmentFactory(
        service=factories.ServiceFactory(agency=service.agency), title="Elsewhere"
    )
    client.force_login(viewer)
    text = client.get(service.get_absolute_url()).content.decode()
    assert "Reading at home" in text and "Just begun" in text
    assert "Elsewhere" not in text
    assert "Submitted" in text and "Draft" in text
    assert "Cheaper and better" in text


def test_says_so_when_nobody_has_assessed_it(client, viewer, service):
    client.force_login(viewer)
    assert (
        "Nobody has assessed this service yet."
        in client.get(service.get_absolute_url()).content.decode()
    )


def test_managers_may_start_an_assessment_of_the_service(client, owner, viewer, service):
    link = f'href="{reverse("assessments:new")}?service={service.code}"'
    client.force_login(owner)
    assert link in client.get(service.get_absolute_url()).content.decode()
    client.force_login(viewer)
    assert link not in client.get(service.get_absolute_url()).content.decode()


def test_query_count_does_not_grow_with_assessments(
    client, owner, service, django_assert_num_queries
):
    factories.AssessmentFactory.create_batch(6, service=service)
    client.force_login(owner)
    # session, user, the service with its agency and the reader's role (access check and
    # "start an assessment" button alike), header agencies, the service's assessments
    with django_assert_num_queries(5):
        assert client.get(service.get_absolute_url()).status_code == 200
