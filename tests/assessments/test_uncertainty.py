"""How sure the choice is: default ranges, the Monte Carlo run, the acceptability curve, the
expected value of perfect information, the tornado and the 80% line. No database.

The worked options are those of test_appraisal.py: one year, no discounting, 100 clients
and co-producers' time at 20 an hour; at 1.5 a point the net benefits are
    What happens now  7,500 - 11,000 = -3,500
    Volunteers        11,250 - 12,100 = -850   (the best, by 2,650)
    Online returns    15,000 - 22,000 = -7,000
"""

import math
from dataclasses import replace
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.scoring import (
    DRAWS,
    LIMITS,
    ROBUST_PROBABILITY,
    AssessmentInputs,
    Sensitivity,
    Uncertainty,
    default_range,
    default_range_words,
    present_value,
    score,
)
from assessments.scoring.appraisal import _sensitivity
from assessments.scoring.uncertainty import _draw
from tests.assessments.test_appraisal import (
    NOW,
    ONLINE,
    VOLUNTEERS,
    appraise,
    option,
    without_ranges,
)
from tests.assessments.test_scoring_properties import assessments

AT_ONE_AND_A_HALF = Decimal("1.5")


def certain(*options, **overrides):
    """An appraisal in which nothing is uncertain: every range has no width. (The value
    judgements are never drawn; their low and high values are the scenarios'.)"""
    return appraise(*(without_ranges(o) for o in options), **overrides)


# --- Default ranges -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "confidence", "expected"),
    [
        ("annual_agency_cost", 10_000, "high", (9_000, 11_000)),
        ("annual_agency_cost", Decimal("10000.00"), "medium", (7_500, 12_500)),
        ("annual_agency_cost", 10_000, "low", (5_000, 15_000)),
        ("annual_agency_cost", 10_000, None, (5_000, 15_000)),  # blank counts as low
        ("setup_cost", 0, "low", (0, 0)),
        ("clients_per_year", 100, "medium", (75, 125)),
        ("annual_co_producer_hours", 200, "high", (180, 220)),
        ("annual_co_producer_money", 400, "low", (200, 600)),
        ("trust", 3, "high", (2.5, 3.5)),
        ("effectiveness", 3, "medium", (2, 4)),
        ("consistency", 2, "low", (1, 3.5)),  # kept within 1-5
        ("experience", 5, "medium", (4, 5)),
        ("ramp_up_years", 2, "high", (2, 2)),
        ("ramp_up_years", 2, "medium", (1, 3)),
        ("ramp_up_years", 1, "low", (0, 3)),  # never below none
        ("ramp_up_years", 0, "low", (0, 0)),  # no ramp-up is never given one
        ("take_up", 0.6, "medium", (0.45, 0.75)),
        ("take_up", 0.9, "low", (0.45, 1)),  # never more than all the people
        ("take_up", 1, "low", (1, 1)),  # all the people defines the option: no range
        ("hourly_rate", 20, None, (10, 30)),
        ("hourly_rate", 20, "high", (10, 30)),  # whatever the confidence
        ("discount_rate", Decimal("0.035"), None, (0.025, 0.045)),
        ("discount_rate", 0.005, None, (0, 0.015)),  # never below zero
        ("willingness_to_pay", 2, "high", (1, 3)),  # a judgement: whatever the confidence
    ],
)
def test_default_ranges_follow_confidence(name, value, confidence, expected):
    assert default_range(name, value, confidence) == pytest.approx(expected)


def test_money_ranges_are_centred_on_the_estimate():
    low, high = default_range("annual_agency_cost", 12_345, "medium")

    assert (low + high) / 2 == pytest.approx(12_345)


@pytest.mark.parametrize("name", ["appraisal_years", "confidence", "co_producers_per_year"])
def test_an_answer_without_a_range_has_no_default(name):
    with pytest.raises(ValueError):
        default_range(name, 1, "high")
    with pytest.raises(ValueError):
        default_range_words(name, "high")


