"""Money on a submitted assessment keeps the currency it was submitted in: an agency that
changes its currency later must not relabel A$775m as JP¥775m."""

import csv
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments import portfolio
from assessments.choices import Status
from assessments.models import Assessment
from tests import factories
from tests.assessments.test_report import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def australian(service):
    service.agency.currency = "AUD"
    service.agency.save()
    return service


def submitted_in_aud(service):
    draft = factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("1")), service=service
    )
    assert draft.money_currency == "AUD" and draft.currency == ""
    assert draft.submit(draft.version)
    return Assessment.objects.get(pk=draft.pk)


def test_submitting_stores_the_agencys_currency(australian):
    assessment = submitted_in_aud(australian)
    assert assessment.currency == "AUD"


def test_a_later_change_of_the_agencys_currency_leaves_a_submitted_report_alone(
    client, viewer, australian
):
    assessment = submitted_in_aud(australian)
    draft = factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("1")), service=australian
    )
    australian.agency.currency = "JPY"
    australian.agency.save()
    client.force_login(viewer)
    report = page_text(client, Assessment.objects.get(pk=assessment.pk))
    assert "A$" in report and "JP¥" not in report and "¥" not in report
    assert "¥" in page_text(client, draft)  # a draft follows the agency


def test_exports_and_the_dashboard_keep_a_submitted_assessments_currency(
    client, viewer, australian
):
    assessment = submitted_in_aud(australian)
    australian.agency.currency = "JPY"
    australian.agency.save()
    client.force_login(viewer)
    response = client.get("/export/assessments.csv", {"assessment": assessment.code})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["currency"] == "AUD"
    options = client.get("/export/options.csv", {"assessment": assessment.code})
    option_rows = csv.DictReader(io.StringIO(b"".join(options.streaming_content).decode()))
    assert {row["currency"] for row in option_rows} == {"AUD"}
    tables = portfolio.comparisons(Assessment.objects.filter(status=Status.SUBMITTED))
    assert [currency for currency, _, _ in tables["currency"]] == ["AUD"]


def test_a_revision_is_a_draft_in_the_agencys_currency_as_it_stands(owner, australian):
    assessment = submitted_in_aud(australian)
    australian.agency.currency = "NZD"
    australian.agency.save()
    revision = assessment.start_revision(owner)
    assert revision.currency == ""
    assert revision.money_currency == "NZD"


def test_an_assessment_saved_as_submitted_stores_its_currency_too(australian):
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(),
        service=australian,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    assert Assessment.objects.get(pk=assessment.pk).currency == "AUD"
