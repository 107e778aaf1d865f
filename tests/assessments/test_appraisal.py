"""The appraisal with worked numbers: costs, the frontier, the best option, the plane and
switching values. No database; how sure the choice is, is in test_uncertainty.py.

Unless a test says otherwise: one year, no discounting, high confidence (a 10% uplift),
100 clients and co-producers' time at 20 an hour. So an agency budget of 10,000 a year is
a full cost of 11,000, 100 client-years and 110.00 per client-year, and an option rated
3 throughout (quality index 50) achieves 50 x 100 = 5,000 quality-point client-years.

The three options most tests compare, as (full cost, quality-point client-years):
    What happens now  10,000 a year, rated 3                 -> (11,000,  5,000)
    Volunteers        9,000 a year + 100 hours x 20, rated 4 -> (12,100,  7,500)
    Online returns    20,000 a year, rated 5                 -> (22,000, 10,000)
Extra cost per extra point: Volunteers over now 1,100 / 2,500 = 0.44; online returns over
Volunteers 9,900 / 2,500 = 3.96.
"""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest

from assessments.scoring import (
    QUADRANT_WORDS,
    RANGED_OPTION_FIELDS,
    AssessmentInputs,
    Dominance,
    OptionInputs,
    Quadrant,
    present_value,
    score,
)
from assessments.scoring.appraisal import best_option_at, efficient_frontier, plane_quadrant
from assessments.scoring.costs import effect, take_up
from assessments.scoring.rounding import exact


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


NOW = option("What happens now", comparator=True)
VOLUNTEERS = option(
    "Volunteers",
    co_produced=True,
    annual_agency_cost=9_000,
    annual_co_producer_hours=100,
    **ratings(4),
)
ONLINE = option("Online returns", annual_agency_cost=20_000, **ratings(5))


def without_ranges(inputs_option):
    """The option with every range closed on its estimate: nothing about it is uncertain,
    so its mean net benefit over the draws is its single-estimate net benefit. (A blank
    share of the people is all of them; blank hours and money are none.)"""
    ends = {}
    for name in RANGED_OPTION_FIELDS:
        value = getattr(inputs_option, name)
        value = (1 if name == "take_up" else 0) if value is None else value
        ends[f"{name}_low"] = ends[f"{name}_high"] = value
    return replace(inputs_option, **ends)


def appraise(*options, **overrides):
    fields = {"hourly_rate": 20, "appraisal_years": 1, "discount_rate": 0, "options": options}
    return score(AssessmentInputs(**{**fields, **overrides}))


def three_options(**overrides):
    return appraise(NOW, VOLUNTEERS, ONLINE, **overrides)


def points(result):
    return [(exact(o.full_cost), effect(o)) for o in result.options]


# --- Costs --------------------------------------------------------------------------------


def test_present_value_discounts_annual_costs_but_not_the_set_up_cost():
    # 20,000 / 1.035 + 20,000 / 1.035^2 + 20,000 / 1.035^3
    #   = 19,323.67 + 18,670.21 + 18,038.85 = 56,032.74; plus 10,000 at year 0 = 66,032.74
    assert present_value(10_000, 20_000, 3, 0.035) == pytest.approx(66_032.74, abs=0.01)
    # However high the rate, year 0 is not discounted.
    assert present_value(10_000, 0, 3, 0.2) == 10_000


def test_option_cost_is_present_value_with_uplift_for_confidence():
    # 66,032.74 (as above) x 1.25 for medium confidence = 82,540.92(45) -> 82,540.92
    spend = option("Spend", setup_cost=10_000, annual_agency_cost=20_000, confidence="medium")
    result = appraise(NOW, spend, appraisal_years=3, discount_rate=Decimal("0.035"))

    costs = result.options[1]
    assert costs.agency_cost == pytest.approx(82_540.92)
    assert costs.co_producer_time_cost == 0
    assert costs.co_producer_money_cost == 0
    assert costs.full_cost == pytest.approx(82_540.92)
    assert costs.uplift == 0.25


def test_take_up_grows_in_a_straight_line_over_the_ramp_up():
    assert [take_up(year, 4) for year in (1, 2, 3, 4, 5)] == [0.25, 0.5, 0.75, 1, 1]
    assert take_up(1, None) == take_up(1, 0) == 1


