"""The scoring module on its own: plain inputs in, plain results out, no database.

Unless a test says otherwise, the numbers use one year, no discounting, high confidence
(a 10% uplift) and 100 clients, so a cost per client is annual cost x 1.1 / 100:
an agency budget of 10,000 a year costs 110.00 per client.
"""

from dataclasses import replace
from decimal import Decimal

import pytest

from assessments.scoring import (
    OPTIMISM_BIAS_UPLIFT,
    RISK_FLAG_TEXT,
    AssessmentInputs,
    Classification,
    OptionInputs,
    Sensitivity,
    ValueType,
    Verdict,
    present_value,
    quality_index,
    score,
)


def ratings(value):
    return {"effectiveness": value, "consistency": value, "trust": value, "experience": value}


def option(**overrides):
    fields = {
        "setup_cost": 0,
        "annual_agency_cost": 10_000,
        "annual_co_producer_hours": 0,
        "clients_per_year": 100,
        "confidence": "high",
        **ratings(3),
    }
    return OptionInputs(**{**fields, **overrides})


def inputs(co_production=None, alternative=None, **overrides):
    """A complete, optional co-production arrangement that dominates its alternative:
    88.00 per client at quality 75 against 110.00 per client at quality 50."""
    fields = {
        "phases": ("delivery",),
        "level": "individual",
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
        "co_production": co_production or option(annual_agency_cost=8_000, **ratings(4)),
        "alternative": alternative or option(),
    }
    return AssessmentInputs(**{**fields, **overrides})


def flag_codes(result):
    return [flag.code for flag in result.risk_flags]


def lever_codes(result):
    return [lever.code for lever in result.levers]


# --- Classification ---------------------------------------------------------------------


def test_no_phases_answered_gives_no_classification():
    result = score(inputs(phases=()))

    assert result.classification is None
    assert result.verdict is None


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
    assert result.verdict is None


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


# --- Present value, costs and quality -----------------------------------------------------


def test_present_value_discounts_annual_costs_but_not_setup():
    # 20,000 / 1.035 + 20,000 / 1.035^2 + 20,000 / 1.035^3
    #   = 19,323.67 + 18,670.21 + 18,038.85 = 56,032.74; plus 10,000 at year 0 = 66,032.74
    assert present_value(10_000, 20_000, 3, 0.035) == pytest.approx(66_032.74, abs=0.01)


def test_option_cost_is_present_value_with_medium_uplift():
    # 66,032.74 (as above) x 1.25 for medium confidence = 82,540.92(45) -> 82,540.92
    co_production = option(setup_cost=10_000, annual_agency_cost=20_000, confidence="medium")
    result = score(inputs(co_production, appraisal_years=3, discount_rate=0.035))

    costs = result.co_production_option
    assert costs.agency_cost == pytest.approx(82_540.92)
    assert costs.co_producer_time_cost == 0
    assert costs.full_cost == pytest.approx(82_540.92)
    assert costs.uplift == 0.25


def test_co_producer_time_is_hours_times_rate_discounted_and_uplifted():
    # 100 hours x 20 = 2,000 a year; x 2.801637 (3 years at 3.5%) = 5,603.27; x 1.25 = 7,004.09
    co_production = option(annual_co_producer_hours=100, confidence="medium")
    result = score(inputs(co_production, appraisal_years=3, discount_rate=Decimal("0.035")))

    costs = result.co_production_option
    assert costs.co_producer_time_cost == pytest.approx(7_004.09)
    assert costs.full_cost == pytest.approx(costs.agency_cost + 7_004.09)


def test_cost_per_client_divides_by_undiscounted_client_years():
    # 82,540.92 over 100 clients x 3 years = 275.136... -> 275.14
    co_production = option(setup_cost=10_000, annual_agency_cost=20_000, confidence="medium")
    result = score(inputs(co_production, appraisal_years=3, discount_rate=0.035))

    assert result.co_production_option.cost_per_client == pytest.approx(275.14)
    assert result.co_production_option.agency_cost_per_client == pytest.approx(275.14)