@pytest.mark.parametrize(
    ("name", "confidence", "words"),
    [
        (
            "annual_agency_cost",
            "high",
            "Left empty, we use 90% to 110% of your figure, because you are very sure of it.",
        ),
        (
            "clients_per_year",
            None,
            "Left empty, we use 50% to 150% of your figure, "
            "because you have not said how sure you are.",
        ),
        (
            "trust",
            "medium",
            "Left empty, we use one point either side of your rating (within 1 to 5), "
            "because you are fairly sure of it.",
        ),
        (
            "ramp_up_years",
            "high",
            "Left empty, we use your figure as it is, because you are very sure of it.",
        ),
        (
            "ramp_up_years",
            "low",
            "Left empty, we use two years either side of your figure (never below none; "
            "with no ramp-up, none), because you are not sure of it.",
        ),
        (
            "take_up",
            "medium",
            "Left empty, we use 75% to 125% of your share (never more than all the people), "
            "because you are fairly sure of it; a share of 100% is taken as it is.",
        ),
        (
            "discount_rate",
            None,
            "Left empty, we try one percentage point either side of your rate (never below "
            "zero). It is a judgement, so the report shows the choice at each.",
        ),
        (
            "willingness_to_pay",
            "low",
            "Left empty, we try 50% and 150% of your figure. It is a judgement, not an "
            "estimate, so the report shows the choice at each rather than drawing it at random.",
        ),
    ],
)
def test_default_range_words_say_what_was_used(name, confidence, words):
    assert default_range_words(name, confidence) == words


# --- The draws ----------------------------------------------------------------------------


def test_draws_follow_pert_and_a_range_of_no_width_is_a_constant():
    # PERT with ends 0 and 10 and its mode at 1 has mean (0 + 4 x 1 + 10) / 6 = 2.33 and
    # standard deviation sqrt(alpha x beta / 7) / 6 x 10 = 2.12 (alpha 1.4, beta 4.6).
    figures = _draw(np.array([[0.0, 1.0, 10.0], [5.0, 5.0, 5.0]]), seed=1)

    skewed, constant = figures
    assert skewed.shape == (DRAWS,)
    assert skewed.min() >= 0 and skewed.max() <= 10
    assert skewed.mean() == pytest.approx(14 / 6, abs=0.1)
    assert skewed.std() == pytest.approx(math.sqrt(1.4 * 4.6 / 7) / 6 * 10, rel=0.05)
    assert (constant == 5).all()


def test_pert_puts_less_weight_on_the_ends_than_a_triangle():
    # Symmetric, 0 to 1: a triangle's standard deviation is sqrt(1 / 24) = 0.204, PERT's
    # sqrt(3 x 3 / 7) / 6 = 0.189.
    figures = _draw(np.array([[0.0, 0.5, 1.0]]), seed=2)[0]

    assert figures.mean() == pytest.approx(0.5, abs=0.01)
    assert figures.std() == pytest.approx(math.sqrt(9 / 7) / 6, rel=0.05)
    assert figures.std() < math.sqrt(1 / 24)


# --- Agreement with the deterministic result ----------------------------------------------


def test_with_every_range_empty_and_high_confidence_the_run_agrees_with_the_choice():
    result = appraise(NOW, VOLUNTEERS, ONLINE, willingness_to_pay=AT_ONE_AND_A_HALF)

    uncertainty = result.uncertainty
    probabilities = uncertainty.probability_best
    assert result.best_option == 1
    assert max(range(3), key=probabilities.__getitem__) == 1
    assert probabilities[1] > 0.95
    # Online returns are rated 5, so their ratings can only fall (4.5 to 5): their mean
    # net benefit lies below the estimate. The others' ranges are centred.
    means = uncertainty.mean_net_benefit
    assert means[0] == pytest.approx(-3_500, abs=100)
    assert means[1] == pytest.approx(-850, abs=100)
    assert -7_000 - 500 < means[2] < -7_000


def test_without_uncertainty_the_run_is_the_deterministic_result():
    result = certain(NOW, VOLUNTEERS, ONLINE, willingness_to_pay=AT_ONE_AND_A_HALF)

    uncertainty = result.uncertainty
    assert uncertainty.probability_best == (0, 1, 0)
    assert uncertainty.probability_error == (0, 0, 0)
    assert uncertainty.mean_net_benefit == pytest.approx([-3_500, -850, -7_000])
    assert result.sensitivity == Sensitivity.ROBUST


