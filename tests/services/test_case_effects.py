"""Measured effects of a case: shipped for the Expert Patients Programme, kept in the case's
admin page, shown on the public case page, and an interval that does not hold its effect is
refused by the database."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from services.models import CaseEffect
from tests import factories

EXPERT_PATIENTS = "expert-patients-programme"


def effect(case, **changes) -> CaseEffect:
    fields = {
        "outcome": "Quality of life",
        "unit": "one QALY",
        "effect": Decimal("0.02"),
        "compared_with": "usual care",
        "population": "629 patients, 6 months",
        "study": "Kennedy A, et al. (2007)",
        "url": "https://example.org/trial",
        **changes,
    }
    return CaseEffect.objects.create(case=case, **fields)


def test_the_migration_shipped_the_expert_patients_effect(db):
    shipped = CaseEffect.objects.get(case__slug=EXPERT_PATIENTS)
    assert (shipped.outcome, shipped.unit, shipped.effect) == (
        "Quality of life",
        "one QALY",
        Decimal("0.02"),
    )
    assert shipped.low is None and shipped.high is None and shipped.spread == ""
    assert shipped.compared_with == "usual care (waiting list)"
    assert shipped.population.startswith("629 patients with long-term conditions in England")
    assert shipped.study.startswith("Kennedy A, et al. (2007) The effectiveness")
    assert shipped.study.endswith("J Epidemiol Community Health 61(3):254-261")
    assert shipped.url == "https://jech.bmj.com/content/61/3/254"


def test_the_case_page_shows_the_shipped_effect(client, reader):
    client.force_login(reader)
    page = client.get(reverse("cases:detail", args=[EXPERT_PATIENTS])).content.decode()
    assert "<caption>" in page and "Measured effects" in page
    assert '<th scope="row">Quality of life</th>' in page
    assert "0.02 <span" in page and "one QALY" in page
    assert "usual care (waiting list)" in page
    assert '<a href="https://jech.bmj.com/content/61/3/254" rel="noopener">Kennedy A' in page


@pytest.mark.usefixtures("empty_library")
def test_the_table_shows_an_interval_and_escapes_what_curators_typed(client, reader):
    case = factories.CaseExampleFactory()
    effect(
        case,
        outcome="<script>alert(1)</script>",
        effect=Decimal("1.5"),
        low=Decimal("0.25"),
        high=Decimal("2"),
        spread="ci95",
        url="",
    )
    client.force_login(reader)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "A 95% confidence interval: 0.25 to 2" in page
    assert "<td>Kennedy A, et al. (2007)</td>" in page  # no address, no link
    for header in ["Outcome", "Effect per person", "Compared with", "Who was studied", "Study"]:
        assert f'<th scope="col">{header}</th>' in page


@pytest.mark.usefixtures("empty_library")
def test_a_case_with_no_effects_shows_no_table(client, reader):
    case = factories.CaseExampleFactory()
    client.force_login(reader)
    assert "Measured effects" not in client.get(case.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("empty_library")
@pytest.mark.parametrize(
    "ends",
    [
        {"low": Decimal("0.05"), "high": Decimal("0.1"), "spread": "ci95"},  # low above it
        {"low": Decimal("0.01"), "high": Decimal("0.015"), "spread": "ci95"},  # high below it
        {"low": Decimal("0.01"), "high": Decimal("0.03"), "spread": ""},  # what are they?
    ],
)
def test_the_database_refuses_an_interval_that_does_not_hold_the_effect(db, ends):
    case = factories.CaseExampleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        effect(case, **ends)
    assert not case.effects.exists()


@pytest.mark.usefixtures("empty_library")
def test_the_model_explains_a_low_end_above_the_effect(db):
    from django.core.exceptions import ValidationError

    case = factories.CaseExampleFactory()
    unsaved = CaseEffect(
        case=case,
        outcome="Quality of life",
        unit="one QALY",
        effect=Decimal("0.02"),
        low=Decimal("0.05"),
        high=Decimal("0.1"),
        spread="ci95",
        compared_with="usual care",
        population="629 patients",
        study="Kennedy (2007)",
    )
    with pytest.raises(ValidationError) as refused:
        unsaved.full_clean()
    assert "The low end must not be above the effect." in refused.value.message_dict["low"]


@pytest.mark.usefixtures("empty_library")
def test_effects_are_kept_in_the_case_admin_page(client):
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    case = factories.CaseExampleFactory()
    effect(case)
    client.force_login(admin)
    response = client.get(reverse("admin:services_caseexample_change", args=[case.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="effects-TOTAL_FORMS"' in page
    assert 'name="effects-0-outcome"' in page and "Measured effects" in page
