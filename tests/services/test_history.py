"""The audit trail of agencies, memberships, services and case examples: who changed what,
and when, whether in the app's pages or the admin."""

import pytest
from django.urls import reverse

from services.models import Agency, CaseExample, CaseSource, CaseStatus, Membership, Service
from tests import factories
from tests.services.test_case_admin import change_url, form_data, run_action

pytestmark = pytest.mark.django_db


def latest(model, obj):
    return model.history.filter(id=obj.pk).latest()


def test_a_service_edit_is_recorded_with_its_editor(client, owner, service):
    client.force_login(owner)
    data = {
        "name": "Reading at home",
        "sector": service.sector,
        "client_type": service.client_type,
        "clients_per_year": 2500,
        "delivery_mode": service.delivery_mode,
    }
    response = client.post(reverse("services:edit", args=[service.code]), data)
    assert response.status_code == 302
    row = latest(Service, service)
    assert row.history_user == owner and row.history_type == "~"
    assert (row.name, row.clients_per_year) == ("Reading at home", 2500)
    before = row.prev_record
    assert before.name == "Home Service"
    assert {change.field for change in row.diff_against(before).changes} >= {
        "name",
        "clients_per_year",
    }


def test_agency_settings_are_recorded_with_their_editor(client, owner, agency):
    client.force_login(owner)
    data = {
        "default_hourly_value": "18.50",
        "default_appraisal_years": "7",
        "default_discount_rate": "3.5%",
        "default_willingness_to_pay": "",
    }
    response = client.post(reverse("services:agency_settings", args=[agency.slug]), data)
    assert response.status_code == 302
    row = latest(Agency, agency)
    assert row.history_user == owner and row.default_appraisal_years == 7


def test_memberships_are_recorded_when_given_changed_and_taken_away(agency):
    user = factories.UserFactory(username="newcomer")
    membership = Membership.objects.create(user=user, agency=agency, role="viewer")
    membership.role = "manager"
    membership.save()
    pk = membership.pk
    membership.delete()
    rows = Membership.history.filter(id=pk).order_by("history_date", "history_id")
    assert [(row.history_type, row.role) for row in rows] == [
        ("+", "viewer"),
        ("~", "manager"),
        ("-", "manager"),
    ]


@pytest.mark.usefixtures("empty_library")
def test_case_curation_in_the_admin_is_recorded(client, curator):
    case = factories.CaseExampleFactory(draft=True, title="Kerbside recycling")
    client.force_login(curator)
    response = client.post(change_url(case), form_data(case, summary="Residents sort waste."))
    assert response.status_code == 302
    row = latest(CaseExample, case)
    assert row.history_user == curator and row.summary == "Residents sort waste."

    run_action(client, "publish", [case])
    published = latest(CaseExample, case)
    assert published.history_change_reason == "Published"
    assert published.history_user == curator and published.status == CaseStatus.PUBLISHED
    run_action(client, "unpublish", [case])
    assert latest(CaseExample, case).history_change_reason == "Unpublished"

    source = case.sources.get()
    assert CaseSource.history.filter(id=source.pk, history_type="+").exists()


@pytest.mark.usefixtures("empty_library")
def test_the_admin_shows_a_cases_history(client, curator):
    case = factories.CaseExampleFactory()
    client.force_login(curator)
    response = client.get(reverse("admin:services_caseexample_history", args=[case.pk]))
    assert response.status_code == 200
