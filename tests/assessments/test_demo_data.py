from io import StringIO

import pytest
from django.core.management import call_command

from assessments.choices import (
    Classification,
    Contribution,
    CoProducerType,
    Phase,
    Sensitivity,
    SpecialAsset,
    Status,
    Verdict,
)
from assessments.demo_data import DEMO_ASSESSMENTS
from assessments.models import Assessment
from assessments.sections import SectionState, is_complete, sections_for
from services.demo import SERVICES

# title -> (classification, verdict, sensitivity) each submitted demo assessment must get.
# Blank where the scoring module gives none (no verdict outside co-production, no
# sensitivity for a necessary arrangement).
INTENDED = {
    "Pre-filled online tax returns": ("co_production", "dominates", "robust"),
    "Tax Help volunteers for people on low incomes": ("co_production", "dominates", "fragile"),
    "Owning up to past tax mistakes": ("co_production", "necessary", ""),
    "Record-keeping app for sole traders": (
        "co_production",
        "saves_money_lower_quality",
        "robust",
    ),
    "Taxpayer panel testing the new online return": ("participation", "", ""),
    "Peer breastfeeding supporters": ("co_production", "dominates", "robust"),
    "Expert patients leading self-management courses": ("co_production", "equivalent", "fragile"),
    "Falls-prevention volunteers leading exercise classes": (
        "co_production",
        "costs_more_better",
        "fragile",
    ),
    "Patients managing their own medicines at home": ("co_production", "necessary", ""),
    "Patients re-entering their details on paper forms": ("not_co_production", "", ""),
    "Reporting potholes with the street app": ("co_production", "dominates", "robust"),
    "Residents' panel on road repair priorities": ("participation", "", ""),
    "Residents patching small potholes": ("co_production", "dominated", "robust"),
    "Sorting recyclables at home": ("co_production", "costs_more_better", "robust"),
    "Neighbours clearing dumped rubbish on their own": ("not_co_production", "", ""),
    "Putting bins out correctly on collection day": ("co_production", "necessary", ""),
    "Recycling champions advising their neighbours": ("co_production", "dominated", "fragile"),
    "Parents hearing children read at home": (
        "co_production",
        "saves_money_lower_quality",
        "fragile",
    ),
    "Volunteer reading helpers in school": ("co_production", "costs_more_better", "robust"),
    "Walking school bus": ("co_production", "dominates", "robust"),
}

# title -> risk flags the arrangement was written to raise (it may raise others too).
INTENDED_FLAGS = {
    "Record-keeping app for sole traders": {"patchy_results", "quality_traded_for_savings"},
    "Falls-prevention volunteers leading exercise classes": {"crowding_out", "cost_shifting"},
    "Patients managing their own medicines at home": {"patchy_results", "unfair_burden"},
    "Residents patching small potholes": {"low_confidence", "no_special_assets"},
    "Sorting recyclables at home": {"cost_shifting"},
    "Putting bins out correctly on collection day": {"sanctions_only"},
    "Parents hearing children read at home": {"patchy_results", "unfair_burden"},
}


@pytest.fixture(autouse=True)
def _development_mode(settings):
    settings.DEBUG = True


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())
    return Assessment.objects.select_related("service__agency", "author")


def _snapshot():
    return sorted(
        Assessment.objects.values_list(
            "service_id", "title", "code", "status", "version", "updated_at", "result_verdict"
        )
    )


@pytest.mark.django_db
def test_seed_demo_twice_adds_and_changes_nothing():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    first = _snapshot()
    call_command("seed_demo", stdout=out)
    assert _snapshot() == first
    assert len(first) == len(DEMO_ASSESSMENTS) >= 22
    assert "password" in out.getvalue()


def test_every_classification_verdict_and_sensitivity_appears(seeded):
    assert set(seeded.values_list("result_classification", flat=True)) >= set(Classification.values)
    assert set(seeded.values_list("result_verdict", flat=True)) >= set(Verdict.values)
    assert set(seeded.values_list("result_sensitivity", flat=True)) >= set(Sensitivity.values)


def test_each_submitted_assessment_lands_where_intended(seeded):
    landed = {
        a.title: (a.result_classification, a.result_verdict, a.result_sensitivity)
        for a in seeded.submitted()
    }
    assert landed == INTENDED


def test_risk_flags_are_raised_where_intended(seeded):
    flags = {a.title: set(a.result_risk_flags) for a in seeded.filter(title__in=INTENDED_FLAGS)}
    for title, intended in INTENDED_FLAGS.items():
        assert intended <= flags[title], title


def test_submitted_ones_are_complete_and_dated(seeded):
    submitted = list(seeded.submitted())
    assert len(submitted) >= 16
    for assessment in submitted:
        assert is_complete(assessment), assessment.title
        assert assessment.submitted_at is not None


def test_drafts_stop_at_different_stages(seeded):
    drafts = list(seeded.drafts())
    assert len(drafts) >= 5
    completed_sections = []
    for draft in drafts:
        assert draft.submitted_at is None
        assert not is_complete(draft), draft.title
        states = [state for _, state in sections_for(draft)]
        completed_sections.append(states.count(SectionState.COMPLETE))
    assert len(set(completed_sections)) >= 4


def test_every_demo_service_has_an_assessment(seeded):
    assessed = set(seeded.values_list("service__agency__slug", "service__name"))
    assert assessed == {(slug, name) for slug, name, *_ in SERVICES}


def test_managers_author_their_own_agencies_assessments(seeded):
    for assessment in seeded:
        author = assessment.author
        assert author.username == (
            "health_manager" if assessment.service.agency.slug == "riverside-health" else "manager"
        )
        assert author.memberships.filter(agency=assessment.service.agency, role="manager").exists()


def test_rates_come_from_the_agency_defaults(seeded):
    for assessment in seeded:
        agency = assessment.service.agency
        assert assessment.hourly_rate == agency.default_hourly_value
        assert assessment.appraisal_years == agency.default_appraisal_years
        assert assessment.discount_rate == agency.default_discount_rate


def test_multiple_choice_answers_use_the_known_values(seeded):
    known = {
        "co_producer_types": set(CoProducerType.values),
        "phases": set(Phase.values),
        "agency_contributions": set(Contribution.values),
        "co_producer_contributions": set(Contribution.values),
        "special_assets": set(SpecialAsset.values),
    }
    for assessment in seeded:
        assert assessment.status in (Status.DRAFT, Status.SUBMITTED)
        for name, values in known.items():
            assert set(getattr(assessment, name) or ()) <= values, (assessment.title, name)
