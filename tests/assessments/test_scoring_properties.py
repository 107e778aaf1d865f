"""Properties of the appraisal that hold for every answer the forms accept (within LIMITS).

Hypothesis runs a fixed, derandomized set of examples so the suite is repeatable and
quick. The Monte Carlo run takes fewer draws here than in the app: these properties hold
whatever the number, and 1,000-odd runs at the full number would take most of the suite's
time (test_uncertainty.py tests the run at its full size). No database.
"""

import math
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.scoring import (
    LIMITS,
    RATING_FIELDS,
    AssessmentInputs,
    Dominance,
    OptionInputs,
    score,
)
from assessments.scoring import uncertainty as monte_carlo
from assessments.scoring.appraisal import best_option_at
from assessments.scoring.costs import effect
from assessments.scoring.rounding import exact


@pytest.fixture(autouse=True, scope="module")
def fewer_draws():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(monte_carlo, "DRAWS", 250)
        yield


properties = settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def amounts(limit, places=0):
    """Round numbers (where ties and dominance happen) and the limit itself, or any number
    up to the limit with up to `places` decimal places."""
    scale = 10**places
    return st.one_of(
        st.sampled_from([0, 1, 500, 1_000, 5_000, 10_000, limit]),
        st.integers(0, limit * scale).map(lambda whole: Decimal(whole) / scale),
    )


def option_inputs(blanks):
    """One option, every answer within LIMITS; with `blanks`, any answer may be missing.

    Strategies are built once, here: building them inside a draw is slow."""

    def maybe(strategy):
        return st.one_of(st.none(), strategy) if blanks else strategy

    money = amounts(LIMITS.money, places=2)
    return st.builds(
        OptionInputs,
        co_produced=st.booleans(),
        setup_cost=maybe(money),
        annual_agency_cost=maybe(money),
        annual_co_producer_hours=st.one_of(st.none(), amounts(LIMITS.hours_a_year, 1)),
        annual_co_producer_money=st.one_of(st.none(), money),
        clients_per_year=maybe(amounts(LIMITS.clients_a_year)),
        ramp_up_years=st.one_of(st.none(), st.integers(0, LIMITS.ramp_up_years)),
        confidence=maybe(st.sampled_from(["high", "medium", "low"])),
        **{field: maybe(st.integers(1, 5)) for field in RATING_FIELDS},
    )


def settings_inputs(blanks):
    """The assessment's other answers the appraisal uses. People a year x hours each is
    kept within LIMITS.hours_a_year, the bound on hours."""

    def maybe(strategy):
        return st.one_of(st.none(), strategy) if blanks else strategy

    # A percentage with up to 2 places, as a fraction: 0 to 0.2
    rates = st.integers(0, LIMITS.discount_rate_percent * 100).map(lambda n: Decimal(n) / 10_000)
    return st.fixed_dictionaries(
        {
            "co_producers_per_year": maybe(st.integers(0, 1_000_000)),
            "hours_per_co_producer": maybe(amounts(10_000, 1)),
            "hourly_rate": maybe(amounts(LIMITS.hourly_rate, 2)),
            "appraisal_years": maybe(st.integers(1, LIMITS.appraisal_years)),
            "discount_rate": maybe(rates),
        }
    )


NAMES = ("What happens now", "Volunteers", "Online returns", "", "Peer group", "Contracted")
OPTIONS = {blanks: option_inputs(blanks) for blanks in (False, True)}
SETTINGS = {blanks: settings_inputs(blanks) for blanks in (False, True)}
willingness_to_pay = st.one_of(
    st.integers(0, 10),
    st.integers(0, LIMITS.willingness_to_pay * 100).map(lambda cents: Decimal(cents) / 100),
)


@st.composite
def assessments(draw, most=6, wtp=willingness_to_pay, blanks=False):
    """An assessment of 2 to `most` options, all costed (unless `blanks`), one the comparator."""
    chosen = draw(st.lists(OPTIONS[blanks], min_size=2, max_size=most))
    comparator = draw(st.integers(0, len(chosen) - 1))
    chosen = [replace(o, name=NAMES[i], comparator=i == comparator) for i, o in enumerate(chosen)]
    return AssessmentInputs(
        **draw(SETTINGS[blanks]), willingness_to_pay=draw(wtp), options=tuple(chosen)
    )


def cheapest(result):
    """Lowest full cost; of equal costs the better; then the earlier."""
    return min(result.options, key=lambda o: (exact(o.full_cost), -effect(o), o.index)).index


def decimals(value):
    return -Decimal(repr(value)).as_tuple().exponent


def fits(value, places, bound, low=None):
    """Finite, within the bound, and with no more decimal places than its column keeps."""
    if value is None:
        return True
    return (
        math.isfinite(value)
        and abs(value) < bound
        and decimals(value) <= places
        and (low is None or value >= low)
    )


