"""Value judgements: break-even values and scenarios.

The value of an hour of co-producers' time, the discount rate, the value of a quality
point and the price of each outcome ("outcome:0", ...) are the agency's to set; no study would settle them, so they are not drawn (see
`uncertainty`). Instead the report gives, for each, its break-even values, the nearest
values below and above the agency's at which another option would become the best choice
on expected net benefit, and the choice at the agency's low, central and high values
(scenarios), one judgement moved at a time.

Exact, not sampled: the expected net benefit is worked out from each option's expected
amounts in each year (`uncertainty.streams`), which no judgement changes, so it is exact
at any value. It is a straight line in the value of an hour, of a quality point and of
an outcome's unit, so their break-even values are where two lines cross. The discount rate bends it;
its break-even values are found on a grid of 0.05 percentage points and placed by
bisection to a hundredth of a basis point.
"""

from __future__ import annotations

import numpy as np

from assessments.scoring.inputs import LIMITS, VALUE_JUDGEMENTS, AssessmentInputs
from assessments.scoring.results import BreakEven, Scenario
from assessments.scoring.rounding import round_half_up

# Where each judgement is looked at: 0 to the largest value the forms accept.
_UPPER = {
    "hourly_rate": float(LIMITS.hourly_rate),
    "willingness_to_pay": float(LIMITS.willingness_to_pay),
    "discount_rate": LIMITS.discount_rate_percent / 100,
}
# An outcome's price per unit: at most the largest a reference value may have.
_PRICE_UPPER = 1_000_000_000.0
_RATE_STEP = 0.0005
_BISECTIONS = 40
# Places each judgement is given to: money 2, the discount rate (a fraction) 6.
_PLACES = {"hourly_rate": 2, "willingness_to_pay": 4, "discount_rate": 6}


def _discount(years: int, rate: float) -> np.ndarray:
    return (1 + rate) ** -np.arange(years + 1, dtype=float)


def _yearly(expected: dict, values: dict[str, float]) -> np.ndarray:
    """Each option's expected net benefit in each year, undiscounted."""
    yearly = (
        values["willingness_to_pay"] * expected["effect"]
        - expected["agency"]
        - values["hourly_rate"] * expected["hours"]
        - expected["money"]
    )
    for k, units in enumerate(expected["outcomes"]):
        yearly = yearly + values[f"outcome:{k}"] * units
    return yearly


def judgement_names(inputs: AssessmentInputs) -> list[str]:
    """The value judgements of this assessment: VALUE_JUDGEMENTS, then each outcome's
    price ("outcome:0", ...)."""
    return [*VALUE_JUDGEMENTS, *(f"outcome:{k}" for k in range(len(inputs.outcomes)))]


def _central(inputs: AssessmentInputs) -> dict[str, float]:
    return {
        "willingness_to_pay": float(inputs.willingness_to_pay),
        "hourly_rate": float(inputs.hourly_rate or 0),
        "discount_rate": float(inputs.discount_rate),
        **{f"outcome:{k}": float(outcome.price) for k, outcome in enumerate(inputs.outcomes)},
    }


def _net_benefit_at(expected: dict, values: dict[str, float]) -> np.ndarray:
    years = expected["agency"].shape[1] - 1
    return _yearly(expected, values) @ _discount(years, values["discount_rate"])


def _best(net_benefit: np.ndarray) -> int:
    return int(np.argmax(net_benefit))  # ties to the earlier option


def _linear_switch(intercepts, slopes, value, best, upper):
    """Lines a + b v, `best` highest at `value`: the nearest crossing below and above it
    within 0..upper, each with the option that takes over: (below, its option, above, its
    option), None where there is none."""
    below = above = below_option = above_option = None
    for other in range(len(intercepts)):
        slope = slopes[other] - slopes[best]
        if other == best or slope == 0:
            continue
        crossing = (intercepts[best] - intercepts[other]) / slope
        rising_past = slope > 0 and value <= crossing <= upper
        if rising_past and (above is None or crossing < above):
            above, above_option = crossing, other
        falling_past = slope < 0 and 0 <= crossing <= value
        if falling_past and (below is None or crossing > below):
            below, below_option = crossing, other
    return below, below_option, above, above_option


def _rate_switch(expected, values, best):
    """As `_linear_switch`, for the discount rate: every point of a grid at once, then
    bisection between the two points around each turn."""
    central = values["discount_rate"]
    years = expected["agency"].shape[1] - 1
    yearly = _yearly(expected, values)
    grid = np.arange(0.0, _UPPER["discount_rate"] + _RATE_STEP / 2, _RATE_STEP)
    factors = (1 + grid[:, None]) ** -np.arange(years + 1, dtype=float)
    leaders = (factors @ yearly.T).argmax(axis=1)

    def best_at(rate):
        return _best(yearly @ _discount(years, rate))

    def bisect(inside, outside):
        for _ in range(_BISECTIONS):
            middle = (inside + outside) / 2
            if best_at(middle) == best:
                inside = middle
            else:
                outside = middle
        return outside, best_at(outside)

    above = below = above_option = below_option = None
    turned = np.nonzero((leaders != best) & (grid > central))[0]
    if len(turned):
        above, above_option = bisect(central, float(grid[turned[0]]))
    turned = np.nonzero((leaders != best) & (grid < central))[0]
    if len(turned):
        below, below_option = bisect(central, float(grid[turned[-1]]))
    return below, below_option, above, above_option


def break_even(inputs: AssessmentInputs, expected: dict, best: int) -> tuple[BreakEven, ...]:
    """For each value judgement, how far it may move, all else as set, before another
    option has the highest expected net benefit (see `BreakEven`)."""
    values = _central(inputs)
    ends = []
    for name in judgement_names(inputs):
        if name == "discount_rate":
            found = _rate_switch(expected, values, best)
        else:
            # Expected net benefit = intercept + slope x the judgement, from two points.
            at_zero = _net_benefit_at(expected, {**values, name: 0.0})
            slopes = _net_benefit_at(expected, {**values, name: 1.0}) - at_zero
            upper = _UPPER.get(name, _PRICE_UPPER)
            found = _linear_switch(at_zero, slopes, values[name], best, upper)
        below, below_option, above, above_option = found
        places = _PLACES.get(name, 2)
        ends.append(
            BreakEven(
                name=name,
                central=values[name],
                below=None if below is None else round_half_up(float(below), places),
                below_option=None if below_option is None else int(below_option),
                above=None if above is None else round_half_up(float(above), places),
                above_option=None if above_option is None else int(above_option),
            )
        )
    return tuple(ends)


def scenarios(
    inputs: AssessmentInputs, expected: dict, ranges: dict[str, tuple[float, float, float]]
) -> tuple[Scenario, ...]:
    """The choice at each value judgement's low, central and high value (`ranges`), the
    others as set: three scenarios a judgement, in VALUE_JUDGEMENTS order."""
    values = _central(inputs)
    found = []
    for name in judgement_names(inputs):
        for level, value in zip(("low", "central", "high"), ranges[name], strict=True):
            net_benefit = _net_benefit_at(expected, {**values, name: value})
            best = _best(net_benefit)
            found.append(
                Scenario(
                    name=name,
                    level=level,
                    value=value,
                    best_option=best,
                    mean_net_benefit=round_half_up(float(net_benefit[best]), 2),
                )
            )
    return tuple(found)
