import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from services.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

LIST_URL = "/assessments/"


def complete(service, status=Status.DRAFT, **overrides):
    extra = {} if status == Status.DRAFT else {"submitted_at": timezone.now()}
    return factories.AssessmentFactory(
        **factories.complete_answers(**overrides), service=service, status=status, **extra
    )


def listed(client, **filters) -> str:
    response = client.get(LIST_URL, filters)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_is_at_assessments():
    assert reverse("assessments:list") == LIST_URL


def test_anonymous_user_is_sent_to_sign_in(client):
    response = client.get(LIST_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_lists_only_my_agencies_assessments(client, owner, service, other_service):
    mine = complete(service, title="Parents hearing reading")
    theirs = complete(other_service, title="Somebody else's arrangement")
    client.force_login(owner)
    text = listed(client)
    assert mine.title in text and mine.get_absolute_url() in text
    assert "Somebody else" not in text and theirs.get_absolute_url() not in text


def test_rows_show_service_agency_status_classification_result_and_date(client, viewer, service):
    assessment = complete(service, status=Status.SUBMITTED, willingness_to_pay=1)
    client.force_login(viewer)
    text = listed(client)
    assert service.name in text and service.agency.name in text
    assert "Submitted" in text
    assert "Co-production" in text
    assert "Cheaper and better" in text
    assert 'd-lg-table-cell">Parents at home</td>' in text  # the best option, in its column
    assert assessment.updated_at.strftime("%-d %b %Y") in text


def test_draft_verdicts_are_marked_provisional(client, viewer, service):
    complete(service)
    client.force_login(viewer)
    assert "(provisional)" in listed(client)


def test_arrangements_that_are_not_co_production_have_no_verdict_to_wait_for(
    client, viewer, service
):
    complete(service, status=Status.SUBMITTED, phases=["design"])
    client.force_login(viewer)
    text = listed(client)
    assert "Not co-production" in text and "Not yet known" not in text


def test_viewer_reads_the_list_without_the_start_button(client, viewer, service):
    complete(service, title="Visible to viewers")
    client.force_login(viewer)
    text = listed(client)
    assert "Visible to viewers" in text
    assert "Start a new assessment" not in text


def test_manager_sees_the_start_button(client, owner):
    client.force_login(owner)
    text = listed(client)
    assert "Start a new assessment" in text
    assert f'href="{reverse("assessments:new")}"' in text


def test_archived_assessments_are_hidden_unless_asked_for(client, owner, service):
    complete(service, title="Still running", status=Status.SUBMITTED)
    complete(service, title="Old news", status=Status.ARCHIVED)
    client.force_login(owner)
    assert "Old news" not in listed(client)
    text = listed(client, status="archived")
    assert "Old news" in text and "Still running" not in text


def test_filters_by_status_result_and_classification(client, owner, service):
    complete(service, title="Dominates draft")
    complete(service, title="Necessary one", status=Status.SUBMITTED, necessity="necessary")
    dearer = factories.complete_options()
    dearer[0]["annual_agency_cost"] = 90_000
    complete(service, title="Dearer one", status=Status.SUBMITTED, options=dearer)
    complete(service, title="Only design work", status=Status.SUBMITTED, phases=["design"])
    client.force_login(owner)

    text = listed(client, status="submitted")
    assert "Dominates draft" not in text and "Necessary one" in text

    text = listed(client, quadrant="dearer_better")
    assert "Dearer one" in text and "Necessary one" not in text and "Dominates draft" not in text

    text = listed(client, classification="participation")
    assert "Only design work" in text and "Necessary one" not in text


def test_filters_by_agency_and_service(client, agency, other_agency, service):
    user = factories.member_of(agency, role="viewer", username="both")
    Membership.objects.create(user=user, agency=other_agency, role="viewer")
    other_service = factories.ServiceFactory(agency=other_agency, name="Their service")
    second_service = factories.ServiceFactory(agency=agency, name="Second service")
    complete(service, title="Home arrangement")
    complete(second_service, title="Second arrangement")
    complete(other_service, title="Other arrangement")
    client.force_login(user)

    text = listed(client, agency=other_agency.slug)
    assert "Other arrangement" in text and "Home arrangement" not in text

    text = listed(client, service=str(second_service.code))
    assert "Second arrangement" in text and "Home arrangement" not in text


def test_a_bad_filter_value_is_reported_and_ignored(client, owner, service):
    complete(service, title="Still listed")
    client.force_login(owner)
    text = listed(client, quadrant="nonsense", agency="no-such-agency", status="gone")
    assert "There is a problem" in text
    assert "Still listed" in text
    assert "Choose one of your agencies from the list." in text
    assert text.count("Choose one of the options in the list.") >= 2  # in the summary and by it
    assert "Select a valid choice" not in text


def test_cannot_filter_on_another_agencys_service(client, owner, other_service):
    complete(other_service, title="Not mine")
    client.force_login(owner)
    text = listed(client, service=str(other_service.code))
    assert "There is a problem" in text and "Not mine" not in text


def test_export_link_carries_the_filters(client, owner, service):
    complete(service)
    client.force_login(owner)
    text = listed(client, status="draft", quadrant="cheaper_better")
    assert 'href="/export/assessments.csv?status=draft&amp;quadrant=cheaper_better"' in text
    assert 'href="/export/options.csv?status=draft&amp;quadrant=cheaper_better"' in text


def test_the_list_is_paginated_by_25(client, owner, service):
    factories.AssessmentFactory.create_batch(26, service=service)
    client.force_login(owner)
    text = listed(client)
    assert "26 assessments" in text and "Page 1 of 2" in text
    assert text.count('class="tag tag-draft"') == 25
    assert listed(client, page=2).count('class="tag tag-draft"') == 1


def test_query_count_does_not_grow_with_assessments(
    client, owner, service, agency, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    client.get(LIST_URL)  # the cache's first generation of the data

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST_URL).status_code == 200
        return len(ctx)

    with django_capture_on_commit_callbacks(execute=True):  # committed, as in the app
        complete(service)
    few = count_queries()
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(12):
            other = factories.ServiceFactory(agency=agency)
            complete(other, status=Status.SUBMITTED if number % 2 else Status.DRAFT)
    # session, user, the data's generations with the user's agencies and roles (one
    # query), the kept page (one cache read); then, as the data has changed, agency
    # choices, service choices, count, page of assessments with their services, agencies
    # and authors (the header's agencies, and whether the user manages one, come from the
    # agencies already read); keeping the page (the cache's size, a savepoint, its row,
    # writing it, releasing the savepoint).
    assert count_queries() == few == 13
    # Unchanged data: the kept page, after session, user, the data's generation and one
    # cache read.
    assert count_queries() == 4


def test_search_finds_words_in_an_options_name_once(client, owner, service):
    options = factories.complete_options()
    options[0]["name"] = "Sort at the MRF"
    options[1]["name"] = "Collect mixed, sort at the MRF later"
    complete(service, title="Household recycling", options=options)
    complete(service, title="Something else")
    client.force_login(owner)
    text = listed(client, q="mrf")
    assert text.count("Household recycling") == 1  # two options match: listed once
    assert "Something else" not in text