def assert_uncertainty_is_sound(result, willingness_to_pay):
    """Probabilities between 0 and 1 adding up to one, every figure finite and fitting
    its column, the value of perfect information never negative."""
    uncertainty = result.uncertainty
    assert uncertainty.curve_wtp[0] == 0
    assert all(fits(wtp, 4, 10**7, low=0) for wtp in uncertainty.curve_wtp)
    assert list(uncertainty.curve_wtp) == sorted(set(uncertainty.curve_wtp))
    for shares in (*uncertainty.curve, uncertainty.probability_best):
        assert all(0 <= share <= 1 and decimals(share) <= 5 for share in shares)
    for shares in uncertainty.curve:
        assert math.isclose(sum(shares), 1)
    if willingness_to_pay is None:
        assert uncertainty.probability_best == () and uncertainty.evpi is None
        assert result.sensitivity is None
        return
    assert math.isclose(sum(uncertainty.probability_best), 1)
    largest_error = math.sqrt(0.25 / uncertainty.draws) + 0.0001
    assert all(fits(error, 4, largest_error, low=0) for error in uncertainty.probability_error)
    assert fits(uncertainty.evpi, 2, 10**18, low=0)
    assert fits(uncertainty.evpi_per_client_year, 2, 10**18, low=0)
    assert all(fits(mean, 2, 10**18) for mean in uncertainty.mean_net_benefit)
    assert len(uncertainty.tornado) <= 10
    for bar in uncertainty.tornado:
        assert fits(bar.gap_at_low, 2, 10**18) and fits(bar.gap_at_high, 2, 10**18)
        assert math.isfinite(bar.low_value) and bar.low_value <= bar.high_value
    swings = [bar.swing for bar in uncertainty.tornado]
    assert swings == sorted(swings, reverse=True)
    assert result.sensitivity is not None


@properties
@given(assessments(wtp=st.one_of(st.none(), willingness_to_pay), blanks=True))
def test_every_result_is_finite_and_fits_its_column(inputs):
    result = score(inputs)

    for o in result.options:
        if o is None:
            continue
        for cost in (o.agency_cost, o.co_producer_time_cost, o.co_producer_money_cost, o.full_cost):
            assert fits(cost, 2, 10**18, low=0), cost
        for per_client_year in (o.cost_per_client_year, o.agency_cost_per_client_year):
            assert fits(per_client_year, 2, 10**18, low=0), per_client_year
        assert fits(o.net_benefit, 2, 10**18)
        assert fits(o.client_years, 2, 10**18, low=0)
        # Exact: a multiple of 6.25 (four whole ratings), so 2 places, never rounded to 1.
        assert 0 <= o.quality_index <= 100 and decimals(o.quality_index) <= 2
        assert exact(o.quality_index) % Fraction(25, 4) == 0
        for rate in (o.incremental_cost_per_point, o.best_from_wtp, o.best_to_wtp):
            assert fits(rate, 4, 10**20, low=0), rate
    if result.plane is not None:
        assert fits(result.plane.cost_change, 2, 10**18)
        assert -100 <= result.plane.quality_change <= 100
        assert decimals(result.plane.quality_change) <= 1
        assert fits(result.plane.net_benefit_change, 2, 10**18)
    assert fits(result.quality_switching_points, 1, 100, low=0)
    if result.appraised:
        assert_uncertainty_is_sound(result, inputs.willingness_to_pay)
    else:
        assert result.uncertainty is None and result.sensitivity is None
    assert result.cost_switching_percent is None or (
        math.isfinite(result.cost_switching_percent)
        and result.cost_switching_percent >= 0
        and decimals(result.cost_switching_percent) <= 1
    )


@properties
@given(assessments())
def test_an_appraised_assessment_has_one_best_option_agreeing_with_net_benefit(inputs):
    result = score(inputs)

    assert result.appraised
    uncertainty = result.uncertainty
    # The choice: the one option with the highest mean net benefit over the draws.
    best = result.best
    assert best.is_best
    assert sum(o.is_best for o in result.options) == 1
    means = uncertainty.mean_net_benefit
    assert means[best.index] == max(means)
    assert result.runner_up != best.index
    assert means[result.runner_up] == max(m for i, m in enumerate(means) if i != best.index)
    # The option best on the single estimates is on the frontier, over a range of
    # willingness to pay holding the agency's, and no option beats its net benefit
    # (rounded to the cent).
    single = result.options[uncertainty.single_estimate_best]
    assert single.on_frontier
    assert single.net_benefit == max(o.net_benefit for o in result.options)
    assert single.best_from_wtp <= float(inputs.willingness_to_pay) + 0.0001
    assert single.best_to_wtp is None or float(inputs.willingness_to_pay) <= single.best_to_wtp
    assert uncertainty.choice_differs == (best.index != single.index)


