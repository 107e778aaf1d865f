"""How far each figure might be out: the ranges on the option, quality and appraisal pages."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from assessments.forms import QualityGridForm
from assessments.models import Assessment, Option
from assessments.scoring import RATING_FIELDS
from tests import factories

OPTION = {
    "name": "Parents at home",
    "co_produced": "True",
    "setup_cost": "5,000",
    "annual_agency_cost": "20k",
    "clients_per_year": "1000",
    "confidence": "high",
}


@pytest.fixture
def assessment(owner, service):
    return factories.AssessmentFactory(
        service=service, author=owner, **factories.complete_answers()
    )


def version_of(assessment) -> int:
    return Assessment.objects.get(pk=assessment.pk).version


def post_option(client, assessment, option, **answers):
    url = reverse("assessments:option", args=[assessment.code, option.code])
    return client.post(url, {**OPTION, **answers, "version": version_of(assessment)})


def test_an_option_page_saves_ranges_typed_as_people_write_them(client, owner, assessment):
    client.force_login(owner)
    option = assessment.ordered_options[0]
    response = post_option(
        client, assessment, option, setup_cost_low="£4,000", setup_cost_high="6k",
        clients_per_year_low="800", clients_per_year_high="1.2k",
    )  # fmt: skip
    assert response.status_code == 302
    option.refresh_from_db()
    assert (option.setup_cost_low, option.setup_cost_high) == (Decimal("4000"), Decimal("6000"))
    assert (option.clients_per_year_low, option.clients_per_year_high) == (800, 1200)


def test_the_page_says_what_default_range_is_used(client, owner, assessment):
    client.force_login(owner)
    option = assessment.ordered_options[0]
    page = client.get(reverse("assessments:option", args=[assessment.code, option.code]))
    text = page.content.decode()
    # Set-up cost 5,000, very sure: 10% either side.
    assert "Left empty, we use £4,500 to £5,500." in text
    assert "10% either side of each figure" in text


@pytest.mark.parametrize(
    "answers, field, words",
    [
        ({"setup_cost_low": "6000"}, "setup_cost_low", "must not be above your estimate"),
        ({"setup_cost_high": "4000"}, "setup_cost_high", "must not be below your estimate"),
        (
            {"annual_agency_cost_low": "30000", "annual_agency_cost_high": "25000"},
            "annual_agency_cost_high",
            "must not be below the lowest",
        ),
        ({"clients_per_year_high": "lots"}, "clients_per_year_high", "as a number"),
    ],
)
def test_a_range_that_does_not_hold_its_estimate_is_refused(
    client, owner, assessment, answers, field, words
):
    client.force_login(owner)
    option = assessment.ordered_options[0]
    response = post_option(client, assessment, option, **answers)
    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors[field])
    page = response.content.decode()
    assert '<details class="ranges mt-4" open>' in page  # the ranges are shown open
    for value in answers.values():
        assert f'value="{value}"' in page
    # The summary names the box in full, never just "Highest:" or "Lowest:".
    summary = page.split('id="error-summary-title"')[1].split("</ul>")[0]
    assert "Highest:" not in summary and "Lowest:" not in summary
    assert f"The {'lowest' if field.endswith('_low') else 'highest'} " in summary


def test_the_quality_grid_takes_a_range_for_each_rating(client, owner, assessment):
    client.force_login(owner)
    first = assessment.ordered_options[0]
    data = {"version": version_of(assessment)}
    for option in assessment.ordered_options:
        for rating in RATING_FIELDS:
            data[QualityGridForm.field_name(rating, option)] = option.__dict__[rating]
    data[QualityGridForm.field_name("trust_low", first)] = "3"
    data[QualityGridForm.field_name("trust_high", first)] = "5"
    response = client.post(reverse("assessments:quality", args=[assessment.code]), data)
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.trust_low, first.trust, first.trust_high) == (3, 4, 5)

    data["version"] = version_of(assessment)
    data[QualityGridForm.field_name("trust_low", first)] = "5"
    response = client.post(reverse("assessments:quality", args=[assessment.code]), data)
    assert response.status_code == 200
    assert "must not be above the rating itself" in response.content.decode()


def test_the_appraisal_page_takes_ranges_for_the_time_rate_and_discount_rate(
    client, owner, assessment
):
    client.force_login(owner)
    url = reverse("assessments:edit", args=[assessment.code, "appraisal"])
    data = {
        f"assessment_{assessment.code}-current_step": "appraisal",
        "appraisal-version": version_of(assessment),
        "appraisal-hourly_rate": "10",
        "appraisal-appraisal_years": "3",
        "appraisal-discount_rate": "3.5",
        "appraisal-hourly_rate_low": "£5",
        "appraisal-hourly_rate_high": "£20",
        "appraisal-discount_rate_low": "1.5%",
        "appraisal-discount_rate_high": "2%",  # below the rate itself
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "The highest discount rate must not be below your figure" in response.content.decode()
    data["appraisal-discount_rate_high"] = "5%"
    assert client.post(url, data).status_code == 302
    assessment.refresh_from_db()
    assert assessment.hourly_rate_low == Decimal("5")
    assert assessment.discount_rate_high == Decimal("5")
    inputs = assessment.scoring_inputs()
    assert inputs.discount_rate_low == Decimal("0.015")


def test_the_database_keeps_each_range_around_its_estimate(assessment):
    option = assessment.ordered_options[0]  # set-up cost 5,000
    with pytest.raises(IntegrityError), transaction.atomic():
        Option.objects.filter(pk=option.pk).update(setup_cost_low=Decimal("6000"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Option.objects.filter(pk=option.pk).update(trust_high=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=assessment.pk).update(discount_rate_low=Decimal("9"))