def test_cost_per_client_is_none_without_clients():
    result = score(inputs(option(clients_per_year=0)))

    assert result.co_production_option.cost_per_client is None
    assert result.verdict is None


def test_uplift_follows_confidence():
    assert OPTIMISM_BIAS_UPLIFT == {"high": 0.10, "medium": 0.25, "low": 0.50}
    assert score(inputs(option(confidence="low"))).co_production_option.uplift == 0.5


def test_option_is_none_when_a_needed_input_is_missing():
    assert score(inputs(option(annual_agency_cost=None))).co_production_option is None
    assert score(inputs(option(confidence=None))).co_production_option is None
    assert score(inputs(option(trust=None))).co_production_option is None
    assert score(inputs(appraisal_years=0)).alternative_option is None


def test_hourly_rate_is_needed_only_when_co_producers_give_hours():
    result = score(inputs(option(annual_co_producer_hours=50), hourly_rate=None))

    assert result.co_production_option is None
    assert result.alternative_option.full_cost == pytest.approx(11_000)


def test_blank_co_production_hours_come_from_reciprocity_answers():
    # 50 co-producers x 4 hours = 200 hours x 20 = 4,000 x 1.1 = 4,400
    co_production = option(annual_co_producer_hours=None)
    result = score(
        inputs(co_production, co_producers_per_year=50, hours_per_co_producer=Decimal("4"))
    )

    assert result.co_production_option.co_producer_time_cost == pytest.approx(4_400)


def test_decimal_money_is_accepted():
    co_production = option(setup_cost=Decimal("1000.00"), annual_agency_cost=Decimal("9000.00"))
    result = score(inputs(co_production, hourly_rate=Decimal("20.00")))

    # (1,000 + 9,000) x 1.1
    assert result.co_production_option.agency_cost == pytest.approx(11_000)


@pytest.mark.parametrize(
    ("rating_values", "expected"),
    [((1, 1, 1, 1), 0), ((3, 3, 3, 3), 50), ((5, 5, 5, 5), 100), ((5, 4, 3, 2), 62.5)],
)
def test_quality_index_maps_ratings_one_to_five_onto_zero_to_hundred(rating_values, expected):
    assert quality_index(*rating_values) == pytest.approx(expected)


def test_quality_index_is_none_when_a_rating_is_missing():
    assert quality_index(4, 4, None, 4) is None


def test_quality_index_is_rounded_half_up_to_one_decimal():
    # ratings 2, 1, 1, 1: mean 1.25 -> 6.25 -> 6.3 (not 6.2, as round() would give)
    result = score(inputs(option(effectiveness=2, consistency=1, trust=1, experience=1)))

    assert result.co_production_option.quality_index == 6.3


# --- Verdicts -----------------------------------------------------------------------------


def test_cheaper_and_better_dominates():
    result = score(inputs())

    assert result.co_production_option.cost_per_client == pytest.approx(88)
    assert result.alternative_option.cost_per_client == pytest.approx(110)
    assert result.verdict == Verdict.DOMINATES
    assert result.cost_per_quality_point is None


def test_dearer_and_worse_is_dominated():
    result = score(inputs(option(annual_agency_cost=12_000, **ratings(2))))

    assert result.verdict == Verdict.DOMINATED


def test_costs_more_for_better_quality_gives_extra_cost_per_quality_point():
    # 132.00 against 110.00 per client for 75 against 50: 22.00 / 25 points = 0.88 a point
    result = score(inputs(option(annual_agency_cost=12_000, **ratings(4))))

    assert result.verdict == Verdict.COSTS_MORE_BETTER
    assert result.cost_per_quality_point == pytest.approx(0.88)


def test_saves_money_at_lower_quality_gives_saving_per_quality_point_lost():
    # 88.00 against 110.00 per client for 25 against 50: 22.00 saved / 25 points = 0.88
    result = score(inputs(option(annual_agency_cost=8_000, **ratings(2))))

    assert result.verdict == Verdict.SAVES_MONEY_LOWER_QUALITY
    assert result.cost_per_quality_point == pytest.approx(0.88)