def test_ramp_up_scales_co_producers_and_clients_but_not_the_agency_cost():
    # Three years at 10%: discount factors 0.909091, 0.826446, 0.751315 (sum 2.486852).
    # Take-up over a two-year ramp-up: 1/2, 1, 1, so the ramped sum is
    # 0.454545 + 0.826446 + 0.751315 = 2.032307.
    ramped = option("Ramped", co_produced=True, annual_co_producer_hours=100, ramp_up_years=2)
    result = appraise(NOW, ramped, appraisal_years=3, discount_rate=0.1)

    costs = result.options[1]
    # The agency runs the whole service from year 1: 10,000 x 2.486852 x 1.1 = 27,355.37
    assert costs.agency_cost == pytest.approx(27_355.37)
    # 100 hours x 20 = 2,000 a year at full take-up: 2,000 x 2.032307 x 1.1 = 4,471.07
    assert costs.co_producer_time_cost == pytest.approx(4_471.07)
    # 100 clients x 2.032307 = 203.23 discounted client-years
    assert costs.client_years == pytest.approx(203.23)
    # 27,355.37 + 4,471.07 = 31,826.44; / 203.23 = 156.60 per client-year
    assert costs.full_cost == pytest.approx(31_826.44)
    assert costs.cost_per_client_year == pytest.approx(156.60)
    # 27,355.37 / 203.23 = 134.60
    assert costs.agency_cost_per_client_year == pytest.approx(134.60)


def test_co_producers_money_is_ramped_and_uplifted():
    # 500 a year over two years, medium confidence (x 1.25):
    #   no ramp-up: 500 x 2 x 1.25 = 1,250.00
    #   a four-year ramp-up (take-up 1/4 then 1/2): 500 x 0.75 x 1.25 = 468.75
    paying = option("Paying", annual_co_producer_money=500, confidence="medium")
    ramped = option(
        "Ramped", annual_co_producer_money=Decimal("500.00"), confidence="medium", ramp_up_years=4
    )
    result = appraise(NOW, paying, ramped, appraisal_years=2)

    assert result.options[1].co_producer_money_cost == pytest.approx(1_250)
    # The agency's 10,000 x 2 x 1.25 = 25,000 plus the co-producers' 1,250
    assert result.options[1].full_cost == pytest.approx(26_250)
    assert result.options[2].co_producer_money_cost == pytest.approx(468.75)
    # 100 clients x (1/4 + 1/2) = 75 client-years
    assert result.options[2].client_years == pytest.approx(75)
    assert result.options[0].co_producer_money_cost == 0  # blank money is none


@pytest.mark.parametrize("years", [5, 50])
def test_cost_per_client_year_does_not_drift_with_the_period(years):
    # Each year costs (10,000 + 100 hours x 20) x 1.1 = 13,200 for 100 clients, and costs
    # and client-years are discounted alike: 132.00 per client-year over 5 or 50 years
    # (of which the agency's 110.00).
    co_produced = option("Volunteers", co_produced=True, annual_co_producer_hours=100)
    result = appraise(NOW, co_produced, appraisal_years=years, discount_rate=0.035)

    assert result.options[1].cost_per_client_year == pytest.approx(132.00)
    assert result.options[1].agency_cost_per_client_year == pytest.approx(110.00)
    assert result.options[0].cost_per_client_year == pytest.approx(110.00)


def test_blank_hours_of_a_co_produced_option_come_from_the_reciprocity_answers():
    # 50 co-producers x 4 hours = 200 hours x 20 = 4,000 x 1.1 = 4,400
    co_produced = option("Volunteers", co_produced=True, annual_co_producer_hours=None)
    result = appraise(NOW, co_produced, co_producers_per_year=50, hours_per_co_producer=4)

    assert result.options[1].co_producer_time_cost == pytest.approx(4_400)


def test_blank_hours_are_none_for_an_option_without_co_producers():
    result = appraise(option("Now", comparator=True, annual_co_producer_hours=None), VOLUNTEERS)

    assert result.options[0].co_producer_time_cost == 0


