"""Who gains and who pays, worked by hand on a recycling case: the council saves while
households give their time, so the agency's view and society's pick different options."""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest

from assessments.scoring import AssessmentInputs, ValueType, score
from assessments.scoring.incidence import (
    budget,
    discounted,
    enjoyed_motives,
    incidence,
    incidences,
    public_share,
)
from tests.assessments.test_appraisal import option, ratings, without_ranges

COUNCIL = without_ranges(
    option(
        "Council sorts the waste",
        comparator=True,
        annual_agency_cost=3_000_000,
        clients_per_year=40_000,
        confidence="high",
    )
)
HOUSEHOLDS = without_ranges(
    option(
        "Households sort at the kerb",
        co_produced=True,
        setup_cost=400_000,
        annual_agency_cost=2_000_000,
        annual_co_producer_hours=280_000,
        clients_per_year=40_000,
        confidence="medium",
        **{**ratings(3), "effectiveness": 4},
    )
)


def recycling(**overrides):
    fields = {
        "options": (COUNCIL, HOUSEHOLDS),
        "appraisal_years": 2,
        "discount_rate": 0,
        "hourly_rate": 10,
        "willingness_to_pay": 5,
        "private_value_strength": 1,
        "public_value_strength": 3,
    }
    return AssessmentInputs(**{**fields, **overrides})


def share_of(inputs, result):
    return public_share(
        result.value_type, inputs.private_value_strength, inputs.public_value_strength
    )


def test_the_recycling_case_reproduces_the_hand_worked_incidence():
    # Council: 3m a year for 2 years + 10% = 6.6m; quality 50 x 80,000 client-years x 5 = 20m.
    # Households: (0.4m + 2 x 2m) + 25% = 5.5m; 280,000 hours x 10 x 2 + 25% = 7m;
    # quality 56.25 x 80,000 x 5 = 22.5m.
    inputs = recycling()
    result = score(inputs)
    row = incidence(result.options, 1, share_of(inputs, result))
    assert (row.agency, row.time, row.money) == (-1_100_000, 7_000_000, 0)
    assert row.hours_a_year == 280_000
    assert (row.quality_value, row.outcome_value) == (2_500_000, 0)
    assert row.given == 7_000_000
    assert row.total == -3_400_000 == result.options[1].net_benefit - result.options[0].net_benefit
    assert row.agency_view == 3_600_000
    assert row.cost_shifted == 1_100_000
    # Public value 3 of 4 strengths against private 1: the public gains three quarters.
    assert row.public_share == Fraction(3, 4)
    assert (row.clients, row.public) == (625_000, 1_875_000)


def test_the_agency_and_society_choose_differently_when_households_pay_in_time():
    result = score(recycling())
    uncertainty = result.uncertainty
    assert result.best_option == 0  # society: the council's own sorting
    assert uncertainty.agency_best_option == 1  # the council's budget: households sort
    assert uncertainty.perspectives_differ
    # Nothing is uncertain, so the means are the single-estimate figures.
    assert uncertainty.agency_mean_net_benefit == (20_000_000 - 6_600_000, 22_500_000 - 5_500_000)


@pytest.mark.parametrize("hours", [0, 280_000])
@pytest.mark.parametrize("rate", [0, 0.035])
def test_the_perspectives_agree_when_co_producers_give_nothing(hours, rate):
    households = replace(
        HOUSEHOLDS,
        annual_co_producer_hours=hours,
        annual_co_producer_hours_low=hours,
        annual_co_producer_hours_high=hours,
    )
    result = score(recycling(options=(COUNCIL, households), discount_rate=rate, hourly_rate=0))
    assert not result.uncertainty.perspectives_differ
    assert result.uncertainty.agency_mean_net_benefit == result.uncertainty.mean_net_benefit


