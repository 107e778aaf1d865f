"""Outcomes valued in money join the net benefit: worked by hand, drawn with their
spread, and their prices treated as value judgements (scenarios and break-even values)."""

from dataclasses import replace
from statistics import NormalDist

import numpy as np
import pytest

from assessments.scoring import AssessmentInputs, EffectInputs, OutcomeInputs, score
from assessments.scoring.uncertainty import _draw, _layout
from tests.assessments.test_appraisal import NOW, option, ratings, without_ranges

# A health case from a published trial: 0.02 QALYs gained for each patient a year, with
# a 95% interval of -0.01 to 0.05, valued at £20,000 a QALY (£30,000 at the top).
COURSE = option(
    "Self-management course",
    co_produced=True,
    annual_agency_cost=12_000,
    annual_co_producer_hours=0,
    **ratings(3),
)
QALYS = OutcomeInputs(
    name="Quality-adjusted life years",
    price=20_000,
    price_low=20_000,
    price_high=30_000,
    effects=(None, EffectInputs(0.02, -0.01, 0.05, interval=True)),
)


def appraise(*options, **overrides):
    fields = {
        "appraisal_years": 1,
        "discount_rate": 0,
        "hourly_rate": 10,
        "willingness_to_pay": 5,
        "options": options,
    }
    return score(AssessmentInputs(**{**fields, **overrides}))


def test_net_benefit_with_one_outcome_reproduces_a_hand_worked_example():
    # One year, no discounting, 100 clients a year, high confidence (10% optimism uplift).
    # What happens now: £10,000 x 1.1 = £11,000; quality 50 x 100 client-years x £5 =
    # £25,000; no change in QALYs (the effects are differences from it): £14,000.
    # The course: £12,000 x 1.1 = £13,200; quality £25,000; 0.02 x 100 = 2 QALYs at
    # £20,000 = £40,000: £25,000 + £40,000 - £13,200 = £51,800.
    result = appraise(without_ranges(NOW), without_ranges(COURSE), outcomes=(QALYS,))
    now, course = result.options
    assert now.outcome_units == (0.0,) and now.outcome_value == 0
    assert course.outcome_units == (2.0,)
    assert course.outcome_values == (40_000.0,) and course.outcome_value == 40_000
    assert now.net_benefit == 14_000 and course.net_benefit == 51_800
    assert course.net_cost == 13_200 - 40_000
    assert result.best_option == 1


def test_without_outcomes_the_cheaper_option_wins_and_the_outcome_turns_it():
    without = appraise(without_ranges(NOW), without_ranges(COURSE))
    assert without.best_option == 0
    assert appraise(without_ranges(NOW), without_ranges(COURSE), outcomes=(QALYS,)).best_option == 1


def test_an_effect_given_with_a_95_percent_interval_is_drawn_with_that_spread():
    inputs = AssessmentInputs(
        appraisal_years=1,
        discount_rate=0,
        hourly_rate=10,
        willingness_to_pay=5,
        options=(NOW, COURSE),
        outcomes=(QALYS,),
    )
    layout = _layout(inputs)
    row = layout.outcome_row(0, 1)
    assert layout.normal[row]
    assert tuple(layout.estimates[row]) == pytest.approx((-0.01, 0.02, 0.05))
    figures = _draw(layout.estimates, 12345, layout.normal)[row]
    expected_sd = 0.06 / (2 * NormalDist().inv_cdf(0.975))
    assert figures.mean() == pytest.approx(0.02, abs=0.001)
    assert figures.std() == pytest.approx(expected_sd, rel=0.05)
    inside = np.mean((figures > -0.01) & (figures < 0.05))
    assert inside == pytest.approx(0.95, abs=0.015)
    # The comparator's difference from itself is none, in every draw.
    comparator = layout.outcome_row(0, 0)
    assert tuple(layout.estimates[comparator]) == (0.0, 0.0, 0.0)


def test_a_range_that_is_not_an_interval_is_drawn_within_its_ends():
    ranged = replace(QALYS, effects=(None, EffectInputs(0.02, 0.0, 0.03)))
    inputs = AssessmentInputs(
        appraisal_years=1, discount_rate=0, hourly_rate=10, willingness_to_pay=5,
        options=(NOW, COURSE), outcomes=(ranged,),
    )  # fmt: skip
    layout = _layout(inputs)
    row = layout.outcome_row(0, 1)
    assert not layout.normal[row]
    figures = _draw(layout.estimates, 1, layout.normal)[row]
    assert figures.min() >= 0.0 and figures.max() <= 0.03


def test_the_price_is_a_value_judgement_with_scenarios_and_a_break_even():
    certain = replace(QALYS, effects=(None, EffectInputs(0.02, 0.02, 0.02)))
    result = appraise(without_ranges(NOW), without_ranges(COURSE), outcomes=(certain,))
    uncertainty = result.uncertainty
    scenarios = [s for s in uncertainty.scenarios if s.name == "outcome:0"]
    assert [(s.level, s.value) for s in scenarios] == [
        ("low", 20_000),
        ("central", 20_000),
        ("high", 30_000),
    ]
    # The course leads by £51,800 - £14,000 = £37,800 at £20,000 a QALY; each £1 a QALY
    # is worth £2 to it (2 QALYs), so the choice turns at £20,000 - £18,900 = £1,100.
    end = next(end for end in uncertainty.break_even if end.name == "outcome:0")
    assert end.below == 1_100 and end.below_option == 0
    assert end.above is None
    # The price is not drawn: nothing about it is uncertain, so the means are the estimates.
    assert uncertainty.mean_net_benefit == (14_000, 51_800)


def test_the_effects_are_a_group_worth_finding_out_and_a_tornado_bar():
    result = appraise(NOW, COURSE, outcomes=(QALYS,))
    groups = {value.group: value for value in result.uncertainty.partial}
    assert groups["outcome:0"].varies
    labels = [bar.label for bar in result.uncertainty.tornado]
    assert "Self-management course: Quality-adjusted life years for each client a year" in labels


def test_without_outcomes_the_draws_are_as_they_were():
    plain = appraise(NOW, COURSE)
    assert appraise(NOW, COURSE, outcomes=()).uncertainty.seed == plain.uncertainty.seed
