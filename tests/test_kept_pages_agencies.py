"""Kept pages by agency (`coprod_site/changes.py`): a write in one agency moves that agency's
generation only, so every other agency's kept pages stay kept; a user's pages depend on
each of their agencies, with their role in each, so a membership added, removed or
changed gives them new pages at once; what every agency shares has its own generation.

Like test_kept_pages.py, these tests commit for real."""

import pytest
from django.contrib.auth.models import update_last_login
from django.db import connection, transaction

from assessments.choices import Status
from assessments.models import Assessment, AssessmentText, Option, Survey, SurveyResponse
from coprod_site import changes
from services.models import Agency, CaseExample, Membership, Service
from tests import factories
from tests.assessments.test_dashboard import make
from tests.test_kept_pages import content, page_queries, submitted

pytestmark = pytest.mark.django_db(transaction=True)


def generations(*agencies) -> tuple[int, ...]:
    return tuple(changes.agency_generation(agency.pk) for agency in agencies)


# --- Which generation a write moves ----------------------------------------------------------


def test_a_write_in_one_agency_moves_its_generation_and_no_others(
    service, agency, other_agency, other_service
):
    make(other_service)  # the other agency has written before
    shared, before = changes.generation(), generations(agency, other_agency)
    assessment = make(service)
    Assessment.objects.filter(pk=assessment.pk).update(title="Renamed")
    Option.objects.filter(assessment=assessment).update(description="Renamed")
    AssessmentText.objects.filter(assessment=assessment).update(work_description="Reading")
    Service.objects.filter(pk=service.pk).update(name="Renamed service")
    home, other = generations(agency, other_agency)
    assert home > before[0]
    assert other == before[1]
    assert changes.generation() == shared


def test_a_transaction_moves_each_agency_it_wrote_in_once(
    service, agency, other_agency, other_service
):
    before = generations(agency, other_agency)
    with transaction.atomic():
        make(service)
        make(other_service)
        make(service)
        assert generations(agency, other_agency) != before or connection.vendor == "postgresql"
    after = generations(agency, other_agency)
    assert after[0] > before[0] and after[1] > before[1]
    if connection.vendor == "postgresql":
        # At the commit, once each, however many rows and statements.
        assert after == (before[0] + 1, before[1] + 1)


def test_a_rolled_back_write_moves_nothing(service, agency):
    before, shared = generations(agency), changes.generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        make(service)
        raise RuntimeError
    assert (generations(agency), changes.generation()) == (before, shared)


def test_rows_without_an_agency_of_their_own_find_it_through_their_parents(
    service, agency, other_agency
):
    """A survey's answers name no agency: they are their assessment's, through the survey."""
    assessment = make(service)
    survey = Survey.objects.create(assessment=assessment)
    before = generations(agency, other_agency)
    SurveyResponse.objects.create(survey=survey)
    after = generations(agency, other_agency)
    assert after[0] > before[0] and after[1] == before[1]
    assert changes.agency_route(SurveyResponse) == (
        "survey_id",
        (
            ("assessments_survey", "id", "assessment_id"),
            ("assessments_assessment", "id", "agency_id"),
        ),
    )
    assert changes.agency_route(Agency) == ("id", ())
    assert changes.agency_route(Assessment) == ("agency_id", ())
    assert changes.agency_route(CaseExample) is None  # shared


def test_shared_content_moves_the_shared_generation_and_no_agencys(agency):
    before, shared = generations(agency), changes.generation()
    factories.CaseExampleFactory()
    assert changes.generation() > shared
    assert generations(agency) == before


def test_a_new_user_or_a_sign_in_moves_nothing_but_a_new_name_does(owner, agency):
    before, shared = generations(agency), changes.generation()
    update_last_login(None, owner)  # as a sign-in does
    factories.UserFactory(username="newcomer")
    assert (generations(agency), changes.generation()) == (before, shared)
    owner.first_name = "Olive"
    owner.save()
    assert changes.generation() > shared


def test_a_service_moved_moves_both_agencies(service, agency, other_agency):
    make(service)
    before = generations(agency, other_agency)
    service.agency = other_agency
    service.save()
    after = generations(agency, other_agency)
    assert after[0] > before[0] and after[1] > before[1]


# --- Kept pages ------------------------------------------------------------------------------


def test_a_write_in_another_agency_leaves_the_page_kept(
    client, owner, service, other_service, outsider
):
    make(service, title="Ours")
    client.force_login(owner)
    for path in ("/", "/assessments/"):
        client.get(path)
        assert page_queries(client, path)[0] == 4  # kept
    make(other_service, title="Theirs")
    Assessment.objects.filter(service=other_service).update(title="Theirs, renamed")
    for path in ("/", "/assessments/"):
        queries, response = page_queries(client, path)
        assert queries == 4, path  # still kept
        assert "Theirs" not in content(response)


def test_a_write_in_the_users_agency_is_on_the_next_page(client, owner, service):
    make(service)
    client.force_login(owner)
    assert submitted(client.get("/")) == 1
    make(service)
    assert submitted(client.get("/")) == 2


def test_a_user_of_two_agencies_sees_a_change_in_either(
    client, owner, service, other_agency, other_service
):
    Membership.objects.create(user=owner, agency=other_agency, role="viewer")
    make(service, title="Home work")
    client.force_login(owner)
    assert submitted(client.get("/")) == 1
    assert page_queries(client)[0] == 4
    make(other_service, title="Other work")
    assert submitted(client.get("/")) == 2
    assert "Other work" in content(client.get("/assessments/"))
    Assessment.objects.filter(title="Home work").update(status=Status.ARCHIVED)
    assert submitted(client.get("/")) == 1


def test_a_membership_added_removed_or_changed_gives_the_user_new_pages(
    client, owner, agency, service, other_agency, other_service
):
    make(service, title="Home work")
    make(other_service, title="Other work")
    client.force_login(owner)
    assert "Other work" not in content(client.get("/assessments/"))
    assert page_queries(client, "/assessments/")[0] == 4
    joined = Membership.objects.create(user=owner, agency=other_agency, role="viewer")
    assert "Other work" in content(client.get("/assessments/"))
    # A manager of one agency may start an assessment; as a viewer of both, not.
    Membership.objects.filter(user=owner, agency=agency).update(role="viewer")
    assert "Start a new assessment" not in content(client.get("/assessments/"))
    Membership.objects.filter(user=owner, agency=agency).update(role="manager")
    assert "Start a new assessment" in content(client.get("/assessments/"))
    joined.delete()
    assert "Other work" not in content(client.get("/assessments/"))
    assert "Other Agency" not in content(client.get("/"))


def test_a_membership_of_someone_else_leaves_the_users_pages_kept(
    client, owner, service, other_agency
):
    make(service)
    client.force_login(owner)
    client.get("/")
    factories.member_of(other_agency, username="newcomer")
    assert page_queries(client)[0] == 4