@pytest.mark.parametrize(
    "missing",
    [
        {"setup_cost": None},
        {"annual_agency_cost": None},
        {"clients_per_year": None},
        {"confidence": None},
        {"trust": None},
        {"annual_co_producer_hours": None},  # co-produced, and no people x hours to fall back on
    ],
)
def test_an_option_missing_an_answer_is_not_costed(missing):
    result = appraise(NOW, replace(VOLUNTEERS, **missing))

    assert result.options[1] is None
    assert result.options[0] is not None
    assert not result.appraised


def test_hourly_rate_is_needed_only_when_co_producers_give_hours():
    result = appraise(NOW, VOLUNTEERS, hourly_rate=None)

    assert result.options[1] is None
    assert result.options[0].full_cost == pytest.approx(11_000)


def test_no_option_is_costed_without_a_period_or_a_discount_rate():
    assert appraise(NOW, VOLUNTEERS, appraisal_years=0).options == (None, None)
    assert appraise(NOW, VOLUNTEERS, discount_rate=None).options == (None, None)


# --- Net benefit and the best option ------------------------------------------------------


@pytest.mark.parametrize(
    ("wtp", "net_benefits", "best", "runner_up"),
    [
        # 5,000 x 0 - 11,000; 7,500 x 0 - 12,100; 10,000 x 0 - 22,000: the cheapest wins
        (0, [-11_000, -12_100, -22_000], 0, 1),
        # 2,200 - 11,000 = 3,300 - 12,100: a tie at the threshold goes to the better option
        (Decimal("0.44"), [-8_800, -8_800, -17_600], 1, 0),
        (1, [-6_000, -4_600, -12_000], 1, 0),
        # 7,500 - 11,000; 11,250 - 12,100; 15,000 - 22,000
        (Decimal("1.5"), [-3_500, -850, -7_000], 1, 0),
        # 25,000 - 11,000; 37,500 - 12,100; 50,000 - 22,000
        (5, [14_000, 25_400, 28_000], 2, 1),
    ],
)
def test_net_benefit_and_best_option_at_several_willingness_to_pay(
    wtp, net_benefits, best, runner_up
):
    # The frontier's choice on the single estimates; with nothing uncertain the choice on
    # expected net benefit is the same (a tie to the cent goes to the frontier's choice).
    result = three_options(willingness_to_pay=wtp)
    sure = appraise(*(without_ranges(o) for o in (NOW, VOLUNTEERS, ONLINE)), willingness_to_pay=wtp)

    assert [o.net_benefit for o in result.options] == pytest.approx(net_benefits)
    assert result.uncertainty.single_estimate_best == best
    assert sure.uncertainty.single_estimate_best == best
    assert sure.best_option == best
    assert sure.best.name == sure.options[best].name
    assert [o.is_best for o in sure.options] == [i == best for i in range(3)]
    assert sure.runner_up == runner_up
    assert not sure.uncertainty.choice_differs


@pytest.mark.parametrize(
    ("wtp", "best", "runner_up"), [(0, 0, 1), (1, 1, 0), (Decimal("1.5"), 1, 0), (5, 2, 1)]
)
def test_with_narrow_centred_ranges_the_choice_on_average_is_the_frontiers(wtp, best, runner_up):
    # High confidence, ranges of 10% centred on the estimates and clear leads: the option
    # with the highest mean net benefit is the one best on the single estimates. (Not at
    # 0.44 a point, where two options tie and the draws decide.)
    result = three_options(willingness_to_pay=wtp)

    means = result.uncertainty.mean_net_benefit
    assert result.best_option == best == max(range(3), key=means.__getitem__)
    assert [o.is_best for o in result.options] == [i == best for i in range(3)]
    assert result.runner_up == runner_up
    assert not result.uncertainty.choice_differs


def test_without_willingness_to_pay_there_is_no_net_benefit_nor_best_option():
    result = three_options()

    assert result.appraised
    assert [o.net_benefit for o in result.options] == [None, None, None]
    assert result.best_option is None
    assert result.runner_up is None
    assert result.quality_switching_points is None
    assert result.cost_switching_percent is None


