"""The appraisal: which option is best, and how sure that is.

Each option is costed first (see `costs`, which also says what an option's effect is).

Decision rule
    The willingness to pay (wtp) is what one quality point for one client for one year is
    worth to the agency. Net benefit = wtp x effect - full cost; the best option has the
    highest. The efficient frontier holds the options that neither cost more for no more
    effect (dominated) nor are beaten by a mix of two neighbours (extended dominance), with
    the extra cost per extra quality-point client-year between neighbours; each frontier
    option is best over one range of wtp, so the result helps before a wtp is settled.

Exact arithmetic
    The choice (frontier, best option, plane, switching values) is worked out in exact
    fractions from the rounded figures the report shows, so a tie is a tie, a manager can
    check a result by hand, and no float error can pick the wrong option at large sums.

How sure the choice is
    A Monte Carlo run over the ranges of the answers (see `uncertainty`) gives each
    option's probability of being best. The choice is robust when the best option's is at
    least 80%, fragile when lower; with no willingness to pay there is no choice to be
    robust about. The switching values say how far the best option's quality could fall,
    or its cost rise, before the runner-up overtakes it.

Tie rule on the plane
    Two costs per client-year are the same when they differ by no more than 0.5% of the
    comparator's; two quality indexes are the same when they differ by no more than 0.5
    points. The boundary itself counts as a tie.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from assessments.scoring.costs import cost_option, effect, net_benefit, net_cost
from assessments.scoring.inputs import (
    MAX_OPTIONS,
    MIN_OPTIONS,
    AssessmentInputs,
    Dominance,
    Money,
    Quadrant,
    Sensitivity,
)
from assessments.scoring.results import OptionResult, PlaneResult, Uncertainty
from assessments.scoring.rounding import Number, exact, round_half_up
from assessments.scoring.uncertainty import ROBUST_PROBABILITY, simulate

COST_TIE_FRACTION = 0.005  # of the comparator's cost per client-year
QUALITY_TIE_POINTS = 0.5  # quality-index points

QUADRANT_WORDS: dict[Quadrant, str] = {
    Quadrant.CHEAPER_BETTER: "cheaper and better",
    Quadrant.CHEAPER_SAME: "cheaper, same quality",
    Quadrant.SAME_BETTER: "same cost, better quality",
    Quadrant.DEARER_BETTER: "costs more for better quality",
    Quadrant.SAME_SAME: "the same cost and quality",
    Quadrant.CHEAPER_WORSE: "cheaper but lower quality",
    Quadrant.SAME_WORSE: "same cost, lower quality",
    Quadrant.DEARER_SAME: "costs more for the same quality",
    Quadrant.DEARER_WORSE: "costs more and is worse",
}

# (cost band, quality band) -> quadrant. Cost: -1 cheaper, 0 the same, 1 dearer; quality:
# 1 better, 0 the same, -1 worse.
_QUADRANTS = {
    (-1, 1): Quadrant.CHEAPER_BETTER,
    (-1, 0): Quadrant.CHEAPER_SAME,
    (0, 1): Quadrant.SAME_BETTER,
    (1, 1): Quadrant.DEARER_BETTER,
    (0, 0): Quadrant.SAME_SAME,
    (-1, -1): Quadrant.CHEAPER_WORSE,
    (0, -1): Quadrant.SAME_WORSE,
    (1, 0): Quadrant.DEARER_SAME,
    (1, -1): Quadrant.DEARER_WORSE,
}

# --- The efficient frontier ---------------------------------------------------------------


@dataclass(frozen=True)
class Frontier:
    """The efficient frontier of a set of options on (full cost, effect).

    `options` are the indexes on it, cheapest first; `thresholds[k - 1]` is the extra cost
    per extra quality-point client-year from `options[k - 1]` to `options[k]` (strictly
    rising, so each option on the frontier is best over a range of willingness to pay
    that is not empty); `dominance` says, for every index, why it is off the frontier.
    """

    options: tuple[int, ...]
    thresholds: tuple[Fraction, ...]
    dominance: tuple[Dominance, ...]

    def best_at(self, willingness_to_pay: Number) -> int:
        """The option with the highest net benefit at this willingness to pay; at a
        threshold, where two neighbours tie, the dearer and better of the two."""
        wtp = exact(willingness_to_pay)
        return self.options[sum(1 for threshold in self.thresholds if threshold <= wtp)]


def efficient_frontier(points: Sequence[tuple[Number, Number]]) -> Frontier:
    """The frontier of (full cost, effect) points, one per option, in the options' order.

    An option is dominated when another costs no more and achieves no less, and is better
    on one count; of two identical options the later is dominated. Of the rest, cheapest
    first, an option is extendedly dominated while its extra cost per extra point over the
    previous option is at least that of the next option over it: a mix of those two
    neighbours would do better. Equality counts as dominance, so no option on the frontier
    has an empty range.
    """
    # Whole numbers on a common scale for each axis: exact, and quick to compare.
    costs, cost_scale = _whole_numbers([cost for cost, _ in points])
    effects, effect_scale = _whole_numbers([effect for _, effect in points])
    dominance = [Dominance.NONE] * len(points)
    for i in range(len(points)):
        for j in range(len(points)):
            no_worse = j != i and costs[j] <= costs[i] and effects[j] >= effects[i]
            if no_worse and (costs[j] < costs[i] or effects[j] > effects[i] or j < i):
                dominance[i] = Dominance.DOMINATED
                break
    # Undominated options rise strictly in both cost and effect.
    hull = sorted(
        (i for i in range(len(points)) if dominance[i] == Dominance.NONE),
        key=lambda i: (costs[i], -effects[i], i),
    )

    def no_cheaper_than_next(a: int, b: int, c: int) -> bool:
        """The extra cost per point from a to b is at least that from b to c."""
        return (costs[b] - costs[a]) * (effects[c] - effects[b]) >= (costs[c] - costs[b]) * (
            effects[b] - effects[a]
        )

    k = 1
    while k < len(hull) - 1:
        if no_cheaper_than_next(hull[k - 1], hull[k], hull[k + 1]):
            dominance[hull.pop(k)] = Dominance.EXTENDED
            k = max(1, k - 1)  # the previous option now has a new neighbour: look again
        else:
            k += 1
    thresholds = tuple(
        Fraction((costs[b] - costs[a]) * effect_scale, (effects[b] - effects[a]) * cost_scale)
        for a, b in zip(hull, hull[1:], strict=False)
    )
    return Frontier(options=tuple(hull), thresholds=thresholds, dominance=tuple(dominance))


def _whole_numbers(values: Sequence[Number]) -> tuple[list[int], int]:
    """The values times the smallest scale that makes every one of them whole, and the scale."""
    fractions = [exact(value) for value in values]
    scale = math.lcm(*(fraction.denominator for fraction in fractions))
    return [fraction.numerator * (scale // fraction.denominator) for fraction in fractions], scale


def best_option_at(points: Sequence[tuple[Number, Number]], willingness_to_pay: Number) -> int:
    """The index of the best of these (full cost, effect) points at this willingness to pay."""
    return efficient_frontier(points).best_at(willingness_to_pay)


# --- The plane ----------------------------------------------------------------------------


def cost_band(cost: Number, comparator_cost: Number) -> int:
    """-1 cheaper, 0 the same (within 0.5% of the comparator's, boundary included), 1 dearer."""
    difference = exact(cost) - exact(comparator_cost)
    margin = exact(COST_TIE_FRACTION) * abs(exact(comparator_cost))
    if difference < -margin:
        return -1
    return 1 if difference > margin else 0


def quality_band(quality: Number, comparator_quality: Number) -> int:
    """1 better, 0 the same (within 0.5 points, boundary included), -1 worse."""
    difference = exact(quality) - exact(comparator_quality)
    margin = exact(QUALITY_TIE_POINTS)
    if difference > margin:
        return 1
    return -1 if difference < -margin else 0


def plane_quadrant(
    cost: Number, comparator_cost: Number, quality: Number, comparator_quality: Number
) -> Quadrant:
    """Where an option sits against the comparator: cost per client-year and quality."""
    return _QUADRANTS[cost_band(cost, comparator_cost), quality_band(quality, comparator_quality)]


def _plane_pair(
    options: Sequence[OptionResult],
    on_frontier: Collection[int],
    wtp: Money | None,
    means: Sequence[float] = (),
) -> tuple[OptionResult, OptionResult] | None:
    """The co-produced option to set against the comparator, and the comparator.

    With a willingness to pay, the co-produced option with the highest net benefit;
    without, the one on the frontier with the lowest cost per client-year, or failing
    that the lowest of all. Ties go to the earlier option. None when no co-produced option
    (or the comparator) serves any client.
    """
    comparator = next(option for option in options if option.comparator)
    candidates = [
        option
        for option in options
        if option.co_produced and not option.comparator and option.cost_per_client_year is not None
    ]
    if comparator.cost_per_client_year is None or not candidates:
        return None
    if wtp is not None and means:
        chosen = max(candidates, key=lambda o: (means[o.index], -o.index))
    elif wtp is not None:
        chosen = max(candidates, key=lambda o: (net_benefit(o, wtp), -o.index))
    else:
        pool = [option for option in candidates if option.index in on_frontier] or candidates
        chosen = min(pool, key=lambda o: (exact(o.cost_per_client_year), o.index))
    return chosen, comparator


def _quadrant(option: OptionResult, comparator: OptionResult) -> Quadrant:
    return plane_quadrant(
        option.cost_per_client_year,
        comparator.cost_per_client_year,
        option.quality_index,
        comparator.quality_index,
    )


def _plane(
    options: Sequence[OptionResult],
    frontier: Frontier,
    wtp: Money | None,
    means: Sequence[float] = (),
) -> PlaneResult | None:
    pair = _plane_pair(options, frontier.options, wtp, means)
    if pair is None:
        return None
    chosen, comparator = pair
    net_benefit_change = None
    if wtp is not None and means:
        change = exact(means[chosen.index]) - exact(means[comparator.index])
        net_benefit_change = round_half_up(change, 2)
    elif wtp is not None:
        change = exact(chosen.net_benefit) - exact(comparator.net_benefit)
        net_benefit_change = round_half_up(change, 2)
    cost_change = exact(chosen.cost_per_client_year) - exact(comparator.cost_per_client_year)
    quality_change = exact(chosen.quality_index) - exact(comparator.quality_index)
    return PlaneResult(
        option_index=chosen.index,
        comparator_index=comparator.index,
        cost_change=round_half_up(cost_change, 2),
        quality_change=round_half_up(quality_change, 1),
        quadrant=_quadrant(chosen, comparator),
        net_benefit_change=net_benefit_change,
    )


# --- The choice ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Choice:
    """The options costed and, when all are, the choice between them (no uncertainty).

    `costed` holds the options as costed, before their places on the frontier are known.
    """

    costed: tuple[OptionResult | None, ...]
    options: tuple[OptionResult | None, ...]
    appraised: bool = False
    best_option: int | None = None
    runner_up: int | None = None
    plane: PlaneResult | None = None
    frontier: Frontier | None = None


def _cost_all(inputs: AssessmentInputs) -> tuple[OptionResult | None, ...]:
    return tuple(cost_option(inputs, i, option) for i, option in enumerate(inputs.options))


def _appraisable(options: Sequence[OptionResult | None]) -> bool:
    return (
        MIN_OPTIONS <= len(options) <= MAX_OPTIONS
        and all(option is not None for option in options)
        and sum(option.comparator for option in options) == 1
    )


def _frontier_of(options: Sequence[OptionResult]) -> Frontier:
    return efficient_frontier([(net_cost(option), effect(option)) for option in options])


def _choose(costed: tuple[OptionResult | None, ...], wtp: Money | None) -> _Choice:
    if not _appraisable(costed):
        return _Choice(costed, costed)
    frontier = _frontier_of(costed)
    best = runner_up = None
    if wtp is not None:
        best = frontier.best_at(wtp)
        others = [option for option in costed if option.index != best]
        runner_up = max(others, key=lambda o: (net_benefit(o, wtp), -o.index)).index
    thresholds = [round_half_up(threshold, 4) for threshold in frontier.thresholds]
    options = tuple(_place(option, frontier, thresholds, best) for option in costed)
    plane = _plane(options, frontier, wtp)
    return _Choice(costed, options, True, best, runner_up, plane, frontier)


def _place(
    option: OptionResult, frontier: Frontier, thresholds: list[float], best: int | None
) -> OptionResult:
    """The option with its place on the frontier and its range of willingness to pay."""
    if option.index not in frontier.options:
        return replace(option, dominance=frontier.dominance[option.index])
    k = frontier.options.index(option.index)
    return replace(
        option,
        on_frontier=True,
        incremental_cost_per_point=thresholds[k - 1] if k else None,
        best_from_wtp=thresholds[k - 1] if k else 0.0,
        best_to_wtp=thresholds[k] if k < len(thresholds) else None,
        is_best=option.index == best,
    )


# --- Appraisal, robustness and switching values -------------------------------------------


@dataclass(frozen=True)
class Appraisal:
    """The appraisal part of an `AssessmentResult` (see there for what each field means)."""

    options: tuple[OptionResult | None, ...] = ()
    appraised: bool = False
    best_option: int | None = None
    runner_up: int | None = None
    plane: PlaneResult | None = None
    sensitivity: Sensitivity | None = None
    uncertainty: Uncertainty | None = None
    quality_switching_points: float | None = None
    cost_switching_percent: float | None = None


def appraise(inputs: AssessmentInputs) -> Appraisal:
    """Cost every option and, when all are costed, choose between them and test the choice.

    The choice is the option with the highest expected (mean) net benefit over the
    uncertainty run, which may differ from the one best on the single estimates (the
    frontier's); the runner-up has the next highest mean. The plane then sets against the
    comparator the co-produced option with the highest mean net benefit.
    """
    wtp = inputs.willingness_to_pay
    choice = _choose(_cost_all(inputs), wtp)
    if not choice.appraised:
        return Appraisal(options=choice.options)
    uncertainty = simulate(inputs, choice.options, choice.best_option)
    if uncertainty.best_option is not None:
        best, runner_up = uncertainty.best_option, uncertainty.runner_up
        options = tuple(replace(o, is_best=o.index == best) for o in choice.options)
        means = uncertainty.mean_net_benefit
        choice = replace(
            choice,
            options=options,
            best_option=best,
            runner_up=runner_up,
            plane=_plane(options, choice.frontier, wtp, means),
        )
    quality_points, cost_percent = _switching_values(choice, wtp, uncertainty.single_estimate_best)
    return Appraisal(
        options=choice.options,
        appraised=True,
        best_option=choice.best_option,
        runner_up=choice.runner_up,
        plane=choice.plane,
        sensitivity=_sensitivity(uncertainty, choice.best_option),
        uncertainty=uncertainty,
        quality_switching_points=quality_points,
        cost_switching_percent=cost_percent,
    )


def _sensitivity(uncertainty: Uncertainty, best_option: int | None) -> Sensitivity | None:
    """Robust when the best option is best in at least ROBUST_PROBABILITY of the draws,
    else fragile; None without a willingness to pay, as there is no choice yet."""
    if best_option is None:
        return None
    if uncertainty.probability_best[best_option] >= ROBUST_PROBABILITY:
        return Sensitivity.ROBUST
    return Sensitivity.FRAGILE


def _stated_switch(value: Fraction) -> float:
    """Round a switching value down to 1 place, and one step further when it lands exactly
    on the switch (where the two options tie), so the stated change always keeps the
    choice: at the stated value the best option is unchanged, past the exact one it is not."""
    tenths = math.floor(value * 10)
    if tenths == value * 10 and tenths > 0:
        tenths -= 1
    return float(Fraction(tenths, 10))


def _switching_values(
    choice: _Choice, willingness_to_pay: Money | None, single_estimate_best: int | None
) -> tuple[float | None, float | None]:
    """How far the best option's quality could fall, and its full cost rise, before
    another option overtakes it on net benefit (on the single estimates).

    Only when the chosen option is also the one best on the single estimates: otherwise
    its lead there is already gone (or lost on a tie), and there is nothing to state. The
    gap is the best option's net benefit less the highest of the others' (its closest
    rival on the single estimates, which need not be the runner-up on average). Quality
    points: the gap / (wtp x the best option's client-years); None when that fall is not
    possible within the 0-100 scale (it is at least the best option's index) or no fall
    would matter (a wtp of 0, or no clients). Cost percent: the gap / the best option's
    full cost x 100; None when it costs nothing. Both rounded down (see `_stated_switch`).
    """
    if choice.best_option is None or choice.runner_up is None or willingness_to_pay is None:
        return None, None
    if choice.best_option != single_estimate_best:
        # Best on average but not on the single estimates: there its lead is already gone.
        return None, None
    best = choice.options[choice.best_option]
    rival = max(
        net_benefit(option, willingness_to_pay)
        for option in choice.options
        if option.index != best.index
    )
    gap = net_benefit(best, willingness_to_pay) - rival
    quality_points = cost_percent = None
    value_of_a_point = exact(willingness_to_pay) * exact(best.client_years)
    if value_of_a_point > 0:
        fall = gap / value_of_a_point
        if fall < exact(best.quality_index):
            quality_points = _stated_switch(fall)
    if best.full_cost > 0:
        cost_percent = _stated_switch(gap / exact(best.full_cost) * 100)
    return quality_points, cost_percent