def test_costs_within_half_a_percent_and_same_quality_are_equivalent():
    # 110.44 against 110.00: 0.44 apart, within 0.5% of 110.00 (0.55)
    result = score(inputs(option(annual_agency_cost=10_040)))

    assert result.co_production_option.cost_per_client == pytest.approx(110.44)
    assert result.verdict == Verdict.EQUIVALENT


def test_costs_more_than_half_a_percent_apart_are_not_a_tie():
    # 110.66 against 110.00: 0.66 apart, beyond the 0.55 tolerance, so dearer at equal quality
    result = score(inputs(option(annual_agency_cost=10_060)))

    assert result.verdict == Verdict.DOMINATED


def test_cheaper_at_equal_quality_dominates():
    result = score(inputs(option(annual_agency_cost=8_000)))

    assert result.verdict == Verdict.DOMINATES


def test_necessary_arrangement_gets_no_substitution_verdict():
    result = score(inputs(option(annual_agency_cost=50_000, **ratings(1)), necessity="necessary"))

    assert result.verdict == Verdict.NECESSARY
    assert result.sensitivity is None
    assert result.quality_switching_points is None
    assert result.cost_switching_percent is None


def test_no_verdict_unless_classified_as_co_production():
    assert score(inputs(phases=("design",))).verdict is None


def test_no_verdict_while_necessity_is_unanswered():
    assert score(inputs(necessity=None)).verdict is None


def test_no_verdict_while_an_option_is_incomplete():
    assert score(inputs(alternative=option(experience=None))).verdict is None


# --- Sensitivity --------------------------------------------------------------------------


def test_verdict_with_wide_margins_is_robust():
    # 6,600 agency + 100 hours x 20 x 1.1 = 2,200 -> 88.00 per client; at 1.5 x the rate 99.00
    result = score(
        inputs(option(annual_agency_cost=6_000, annual_co_producer_hours=100, **ratings(4)))
    )

    assert result.verdict == Verdict.DOMINATES
    assert result.sensitivity == Sensitivity.ROBUST
    assert result.sensitivity_changes == ()


def test_verdict_flipped_by_one_rating_point_is_fragile():
    # 56.25 against 50: a lead of one rating point; losing it leaves dearer at equal quality
    co_production = option(annual_agency_cost=12_000, **{**ratings(3), "effectiveness": 4})
    result = score(inputs(co_production))

    assert result.verdict == Verdict.COSTS_MORE_BETTER
    assert result.sensitivity == Sensitivity.FRAGILE
    assert (
        "If the co-production option were rated 3 instead of 4 for effectiveness, "
        "the verdict becomes “dearer and worse”."
    ) in result.sensitivity_changes
    assert (
        "If the alternative were rated 4 instead of 3 for client experience, "
        "the verdict becomes “dearer and worse”."
    ) in result.sensitivity_changes


def test_verdict_flipped_by_valuing_time_higher_is_fragile():
    # 8,250 + 2,200 = 10,450 -> 104.50 per client; at 1.5 x the rate 8,250 + 3,300 -> 115.50
    co_production = option(annual_agency_cost=7_500, annual_co_producer_hours=100, **ratings(4))
    result = score(inputs(co_production))

    assert result.verdict == Verdict.DOMINATES
    assert result.sensitivity == Sensitivity.FRAGILE
    assert result.sensitivity_changes == (
        "If co-producers' time is valued at 50% more, "
        "the verdict becomes “costs more for better quality”.",
    )


# --- Switching values ---------------------------------------------------------------------


def test_switching_values_when_dominating_on_cost_and_quality():
    result = score(inputs())

    # Cheaper, so it still dominates at equal quality: it must fall more than 0.5 points
    # below the alternative, 25 + 0.5 = 25.5 points.
    assert result.quality_switching_points == pytest.approx(25.5)
    # Costs may grow until dearer than 110.00 + 0.5%: 110.55 / 88.00 - 1 = 25.625% -> 25.6
    assert result.cost_switching_percent == pytest.approx(25.6)


