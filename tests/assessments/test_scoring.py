"""The scoring package on its own: plain inputs in, plain results out, no database.

Classification, value type, quality and the public API here; the appraisal's worked
numbers are in test_appraisal.py, its properties in test_scoring_properties.py, and risk
flags and levers in test_flags_and_levers.py.
"""

import ast
import math
import pathlib
from dataclasses import replace

import pytest

import assessments.scoring as scoring
from assessments.scoring import (
    LEVER_TEXT,
    OPTIMISM_BIAS_UPLIFT,
    QUADRANT_WORDS,
    RISK_FLAG_TEXT,
    AssessmentInputs,
    Classification,
    OptionInputs,
    Quadrant,
    ValueType,
    classify,
    quality_index,
    score,
    value_type,
)


def ratings(value):
    return {"effectiveness": value, "consistency": value, "trust": value, "experience": value}


def option(name, **overrides):
    fields = {
        "name": name,
        "setup_cost": 0,
        "annual_agency_cost": 10_000,
        "annual_co_producer_hours": 0,
        "clients_per_year": 100,
        "confidence": "high",
        **ratings(3),
    }
    return OptionInputs(**{**fields, **overrides})


def inputs(**overrides):
    """A complete co-production arrangement, with Volunteers against what happens now."""
    fields = {
        "phases": ("delivery",),
        "level": "individual",
        "client_type": "beneficiaries",
        "agency_contributions": ("tools", "training"),
        "co_producer_contributions": ("time", "effort"),
        "timing": "simultaneous",
        "private_value_strength": 3,
        "public_value_strength": 2,
        "necessity": "optional",
        "material_motivation": 2,
        "intrinsic_motivation": 2,
        "social_motivation": 2,
        "normative_motivation": 2,
        "sanctions_motivation": 0,
        "material_rewards_offered": False,
        "expertise_required": 1,
        "co_producer_capability": 3,
        "capability_varies_by_area": False,
        "special_assets": ("trust",),
        "burden_on_vulnerable": False,
        "hourly_rate": 20,
        "appraisal_years": 1,
        "discount_rate": 0,
        "willingness_to_pay": 1,
        "options": (
            option("What happens now", comparator=True),
            option("Volunteers", co_produced=True, annual_agency_cost=8_000, **ratings(4)),
        ),
    }
    return AssessmentInputs(**{**fields, **overrides})


# --- Classification ---------------------------------------------------------------------


def test_no_phases_answered_gives_no_classification():
    result = score(inputs(phases=()))

    assert result.classification is None


def test_design_without_delivery_is_participation():
    result = score(inputs(phases=("commissioning", "design")))

    assert result.classification == Classification.PARTICIPATION
    assert result.classification_reasons == (
        "Co-producers take part in commissioning and design but do none of the delivery work.",
        "Taking part in deciding, planning or designing is participation, not co-production.",
    )


def test_delivery_with_two_way_exchange_and_value_is_co_production():
    result = score(inputs())

    assert result.classification == Classification.CO_PRODUCTION
    assert result.classification_reasons == (
        "Co-producers do part of the work of delivering the service.",
        "Both sides give something: the agency gives tools and training, "
        "and co-producers give time and effort.",
        "The two sides contribute at the same time.",
        "It creates private value, enjoyed by the people who take part, and public value, "
        "shared by the community as a whole.",
    )


def test_sequential_contributions_still_count_as_co_production():
    # The tax-office case: the agency builds the forms first, taxpayers file later.
    result = score(inputs(timing="sequential", agency_contributions=("tools", "money")))

    assert result.classification == Classification.CO_PRODUCTION
    assert "money or resources" in result.classification_reasons[1]
    assert "different times" in result.classification_reasons[2]
    assert "still an exchange" in result.classification_reasons[2]


def test_design_alongside_delivery_is_named_as_participation_part():
    result = score(inputs(phases=("design", "delivery")))

    assert result.classification == Classification.CO_PRODUCTION
    assert result.classification_reasons[1] == (
        "Their part in design is participation; only the delivery work is co-production."
    )