def test_net_benefit_weighs_total_clients_not_per_client_figures():
    # The same cost per client-year (110.00) and quality, but twice the clients: twice the
    # benefit. At 3 a point: 3 x 50 x 200 - 22,000 = 8,000 against 3 x 5,000 - 11,000 = 4,000.
    # With nothing uncertain the plane's change (a difference of mean net benefits) is the
    # single estimates' difference.
    bigger = option("Bigger", co_produced=True, annual_agency_cost=20_000, clients_per_year=200)
    result = appraise(without_ranges(NOW), without_ranges(bigger), willingness_to_pay=3)

    assert [o.net_benefit for o in result.options] == pytest.approx([4_000, 8_000])
    assert result.best_option == 1
    assert result.plane.quadrant == Quadrant.SAME_SAME
    assert result.plane.net_benefit_change == pytest.approx(4_000)


# --- The efficient frontier ---------------------------------------------------------------

SPECIALISTS_RATINGS = {"effectiveness": 4, "consistency": 4, "trust": 3, "experience": 3}
SPECIALISTS = option("Specialist team", annual_agency_cost=10_800, **SPECIALISTS_RATINGS)
PEER_MENTORS = option(
    "Peer mentors",
    co_produced=True,
    annual_agency_cost=9_000,
    annual_co_producer_hours=100,
    **ratings(4),
)
CONTRACTED = option("Contracted provider", annual_agency_cost=12_000, **ratings(4))


def test_four_options_with_one_dominated_and_one_extendedly_dominated():
    # (full cost, quality-point client-years):
    #   What happens now     (11,000, 5,000)
    #   Specialist team      (11,880, 6,250)  ratings 4, 4, 3, 3: index 62.5
    #   Peer mentors         (12,100, 7,500)  9,900 + 100 hours x 20 x 1.1
    #   Contracted provider  (13,200, 7,500)
    # Contracted provider costs more than peer mentors for the same: dominated.
    # Specialists cost 880 / 1,250 = 0.704 a point over now; peer mentors cost only
    # 220 / 1,250 = 0.176 a point more again: mixing now and peer mentors beats the
    # specialists, who are extendedly dominated. Peer mentors over now: 1,100 / 2,500 = 0.44.
    result = appraise(NOW, SPECIALISTS, PEER_MENTORS, CONTRACTED, willingness_to_pay=1)

    options = result.options
    assert [o.full_cost for o in options] == pytest.approx([11_000, 11_880, 12_100, 13_200])
    assert [o.dominance for o in options] == [
        Dominance.NONE,
        Dominance.EXTENDED,
        Dominance.NONE,
        Dominance.DOMINATED,
    ]
    assert [o.on_frontier for o in options] == [True, False, True, False]
    assert [o.incremental_cost_per_point for o in options] == [None, None, 0.44, None]
    assert [o.index for o in result.frontier] == [0, 2]
    # At 1 a point: 5,000 - 11,000 = -6,000; 6,250 - 11,880 = -5,630;
    # 7,500 - 12,100 = -4,600; 7,500 - 13,200 = -5,700
    assert result.best_option == 2
    assert result.runner_up == 1


def test_extended_dominance_includes_the_equal_case():
    # Specialists at 11,550 lie on the straight line from now to peer mentors: 550 / 1,250
    # = 0.44 a point, then 550 / 1,250 = 0.44 again. Equality counts as dominance, so no
    # option on the frontier is best over an empty range.
    on_the_line = option("Specialist team", annual_agency_cost=10_500, **SPECIALISTS_RATINGS)
    result = appraise(NOW, on_the_line, PEER_MENTORS)

    assert result.options[1].full_cost == pytest.approx(11_550)
    assert result.options[1].dominance == Dominance.EXTENDED
    assert [o.index for o in result.frontier] == [0, 2]


def test_of_two_identical_options_the_later_is_dominated():
    twin = option("Twin", co_produced=True)
    result = appraise(NOW, twin)

    assert result.options[0].on_frontier
    assert result.options[1].dominance == Dominance.DOMINATED