def test_switching_values_when_costing_more_for_better_quality():
    result = score(inputs(option(annual_agency_cost=12_000, **ratings(4))))

    # A 25-point lead less the 0.5-point tie band
    assert result.quality_switching_points == pytest.approx(24.5)
    # Dearer already: no growth in costs changes the verdict
    assert result.cost_switching_percent is None


def test_switching_values_when_saving_money_at_lower_quality():
    result = score(inputs(option(annual_agency_cost=8_000, **ratings(2))))

    assert result.quality_switching_points is None
    # Costs may grow until within 0.5% of 110.00: 109.45 / 88.00 - 1 = 24.375% -> 24.4
    assert result.cost_switching_percent == pytest.approx(24.4)


def test_switching_values_when_dominating_on_quality_alone():
    # 110.44 ties on cost; the 25-point lead is all that makes it dominate
    result = score(inputs(option(annual_agency_cost=10_040, **ratings(4))))

    assert result.verdict == Verdict.DOMINATES
    assert result.quality_switching_points == pytest.approx(24.5)
    # 110.55 / 110.44 - 1 = 0.0996% -> 0.1
    assert result.cost_switching_percent == pytest.approx(0.1)


def test_no_switching_values_when_dominated():
    result = score(inputs(option(annual_agency_cost=12_000, **ratings(2))))

    assert result.quality_switching_points is None
    assert result.cost_switching_percent is None


# --- Risk flags ---------------------------------------------------------------------------


def test_patchy_results_flagged_for_expert_work_and_low_or_varying_capability():
    assert "patchy_results" in flag_codes(
        score(inputs(expertise_required=3, co_producer_capability=2))
    )
    varying = inputs(expertise_required=4, co_producer_capability=4, capability_varies_by_area=True)
    assert "patchy_results" in flag_codes(score(varying))
    assert "patchy_results" not in flag_codes(score(inputs(expertise_required=3)))
    assert "patchy_results" not in flag_codes(
        score(inputs(expertise_required=2, co_producer_capability=0))
    )


def test_patchy_results_detail_suggests_local_tailoring_or_professionals():
    flag = score(inputs(expertise_required=3, co_producer_capability=1)).risk_flags[0]

    assert "uneven" in flag.detail
    assert "professionals" in flag.detail


def test_weak_motivation_flagged_when_every_motivator_is_weak():
    names = ["material", "intrinsic", "social", "normative", "sanctions"]
    weak = {f"{name}_motivation": 1 for name in names}
    assert "weak_motivation" in flag_codes(score(inputs(**weak)))
    assert "weak_motivation" not in flag_codes(score(inputs(**{**weak, "social_motivation": 2})))


def test_crowding_out_flagged_for_rewards_to_socially_or_morally_motivated():
    assert "crowding_out" in flag_codes(
        score(inputs(material_rewards_offered=True, normative_motivation=3))
    )
    assert "crowding_out" not in flag_codes(score(inputs(material_rewards_offered=True)))
    assert "crowding_out" not in flag_codes(score(inputs(social_motivation=4)))


def test_unfair_burden_flagged_when_vulnerable_clients_carry_it():
    assert "unfair_burden" in flag_codes(score(inputs(burden_on_vulnerable=True)))
    assert "unfair_burden" not in flag_codes(score(inputs()))


def test_cost_shifting_flagged_when_only_the_agency_saves():
    # Agency 6,600 -> 66.00 per client against 110.00, but 200 hours x 20 x 1.1 = 4,400
    # brings the full cost to 110.00 per client: the saving is the co-producers' time.
    co_production = option(annual_agency_cost=6_000, annual_co_producer_hours=200, **ratings(4))
    assert "cost_shifting" in flag_codes(score(inputs(co_production)))
    assert "cost_shifting" not in flag_codes(score(inputs()))


def test_quality_traded_for_savings_flagged_for_that_verdict():
    saving = score(inputs(option(annual_agency_cost=8_000, **ratings(2))))

    assert "quality_traded_for_savings" in flag_codes(saving)
    assert "quality_traded_for_savings" not in flag_codes(score(inputs()))