def test_agency_giving_nothing_is_not_co_production():
    result = score(inputs(agency_contributions=()))

    assert result.classification == Classification.NOT_CO_PRODUCTION
    assert "The agency gives nothing in return" in result.classification_reasons[-1]


def test_co_producers_giving_nothing_is_not_co_production():
    result = score(inputs(co_producer_contributions=()))

    assert result.classification == Classification.NOT_CO_PRODUCTION
    assert "The co-producers give nothing" in result.classification_reasons[-1]


def test_no_value_of_either_kind_is_not_co_production():
    result = score(inputs(private_value_strength=0, public_value_strength=0))

    assert result.classification == Classification.NOT_CO_PRODUCTION
    assert "neither private nor public value" in result.classification_reasons[-1]


def test_unanswered_reciprocity_leaves_classification_open():
    result = score(inputs(agency_contributions=None))

    assert result.classification is None
    assert result.classification_reasons[-1] == "Not enough answers yet: say what each side gives."


def test_known_lack_of_value_decides_before_reciprocity_is_answered():
    result = score(
        inputs(agency_contributions=None, private_value_strength=0, public_value_strength=0)
    )

    assert result.classification == Classification.NOT_CO_PRODUCTION


def test_one_value_strength_above_zero_is_enough_to_classify():
    result = score(inputs(private_value_strength=None, public_value_strength=2))

    assert result.classification == Classification.CO_PRODUCTION
    assert result.value_type is None


# --- Value type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("private", "public", "expected"),
    [
        (3, 0, ValueType.PRIVATE),
        (0, 1, ValueType.PUBLIC),
        (1, 4, ValueType.BOTH),
        (0, 0, ValueType.NONE),
    ],
)
def test_value_type_counts_strength_of_one_or_more(private, public, expected):
    result = score(inputs(private_value_strength=private, public_value_strength=public))

    assert result.value_type == expected


def test_value_type_needs_both_strengths():
    assert score(inputs(public_value_strength=None)).value_type is None


# --- Quality ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rating_values", "expected"),
    [((1, 1, 1, 1), 0), ((3, 3, 3, 3), 50), ((5, 5, 5, 5), 100), ((5, 4, 3, 2), 62.5)],
)
def test_quality_index_maps_ratings_one_to_five_onto_zero_to_hundred(rating_values, expected):
    assert quality_index(*rating_values) == pytest.approx(expected)


def test_quality_index_is_none_when_a_rating_is_missing():
    assert quality_index(4, 4, None, 4) is None


@pytest.mark.parametrize(
    ("rating_values", "expected"),
    [((2, 1, 1, 1), 6.25), ((4, 4, 4, 3), 68.75), ((5, 5, 5, 4), 93.75), ((4, 3, 3, 3), 56.25)],
)
def test_quality_index_of_an_option_is_exact_not_rounded_to_one_place(rating_values, expected):
    # Four whole ratings give a multiple of 6.25, exact in 2 places: ratings 2, 1, 1, 1 give
    # 6.25, not 6.3 (the page may show 6.3; the choice weighs 6.25).
    names = ("effectiveness", "consistency", "trust", "experience")
    rated = option("Volunteers", co_produced=True, **dict(zip(names, rating_values, strict=True)))
    result = score(inputs(options=(option("Now", comparator=True), rated)))

    assert result.options[1].quality_index == expected


def test_uplift_follows_confidence():
    assert OPTIMISM_BIAS_UPLIFT == {"high": 0.10, "medium": 0.25, "low": 0.50}


# --- The public API -----------------------------------------------------------------------


