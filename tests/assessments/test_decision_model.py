"""The decision model behind the choice: one population drawn once, hours and money per
person, value judgements fixed (break-even values and scenarios instead of draws), the
choice on expected net benefit, expected loss, and the value of partial information.
Pure scoring, no database.

Unless a test says otherwise: one year, no discounting, high confidence (a 10% uplift),
co-producers' time at 20 an hour and quality rated 3 throughout (index 50). Where a test
needs nothing to be uncertain it closes every range on its estimate (`without_ranges`).

Sources of the figures pinned: each expected figure is worked by hand in its test's comment
(present values, break-even lines, swings), except the partial values, which are checked
against a closed form and a nested (two-level) Monte Carlo run, the test set out by Strong,
Oakley and Brennan (2014), Medical Decision Making 34(3):311-326, for their regression
method.
"""

import math
from dataclasses import replace
from decimal import Decimal

import numpy as np
import pytest

from assessments.scoring import DRAWS, AssessmentInputs, evidence, score
from assessments.scoring import uncertainty as monte_carlo
from tests.assessments.test_appraisal import option, without_ranges

RATINGS = ("effectiveness", "consistency", "trust", "experience")


def ratings(*values):
    """Four ratings; one value is used for all four."""
    values = values * 4 if len(values) == 1 else values
    return dict(zip(RATINGS, values, strict=True))


def assessment(*options, **overrides):
    fields = {
        "hourly_rate": 20,
        "appraisal_years": 1,
        "discount_rate": 0,
        "willingness_to_pay": 1,
        "options": options,
    }
    return AssessmentInputs(**{**fields, **overrides})


def certain(*options, **overrides):
    """An assessment in which nothing is drawn: every range closed on its estimate."""
    return assessment(*(without_ranges(o) for o in options), **overrides)


def the_draws(inputs, result):
    """The run's own draws, rebuilt from its private parts: (net benefit at the agency's
    value judgements (options, draws), the figures drawn, the costed components). Checks
    they are the run's by its seed and its EVPI."""
    layout = monte_carlo._layout(inputs)
    uplifts = np.array([o.uplift for o in result.options], dtype=float)
    years = int(inputs.appraisal_years)
    seed = monte_carlo._seed(layout, uplifts, years)
    assert seed == result.uncertainty.seed
    figures = monte_carlo._draw(layout.estimates, seed)
    parts = monte_carlo.components(layout, figures, uplifts, years, float(inputs.discount_rate))
    net_benefit = parts.net_benefit(
        float(inputs.willingness_to_pay), float(inputs.hourly_rate or 0)
    )
    assert evpi_of(net_benefit) == pytest.approx(result.uncertainty.evpi, abs=0.01)
    return net_benefit, figures, parts


def evpi_of(net_benefit):
    """Perfect information: the mean of each draw's best less the best of the means."""
    return float(net_benefit.max(axis=0).mean() - net_benefit.mean(axis=1).max())


def annuity(rate, years):
    """1 / (1 + r) + ... + 1 / (1 + r) ** years, in closed form."""
    return years if rate == 0 else (1 - (1 + rate) ** -years) / rate


# --- One population, drawn once ----------------------------------------------------------

# Two ways of serving the same 1,000 people (800 to 1,200), equal in quality: one asks each
# person for 2 hours a year (2,000 hours at 1,000 people), the other costs the agency 2,000
# more and asks each person for 0.50 of their own money (500 at 1,000 people).
BY_HOURS = option("Hours", comparator=True, annual_co_producer_hours=2_000, clients_per_year=None)
BY_MONEY = option(
    "Money",
    co_produced=True,
    annual_agency_cost=12_000,
    annual_co_producer_money=500,
    clients_per_year=None,
)
SHARED = {
    "same_population": True,
    "clients_per_year": 1_000,
    "clients_per_year_low": 800,
    "clients_per_year_high": 1_200,
}


def test_a_shared_population_is_one_bar_whose_swing_is_the_cost_difference_per_person():
    # Only the people served are uncertain. Each option's quality-point client-years are
    # 50 x P for both, so the benefits cancel; per person, Money costs 0.50 x 1.1 = 0.55
    # and Hours 2 x 20 x 1.1 = 44: at P people Money leads by
    #   (11,000 + 44 P) - (13,200 + 0.55 P) = 43.45 P - 2,200,
    # 32,560 at 800 and 49,940 at 1,200: a swing of 43.45 x 400 = 17,380.
    result = score(certain(BY_HOURS, BY_MONEY, **SHARED))

    assert (result.best_option, result.runner_up) == (1, 0)
    people = [bar for bar in result.uncertainty.tornado if bar.input_name != "optimism_bias"]
    assert len(people) == 1  # one figure for every option, not one bar per option
    (bar,) = people
    assert (bar.input_name, bar.option_index) == ("population", None)
    assert (bar.low_value, bar.high_value) == (800, 1_200)
    assert (bar.gap_at_low, bar.gap_at_high) == pytest.approx((32_560, 49_940))
    assert bar.swing == pytest.approx(43.45 * 400)
    # The leader leads at every population in the range: nothing to find out.
    assert result.uncertainty.probability_best == (0, 1)
    assert result.uncertainty.evpi == 0