def test_frontier_works_on_points_exactly():
    # (3, 3) costs more than (1, 3) for the same: dominated. From (0, 0) to (1, 3) a point
    # costs 1/3, from (1, 3) to (2, 4) it costs 1: rising, so all three are on the frontier.
    frontier = efficient_frontier([(0, 0), (1, 3), (3, 3), (2, 4)])

    assert frontier.options == (0, 1, 3)
    assert frontier.thresholds == (Fraction(1, 3), Fraction(1, 1))
    assert frontier.dominance == (
        Dominance.NONE,
        Dominance.NONE,
        Dominance.DOMINATED,
        Dominance.NONE,
    )
    assert [frontier.best_at(wtp) for wtp in (0, Fraction(1, 3), Decimal("0.9"), 1, 9)] == [
        0,
        1,
        1,
        3,
        3,
    ]


def test_removing_an_extendedly_dominated_option_can_expose_another():
    # From (0, 0): 2 a point to (2, 1), then 1 a point to (3, 2): (2, 1) goes. Then 1.5 a
    # point to (3, 2) and 1 a point on to (4, 3): (3, 2) goes too, leaving 4/3 a point.
    frontier = efficient_frontier([(0, 0), (2, 1), (3, 2), (4, 3)])

    assert frontier.options == (0, 3)
    assert frontier.dominance[1:3] == (Dominance.EXTENDED, Dominance.EXTENDED)
    assert frontier.thresholds == (Fraction(4, 3),)


# --- Ranges of willingness to pay ---------------------------------------------------------


def test_each_frontier_option_is_best_over_one_range_of_willingness_to_pay():
    result = three_options()

    ranges = [(o.best_from_wtp, o.best_to_wtp) for o in result.options]
    # Now for [0, 0.44), Volunteers for [0.44, 3.96), online returns from 3.96 up
    assert ranges == [(0, 0.44), (0.44, 3.96), (3.96, None)]
    assert [o.incremental_cost_per_point for o in result.options] == [None, 0.44, 3.96]
    assert all(o.ever_best for o in result.options)


def test_ranges_are_rounded_to_four_places_and_options_off_the_frontier_have_none():
    # 1,100 more for 8,750 - 5,000 = 3,750 more points: 0.29333... -> 0.2933
    better = option(
        "Visiting team",
        annual_agency_cost=11_000,
        effectiveness=5,
        consistency=5,
        trust=4,
        experience=4,
    )
    result = appraise(NOW, better, CONTRACTED)

    assert result.options[1].incremental_cost_per_point == 0.2933
    assert (result.options[0].best_from_wtp, result.options[0].best_to_wtp) == (0, 0.2933)
    assert (result.options[1].best_from_wtp, result.options[1].best_to_wtp) == (0.2933, None)
    assert (result.options[2].best_from_wtp, result.options[2].best_to_wtp) == (None, None)
    assert not result.options[2].ever_best


# --- The plane ----------------------------------------------------------------------------

# Against now (110.00 per client-year, quality 50): an agency budget of 8,000 is 88.00
# (cheaper), 10,040 is 110.44 (within 0.5% of 110.00, that is 0.55: the same), 12,000 is
# 132.00 (dearer); ratings of 4, 3 and 2 give quality 75 (better), 50 (same), 25 (worse).


@pytest.mark.parametrize(
    ("budget", "rating", "quadrant", "words"),
    [
        (8_000, 4, Quadrant.CHEAPER_BETTER, "cheaper and better"),
        (8_000, 3, Quadrant.CHEAPER_SAME, "cheaper, same quality"),
        (10_040, 4, Quadrant.SAME_BETTER, "same cost, better quality"),
        (12_000, 4, Quadrant.DEARER_BETTER, "costs more for better quality"),
        (10_040, 3, Quadrant.SAME_SAME, "the same cost and quality"),
        (8_000, 2, Quadrant.CHEAPER_WORSE, "cheaper but lower quality"),
        (10_040, 2, Quadrant.SAME_WORSE, "same cost, lower quality"),
        (12_000, 3, Quadrant.DEARER_SAME, "costs more for the same quality"),
        (12_000, 2, Quadrant.DEARER_WORSE, "costs more and is worse"),
    ],
)
def test_each_quadrant_is_named_for_what_it_is(budget, rating, quadrant, words):
    co_produced = option(
        "Volunteers", co_produced=True, annual_agency_cost=budget, **ratings(rating)
    )
    result = appraise(NOW, co_produced)

    assert result.plane.quadrant == quadrant
    assert QUADRANT_WORDS[quadrant] == words


