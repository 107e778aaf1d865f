"""The agency on the rows that pages scan (`assessments/tenancy.py`, docs/architecture.md):
every assessment and option carries its service's agency, set by the models, refused by
the database when it differs, and carried when a service moves; access filters by the
user's agencies' ids as values, read once a request."""

import uuid

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from assessments import tenancy
from assessments.access import assessments_for
from assessments.choices import Status
from assessments.models import Assessment, Option
from services.access import agencies_for, agency_ids, services_for, user_agencies
from services.models import Membership, Service
from tests import factories
from tests.assessments.test_dashboard import make


def refused(write):
    with pytest.raises(IntegrityError, match="agency"), transaction.atomic():
        write()


# --- Set by the models ------------------------------------------------------------------------


def test_a_new_assessment_and_its_options_take_the_services_agency(service, agency):
    assessment = make(service)
    assert assessment.agency_id == agency.pk
    stored = Assessment.objects.get(pk=assessment.pk)
    assert stored.agency_id == agency.pk
    options = Option.objects.filter(assessment=assessment)
    assert options.count() == 2
    assert set(options.values_list("agency_id", flat=True)) == {agency.pk}


def test_an_assessment_given_only_its_services_id_reads_the_agency(service, agency, owner):
    assessment = Assessment(service_id=service.pk, author=owner, title="By id")
    assessment.save()
    assert Assessment.objects.get(pk=assessment.pk).agency_id == agency.pk
    option = Option(assessment_id=assessment.pk, position=1, name="By id too")
    option.save()
    assert Option.objects.get(pk=option.pk).agency_id == agency.pk


def test_a_revision_and_its_options_keep_the_agency(service, agency, owner):
    revision = make(service).start_revision(owner)
    assert revision.agency_id == agency.pk
    assert set(revision.options.values_list("agency_id", flat=True)) == {agency.pk}


# --- Refused by the database ------------------------------------------------------------------


def test_an_assessment_of_another_agency_than_its_services_is_refused(
    service, other_agency, other_service
):
    assessment = make(service)
    refused(lambda: Assessment.objects.filter(pk=assessment.pk).update(agency=other_agency))
    # Its service changed alone: the agency would no longer be the service's.
    refused(lambda: Assessment.objects.filter(pk=assessment.pk).update(service=other_service))
    copy = Assessment.objects.get(pk=assessment.pk)
    copy.pk, copy.code, copy.agency_id = None, uuid.uuid4(), other_agency.pk
    refused(lambda: Assessment.objects.bulk_create([copy]))
    # Service and agency together: a move the database accepts.
    Assessment.objects.filter(pk=assessment.pk).update(service=other_service, agency=other_agency)
    assert set(
        Option.objects.filter(assessment=assessment).values_list("agency_id", flat=True)
    ) == {other_agency.pk}


def test_an_option_of_another_agency_than_its_assessments_is_refused(service, other_agency):
    assessment = make(service)
    option = assessment.options.first()
    refused(lambda: Option.objects.filter(pk=option.pk).update(agency=other_agency))
    table = Option._meta.db_table
    refused(
        lambda: connection.cursor().execute(
            f"UPDATE {table} SET agency_id = %s WHERE id = %s", [other_agency.pk, option.pk]
        )
    )
    option.pk, option.code, option.position, option.name = None, uuid.uuid4(), 9, "Elsewhere"
    option.agency_id = other_agency.pk
    refused(lambda: Option.objects.bulk_create([option]))


def test_the_triggers_are_in_place_after_migrate(db):
    names = {name for _, name in tenancy.installed()}
    assert names == set(tenancy._wanted(connection))


# --- A service moved to another agency --------------------------------------------------------


def test_a_service_moved_to_another_agency_carries_its_assessments_and_options(
    service, agency, other_agency
):
    assessment = make(service)
    draft = make(service, status=Status.DRAFT)
    service.agency = other_agency
    service.save()  # as the admin or an import would
    for moved in (assessment, draft):
        assert Assessment.objects.get(pk=moved.pk).agency_id == other_agency.pk
        agencies = set(Option.objects.filter(assessment=moved).values_list("agency_id", flat=True))
        assert agencies == {other_agency.pk}
    # And with plain SQL.
    connection.cursor().execute(
        f"UPDATE {Service._meta.db_table} SET agency_id = %s WHERE id = %s",
        [agency.pk, service.pk],
    )
    assert Assessment.objects.get(pk=assessment.pk).agency_id == agency.pk
    assert not Option.objects.exclude(agency_id=agency.pk).exists()


def test_after_the_move_the_old_agencys_members_no_longer_see_the_assessment(
    service, owner, other_agency
):
    assessment = make(service)
    assert assessments_for(owner).filter(pk=assessment.pk).exists()
    Service.objects.filter(pk=service.pk).update(agency=other_agency)
    assert not assessments_for(owner).filter(pk=assessment.pk).exists()
    mover = factories.member_of(other_agency, username="mover")
    assert assessments_for(mover).filter(pk=assessment.pk).exists()


# --- Access by the agencies' ids, read once a request -----------------------------------------


def test_access_filters_the_assessments_by_their_own_agency_with_the_ids_as_values(
    owner, agency, service
):
    sql = str(assessments_for(owner).query)
    assert "services_membership" not in sql and "services_service" not in sql
    assert f'"assessments_assessment"."agency_id" IN ({agency.pk})' in sql
    assert "services_membership" not in str(services_for(owner).query)
    assert "services_membership" not in str(agencies_for(owner).query)


def test_the_users_agencies_and_roles(owner, agency, other_agency):
    factories.AgencyFactory(name="Not theirs")
    Membership.objects.create(user=owner, agency=other_agency, role="viewer")
    assert [(a.name, a.role) for a in user_agencies(owner)] == [
        ("Home Agency", "manager"),
        ("Other Agency", "viewer"),
    ]
    assert agency_ids(owner) == [agency.pk, other_agency.pk]
    assert agency_ids(owner, write=True) == [agency.pk]


def test_an_outsider_and_a_stranger_see_nothing(db, outsider, service):
    from django.contrib.auth.models import AnonymousUser

    make(service)
    assert not assessments_for(outsider).exists()
    assert list(assessments_for(AnonymousUser())) == []
    stranger = factories.UserFactory(username="stranger")
    assert list(assessments_for(stranger)) == []


def test_a_page_reads_the_users_agencies_once(client, owner, service):
    make(service)
    client.force_login(owner)
    for path in ("/assessments/", "/", "/export/assessments.csv", "/services/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        sql = [q["sql"] for q in queries]
        # The dashboard's and the services list's agencies come with the user's role in
        # each: a subquery for each of the user's few agencies, not on what pages scan.
        with_role = ('"my_role"', 'AS "role" FROM "services_agency"')
        reads = [
            q
            for q in sql
            if "services_membership" in q and not any(role in q for role in with_role)
        ]
        assert len(reads) == 1, (path, reads)
        assert not [q for q in sql if "assessments_assessment" in q and "services_membership" in q]


def test_a_membership_written_in_a_request_is_read_again(owner, other_agency):
    from services import access

    access.request_started()
    try:
        assert len(user_agencies(owner)) == 1
        Membership.objects.create(user=owner, agency=other_agency, role="viewer")
        assert len(user_agencies(owner)) == 2
    finally:
        access.request_ended()