def test_a_shared_population_moves_every_options_clients_hours_and_money_together():
    # In every draw both options serve the same people, and each option's hours and money
    # are its per-person figures times them.
    inputs = certain(BY_HOURS, BY_MONEY, **SHARED)
    layout = monte_carlo._layout(inputs)
    figures = monte_carlo._draw(layout.estimates, seed=3)
    drawn = monte_carlo._per_option(layout, figures)

    people = figures[layout.population_row]
    assert people.min() >= 800 and people.max() <= 1_200 and people.std() > 50
    assert (drawn["clients_per_year"] == people).all()
    assert drawn["annual_co_producer_hours"][0] == pytest.approx(2 * people)
    assert drawn["annual_co_producer_money"][1] == pytest.approx(0.5 * people)


def test_without_a_shared_population_each_option_draws_its_own_clients():
    own = {"clients_per_year": 1_000, "clients_per_year_low": 800, "clients_per_year_high": 1_200}
    hours, money = (replace(without_ranges(o), **own) for o in (BY_HOURS, BY_MONEY))
    result = score(assessment(hours, money))

    moved = sorted(
        (bar.input_name, bar.option_index)
        for bar in result.uncertainty.tornado
        if bar.input_name != "optimism_bias"
    )
    assert moved == [("clients_per_year", 0), ("clients_per_year", 1)]


def test_take_up_is_a_share_of_the_shared_population_with_its_own_bar():
    # Money reaches 60% (45% to 75%) of 1,000 people: 600 at the estimate. Its hours and
    # money are for those 600, and in the tornado its share is a bar of its own.
    share = {"take_up": Decimal("0.6"), "take_up_low": Decimal("0.45")}
    reaching = replace(without_ranges(BY_MONEY), **share, take_up_high=Decimal("0.75"))
    result = score(
        assessment(
            without_ranges(BY_HOURS),
            reaching,
            same_population=True,
            clients_per_year=1_000,
            clients_per_year_low=1_000,
            clients_per_year_high=1_000,
        )
    )

    assert result.options[1].client_years == 600
    # 1.1 x (12,000 + 500) = 13,750: the money is given for the 600 it reaches.
    assert result.options[1].full_cost == pytest.approx(13_750)
    (bar,) = [bar for bar in result.uncertainty.tornado if bar.input_name == "take_up"]
    assert (bar.option_index, bar.low_value, bar.high_value) == (1, 0.45, 0.75)
    # At a share s Money reaches 1,000 s people, each giving 500 / 600 of money: it nets
    # 50 x 1,000 s - 13,200 - 1.1 x 500 / 600 x 1,000 s; Hours net 50,000 - 11,000 - 44,000
    # = -5,000. Money leads by 13,887.50 at 45% and 28,612.50 at 75%.
    assert (result.best_option, result.runner_up) == (1, 0)

    def lead(share):
        return 50_000 * share - 13_200 - 1.1 * 500 / 600 * 1_000 * share + 5_000

    assert (bar.gap_at_low, bar.gap_at_high) == pytest.approx((lead(0.45), lead(0.75)), abs=0.01)
    assert (lead(0.45), lead(0.75)) == pytest.approx((13_887.5, 28_612.5))


# --- Value judgements are fixed -----------------------------------------------------------


def test_evpi_with_the_value_judgements_fixed_is_no_more_than_with_them_drawn():
    # A close call (Volunteers lead by about 2,800 on 33,000 over five years) in which the
    # value of an hour matters: Volunteers give 200 hours, now none. On the run's own
    # draws, giving the value of an hour a symmetric range about the agency's 20 can only
    # add to what perfect information is worth (Jensen: the best of each draw is a convex
    # function of the rate), so the fixed-judgement EVPI is no more. Tolerance: 0.5% of
    # the fixed EVPI for Monte Carlo noise (the drawn rates' mean is not exactly 20).
    inputs = assessment(
        option("Now", comparator=True, confidence="medium"),
        option(
            "Volunteers",
            co_produced=True,
            confidence="medium",
            annual_agency_cost=6_000,
            annual_co_producer_hours=200,
            **ratings(4, 3, 3, 3),
        ),
        appraisal_years=5,
        discount_rate=Decimal("0.035"),
    )
    result = score(inputs)
    net_benefit, _, parts = the_draws(inputs, result)
    fixed = evpi_of(net_benefit)
    assert fixed > 0

    def drawn(low, high, seed):
        rate = monte_carlo._draw(np.array([[low, 20.0, high]]), seed)[0]
        return evpi_of(parts.effect - parts.agency - rate * parts.hours - parts.money)

    for low, high in [(19.0, 21.0), (15.0, 25.0), (10.0, 30.0), (0.0, 40.0)]:
        for seed in range(3):
            assert fixed <= drawn(low, high, seed) + 0.005 * fixed
    # Wide enough, drawing the rate would have inflated the EVPI markedly.
    assert drawn(0.0, 40.0, 0) > 1.5 * fixed


# --- The value of partial perfect information ---------------------------------------------