def test_run_costs_ramp_ups_and_discounting_as_the_appraisal_does():
    # Three years at 10% with two-year and four-year ramp-ups, money and set-up costs:
    # with nothing uncertain, the mean net benefit is each option's own.
    ramped = option(
        "Ramped",
        co_produced=True,
        setup_cost=5_000,
        annual_co_producer_hours=100,
        annual_co_producer_money=300,
        ramp_up_years=2,
    )
    slower = replace(ramped, name="Slower", ramp_up_years=4, confidence="low")
    result = certain(
        NOW,
        ramped,
        slower,
        appraisal_years=3,
        discount_rate=Decimal("0.1"),
        discount_rate_low=Decimal("0.1"),
        discount_rate_high=Decimal("0.1"),
        willingness_to_pay=3,
    )

    assert result.uncertainty.mean_net_benefit == pytest.approx(
        [o.net_benefit for o in result.options], abs=1
    )


# --- Probabilities and their error --------------------------------------------------------


def test_probabilities_add_up_to_one_at_the_wtp_and_at_every_point_of_the_curve():
    uncertainty = appraise(
        NOW, VOLUNTEERS, ONLINE, willingness_to_pay=AT_ONE_AND_A_HALF
    ).uncertainty

    assert sum(uncertainty.probability_best) == pytest.approx(1)
    assert len(uncertainty.curve) == len(uncertainty.curve_wtp) == 25
    for shares in uncertainty.curve:
        assert sum(shares) == pytest.approx(1)
        assert all(0 <= share <= 1 for share in shares)


def test_each_probability_has_its_monte_carlo_error():
    uncertainty = appraise(NOW, VOLUNTEERS, willingness_to_pay=Decimal("0.5")).uncertainty

    assert uncertainty.draws == DRAWS == 4000
    for probability, error in zip(
        uncertainty.probability_best, uncertainty.probability_error, strict=True
    ):
        assert 0 < probability < 1
        assert error == pytest.approx(math.sqrt(probability * (1 - probability) / DRAWS), abs=1e-4)


def test_two_options_with_the_same_answers_come_out_even_within_the_stated_error():
    twin = replace(NOW, name="Twin", comparator=False)
    uncertainty = appraise(NOW, twin, willingness_to_pay=1).uncertainty

    for probability, error in zip(
        uncertainty.probability_best, uncertainty.probability_error, strict=True
    ):
        assert error == pytest.approx(math.sqrt(0.25 / DRAWS), abs=1e-4)
        assert abs(probability - 0.5) <= 3 * error


# --- The acceptability curve --------------------------------------------------------------


def test_at_no_willingness_to_pay_the_curve_favours_the_cheapest_option():
    # What happens now costs 11,000, Volunteers 12,100, online returns 22,000.
    uncertainty = appraise(NOW, VOLUNTEERS, ONLINE).uncertainty

    assert uncertainty.curve_wtp[0] == 0
    at_zero = uncertainty.curve[0]
    assert max(range(3), key=at_zero.__getitem__) == 0
    assert at_zero[2] == 0  # online returns never cost less than both others


def test_curve_runs_past_the_dearest_step_on_the_frontier_in_round_steps():
    # The frontier's steps are 0.44 and 3.96 a point: 1.5 x 3.96 = 5.94, so 0 to 6 by 0.25.
    uncertainty = appraise(NOW, VOLUNTEERS, ONLINE).uncertainty

    assert uncertainty.curve_wtp == tuple(k * 0.25 for k in range(25))
    # Past 3.96 a point online returns are best in more and more of the draws.
    online = [shares[2] for shares in uncertainty.curve]
    assert online[0] < online[12] < online[-1]
    assert online[-1] > 0.8


def test_curve_reaches_twice_the_agencys_figure_when_that_is_further():
    uncertainty = appraise(NOW, VOLUNTEERS, ONLINE, willingness_to_pay=10).uncertainty

    assert uncertainty.curve_wtp[-1] >= 20
    assert uncertainty.curve_wtp[1] == 1