@properties
@given(assessments(wtp=st.just(0)))
def test_at_no_willingness_to_pay_the_best_option_is_the_cheapest(inputs):
    result = score(inputs)

    # On the single estimates, the cheapest; on average, the cheapest on average.
    assert result.uncertainty.single_estimate_best == cheapest(result)
    means = result.uncertainty.mean_net_benefit
    assert all(mean <= 0 for mean in means)
    assert means[result.best_option] == max(means)


@properties
@given(assessments(most=5), st.data())
def test_adding_a_dominated_option_never_changes_the_best_option(inputs, data):
    # A copy of an option that costs the agency 1,000 a year more (at least 916 more in
    # present value, whatever the period and rate), perhaps rated lower: dominated.
    original = data.draw(st.sampled_from(inputs.options))
    worse = replace(
        original,
        name="Worse copy",
        comparator=False,
        annual_agency_cost=original.annual_agency_cost + 1_000,
        **{
            field: max(1, getattr(original, field) - data.draw(st.integers(0, 1)))
            for field in RATING_FIELDS
        },
    )
    before = score(inputs)
    after = score(replace(inputs, options=(*inputs.options, worse)))

    # The frontier's choice. (Not the choice on average: a new option redraws the figures,
    # and the copy's own draws may by chance lead a near tie.)
    assert after.options[-1].dominance == Dominance.DOMINATED
    best = before.uncertainty.single_estimate_best
    assert after.uncertainty.single_estimate_best == best is not None


@properties
@given(assessments(wtp=st.none()), willingness_to_pay, willingness_to_pay)
def test_raising_willingness_to_pay_never_lowers_the_best_options_quality(inputs, low, high):
    low, high = sorted((low, high))
    at_low = score(replace(inputs, willingness_to_pay=low))
    at_high = score(replace(inputs, willingness_to_pay=high))

    # On the single estimates: quality-point client-years, the quality the choice weighs.
    single_low = at_low.options[at_low.uncertainty.single_estimate_best]
    single_high = at_high.options[at_high.uncertainty.single_estimate_best]
    assert effect(single_high) >= effect(single_low)
    assert exact(single_high.full_cost) >= exact(single_low.full_cost)
    # On average, over the same draws (the willingness to pay redraws nothing): the mean
    # net benefit rises with the mean effect, so the choice at the higher figure gains at
    # least as much from the rise as the choice at the lower (each is best where chosen,
    # to the cent).
    assert at_low.uncertainty.seed == at_high.uncertainty.seed
    mean_low = [exact(m) for m in at_low.uncertainty.mean_net_benefit]
    mean_high = [exact(m) for m in at_high.uncertainty.mean_net_benefit]
    chosen_low, chosen_high = at_low.best_option, at_high.best_option
    assert (
        mean_high[chosen_high] - mean_low[chosen_high]
        >= mean_high[chosen_low] - mean_low[chosen_low]
    )


@properties
@given(assessments(wtp=st.none()))
def test_frontier_ranges_cover_all_willingness_to_pay_without_gaps(inputs):
    frontier = score(inputs).frontier

    assert frontier[0].best_from_wtp == 0
    assert frontier[-1].best_to_wtp is None
    for lower, upper in zip(frontier, frontier[1:], strict=False):
        assert lower.best_to_wtp == upper.best_from_wtp == upper.incremental_cost_per_point


@properties
@given(assessments())
def test_switching_values_keep_the_choice_and_just_past_them_it_changes(inputs):
    result = score(inputs)
    wtp = exact(inputs.willingness_to_pay)
    if result.best_option != result.uncertainty.single_estimate_best:
        # Best on average only: on the single estimates its lead is already gone.
        assert result.quality_switching_points is None
        assert result.cost_switching_percent is None
        return
    best = result.best
    points = [(exact(o.full_cost), effect(o)) for o in result.options]
    # Against the closest rival on the single estimates (not necessarily the runner-up on
    # average).
    gap = min(
        (wtp * effect(best) - exact(best.full_cost)) - (wtp * effect(o) - exact(o.full_cost))
        for o in result.options
        if o.index != best.index
    )

    def with_quality_fall(fall):
        changed = list(points)
        quality = exact(best.quality_index) - fall
        changed[best.index] = (points[best.index][0], quality * exact(best.client_years))
        return best_option_at(changed, wtp)

    def with_cost_rise(percent):
        changed = list(points)
        changed[best.index] = (points[best.index][0] * (1 + percent / 100), points[best.index][1])
        return best_option_at(changed, wtp)

    if result.quality_switching_points is not None:
        assert with_quality_fall(exact(result.quality_switching_points)) == best.index
        switch = gap / (wtp * exact(best.client_years))
        assert with_quality_fall(switch + Fraction(1, 10)) != best.index
    if result.cost_switching_percent is not None:
        assert with_cost_rise(exact(result.cost_switching_percent)) == best.index
        switch = gap / exact(best.full_cost) * 100
        assert with_cost_rise(switch + Fraction(1, 10)) != best.index