THREE = (
    option("Now", comparator=True, setup_cost=5_000, confidence="medium"),
    option(
        "Volunteers",
        co_produced=True,
        setup_cost=8_000,
        annual_agency_cost=6_000,
        annual_co_producer_hours=200,
        confidence="medium",
        **ratings(4, 3, 3, 3),
    ),
    option(
        "Online",
        setup_cost=20_000,
        annual_agency_cost=7_000,
        confidence="medium",
        **ratings(4, 3, 4, 3),
    ),
)
FIVE_YEARS = {"appraisal_years": 5, "discount_rate": Decimal("0.035")}
GROUPS = (
    "people",
    "time_and_money",
    "agency_costs",
    "quality",  # all four ratings together
    "effectiveness",
    "consistency",
    "trust",
    "experience",
)


def test_partial_values_lie_between_zero_and_the_evpi_and_are_given_per_client_year():
    result = score(assessment(*THREE, **FIVE_YEARS))

    uncertainty = result.uncertainty
    assert uncertainty.evpi > 0
    assert tuple(p.group for p in uncertainty.partial) == GROUPS
    best_years = result.best.client_years
    for partial in uncertainty.partial:
        assert partial.varies
        assert 0 <= partial.value <= uncertainty.evpi
        assert partial.per_client_year == pytest.approx(partial.value / best_years, abs=0.01)
    # The agency's costs (ranges of 25% on tens of thousands) are worth most to know.
    top = max(uncertainty.partial, key=lambda p: p.value)
    assert top.group == "agency_costs" and top.value > 0


def test_a_group_that_does_not_vary_is_worth_nothing():
    # Trust and the people served are closed on their estimates in every option.
    options = [
        replace(
            o,
            trust_low=o.trust,
            trust_high=o.trust,
            clients_per_year_low=o.clients_per_year,
            clients_per_year_high=o.clients_per_year,
        )
        for o in THREE
    ]
    result = score(assessment(*options, **FIVE_YEARS))

    partial = {p.group: p for p in result.uncertainty.partial}
    for group in ("trust", "people"):
        assert not partial[group].varies
        assert partial[group].value == 0
    assert partial["agency_costs"].varies and partial["agency_costs"].value > 0


def test_a_group_holding_all_the_uncertainty_is_worth_the_whole_evpi():
    # Only set-up and yearly agency costs have ranges (the medium-confidence defaults):
    # knowing them is knowing everything. The reported value is held to at most the EVPI,
    # so the regression's own estimate is checked too. Tolerance: 2% of the EVPI, for the
    # spline's fit to the draws.
    default_ends = {
        f"{name}_{end}": None
        for name in ("setup_cost", "annual_agency_cost")
        for end in ("low", "high")
    }
    options = [replace(without_ranges(o), **default_ends) for o in THREE]
    inputs = assessment(*options, **FIVE_YEARS)
    result = score(inputs)

    uncertainty = result.uncertainty
    assert uncertainty.evpi > 1_000
    partial = {p.group: p for p in uncertainty.partial}
    assert partial["agency_costs"].value == pytest.approx(uncertainty.evpi, rel=0.02)
    for group in set(GROUPS) - {"agency_costs"}:
        assert (partial[group].varies, partial[group].value) == (False, 0)
    net_benefit, figures, _ = the_draws(inputs, result)
    rows = monte_carlo._groups(monte_carlo._layout(inputs))["agency_costs"]
    assert len(rows) == 6  # set-up and yearly cost of each of the three options
    estimate = evidence.partial_value(net_benefit, figures[rows], result.best_option)
    assert estimate == pytest.approx(evpi_of(net_benefit), rel=0.02)


def _normal_expected_positive_part(mean, sd):
    """E[max(X, 0)] for X normal: mean x Phi(mean / sd) + sd x phi(mean / sd)."""
    z = mean / sd
    phi = math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    big_phi = (1 + math.erf(z / math.sqrt(2))) / 2
    return mean * big_phi + sd * phi