def test_plane_gives_changes_per_client_year_against_the_comparator():
    result = three_options(willingness_to_pay=5)

    plane = result.plane
    assert (plane.option_index, plane.comparator_index) == (1, 0)
    assert plane.cost_change == pytest.approx(11.00)  # 121.00 - 110.00
    assert plane.quality_change == pytest.approx(25.0)  # 75 - 50
    assert plane.quadrant == Quadrant.DEARER_BETTER
    # The change in net benefit is a difference of the means over the draws ...
    means = result.uncertainty.mean_net_benefit
    assert plane.net_benefit_change == pytest.approx(means[1] - means[0], abs=0.01)
    assert plane.net_benefit_change == pytest.approx(11_400, rel=0.01)
    # ... which with nothing uncertain is 25,400 - 14,000.
    sure = appraise(*(without_ranges(o) for o in (NOW, VOLUNTEERS, ONLINE)), willingness_to_pay=5)
    assert sure.plane.net_benefit_change == pytest.approx(11_400)


def test_plane_takes_the_co_produced_option_best_on_average():
    # Two copies of Volunteers tie on the single estimates (each nets 5 x 7,500 - 12,100
    # = 25,400 at 5 a point), but the second's effectiveness and trust may rise further
    # than they may fall (3.5 to 5 about 4: a PERT mean of 4.08), so on average it nets
    # about 5 x 100 x 25 x 2 x 0.083 / 4 = 520 more: the plane takes it.
    result = appraise(
        NOW,
        replace(VOLUNTEERS, name="Peer group"),
        replace(VOLUNTEERS, **{f"{name}_high": 5 for name in ("effectiveness", "trust")}),
        willingness_to_pay=5,
    )

    means = result.uncertainty.mean_net_benefit
    assert result.options[1].net_benefit == result.options[2].net_benefit
    assert means[2] > means[1]
    assert result.plane.option_index == 2


def test_cost_tie_boundary_counts_as_the_same_cost():
    # 10,050 -> 110.55: exactly 0.5% above 110.00, a tie; 10,051 -> 110.56 is dearer.
    at_edge = option("Volunteers", co_produced=True, annual_agency_cost=10_050, **ratings(4))
    past_edge = option("Volunteers", co_produced=True, annual_agency_cost=10_051, **ratings(4))

    assert appraise(NOW, at_edge).plane.quadrant == Quadrant.SAME_BETTER
    assert appraise(NOW, past_edge).plane.quadrant == Quadrant.DEARER_BETTER


def test_quality_tie_boundary_counts_as_the_same_quality():
    assert plane_quadrant(100, 100, 50.5, 50) == Quadrant.SAME_SAME
    assert plane_quadrant(100, 100, 49.5, 50) == Quadrant.SAME_SAME
    assert plane_quadrant(100, 100, 50.6, 50) == Quadrant.SAME_BETTER
    assert plane_quadrant(100, 100, 49.4, 50) == Quadrant.SAME_WORSE


PEER_GROUP = option("Peer group", co_produced=True, annual_agency_cost=8_000)


def test_plane_takes_the_co_produced_option_with_the_highest_net_benefit():
    # At 5 a point: peer group 5 x 5,000 - 8,800 = 16,200; Volunteers 25,400
    result = appraise(NOW, PEER_GROUP, VOLUNTEERS, willingness_to_pay=5)

    assert result.plane.option_index == 2
    assert result.plane.quadrant == Quadrant.DEARER_BETTER


def test_plane_without_willingness_to_pay_takes_the_cheapest_on_the_frontier():
    # Peer group (88.00 per client-year) and Volunteers (121.00) are both on the frontier.
    result = appraise(NOW, PEER_GROUP, VOLUNTEERS)

    assert result.plane.option_index == 1
    assert result.plane.quadrant == Quadrant.CHEAPER_SAME
    assert result.plane.net_benefit_change is None


def test_plane_falls_back_to_a_co_produced_option_off_the_frontier():
    worse = option("Volunteers", co_produced=True, annual_agency_cost=12_000, **ratings(2))
    result = appraise(NOW, worse)

    assert not result.options[1].on_frontier
    assert result.plane.option_index == 1
    assert result.plane.quadrant == Quadrant.DEARER_WORSE


