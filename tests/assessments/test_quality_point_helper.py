"""The appraisal page helps set what a quality point is worth: a trade-off a manager can
answer ("the most more a year you would pay for each client for 'very good' rather than
'good' on all four counts") becomes money a point."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from assessments.models import Assessment
from assessments.scoring.costs import (
    GOOD_TO_VERY_GOOD_POINTS,
    point_value_from_trade_off,
    quality_index,
)
from tests import factories
from tests.assessments.test_wizard import draft, edit_url, post_section  # noqa: F401

SETTINGS = {"hourly_rate": "12", "appraisal_years": "5", "discount_rate": "3.5"}


def test_good_to_very_good_on_all_four_counts_is_25_points():
    # By hand: "good" is 3 on each rating, index (3 - 1) x 25 = 50; "very good" is 4,
    # index (4 - 1) x 25 = 75; the step is 25 points.
    assert quality_index(3, 3, 3, 3) == 50 and quality_index(4, 4, 4, 4) == 75
    assert GOOD_TO_VERY_GOOD_POINTS == 25
    # £50 a year for 25 points is £2 a point; £37.50 is £1.50; £1 is 4p.
    assert point_value_from_trade_off(50) == 2
    assert point_value_from_trade_off(Decimal("37.50")) == Decimal("1.5")
    assert point_value_from_trade_off(1) == Decimal("0.04")


def test_the_answer_fills_in_the_value_of_a_point(client, owner, draft):  # noqa: F811
    client.force_login(owner)
    response = post_section(client, draft, "appraisal", {**SETTINGS, "trade_off": "£50"})
    assert response.status_code == 302
    assert Assessment.objects.get(pk=draft.pk).willingness_to_pay == Decimal("2.00")


def test_an_answer_that_disagrees_with_the_figure_is_shown_not_guessed(
    client,
    owner,
    draft,  # noqa: F811
):
    client.force_login(owner)
    answers = {**SETTINGS, "willingness_to_pay": "5", "trade_off": "50"}
    response = post_section(client, draft, "appraisal", answers)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your answer means 2.00 a point, but the figure above says 5.00" in page
    assert 'value="50"' in page  # what was typed is kept
    assert Assessment.objects.get(pk=draft.pk).willingness_to_pay is None


@pytest.mark.parametrize("typed", ["lots", "-5"])
def test_a_bad_answer_gets_a_message_by_the_field(client, owner, draft, typed):  # noqa: F811
    client.force_login(owner)
    response = post_section(client, draft, "appraisal", {**SETTINGS, "trade_off": typed})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_the_page_offers_the_question(client, owner, draft):  # noqa: F811
    client.force_login(owner)
    page = client.get(edit_url(draft, "appraisal")).content.decode()
    assert "Help me work out what a quality point is worth" in page
    assert "rather than “good” on all four counts" in page


def _submitted_without_a_value(service, owner):
    answers = {**factories.complete_answers(), "willingness_to_pay": None}
    return factories.AssessmentFactory(
        **answers, service=service, author=owner, status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )  # fmt: skip


def test_the_dashboard_says_what_is_missing_and_where_to_set_it(client, owner, service, agency):
    agency.default_willingness_to_pay = None
    agency.save()
    _submitted_without_a_value(service, owner)
    client.force_login(owner)
    page = client.get("/").content.decode()
    assert "puts no value on a quality point, so no best option is named for it" in page
    settings = reverse("services:agency_settings", args=[agency.slug])
    assert f'href="{settings}"' in page
    assert "1 of the submitted assessments puts no value on a quality point" in page
    assert f"Set {agency.name}'s usual value of a quality point" in page


def test_a_viewer_is_told_what_is_missing_without_a_link_they_cannot_use(
    client, owner, viewer, service, agency
):
    agency.default_willingness_to_pay = None
    agency.save()
    _submitted_without_a_value(service, owner)
    client.force_login(viewer)
    page = client.get("/").content.decode()
    assert "no value on a quality point" in page
    assert reverse("services:agency_settings", args=[agency.slug]) not in page


def test_the_report_points_to_the_agency_setting_when_it_has_none(client, owner, service, agency):
    agency.default_willingness_to_pay = None
    agency.save()
    assessment = _submitted_without_a_value(service, owner)
    # Parents at home cost more than teaching assistants, for better quality: which is
    # best now turns on what a quality point is worth.
    parents = assessment.ordered_options[0]
    parents.annual_agency_cost = 90_000
    parents.save()
    assessment.save()
    client.force_login(owner)
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "A submitted assessment keeps its figures: start a revision to set one." in page
    assert "has no usual figure for new assessments either" in page
    assert reverse("services:agency_settings", args=[agency.slug]) in page


def test_the_helper_sets_a_point_beside_the_outcome_prices(client, owner, draft):  # noqa: F811
    from assessments.models import OutcomeMeasure

    prices = ("unit_value", "unit_value_low", "unit_value_high", "price", "price_low", "price_high")
    OutcomeMeasure.objects.create(
        assessment=draft, position=1, name="Health", unit="one QALY", currency="GBP",
        price_year=2025, source="NICE (2025)", **dict.fromkeys(prices, 20_000),
    )  # fmt: skip
    client.force_login(owner)
    page = client.get(edit_url(draft, "appraisal")).content.decode()
    assert "Your outcomes are valued at these prices" in page
    assert "One QALY: £20,000" in page