def _nested(difference, outer, inner_draw, rng, chunk=1_000):
    """Two-level Monte Carlo EVPPI of theta1 for two options whose net benefit differs by
    difference(theta1, theta2): for each outer theta1, the mean over 500 fresh theta2."""
    conditional = np.concatenate(
        [
            difference(block[:, None], inner_draw(rng, (len(block), 500))).mean(axis=1)
            for block in np.array_split(outer, max(1, len(outer) // chunk))
        ]
    )
    return float(np.maximum(conditional, 0).mean() - max(conditional.mean(), 0))


def test_regression_evppi_agrees_with_a_nested_run_and_the_closed_form():
    # Two options whose net benefits differ by D = a theta1 + b theta2 + c, theta1 and
    # theta2 independent standard normals. Knowing theta1 the choice is the second option
    # when a theta1 + c > 0, so EVPPI(theta1) = E[max(a theta1 + c, 0)] - max(c, 0), in
    # closed form c Phi(c / a) + a phi(c / a) - c. Tolerance: 5% (about three standard
    # errors of the regression estimate from 50,000 draws; the nested run shares its
    # outer draws).
    a, b, c = 1.0, 2.0, 0.3
    rng = np.random.default_rng(20_240_601)
    theta1, theta2 = rng.standard_normal((2, 50_000))
    net_benefit = np.vstack([np.zeros_like(theta1), a * theta1 + b * theta2 + c])
    best = int(net_benefit.mean(axis=1).argmax())
    assert best == 1

    regression = evidence.partial_value(net_benefit, theta1[None, :], best)
    closed_form = _normal_expected_positive_part(c, a) - c
    nested = _nested(
        lambda t1, t2: a * t1 + b * t2 + c,
        theta1[:20_000],
        lambda r, shape: r.standard_normal(shape),
        rng,
    )
    assert closed_form == pytest.approx(0.2668, abs=1e-4)
    assert regression == pytest.approx(closed_form, rel=0.05)
    assert regression == pytest.approx(nested, rel=0.05)
    # Both figures together are everything: their partial value is the EVPI.
    both = evidence.partial_value(net_benefit, np.vstack([theta1, theta2]), best)
    assert both == pytest.approx(evpi_of(net_benefit), rel=0.01)
    # theta2 alone is worth less than both, and theta1 alone less than theta2 (b > a).
    alone = evidence.partial_value(net_benefit, theta2[None, :], best)
    assert regression < alone < both


def test_regression_evppi_follows_a_net_benefit_that_turns_with_the_figure():
    # D = 3 |theta1| - 1.4 + 2 theta2, theta uniform on -1..1: a kink a straight line
    # would miss (the line through it is flat). Knowing theta1, the first option is
    # chosen when 3 |theta1| < 1.4: EVPPI = E[max(1.4 - 3 |theta1|, 0)]
    # = integral over u from 0 to 1.4 / 3 of (1.4 - 3 u) = 1.4^2 / 6 = 0.3267.
    rng = np.random.default_rng(7)
    theta1, theta2 = rng.uniform(-1, 1, (2, 50_000))
    net_benefit = np.vstack([np.zeros_like(theta1), 3 * np.abs(theta1) - 1.4 + 2 * theta2])
    best = int(net_benefit.mean(axis=1).argmax())

    regression = evidence.partial_value(net_benefit, theta1[None, :], best)
    nested = _nested(
        lambda t1, t2: 3 * np.abs(t1) - 1.4 + 2 * t2,
        theta1[:20_000],
        lambda r, shape: r.uniform(-1, 1, shape),
        rng,
    )
    assert regression == pytest.approx(1.4**2 / 6, rel=0.05)
    assert regression == pytest.approx(nested, rel=0.05)
    # A straight line in theta1 finds no value at all here.
    line = np.vstack([np.ones_like(theta1), theta1]).T
    fitted = line @ np.linalg.lstsq(line, -net_benefit[1], rcond=None)[0]
    assert np.maximum(fitted, 0).mean() < 0.01


# --- The choice on expected net benefit ---------------------------------------------------


def test_with_nothing_skewed_the_choice_on_average_is_the_single_estimate_choice():
    # Random cases with centred ranges only: money, hours and clients at medium confidence
    # (25% either side), ratings 2 to 4 (one point either side, never clipped), no
    # ramp-up, no set-up cost. Every figure enters the net benefit linearly or as a product
    # of independent figures, so each mean is the single estimate up to Monte Carlo error:
    # within 4.5 standard errors (plus a cent or two for the report's rounding). Where the
    # single-estimate lead is clear of that error, the two choices agree.
    rng = np.random.default_rng(11)
    decisive = 0
    cases = 25
    for _ in range(cases):
        options = [
            option(
                f"Option {k + 1}",
                comparator=k == 0,
                co_produced=k > 0,
                confidence="medium",
                annual_agency_cost=int(rng.integers(1_000, 50_000)),
                annual_co_producer_hours=int(rng.integers(0, 2_000)),
                annual_co_producer_money=int(rng.integers(0, 5_000)),
                clients_per_year=int(rng.integers(50, 500)),
                **ratings(*(int(r) for r in rng.integers(2, 5, 4))),
            )
            for k in range(int(rng.integers(2, 5)))
        ]
        inputs = assessment(
            *options,
            hourly_rate=15,
            appraisal_years=int(rng.integers(1, 11)),
            discount_rate=Decimal("0.035"),
            willingness_to_pay=int(rng.integers(1, 30)),
        )
        result = score(inputs)
        net_benefit, _, _ = the_draws(inputs, result)
        error = net_benefit.std(axis=1) / math.sqrt(DRAWS)
        single = [o.net_benefit for o in result.options]
        means = result.uncertainty.mean_net_benefit
        for mean, estimate, se in zip(means, single, error, strict=True):
            assert abs(mean - estimate) <= 4.5 * se + 0.05
        chosen = result.uncertainty.single_estimate_best
        leads = [
            (single[chosen] - single[k], (net_benefit[chosen] - net_benefit[k]).std())
            for k in range(len(single))
            if k != chosen
        ]
        if all(lead > 4.5 * sd / math.sqrt(DRAWS) for lead, sd in leads):
            decisive += 1
            assert result.best_option == chosen
            assert not result.uncertainty.choice_differs
    assert decisive >= cases // 2  # most cases test the agreement, not just the means


def test_a_skewed_range_can_make_the_choice_on_average_differ_from_the_single_estimate():
    # Volunteers' yearly cost is put at 9,000 but could be anything from 8,500 to 30,000:
    # on the single estimates they net 5,000 - 9,900 = -4,900 against now's -6,000, but
    # their PERT mean cost is (8,500 + 4 x 9,000 + 30,000) / 6 = 12,416.67, so on average
    # they net about 5,000 - 13,658 = -8,658: now is the choice.
    skewed = replace(
        without_ranges(option("Volunteers", co_produced=True, annual_agency_cost=9_000)),
        annual_agency_cost_low=8_500,
        annual_agency_cost_high=30_000,
    )
    result = score(assessment(without_ranges(option("Now", comparator=True)), skewed))

    uncertainty = result.uncertainty
    assert uncertainty.single_estimate_best == 1
    assert result.options[1].on_frontier and not result.options[0].on_frontier
    assert (result.best_option, result.runner_up) == (0, 1)
    assert uncertainty.choice_differs
    assert [o.is_best for o in result.options] == [True, False]
    assert uncertainty.mean_net_benefit[0] == pytest.approx(-6_000)
    assert uncertainty.mean_net_benefit[1] == pytest.approx(5_000 - 1.1 * 12_416.67, abs=150)
    # The plane's change is a difference of means: Volunteers lose on average.
    assert result.plane.net_benefit_change == pytest.approx(
        uncertainty.mean_net_benefit[1] - uncertainty.mean_net_benefit[0], abs=0.01
    )
    # Switching values are about keeping a lead on the single estimates: there is none.
    assert result.quality_switching_points is None
    assert result.cost_switching_percent is None


def test_switching_values_are_measured_against_the_closest_rival_on_the_single_estimates():
    # At 1 a point on the single estimates: now nets -6,000, Volunteers -4,600 (the
    # choice) and Contracted -4,700 (12,200.00 for quality 75). Contracted's yearly cost
    # might however run far higher (11,090.91 to 40,000: a PERT mean near 15,900), so on
    # average now is the runner-up. Volunteers' quality could fall by only 100 / (1 x 100)
    # = 1 point, or their cost rise by 100 / 12,100 = 0.83%, before Contracted overtakes
    # them on the single estimates; against now it would be 14 points and 11.6%.
    contracted = replace(
        without_ranges(option("Contracted", annual_agency_cost=Decimal("11090.91"), **ratings(4))),
        annual_agency_cost_high=40_000,
    )
    volunteers = option(
        "Volunteers", co_produced=True, annual_agency_cost=9_000, annual_co_producer_hours=100
    )
    result = score(
        assessment(
            without_ranges(option("Now", comparator=True)),
            without_ranges(replace(volunteers, **ratings(4))),
            contracted,
        )
    )

    assert [o.net_benefit for o in result.options] == pytest.approx([-6_000, -4_600, -4_700])
    assert (result.best_option, result.runner_up) == (1, 0)
    assert result.uncertainty.single_estimate_best == 1
    assert result.quality_switching_points == 0.9  # 1 point exactly, stepped down
    assert result.cost_switching_percent == 0.8  # 0.826% rounded down


# --- Break-even values and scenarios of the value judgements ------------------------------

# Two certain options: now, 10,000 a year rated 3; Volunteers, 6,000 a year and 200 hours,
# rated 4; 100 clients each. At w a point and h an hour, in one year:
#   now        5,000 w - 11,000
#   Volunteers 7,500 w - 6,600 - 220 h
# Volunteers lead by 2,500 w + 4,400 - 220 h.
JUDGED = (
    option("Now", comparator=True),
    option(
        "Volunteers",
        co_produced=True,
        annual_agency_cost=6_000,
        annual_co_producer_hours=200,
        **ratings(4),
    ),
)


def test_break_even_values_of_the_hour_and_the_quality_point_are_where_the_lines_cross():
    # At 1 a point and 25 an hour Volunteers lead by 2,500 + 4,400 - 5,500 = 1,400.
    # The hour: 6,900 - 220 h = 0 at h = 31.3636 -> 31.36, now taking over above it; no
    # lower rate changes the choice. The quality point: 2,500 w - 1,100 = 0 at w = 0.44,
    # now taking over below it; no higher value changes it.
    result = score(certain(*JUDGED, hourly_rate=25))

    assert result.best_option == 1
    ends = {end.name: end for end in result.uncertainty.break_even}
    hour, point = ends["hourly_rate"], ends["willingness_to_pay"]
    assert (hour.central, hour.below, hour.below_option) == (25, None, None)
    assert (hour.above, hour.above_option) == (31.36, 0)
    assert (point.central, point.below, point.below_option) == (1, 0.44, 0)
    assert (point.above, point.above_option) == (None, None)
    # Either side of each break-even the choice is as it says.
    assert score(certain(*JUDGED, hourly_rate=Decimal("31.36"))).best_option == 1
    assert score(certain(*JUDGED, hourly_rate=Decimal("31.37"))).best_option == 0
    for wtp, best in (("0.43", 0), ("0.45", 1)):
        moved = certain(*JUDGED, hourly_rate=25, willingness_to_pay=Decimal(wtp))
        assert score(moved).best_option == best


def _solve(function, low, high, steps=200):
    """The root of a function that changes sign between low and high, by bisection."""
    for _ in range(steps):
        middle = (low + high) / 2
        if (function(low) > 0) == (function(middle) > 0):
            low = middle
        else:
            high = middle
    return (low + high) / 2


TEN_YEARS = {
    "hourly_rate": 25,
    "appraisal_years": 10,
    "discount_rate": Decimal("0.035"),
    "hourly_rate_low": 10,
    "hourly_rate_high": 40,
    "willingness_to_pay_low": Decimal("0.5"),
    "willingness_to_pay_high": 2,
    "discount_rate_low": Decimal("0.02"),
    "discount_rate_high": Decimal("0.12"),
}


def _ten_year_net_benefits(w, h, r):
    """Now and Volunteers (with a set-up cost of 8,000, 8,800 uplifted) over ten years."""
    factor = annuity(r, 10)
    return (5_000 * w - 11_000) * factor, -8_800 + (7_500 * w - 6_600 - 220 * h) * factor


def test_break_even_discount_rate_matches_a_hand_solve_on_closed_form_present_values():
    # Volunteers cost 8,800 at the start and lead by 1,400 a year after: the higher the
    # rate, the less that lead is worth. They stop being best where
    # 1,400 x annuity(r, 10) = 8,800, solved here by bisection (about 9.4%).
    volunteers = replace(JUDGED[1], setup_cost=8_000)
    result = score(certain(JUDGED[0], volunteers, **TEN_YEARS))

    def lead(rate):
        now, ahead = _ten_year_net_benefits(1, 25, rate)
        return ahead - now

    switch = _solve(lead, 0.035, 0.2)
    assert 0.09 < switch < 0.10
    ends = {end.name: end for end in result.uncertainty.break_even}
    rate = ends["discount_rate"]
    assert rate.central == pytest.approx(0.035)
    assert (rate.below, rate.below_option) == (None, None)  # at 0% they lead by 5,200
    assert rate.above == pytest.approx(switch, abs=2e-6)
    assert rate.above_option == 0
    # The other two, worked the same way over ten years at 3.5%:
    factor = annuity(0.035, 10)
    hour, point = ends["hourly_rate"], ends["willingness_to_pay"]
    assert hour.above == pytest.approx((6_900 - 8_800 / factor) / 220, abs=0.005)
    assert point.below == pytest.approx((8_800 / factor + 1_100) / 2_500, abs=0.00005)


def test_scenarios_give_the_choice_at_each_judgements_low_central_and_high_value():
    volunteers = replace(JUDGED[1], setup_cost=8_000)
    result = score(certain(JUDGED[0], volunteers, **TEN_YEARS))

    # By hand (`_ten_year_net_benefits`): the hour at 40 makes Volunteers lead by
    # (6,900 - 8,800) x 8.32 - 8,800 < 0; a point at 0.5 leaves them 150 a year for their
    # 8,800; at 12% their 1,400 a year is worth 7,910 < 8,800.
    expected = {
        ("hourly_rate", "low"): (10, 1),
        ("hourly_rate", "central"): (25, 1),
        ("hourly_rate", "high"): (40, 0),
        ("discount_rate", "low"): (0.02, 1),
        ("discount_rate", "central"): (0.035, 1),
        ("discount_rate", "high"): (0.12, 0),
        ("willingness_to_pay", "low"): (0.5, 0),
        ("willingness_to_pay", "central"): (1, 1),
        ("willingness_to_pay", "high"): (2, 1),
    }
    scenarios = result.uncertainty.scenarios
    assert [(s.name, s.level) for s in scenarios] == list(expected)
    central = {"willingness_to_pay": 1, "hourly_rate": 25, "discount_rate": 0.035}
    for scenario in scenarios:
        value, best = expected[scenario.name, scenario.level]
        assert scenario.value == pytest.approx(value)
        assert scenario.best_option == best
        values = {**central, scenario.name: value}
        net_benefits = _ten_year_net_benefits(
            values["willingness_to_pay"], values["hourly_rate"], values["discount_rate"]
        )
        assert scenario.mean_net_benefit == pytest.approx(max(net_benefits), abs=0.01)


def test_default_scenarios_are_half_and_one_and_a_half_times_and_a_point_either_side():
    result = score(certain(*JUDGED, hourly_rate=25, discount_rate=Decimal("0.035")))

    values = {(s.name, s.level): s.value for s in result.uncertainty.scenarios}
    assert values["hourly_rate", "low"] == 12.5 and values["hourly_rate", "high"] == 37.5
    assert values["willingness_to_pay", "low"] == 0.5
    assert values["willingness_to_pay", "high"] == 1.5
    assert values["discount_rate", "low"] == pytest.approx(0.025)
    assert values["discount_rate", "high"] == pytest.approx(0.045)


# --- Smaller defects ----------------------------------------------------------------------


def test_the_choice_weighs_the_exact_quality_index_not_one_rounded_to_one_place():
    # Ratings 2, 1, 1, 1 give an index of 6.25 (the page may show 6.3). Against an option
    # rated 1 throughout (index 0) and 26,706.25 cheaper over the year, each quality point
    # for a client-year costs 26,706.25 / (6.25 x 100) = 42.73 exactly; with the index
    # rounded to 6.3 it would be 26,706.25 / 630 = 42.39. At 42.5 a point the cheaper
    # option must still be chosen: -11,000 against 42.5 x 625 - 37,706.25 = -11,143.75.
    cheap = option("Now", comparator=True, **ratings(1))
    better = option("Better", annual_agency_cost=Decimal("34278.41"), **ratings(2, 1, 1, 1))
    result = score(certain(cheap, better, willingness_to_pay=Decimal("42.5")))

    assert result.options[1].quality_index == 6.25
    assert result.options[1].full_cost == pytest.approx(37_706.25)
    assert result.options[1].incremental_cost_per_point == 42.73
    assert result.options[0].best_to_wtp == 42.73
    assert result.best_option == 0
    assert result.uncertainty.mean_net_benefit == pytest.approx((-11_000, -11_143.75), abs=0.01)
    ends = {end.name: end for end in result.uncertainty.break_even}
    assert (ends["willingness_to_pay"].above, ends["willingness_to_pay"].above_option) == (
        42.73,
        1,
    )
    past = score(certain(cheap, better, willingness_to_pay=Decimal("42.74")))
    assert past.best_option == 1


@pytest.mark.parametrize("ramp_up_years", [0, None])
def test_an_option_with_no_ramp_up_gets_none_in_the_draws_even_at_low_confidence(ramp_up_years):
    # Everything else closed on its estimate; the ramp-up's range left to the default for
    # low confidence. Were it drawn (0 to 2 years), fewer client-years would be served on
    # average and the mean net benefit would fall below the single estimate.
    def unramped(o):
        return replace(
            without_ranges(o),
            confidence="low",
            ramp_up_years=ramp_up_years,
            ramp_up_years_low=None,
            ramp_up_years_high=None,
        )

    volunteers = option("Volunteers", co_produced=True, annual_co_producer_hours=100)
    inputs = assessment(
        unramped(option("Now", comparator=True)),
        unramped(volunteers),
        appraisal_years=5,
        willingness_to_pay=3,
    )
    result = score(inputs)

    layout = monte_carlo._layout(inputs)
    ramp_row = monte_carlo._ROW["ramp_up_years"]
    for index in range(2):
        row = index * monte_carlo._FIELDS + ramp_row
        assert layout.estimates[row].tolist() == [0, 0, 0]
    assert result.uncertainty.mean_net_benefit == pytest.approx(
        [o.net_benefit for o in result.options], abs=0.01
    )
    assert result.uncertainty.evpi == 0
    # A one-year ramp-up at low confidence is drawn (0 to 3 years): the mean falls.
    ramped = replace(inputs.options[1], ramp_up_years=1)
    with_ramp = score(replace(inputs, options=(inputs.options[0], ramped)))
    assert with_ramp.uncertainty.mean_net_benefit[1] < with_ramp.options[1].net_benefit - 100


def _at_switch(inputs, bar):
    """The inputs with the bar's figure set to its switching value, all else as estimated.
    Hours and money are per person: where the figure moves an option's people (the
    population, a take-up), its hours and money a year move with them, as in the run."""
    value = bar.switch_value
    if bar.input_name == "population":
        ratio = value / inputs.clients_per_year
        options = [_per_person(o, ratio) for o in inputs.options]
        return replace(inputs, clients_per_year=value, options=tuple(options))
    options = list(inputs.options)
    moved = replace(options[bar.option_index], **{bar.input_name: value})
    if bar.input_name == "take_up":
        moved = _per_person(moved, value / float(options[bar.option_index].take_up))
    options[bar.option_index] = moved
    return replace(inputs, options=tuple(options))


def _per_person(inputs_option, ratio):
    hours, money = inputs_option.annual_co_producer_hours, inputs_option.annual_co_producer_money
    return replace(
        inputs_option,
        annual_co_producer_hours=float(hours or 0) * ratio,
        annual_co_producer_money=float(money or 0) * ratio,
    )


def test_switching_values_of_the_tornados_top_bars_turn_the_choice():
    # A close call over five years with wide ranges (low confidence) and a shared
    # population: at each of the top five bars' switching values, re-scored with that one
    # figure changed, the best option and the runner-up net the same, and the bar's ends
    # lie either side of the switch. Tolerance: 1, for the report's rounding (costs to the
    # cent, client-years to 2 places, times a quality of at most 100 at 1 a point).
    inputs = assessment(
        option("Now", comparator=True, confidence="low", take_up=Decimal("0.8")),
        option(
            "Volunteers",
            co_produced=True,
            confidence="low",
            annual_agency_cost=8_000,
            annual_co_producer_hours=1_000,
            annual_co_producer_money=300,
            take_up=Decimal("0.7"),
            **ratings(4, 3, 3, 3),
        ),
        hourly_rate=2,
        appraisal_years=5,
        discount_rate=Decimal("0.035"),
        same_population=True,
        clients_per_year=100,
    )
    result = score(inputs)

    best, runner_up = result.best_option, result.runner_up
    tornado = result.uncertainty.tornado
    switching = [bar for bar in tornado[:5] if bar.switch_value is not None]
    names = {bar.input_name for bar in switching}
    assert {"population", "take_up", "annual_agency_cost", "annual_co_producer_hours"} <= names
    assert all(bar.switch_value is None for bar in tornado[5:])
    for bar in switching:
        assert bar.changes_choice
        assert bar.low_value < bar.switch_value < bar.high_value
        moved = score(_at_switch(inputs, bar)).options
        gap = moved[best].net_benefit - moved[runner_up].net_benefit
        assert gap == pytest.approx(0, abs=1), bar.label
        # Well away from the switch, the gap is far from zero: the check can fail.
        assert min(abs(bar.gap_at_low), abs(bar.gap_at_high)) > 1_000


# --- Expected loss, EVPI and the acceptability frontier -----------------------------------


def test_with_ranges_of_no_width_the_mean_net_benefits_are_the_single_estimates():
    # Ramp-ups, set-up costs, money, discounting and a shared population with take-up:
    # closed ranges make every draw the estimate.
    ramped = option(
        "Ramped",
        co_produced=True,
        setup_cost=5_000,
        annual_co_producer_hours=100,
        annual_co_producer_money=300,
        ramp_up_years=2,
        take_up=Decimal("0.75"),
        clients_per_year=None,
    )
    slower = replace(ramped, name="Slower", ramp_up_years=4, confidence="low", take_up=None)
    inputs = certain(
        option("Now", comparator=True, clients_per_year=None),
        ramped,
        slower,
        appraisal_years=6,
        discount_rate=Decimal("0.1"),
        willingness_to_pay=3,
        same_population=True,
        clients_per_year=120,
        clients_per_year_low=120,
        clients_per_year_high=120,
    )
    result = score(inputs)

    # Within 1: single estimates weigh client-years rounded to 2 places (0.005 x quality
    # 50 x 3 a point at most 0.75); the draws do not round.
    single = [o.net_benefit for o in result.options]
    assert result.uncertainty.mean_net_benefit == pytest.approx(single, abs=1)
    assert result.uncertainty.evpi == 0
    best = result.best_option
    assert best == result.uncertainty.single_estimate_best
    # Nothing to lose by chance: an option's expected loss is just its shortfall.
    assert result.uncertainty.expected_loss == pytest.approx(
        [single[best] - value for value in single], abs=1
    )
    assert result.uncertainty.expected_loss[best] == 0
    assert result.options[2].client_years != result.options[1].client_years


def test_the_chosen_options_expected_loss_is_the_evpi_and_the_others_lose_more():
    result = score(assessment(*THREE, **FIVE_YEARS))

    uncertainty = result.uncertainty
    loss = uncertainty.expected_loss
    assert loss[result.best_option] == uncertainty.evpi > 0
    assert all(value >= loss[result.best_option] for value in loss)
    # Loss is each draw's best less the option: the differences of losses are the
    # differences of means.
    means = uncertainty.mean_net_benefit
    for k in range(3):
        assert loss[k] - loss[result.best_option] == pytest.approx(
            means[result.best_option] - means[k], abs=0.02
        )


def test_the_acceptability_frontier_at_the_agencys_figure_is_the_chosen_option():
    # 1 a point is a point of the curve (0 to 2.4 by 0.1 for these options).
    result = score(assessment(*THREE, **FIVE_YEARS))

    uncertainty = result.uncertainty
    point = uncertainty.curve_wtp.index(1)
    assert uncertainty.curve_frontier[point] == result.best_option
    assert uncertainty.curve_loss[point] == pytest.approx(uncertainty.expected_loss, abs=0.01)
    # At every point the frontier's option is the one that loses least on average.
    for frontier, losses in zip(uncertainty.curve_frontier, uncertainty.curve_loss, strict=True):
        assert losses[frontier] == min(losses)
    # The frontier moves: the cheapest at no willingness to pay, a better one further up.
    assert len(set(uncertainty.curve_frontier)) > 1


def test_a_lead_within_the_runs_own_error_is_as_good_as_a_tie():
    now = option("What happens now", comparator=True, confidence="low", **ratings(3))
    twin = option("Volunteers", co_produced=True, confidence="low", **ratings(4))
    close = score(assessment(now, twin, replace(twin, name="Volunteers, the twin")))
    uncertainty = close.uncertainty
    assert uncertainty.lead_error > 0
    assert abs(uncertainty.lead) <= 2 * uncertainty.lead_error
    assert uncertainty.as_good_as_a_tie
    cheap = replace(twin, annual_agency_cost=1_000)
    clear = score(assessment(now, cheap)).uncertainty
    assert clear.lead > 2 * clear.lead_error and not clear.as_good_as_a_tie
    means = clear.mean_net_benefit
    assert clear.lead == pytest.approx(means[clear.best_option] - means[clear.runner_up], abs=0.02)


def test_the_leads_error_is_the_standard_error_of_a_mean_over_the_draws():
    # The standard error of a mean of n draws is their sample standard deviation over
    # the square root of n; here the draws are each try's lead of the best over the
    # runner-up, rebuilt from the run's own seed.
    now = option("What happens now", comparator=True, confidence="low", **ratings(3))
    volunteers = option("Volunteers", co_produced=True, confidence="medium", **ratings(4))
    inputs = assessment(now, volunteers)
    result = score(inputs)
    net_benefit, _, _ = the_draws(inputs, result)
    u = result.uncertainty
    lead = net_benefit[u.best_option] - net_benefit[u.runner_up]
    assert u.lead == pytest.approx(float(lead.mean()), abs=0.01)
    expected = float(np.std(lead, ddof=1)) / DRAWS**0.5
    assert u.lead_error == pytest.approx(expected, abs=0.01)