def test_no_plane_without_a_co_produced_option_or_clients():
    assert appraise(NOW, ONLINE).plane is None
    no_clients = option("What happens now", comparator=True, clients_per_year=0)
    result = appraise(no_clients, VOLUNTEERS)
    assert result.options[0].cost_per_client_year is None
    assert result.plane is None


@pytest.mark.parametrize(
    "options",
    [
        (NOW,),  # one option
        (NOW, replace(VOLUNTEERS, comparator=True)),  # two comparators
        (option("A"), VOLUNTEERS),  # no comparator
        (NOW, *[VOLUNTEERS] * 6),  # seven
    ],
)
def test_not_appraised_without_two_to_six_options_and_one_comparator(options):
    result = appraise(*options, willingness_to_pay=1)

    assert not result.appraised
    assert all(o is not None for o in result.options)
    assert all(not o.on_frontier and o.best_from_wtp is None for o in result.options)
    assert result.best_option is None
    assert result.plane is None
    assert result.sensitivity is None


# --- Switching values ---------------------------------------------------------------------


def test_switching_values_are_rounded_down_so_the_choice_holds_at_the_stated_value():
    # At 1.5 a point Volunteers (-850) lead now (-3,500) by 2,650.
    # Quality: 2,650 / (1.5 x 100 client-years) = 17.67 points -> 17.6
    # Cost: 2,650 / 12,100 x 100 = 21.90% -> 21.9
    result = three_options(willingness_to_pay=Decimal("1.5"))

    assert result.quality_switching_points == 17.6
    assert result.cost_switching_percent == 21.9
    wtp, best, runner_up = Decimal("1.5"), 1, 0
    exact_points, exact_percent = Fraction(2_650, 150), Fraction(2_650 * 100, 12_100)

    def with_quality_fall(fall):
        changed = points(result)
        changed[best] = (changed[best][0], (75 - fall) * 100)
        return best_option_at(changed, wtp)

    def with_cost_rise(percent):
        changed = points(result)
        changed[best] = (changed[best][0] * (1 + percent / 100), changed[best][1])
        return best_option_at(changed, wtp)

    # 1.5 x (75 - 17.6) x 100 - 12,100 = -3,490, still ahead of -3,500
    assert with_quality_fall(exact(17.6)) == best
    assert with_quality_fall(exact_points + Fraction(1, 10)) == runner_up
    # 11,250 - 12,100 x 1.219 = -3,499.90, still ahead
    assert with_cost_rise(exact(21.9)) == best
    assert with_cost_rise(exact_percent + Fraction(1, 10)) == runner_up


def test_a_switching_value_exactly_on_the_switch_is_stepped_down():
    # At 0 a point now (-11,000) leads Volunteers (-12,100) by 1,100: exactly 10% of
    # now's cost. At a 10% rise both cost 12,100 and Volunteers, being better, would win,
    # so 9.9 is stated.
    result = three_options(willingness_to_pay=0)

    assert result.best_option == 0
    assert result.cost_switching_percent == 9.9
    changed = points(result)
    changed[0] = (changed[0][0] * Fraction(11, 10), changed[0][1])
    assert best_option_at(changed, 0) == 1
    # At 0 a point quality is worth nothing: no fall in it changes the choice.
    assert result.quality_switching_points is None


def test_no_quality_switching_value_when_no_fall_within_the_scale_changes_the_choice():
    # At 0.1 a point now leads Volunteers by (500 - 11,000) - (750 - 12,100) = 850, which
    # would take a fall of 850 / (0.1 x 100) = 85 points: more than now's 50.
    result = three_options(willingness_to_pay=Decimal("0.1"))

    assert result.best_option == 0
    assert result.quality_switching_points is None
    assert result.cost_switching_percent == pytest.approx(7.7)  # 850 / 11,000 = 7.73%


def test_no_cost_switching_value_for_a_best_option_that_costs_nothing():
    free = option("Free", co_produced=True, annual_agency_cost=0)
    result = appraise(NOW, free, willingness_to_pay=1)

    assert result.best_option == 1
    assert result.cost_switching_percent is None
    # It leads by 5,000 - (5,000 - 11,000) = 11,000: 11,000 / 100 = 110 points > 50
    assert result.quality_switching_points is None