def test_with_ranges_the_perspectives_agree_when_no_one_gives_time_or_money():
    council = option("Council", comparator=True, annual_agency_cost=9_000, confidence="low")
    app = option("App", co_produced=True, annual_agency_cost=8_000, **ratings(2))
    result = score(recycling(options=(council, app), appraisal_years=5, discount_rate=0.035))
    assert result.uncertainty.agency_best_option == result.best_option
    assert result.uncertainty.agency_mean_net_benefit == result.uncertainty.mean_net_benefit


def test_every_option_but_the_comparator_is_set_against_it():
    third = replace(HOUSEHOLDS, name="Bring banks", comparator=False)
    inputs = recycling(options=(HOUSEHOLDS, COUNCIL, third))
    result = score(inputs)
    rows = incidences(result.options, share_of(inputs, result))
    assert [(row.option_index, row.comparator_index) for row in rows] == [(0, 1), (2, 1)]
    for row in rows:
        mine, theirs = result.options[row.option_index], result.options[1]
        assert row.total == round(mine.net_benefit - theirs.net_benefit, 2)


def test_without_a_value_for_quality_the_costs_are_shown_and_the_gains_are_not():
    inputs = recycling(willingness_to_pay=None)
    result = score(inputs)
    row = incidence(result.options, 1, share_of(inputs, result))
    assert (row.agency, row.time) == (-1_100_000, 7_000_000)
    assert row.quality_value is row.gains is row.total is row.clients is None


@pytest.mark.parametrize(
    ("value_type", "private", "public", "share"),
    [
        (ValueType.PRIVATE, 3, 0, Fraction(0)),
        (ValueType.PUBLIC, 0, 2, Fraction(1)),
        (ValueType.BOTH, 2, 2, Fraction(1, 2)),
        (ValueType.NONE, 0, 0, None),
        (None, None, None, None),
    ],
)
def test_the_gains_are_split_as_the_value_answers_say(value_type, private, public, share):
    assert public_share(value_type, private, public) == share


def test_an_odd_cent_goes_to_the_public_so_the_split_adds_up():
    inputs = recycling(private_value_strength=2, public_value_strength=1, willingness_to_pay=0.0001)
    result = score(inputs)
    row = incidence(result.options, 1, share_of(inputs, result))
    assert round(row.clients + row.public, 2) == row.gains


def test_the_budget_is_the_agencys_cash_each_year_and_discounts_to_its_present_value():
    inputs = recycling()
    rows = budget(inputs.options[1], inputs.appraisal_years)
    assert [(row.year, row.cash, row.with_allowance) for row in rows] == [
        (0, Decimal(400_000), Decimal(500_000)),
        (1, Decimal(2_000_000), Decimal(2_500_000)),
        (2, Decimal(2_000_000), Decimal(2_500_000)),
    ]
    assert discounted(rows, 0) == score(inputs).options[1].agency_cost == 5_500_000


@pytest.mark.parametrize("rate", [0.015, 0.035, 0.07])
@pytest.mark.parametrize("years", [1, 10, 30])
def test_the_discounted_budget_matches_the_agencys_present_value(rate, years):
    odd = replace(HOUSEHOLDS, setup_cost=123_456.78, annual_agency_cost=98_765.43)
    inputs = recycling(options=(COUNCIL, odd), appraisal_years=years, discount_rate=rate)
    result = score(inputs)
    assert discounted(budget(inputs.options[1], years), rate) == result.options[1].agency_cost
    assert discounted(budget(inputs.options[0], years), rate) == result.options[0].agency_cost


def test_no_budget_until_the_costs_and_the_period_are_given():
    assert budget(HOUSEHOLDS, None) == ()
    assert budget(replace(HOUSEHOLDS, confidence=None), 2) == ()


def test_strong_enjoyment_or_company_suggests_the_time_cost_is_overstated():
    assert enjoyed_motives(recycling()) == ()
    inputs = recycling(intrinsic_motivation=3, social_motivation=2, material_motivation=4)
    assert enjoyed_motives(inputs) == ("intrinsic",)
    assert enjoyed_motives(replace(inputs, social_motivation=4)) == ("intrinsic", "social")