def test_without_willingness_to_pay_there_is_a_curve_but_no_choice_to_be_sure_of():
    result = appraise(NOW, VOLUNTEERS, ONLINE)

    uncertainty = result.uncertainty
    assert uncertainty.curve
    assert uncertainty.probability_best == ()
    assert uncertainty.evpi is None
    assert uncertainty.tornado == ()
    assert result.sensitivity is None


def test_no_uncertainty_run_before_the_options_can_be_compared():
    result = appraise(NOW, replace(VOLUNTEERS, trust=None), willingness_to_pay=1)

    assert result.uncertainty is None
    assert result.sensitivity is None


# --- The expected value of perfect information ------------------------------------------


def test_evpi_is_zero_without_uncertainty():
    result = certain(NOW, VOLUNTEERS, ONLINE, willingness_to_pay=Decimal("0.5"))

    assert result.uncertainty.evpi == 0
    assert result.uncertainty.evpi_per_client_year == 0


def test_evpi_grows_with_a_close_call_and_is_given_per_client_year():
    close = appraise(NOW, VOLUNTEERS, willingness_to_pay=Decimal("0.5")).uncertainty
    clear = appraise(NOW, VOLUNTEERS, willingness_to_pay=AT_ONE_AND_A_HALF).uncertainty

    assert close.evpi > clear.evpi > 0
    # Volunteers serve 100 client-years
    assert close.evpi_per_client_year == pytest.approx(close.evpi / 100, abs=0.01)


