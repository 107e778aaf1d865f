from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from assessments import choices, scoring
from assessments.models import TEXT_FIELDS, Assessment, AssessmentText, Option
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_complete_assessment_stores_its_results_on_save():
    assessment = factories.AssessmentFactory(**factories.complete_answers())
    assessment.refresh_from_db()
    assert assessment.result_classification == "co_production"
    assert assessment.result_value_type == "both"
    assert assessment.result_quadrant == "cheaper_better"
    # No willingness to pay: no choice yet, so nothing to call robust or fragile.
    assert assessment.result_sensitivity == ""
    assert assessment.result_acceptability["wtp"][0] == 0
    co_production, alternative = assessment.options.all()
    # Quality index: ratings of 4 map to (4 - 1) / 4 * 100 = 75.
    assert co_production.result_quality == Decimal("75.0")
    assert alternative.result_quality == Decimal("50.0")
    assert assessment.result_quality_change == Decimal("25.0")
    assert co_production.result_on_frontier and not alternative.result_on_frontier
    assert alternative.result_dominance == "dominated"
    # No willingness to pay: no net benefit and no best option, only the frontier.
    assert co_production.result_net_benefit is None and not co_production.result_is_best
    assert assessment.result_best is None


def test_with_a_willingness_to_pay_the_best_option_is_stored():
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("1"))
    )
    assessment.refresh_from_db()
    assert assessment.result_best.name == "Parents at home"
    assert assessment.result_best.co_produced is True
    best = assessment.options.get(result_is_best=True)
    assert best.result_net_benefit is not None
    # Cheaper and better on every count: best in every one of the Monte Carlo's tries.
    assert best.result_probability_best == assessment.result_probability_best == 1
    assert assessment.result_sensitivity == "robust"
    assert assessment.result_evpi == 0
    assert assessment.result_net_benefit_change > 0


def test_a_blank_draft_scores_as_not_yet_known():
    assessment = factories.AssessmentFactory()
    assert assessment.result_classification == ""
    assert assessment.result_quadrant == ""
    assert assessment.result_best is None
    assert assessment.result_risk_flags == []


def test_the_discount_rate_is_stored_as_a_percentage_and_scored_as_a_fraction():
    assessment = factories.AssessmentFactory.build(discount_rate=Decimal("3.50"))
    assert assessment.scoring_inputs().discount_rate == Decimal("0.035")


def test_unanswered_contributions_differ_from_none_given():
    unanswered = factories.AssessmentFactory.build(agency_contributions=None)
    nothing = factories.AssessmentFactory.build(agency_contributions=[])
    assert unanswered.scoring_inputs().agency_contributions is None
    assert nothing.scoring_inputs().agency_contributions == ()


def test_a_changed_answer_changes_the_stored_results():
    assessment = factories.AssessmentFactory(**factories.complete_answers())
    cheaper = assessment.ordered_options[0]
    cheaper.annual_agency_cost = Decimal("90000")
    assessment.save()
    assert Assessment.objects.get(pk=assessment.pk).result_quadrant == "dearer_better"
    assert Option.objects.get(pk=cheaper.pk).result_agency_cost > Decimal("200000")


def test_save_answers_refuses_a_lost_update():
    assessment = factories.AssessmentFactory()
    mine = Assessment.objects.get(pk=assessment.pk)
    theirs = Assessment.objects.get(pk=assessment.pk)

    theirs.text_answers.work_description = "Their words"
    assert theirs.save_answers(["work_description"], expected_version=theirs.version)

    mine.text_answers.work_description = "My words"
    assert not mine.save_answers(["work_description"], expected_version=mine.version)
    assessment.refresh_from_db()
    assert assessment.text.work_description == "Their words"
    assert assessment.version == 2


def test_a_refused_save_writes_no_text_either():
    assessment = factories.AssessmentFactory()
    assessment.text_answers.necessity_reason = "Too late"
    assessment.necessity = "optional"

    assert not assessment.save_answers(["necessity", "necessity_reason"], expected_version=7)
    assert not AssessmentText.objects.filter(assessment=assessment).exists()
    assert Assessment.objects.get(pk=assessment.pk).necessity == ""


def test_text_answers_are_kept_on_their_own_row():
    assessment = factories.AssessmentFactory(**factories.complete_answers(inputs="Books"))
    assert not hasattr(Assessment, "inputs")
    assert set(TEXT_FIELDS) == {
        field.name for field in AssessmentText._meta.concrete_fields if field.name != "assessment"
    }
    assert Assessment.objects.select_related("text").get(pk=assessment.pk).answer("inputs") == (
        "Books"
    )


@pytest.mark.parametrize(
    "field, value",
    [
        ("private_value_strength", 5),
        ("social_motivation", 9),
        ("hourly_rate", Decimal("-1")),
        ("hourly_rate", Decimal("10001")),
        ("willingness_to_pay", Decimal("100001")),
        ("hours_per_co_producer", Decimal("-1")),
        ("hours_per_co_producer", Decimal("8761")),
        ("appraisal_years", 0),
        ("discount_rate", Decimal("21")),
        ("status", "lost"),
    ],
)
def test_the_database_refuses_out_of_range_answers(field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.AssessmentFactory(**{field: value})


@pytest.mark.parametrize(
    "field, value",
    [
        ("effectiveness", 0),
        ("trust", 6),
        ("setup_cost", Decimal("-100")),
        ("annual_agency_cost", Decimal("100000000001")),
        ("hours_per_client", Decimal("-3")),
        ("money_per_client", Decimal("-3")),
        ("clients_per_year", 1_000_000_001),
        ("ramp_up_years", 21),
    ],
)
def test_the_database_refuses_out_of_range_option_answers(field, value):
    assessment = factories.AssessmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Option.objects.filter(assessment=assessment).update(**{field: value})


def test_people_times_hours_each_is_bounded_like_an_options_hours():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.AssessmentFactory(
            co_producers_per_year=2_000_000, hours_per_co_producer=Decimal("8000")
        )


def test_a_submitted_assessment_needs_a_submission_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.AssessmentFactory(status="submitted", submitted_at=None)


@pytest.mark.parametrize(
    "django_choices, scoring_enum",
    [
        (choices.Classification, scoring.Classification),
        (choices.ValueType, scoring.ValueType),
        (choices.Quadrant, scoring.Quadrant),
        (choices.Sensitivity, scoring.Sensitivity),
        (choices.Phase, scoring.Phase),
        (choices.Timing, scoring.Timing),
        (choices.Necessity, scoring.Necessity),
        (choices.Confidence, scoring.Confidence),
    ],
)
def test_choices_match_the_scoring_vocabulary(django_choices, scoring_enum):
    assert set(django_choices.values) == {member.value for member in scoring_enum}


def test_every_risk_flag_code_has_text():
    assert set(scoring.RISK_FLAG_TEXT) >= {
        "patchy_results",
        "weak_motivation",
        "crowding_out",
        "unfair_burden",
        "cost_shifting",
    }


def test_an_unanswered_special_assets_question_raises_no_flag():
    draft = factories.AssessmentFactory(necessity="optional")
    assert "no_special_assets" not in draft.result_risk_flags
    draft.special_assets = []
    draft.save()
    assert "no_special_assets" in draft.result_risk_flags


def test_listing_reads_only_the_columns_the_tables_show():
    factories.AssessmentFactory(**factories.complete_answers())
    sql = str(Assessment.objects.for_listing().query)
    assert '"title"' in sql and '"result_quadrant"' in sql
    assert "hourly_rate" not in sql and "result_full_cost" not in sql