def test_package_exports_what_the_rest_of_the_app_uses():
    for name in (
        "score",
        "classify",
        "value_type",
        "present_value",
        "quality_index",
        "RISK_FLAG_TEXT",
        "LEVER_TEXT",
        "QUADRANT_WORDS",
        "AssessmentInputs",
        "OptionInputs",
        "AssessmentResult",
        "OptionResult",
        "PlaneResult",
        "RiskFlag",
        "Lever",
        "LIMITS",
        "Quadrant",
        "Dominance",
        "ClientType",
        "Uncertainty",
        "TornadoBar",
        "default_range",
        "default_range_words",
        "ROBUST_PROBABILITY",
    ):
        assert name in scoring.__all__
        assert hasattr(scoring, name)


def test_classify_and_value_type_can_be_called_on_their_own():
    classification, reasons = classify(inputs())

    assert classification == Classification.CO_PRODUCTION
    assert reasons[0] == "Co-producers do part of the work of delivering the service."
    assert value_type(2, 0) == ValueType.PRIVATE


def test_every_quadrant_has_plain_words_and_weak_dominance_is_named_as_a_tie():
    assert set(QUADRANT_WORDS) == set(Quadrant)
    assert QUADRANT_WORDS[Quadrant.SAME_BETTER] == "same cost, better quality"
    assert QUADRANT_WORDS[Quadrant.CHEAPER_SAME] == "cheaper, same quality"
    assert "cheaper and better" not in (
        QUADRANT_WORDS[Quadrant.SAME_BETTER],
        QUADRANT_WORDS[Quadrant.CHEAPER_SAME],
    )


def test_flag_and_lever_codes_are_the_stable_ones_the_database_filters_on():
    assert list(RISK_FLAG_TEXT) == [
        "patchy_results",
        "weak_motivation",
        "crowding_out",
        "sanctions_crowd_out",
        "free_riding",
        "unfair_burden",
        "cost_shifting",
        "quality_traded_for_savings",
        "low_confidence",
        "sanctions_only",
        "no_special_assets",
    ]
    assert list(LEVER_TEXT) == [
        "ease",
        "fairness",
        "material",
        "intrinsic",
        "social",
        "normative",
        "sanctions",
        "capability",
    ]


def test_scoring_package_imports_no_django():
    package = pathlib.Path(scoring.__file__).parent
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "django" for name in names), module.name


# --- Complete and incomplete assessments --------------------------------------------------


def test_a_complete_assessment_is_appraised():
    result = score(inputs())

    assert result.classification == Classification.CO_PRODUCTION
    assert result.appraised
    # Volunteers 8,800 for 7,500 points against 11,000 for 5,000: cheaper and better
    assert result.best_option == 1
    assert result.plane.quadrant == Quadrant.CHEAPER_BETTER
    assert result.sensitivity is not None


def test_empty_draft_scores_without_raising():
    result = score(AssessmentInputs())

    assert result.classification is None
    assert result.value_type is None
    assert result.options == ()
    assert not result.appraised
    assert result.best_option is None
    assert result.plane is None
    assert result.sensitivity is None
    assert result.risk_flags == ()
    assert result.levers == ()


def test_partial_draft_keeps_what_it_can_work_out():
    draft = AssessmentInputs(
        phases=("delivery",),
        options=(OptionInputs(setup_cost=1_000, confidence="high"), option("Now")),
        burden_on_vulnerable=True,
        appraisal_years=1,
        discount_rate=0,
    )
    result = score(draft)

    assert result.classification is None
    assert result.options[0] is None
    assert result.options[1].full_cost == pytest.approx(11_000)
    assert not result.appraised
    assert [flag.code for flag in result.risk_flags] == ["unfair_burden"]


@pytest.mark.parametrize(
    "blank",
    [
        "hourly_rate",
        "appraisal_years",
        "discount_rate",
        "willingness_to_pay",
        "necessity",
        "client_type",
        "level",
        "special_assets",
        "agency_contributions",
    ],
)
def test_any_blank_answer_scores_without_raising(blank):
    result = score(replace(inputs(), **{blank: None}))

    for option_result in result.options:
        if option_result is not None:
            assert math.isfinite(option_result.full_cost)


def test_scoring_is_pure_and_repeatable():
    assessment = inputs()

    assert score(assessment) == score(replace(assessment))