def test_low_confidence_flagged_for_either_option():
    assert "low_confidence" in flag_codes(score(inputs(alternative=option(confidence="low"))))
    assert "low_confidence" not in flag_codes(
        score(inputs(alternative=option(confidence="medium")))
    )


def test_sanctions_only_flagged_when_penalties_are_the_only_strong_motivator():
    weak_others = {
        "material_motivation": 1,
        "intrinsic_motivation": 0,
        "social_motivation": 1,
        "normative_motivation": 0,
    }
    assert "sanctions_only" in flag_codes(score(inputs(sanctions_motivation=4, **weak_others)))
    assert "sanctions_only" not in flag_codes(
        score(inputs(sanctions_motivation=4, **{**weak_others, "intrinsic_motivation": 2}))
    )


def test_no_special_assets_flagged_only_for_optional_arrangements():
    assert "no_special_assets" in flag_codes(score(inputs(special_assets=())))
    assert "no_special_assets" not in flag_codes(
        score(inputs(special_assets=(), necessity="necessary"))
    )
    assert "no_special_assets" not in flag_codes(score(inputs()))
    assert "no_special_assets" not in flag_codes(score(inputs(special_assets=None)))


def test_risk_flags_come_in_a_fixed_order_with_plain_titles():
    result = score(
        inputs(
            option(annual_agency_cost=6_000, confidence="low", **ratings(2)),
            special_assets=(),
            burden_on_vulnerable=True,
            expertise_required=3,
            co_producer_capability=1,
        )
    )

    assert flag_codes(result) == [
        "patchy_results",
        "unfair_burden",
        "quality_traded_for_savings",
        "low_confidence",
        "no_special_assets",
    ]
    assert [code for code in RISK_FLAG_TEXT if code in flag_codes(result)] == flag_codes(result)
    assert all(flag.title and flag.detail for flag in result.risk_flags)


# --- Levers -------------------------------------------------------------------------------


def test_no_levers_when_motivation_and_capability_are_sound():
    assert score(inputs()).levers == ()


def test_each_weak_motivator_gets_a_lever():
    result = score(inputs(intrinsic_motivation=1, social_motivation=0, normative_motivation=1))

    assert lever_codes(result) == ["intrinsic", "social", "normative"]


def test_material_lever_offers_modest_rewards_when_nothing_would_be_crowded_out():
    lever = score(inputs(material_motivation=0)).levers[0]

    assert lever.code == "material"
    assert "Modest rewards" in lever.detail


def test_material_lever_warns_against_rewards_that_would_crowd_out():
    lever = score(inputs(material_motivation=0, social_motivation=3)).levers[0]

    assert "Avoid rewards" in lever.detail
    assert "Modest rewards" not in lever.detail


def test_capability_lever_when_expert_work_meets_low_capability():
    assert lever_codes(score(inputs(expertise_required=2, co_producer_capability=2))) == [
        "capability"
    ]
    assert lever_codes(score(inputs(expertise_required=1, co_producer_capability=0))) == []


def test_sanctions_lever_only_for_necessary_arrangements_without_any():
    assert lever_codes(score(inputs(necessity="necessary"))) == ["sanctions"]
    assert lever_codes(score(inputs(necessity="optional"))) == []
    assert lever_codes(score(inputs(necessity="necessary", sanctions_motivation=1))) == []


# --- Incomplete drafts --------------------------------------------------------------------


def test_empty_draft_scores_without_raising():
    result = score(AssessmentInputs())

    assert result.classification is None
    assert result.value_type is None
    assert result.co_production_option is None
    assert result.alternative_option is None
    assert result.verdict is None
    assert result.sensitivity is None
    assert result.risk_flags == ()
    assert result.levers == ()


def test_partial_draft_keeps_what_it_can_work_out():
    draft = AssessmentInputs(
        phases=("delivery",),
        co_production=OptionInputs(setup_cost=1_000, confidence="high"),
        burden_on_vulnerable=True,
    )
    result = score(draft)

    assert result.classification is None
    assert result.co_production_option is None
    assert flag_codes(result) == ["unfair_burden"]


def test_scoring_is_pure_and_repeatable():
    assessment = inputs()

    assert score(assessment) == score(replace(assessment))