RANGED = st.builds(
    lambda estimate, below, above: (estimate, estimate - below, estimate + above),
    st.integers(0, LIMITS.money // 2),
    st.integers(0, LIMITS.money // 2),
    st.integers(0, LIMITS.money // 2),
)


@settings(
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(assessments(), st.data())
def test_evpi_is_never_negative_and_probabilities_add_up(inputs, data):
    # Perhaps the first option's agency cost with a wide range of the manager's own.
    if data.draw(st.booleans()):
        estimate, low, high = data.draw(RANGED)
        first = replace(
            inputs.options[0],
            annual_agency_cost=estimate,
            annual_agency_cost_low=max(low, 0),
            annual_agency_cost_high=high,
        )
        inputs = replace(inputs, options=(first, *inputs.options[1:]))
    uncertainty = score(inputs).uncertainty

    assert uncertainty.evpi >= 0 and math.isfinite(uncertainty.evpi)
    assert sum(uncertainty.probability_best) == pytest.approx(1)
    assert all(sum(shares) == pytest.approx(1) for shares in uncertainty.curve)


# --- The same answers, the same figures ---------------------------------------------------


def test_the_same_answers_give_the_same_figures_twice():
    inputs = AssessmentInputs(
        hourly_rate=20,
        appraisal_years=10,
        discount_rate=Decimal("0.035"),
        willingness_to_pay=Decimal("0.5"),
        options=(NOW, VOLUNTEERS, ONLINE),
    )
    typed_otherwise = replace(inputs, hourly_rate=Decimal("20.00"), discount_rate=0.035)

    first = score(inputs).uncertainty
    assert score(inputs).uncertainty == first
    assert score(typed_otherwise).uncertainty == first


def test_changed_answers_change_the_seed_and_the_value_judgements_do_not():
    inputs = AssessmentInputs(
        hourly_rate=20,
        appraisal_years=1,
        discount_rate=0,
        willingness_to_pay=Decimal("0.5"),
        options=(NOW, VOLUNTEERS),
    )
    seed = score(inputs).uncertainty.seed
    dearer = replace(VOLUNTEERS, annual_agency_cost=9_001)
    wider = replace(VOLUNTEERS, annual_agency_cost_high=12_000)

    assert score(replace(inputs, options=(NOW, dearer))).uncertainty.seed != seed
    assert score(replace(inputs, options=(NOW, wider))).uncertainty.seed != seed
    assert score(replace(inputs, appraisal_years=2)).uncertainty.seed != seed
    # The value judgements are not drawn: changing them redraws nothing.
    assert score(replace(inputs, willingness_to_pay=1)).uncertainty.seed == seed
    assert score(replace(inputs, hourly_rate=21)).uncertainty.seed == seed
    assert score(replace(inputs, discount_rate=Decimal("0.02"))).uncertainty.seed == seed
    assert score(replace(inputs, hourly_rate_high=90)).uncertainty.seed == seed
    assert 0 <= seed < 2**63


# --- Ranges the manager gives -------------------------------------------------------------


def test_explicit_ranges_are_used():
    # What happens now might cost anything from 5,000 to 20,000 a year.
    unsure_now = replace(NOW, annual_agency_cost_low=5_000, annual_agency_cost_high=20_000)
    result = appraise(unsure_now, VOLUNTEERS, willingness_to_pay=AT_ONE_AND_A_HALF)
    by_default = appraise(NOW, VOLUNTEERS, willingness_to_pay=AT_ONE_AND_A_HALF)

    bar = next(bar for bar in result.uncertainty.tornado if bar.option_index == 0)
    assert (bar.low_value, bar.high_value) == (5_000, 20_000)
    assert result.uncertainty.probability_best[1] < by_default.uncertainty.probability_best[1]


def test_a_range_on_the_wrong_side_of_the_estimate_is_taken_as_the_estimate():
    # Volunteers' agency cost is 9,000: a lowest of 9,500 and a highest of 8,000 leave it
    # no range, so it is not in the tornado.
    odd = replace(VOLUNTEERS, annual_agency_cost_low=9_500, annual_agency_cost_high=8_000)
    result = appraise(NOW, odd, willingness_to_pay=AT_ONE_AND_A_HALF)

    moved = {(bar.option_index, bar.input_name) for bar in result.uncertainty.tornado}
    assert (1, "annual_agency_cost") not in moved
    assert (1, "clients_per_year") in moved


# --- The tornado --------------------------------------------------------------------------


def test_tornado_leads_with_the_input_that_moves_the_gap_most():
    # Volunteers lead now by 2,650 at 1.5 a point. Now's agency cost of 5,000 to 20,000:
    #   at 5,000 now costs 5,500 and nets 7,500 - 5,500 = 2,000: the gap is -850 - 2,000
    #   = -2,850 (now would be best); at 20,000 it nets 7,500 - 22,000 = -14,500: 13,650.
    #   The gap is 1.1 x cost - 8,350: zero at a cost of 8,350 / 1.1 = 7,590.91.
    # Volunteers' clients, 90 to 110 (high confidence), move their quality-point
    # client-years and their hours (100 for 100 people, one each) together: at 90 they net
    # 1.5 x 75 x 90 - 9,900 - 90 x 20 x 1.1 = -1,755, a gap of 1,745; at 110, 55: 3,555.
    unsure_now = replace(NOW, annual_agency_cost_low=5_000, annual_agency_cost_high=20_000)
    result = appraise(unsure_now, VOLUNTEERS, ONLINE, willingness_to_pay=AT_ONE_AND_A_HALF)

    tornado = result.uncertainty.tornado
    top = tornado[0]
    assert top.label == "What happens now: cost to the agency each year"
    assert (top.input_name, top.option_index) == ("annual_agency_cost", 0)
    assert (top.gap_at_low, top.gap_at_high) == pytest.approx((-2_850, 13_650))
    assert top.changes_choice
    assert top.switch_value == pytest.approx(8_350 / 1.1)
    people = next(bar for bar in tornado if bar.input_name == "clients_per_year")
    assert people.label == "Volunteers: clients served each year"
    assert (people.option_index, people.low_value, people.high_value) == (1, 90, 110)
    assert (people.gap_at_low, people.gap_at_high) == pytest.approx((1_745, 3_555))
    assert not people.changes_choice and people.switch_value is None
    # Value judgements are not drawn, so they have no bar.
    assert not {"hourly_rate", "discount_rate", "willingness_to_pay"} & {
        bar.input_name for bar in tornado
    }
    # Each option's four ratings (all alike, at high confidence) move the lead alike: one
    # bar each, so eight bars where there were fourteen figures.
    assert len(tornado) == 8
    assert [bar.swing for bar in tornado] == sorted((bar.swing for bar in tornado), reverse=True)
    # Online returns are neither best nor runner-up: their figures do not move the gap.
    assert all(bar.option_index != 2 for bar in tornado)


def test_the_discount_rate_is_a_scenario_and_the_allowance_for_optimism_a_bar():
    # Ten years at 3.5%, nothing uncertain; the discount rate is tried at 2.5% and 4.5%.
    # Each year Volunteers lead by 2,650 at 1.5 a point; with no uplift by (11,250 -
    # 11,000) - (7,500 - 10,000) = 2,750, with double it (20%) by (11,250 - 13,200) -
    # (7,500 - 12,000) = 2,550: they cost 1,000 a year more than now, so a larger uplift
    # hurts them. Volunteers net -850 a year: the best net benefit at each rate.
    result = certain(
        NOW,
        VOLUNTEERS,
        appraisal_years=10,
        discount_rate=Decimal("0.035"),
        discount_rate_low=Decimal("0.025"),
        discount_rate_high=Decimal("0.045"),
        willingness_to_pay=AT_ONE_AND_A_HALF,
    )

    (optimism,) = result.uncertainty.tornado
    rates = [s for s in result.uncertainty.scenarios if s.name == "discount_rate"]
    assert [(s.level, s.value, s.best_option) for s in rates] == [
        ("low", 0.025, 1),
        ("central", 0.035, 1),
        ("high", 0.045, 1),
    ]
    for scenario in rates:
        expected = present_value(0, -850, 10, scenario.value)
        assert scenario.mean_net_benefit == pytest.approx(expected, abs=0.01)
    assert (optimism.input_name, optimism.label) == ("optimism_bias", "The allowance for optimism")
    assert (optimism.option_index, optimism.low_value, optimism.high_value) == (None, 0, 2)
    assert optimism.gap_at_low == pytest.approx(present_value(0, 2_750, 10, 0.035), abs=0.01)
    assert optimism.gap_at_high == pytest.approx(present_value(0, 2_550, 10, 0.035), abs=0.01)


def test_tornado_skips_inputs_with_no_range():
    result = certain(NOW, VOLUNTEERS, willingness_to_pay=1)

    assert [bar.input_name for bar in result.uncertainty.tornado] == ["optimism_bias"]


# --- Robust and fragile -------------------------------------------------------------------


def test_a_choice_is_robust_from_eighty_percent():
    def run(probability):
        return Uncertainty(draws=DRAWS, seed=0, probability_best=(1 - probability, probability))

    assert ROBUST_PROBABILITY == 0.80
    assert _sensitivity(run(0.8), best_option=1) == Sensitivity.ROBUST
    assert _sensitivity(run(0.79975), best_option=1) == Sensitivity.FRAGILE
    assert _sensitivity(run(1.0), best_option=None) is None


def test_a_wide_margin_is_robust_and_a_close_call_fragile():
    # At 1.5 a point Volunteers lead by 2,650; at 0.5 by only 150 (-8,350 against -8,500).
    clear = appraise(NOW, VOLUNTEERS, ONLINE, willingness_to_pay=AT_ONE_AND_A_HALF)
    close = appraise(NOW, VOLUNTEERS, ONLINE, willingness_to_pay=Decimal("0.5"))

    assert clear.best_option == close.best_option == 1
    assert clear.uncertainty.probability_best[1] >= ROBUST_PROBABILITY
    assert clear.sensitivity == Sensitivity.ROBUST
    assert close.uncertainty.probability_best[1] < ROBUST_PROBABILITY
    assert close.sensitivity == Sensitivity.FRAGILE


def test_the_80_percent_line_is_the_best_options_own_probability():
    # Wide ranges on Volunteers' cost make the call uncertain even where they lead well.
    unsure = replace(VOLUNTEERS, annual_agency_cost_low=0, annual_agency_cost_high=30_000)
    result = appraise(NOW, unsure, willingness_to_pay=AT_ONE_AND_A_HALF)

    assert result.best_option == 1
    assert result.uncertainty.probability_best[1] < ROBUST_PROBABILITY
    assert result.sensitivity == Sensitivity.FRAGILE
