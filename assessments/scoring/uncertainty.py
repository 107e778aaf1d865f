"""How sure the choice is: the real unknowns drawn, the choice on expected net benefit,
and what is worth finding out.

What is drawn, and what is not
    Only the real unknowns are drawn, each once. Each ranged answer of an option
    (`RANGED_OPTION_FIELDS`) has a low and a high value; where the manager leaves one
    empty, the default for the option's confidence is used (`default_range`; a blank
    confidence counts as low). A range always holds the estimate: an end on the wrong side
    of it is taken as the estimate.

    - People: when the options serve the same people (`same_population`), the people
      served a year are one figure with one range, drawn once for every option; each option
      then draws its take-up, the share of them it reaches. Otherwise each option draws its
      own clients.
    - Hours and money are per person: an option's co-producers' hours and money are given
      for its clients at their estimate, so in a draw they scale with the clients drawn, and
      their own ranges are the uncertainty in what each person gives.
    - Value judgements are not drawn: the value of an hour of co-producers' time, the
      discount rate and the value of a quality point are the agency's to set. They are
      given as break-even values and scenarios instead (`judgements`).
    - An option's optimism-bias uplift is not drawn: it stays at its confidence's value,
      and the tornado moves all of them at once.

Draws
    `DRAWS` sets of figures are drawn, each from a beta-PERT distribution (weight 4) with
    the estimate as its mode and the range as its ends; a range of no width is a constant.
    PERT rather than triangular: it gives the extremes less weight, and it is the usual
    choice for cost estimates. A draw is costed as `costs` costs one set of figures (year 0
    undiscounted; clients, co-producers' hours and money ramped up in a straight line, the
    ramp-up years continuous; the agency's yearly cost not ramped), unrounded.

The choice
    The best option has the highest expected (mean) net benefit over the draws; the
    runner-up the next highest. Each option's probability of being best, its expected loss
    (the average shortfall of its net benefit against the best option of each draw), the
    acceptability curve and its frontier, the expected value of perfect information and of
    partial information (`evidence`) come from the same draws.

Reproducible
    The random numbers are seeded from a sha256 of the figures drawn (every range and
    estimate, the uplifts and the period), so the same answers always give the same figures
    and any change to them gives others. The value judgements and the names are not part of
    the seed: changing them redraws nothing.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from statistics import NormalDist

import numpy as np

from assessments.scoring import evidence, judgements
from assessments.scoring.costs import option_clients, outcome_effect, resolved_hours
from assessments.scoring.inputs import (
    LIMITS,
    RANGED_OPTION_FIELDS,
    RATING_FIELDS,
    VALUE_JUDGEMENTS,
    AssessmentInputs,
    Confidence,
    Money,
)
from assessments.scoring.results import OptionResult, PartialValue, TornadoBar, Uncertainty
from assessments.scoring.rounding import round_half_up

# The standard error of a probability is at most sqrt(0.25 / 4,000) = 0.8 percentage
# points, small beside the 80% line that makes a choice robust, and 4,000 draws of six
# options over 50 years take a few milliseconds, so the run can go with every save.
DRAWS = 4000
PERT_WEIGHT = 4  # the usual beta-PERT: the mode counts four times as much as either end
ROBUST_PROBABILITY = 0.80  # a choice is robust when its option is best this often
CURVE_POINTS = 25
TORNADO_BARS = 10
SWITCHING_BARS = 5  # the figures of the tornado given a switching value
_SWITCH_GRID = 65  # points tried across a figure's range to find where the choice turns
# The top of the acceptability curve without a frontier threshold or a willingness to pay
# to go by: money per quality point per client-year.
DEFAULT_CURVE_TOP = 10.0

# Default ranges by confidence (blank counts as low).
RELATIVE_SPREAD = {Confidence.HIGH: 0.10, Confidence.MEDIUM: 0.25, Confidence.LOW: 0.50}
RATING_SPREAD = {Confidence.HIGH: 0.5, Confidence.MEDIUM: 1.0, Confidence.LOW: 1.5}
RAMP_UP_SPREAD = {Confidence.HIGH: 0, Confidence.MEDIUM: 1, Confidence.LOW: 2}
# The value judgements' default low and high values, for the scenarios.
HOURLY_RATE_SPREAD = 0.50  # of the rate, either way
WILLINGNESS_TO_PAY_SPREAD = 0.50  # of the figure, either way
DISCOUNT_RATE_SPREAD = 0.01  # one percentage point either way, never below zero
RELATIVE_FIELDS = (
    "setup_cost",
    "annual_agency_cost",
    "annual_co_producer_hours",
    "annual_co_producer_money",
    "clients_per_year",
)

# What each input is, in a manager's words (after an option's name, or on its own).
INPUT_WORDS = {
    "setup_cost": "one-off set-up cost",
    "annual_agency_cost": "cost to the agency each year",
    "annual_co_producer_hours": "hours co-producers give each year",
    "annual_co_producer_money": "co-producers' own money each year",
    "clients_per_year": "clients served each year",
    "take_up": "share of the people it reaches",
    "ramp_up_years": "years to reach full take-up",
    "effectiveness": "rating for effectiveness",
    "consistency": "rating for consistency across areas",
    "trust": "rating for trust and responsiveness",
    "experience": "rating for client experience",
    "population": "People served each year (every option)",
    "hourly_rate": "The value of an hour of people's time",
    "discount_rate": "The discount rate",
    "willingness_to_pay": "The value of one quality point",
    "optimism_bias": "The allowance for optimism",
}
_SURE_WORDS = {
    Confidence.HIGH: "because you are very sure of it",
    Confidence.MEDIUM: "because you are fairly sure of it",
    Confidence.LOW: "because you are not sure of it",
    None: "because you have not said how sure you are",
}
_RATING_SPREAD_WORDS = {0.5: "half a point", 1.0: "one point", 1.5: "one and a half points"}
_YEAR_WORDS = {1: "one year", 2: "two years"}

_CONFIDENCES = frozenset(confidence.value for confidence in Confidence)
_FIELDS = len(RANGED_OPTION_FIELDS)
_ROW = {name: k for k, name in enumerate(RANGED_OPTION_FIELDS)}
_RATING_ROWS = [_ROW[name] for name in RATING_FIELDS]
# The equally likely values each PERT distribution is drawn from (see _pert_quantiles),
# and the points its density is tabulated at to find them.
QUANTILE_LEVELS = 4096
_DENSITY_POINTS = 1025
# A 95% interval of a normal distribution is this many standard deviations either side.
_Z95 = NormalDist().inv_cdf(0.975)


def _confidence(confidence: str | None) -> Confidence:
    return Confidence(confidence) if confidence in _CONFIDENCES else Confidence.LOW


def default_range(name: str, value: Money, confidence: str | None) -> tuple[float, float]:
    """The (low, high) used for an answer whose range is left empty.

    `name` is a RANGED_OPTION_FIELDS name or a value judgement ("hourly_rate",
    "discount_rate" (a fraction, like `value`), "willingness_to_pay"). Money, hours and
    clients: 10%, 25% or 50% either side for high, medium or low confidence, so the range
    is centred on the estimate. Take-up (a share): the same, never above all the people;
    all of them (1) has no default range, as it is the definition of the option rather than
    an estimate. Ratings: half a point, one or one and a half either side, within 1-5. Years
    to full take-up: none, one or two either side, never below none; an option with no
    ramp-up has none in any draw. The value of an hour and of a quality point: 50% either
    side; the discount rate one percentage point, never below zero. A blank confidence
    counts as low.
    """
    value = float(value)
    sure = _confidence(confidence)
    if name in RELATIVE_FIELDS:
        spread = value * RELATIVE_SPREAD[sure]
        return min(value - spread, value + spread), max(value - spread, value + spread)
    if name == "take_up":
        if value >= 1:
            return 1.0, 1.0
        spread = value * RELATIVE_SPREAD[sure]
        return max(0.0, value - spread), min(1.0, value + spread)
    if name in RATING_FIELDS:
        return max(1.0, value - RATING_SPREAD[sure]), min(5.0, value + RATING_SPREAD[sure])
    if name == "ramp_up_years":
        if value <= 0:
            return 0.0, 0.0
        return max(0.0, value - RAMP_UP_SPREAD[sure]), value + RAMP_UP_SPREAD[sure]
    if name == "hourly_rate":
        return value * (1 - HOURLY_RATE_SPREAD), value * (1 + HOURLY_RATE_SPREAD)
    if name == "willingness_to_pay":
        return value * (1 - WILLINGNESS_TO_PAY_SPREAD), value * (1 + WILLINGNESS_TO_PAY_SPREAD)
    if name == "discount_rate":
        return max(0.0, value - DISCOUNT_RATE_SPREAD), value + DISCOUNT_RATE_SPREAD
    raise ValueError(f"{name!r} has no range")


def default_range_words(name: str, confidence: str | None) -> str:
    """One sentence for the page on what an empty range of this answer stands for:
    "Left empty, we use 90% to 110% of your figure, because you are very sure of it."."""
    sure = _confidence(confidence)
    because = _SURE_WORDS[sure if confidence in _CONFIDENCES else None]
    if name in RELATIVE_FIELDS:
        percent = round(RELATIVE_SPREAD[sure] * 100)
        used = f"{100 - percent}% to {100 + percent}% of your figure"
    elif name == "take_up":
        percent = round(RELATIVE_SPREAD[sure] * 100)
        return (
            f"Left empty, we use {100 - percent}% to {100 + percent}% of your share (never "
            f"more than all the people), {because}; a share of 100% is taken as it is."
        )
    elif name in RATING_FIELDS:
        points = _RATING_SPREAD_WORDS[RATING_SPREAD[sure]]
        used = f"{points} either side of your rating (within 1 to 5)"
    elif name == "ramp_up_years":
        years = RAMP_UP_SPREAD[sure]
        if not years:
            return f"Left empty, we use your figure as it is, {because}."
        used = (
            f"{_YEAR_WORDS[years]} either side of your figure (never below none; with no "
            "ramp-up, none)"
        )
    elif name in ("hourly_rate", "willingness_to_pay"):
        return (
            "Left empty, we try 50% and 150% of your figure. It is a judgement, not an "
            "estimate, so the report shows the choice at each rather than drawing it at random."
        )
    elif name == "discount_rate":
        return (
            "Left empty, we try one percentage point either side of your rate (never below "
            "zero). It is a judgement, so the report shows the choice at each."
        )
    else:
        raise ValueError(f"{name!r} has no range")
    return f"Left empty, we use {used}, {because}."


def _range(
    name: str, value: float, low: Money | None, high: Money | None, confidence: str | None
) -> tuple[float, float, float]:
    """(low, estimate, high): the manager's ends where given, else the defaults; an end on
    the wrong side of the estimate is taken as the estimate, and no end goes where the
    answer cannot (below 0, outside 1-5 for a rating, above all the people for a share)."""
    default_low, default_high = default_range(name, value, confidence)
    low = default_low if low is None else float(low)
    high = default_high if high is None else float(high)
    if name in RATING_FIELDS:
        low, high = max(1.0, low), min(5.0, high)
    elif name == "take_up":
        low, high = max(0.0, low), min(1.0, high)
    else:
        low, high = max(0.0, low), max(0.0, high)
    return min(low, value), value, max(high, value)


def prices(inputs: AssessmentInputs) -> list[float]:
    """Each outcome's price per unit, as the agency set it."""
    return [float(outcome.price) for outcome in inputs.outcomes]


def judgement_ranges(inputs: AssessmentInputs) -> dict[str, tuple[float, float, float]]:
    """(low, central, high) of every value judgement: the three of VALUE_JUDGEMENTS, then
    each outcome's price ("outcome:0", ...) at its low and high values (its own where none
    is given: a published value without a range has none)."""
    ranges = {name: judgement_range(inputs, name) for name in VALUE_JUDGEMENTS}
    for k, outcome in enumerate(inputs.outcomes):
        price = float(outcome.price)
        low = price if outcome.price_low is None else min(float(outcome.price_low), price)
        high = price if outcome.price_high is None else max(float(outcome.price_high), price)
        ranges[f"outcome:{k}"] = (low, price, high)
    return ranges


def judgement_range(inputs: AssessmentInputs, name: str) -> tuple[float, float, float]:
    """(low, central, high) of a value judgement: the assessment's ends where given, else
    the defaults. Only for an appraised assessment (the willingness to pay needs a figure)."""
    value = float(getattr(inputs, name) or 0)
    low, high = getattr(inputs, f"{name}_low"), getattr(inputs, f"{name}_high")
    return _range(name, value, low, high, None)


@dataclass(frozen=True)
class _Layout:
    """Where each figure sits: `estimates` is (rows, 3) of (low, estimate, high), each
    option's RANGED_OPTION_FIELDS in turn, then the people served (every option), then
    each outcome's effect for each option (for each client a year). Hours and money rows
    are per person (per client at the estimate) where `per_person` says so; `normal` marks
    the rows drawn from a normal distribution (effects given with a 95% interval)."""

    estimates: np.ndarray
    clients: np.ndarray  # each option's clients a year at the estimate
    per_person: np.ndarray  # bool per option: hours and money scale with its clients
    same_population: bool
    normal: np.ndarray  # bool per row
    outcomes: int = 0
    # (rows, 2) bool: the low and the high end of each row left empty, so a default; and
    # (rows,) the default spread either side (see TornadoBar.default_spread), 0 for none.
    default_ends: np.ndarray | None = None
    default_spread: np.ndarray | None = None

    @property
    def options(self) -> int:
        return len(self.clients)

    @property
    def population_row(self) -> int:
        return self.options * _FIELDS

    def outcome_row(self, outcome: int, option: int) -> int:
        return self.population_row + 1 + outcome * self.options + option

    def outcome_of(self, row: int) -> tuple[int, int]:
        """(outcome, option) of an outcome row."""
        return divmod(row - self.population_row - 1, self.options)


def _default_spread(name: str, confidence: str | None) -> float:
    """How far either side of the estimate an empty end of this answer's range goes: a
    share of it, or rating points, or years (see `default_range`)."""
    sure = _confidence(confidence)
    if name in RATING_FIELDS:
        return RATING_SPREAD[sure]
    if name == "ramp_up_years":
        return float(RAMP_UP_SPREAD[sure])
    return RELATIVE_SPREAD[sure]


def _layout(inputs: AssessmentInputs) -> _Layout:
    """The figures of an appraised assessment, as `_Layout` rows."""
    rows = []
    # Which ends of each row were left empty, and the spread the default gives them.
    defaulted: list[tuple[bool, bool]] = []
    spreads: list[float] = []
    same = bool(inputs.same_population)
    clients = []
    per_person = []
    for option in inputs.options:
        people = float(option_clients(inputs, option))
        clients.append(people)
        scale = people if people > 0 else 1.0
        per_person.append(people > 0)
        estimates = {
            "setup_cost": option.setup_cost,
            "annual_agency_cost": option.annual_agency_cost,
            "annual_co_producer_hours": resolved_hours(inputs, option),
            "annual_co_producer_money": option.annual_co_producer_money or 0,
            "clients_per_year": people,
            "take_up": 1.0 if option.take_up is None else float(option.take_up),
            "ramp_up_years": option.ramp_up_years or 0,
            **{name: getattr(option, name) for name in RATING_FIELDS},
        }
        for name in RANGED_OPTION_FIELDS:
            value = float(estimates[name])
            low, high = getattr(option, f"{name}_low"), getattr(option, f"{name}_high")
            if (name == "clients_per_year" and same) or (name == "take_up" and not same):
                rows.append((value, value, value))  # drawn elsewhere, or not at all
                defaulted.append((False, False))
                spreads.append(0.0)
                continue
            row = _range(name, value, low, high, option.confidence)
            defaulted.append((low is None, high is None))
            spreads.append(_default_spread(name, option.confidence))
            if name in ("annual_co_producer_hours", "annual_co_producer_money"):
                row = tuple(end / scale for end in row)
            rows.append(row)
    if same:
        value = float(inputs.clients_per_year)
        low, high = inputs.clients_per_year_low, inputs.clients_per_year_high
        # The people served: as sure as the least sure option.
        sureness = [Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW]
        population_confidence = max(
            (_confidence(option.confidence) for option in inputs.options), key=sureness.index
        )
        rows.append(_range("clients_per_year", value, low, high, population_confidence))
        defaulted.append((low is None, high is None))
        spreads.append(_default_spread("clients_per_year", population_confidence))
    else:
        rows.append((0.0, 0.0, 0.0))
        defaulted.append((False, False))
        spreads.append(0.0)
    normal = [False] * len(rows)
    for outcome in inputs.outcomes:
        for index, option in enumerate(inputs.options):
            row, interval = _effect_range(outcome, index, option)
            rows.append(row)
            normal.append(interval)
            given = outcome.effects[index] if index < len(outcome.effects) else None
            defaulted.append(
                (False, False) if given is None else (given.low is None, given.high is None)
            )
            spreads.append(_default_spread("outcome", option.confidence))
    return _Layout(
        estimates=np.array(rows, dtype=float),
        clients=np.array(clients, dtype=float),
        per_person=np.array(per_person, dtype=bool),
        same_population=same,
        normal=np.array(normal, dtype=bool),
        outcomes=len(inputs.outcomes),
        default_ends=np.array(defaulted, dtype=bool).reshape(-1, 2),
        default_spread=np.array(spreads, dtype=float),
    )


def _effect_range(outcome, index: int, option) -> tuple[tuple[float, float, float], bool]:
    """(low, estimate, high) of an option's effect on an outcome, and whether the ends are
    a 95% interval. Ends left empty: the estimate's size times the option's relative spread
    either side (an effect of none has none). The comparator's difference from itself is
    none. Effects may fall below zero."""
    value = outcome_effect(outcome, index, option)
    given = outcome.effects[index] if index < len(outcome.effects) else None
    if value == 0.0 and (given is None or (outcome.as_difference and option.comparator)):
        return (0.0, 0.0, 0.0), False
    spread = abs(value) * RELATIVE_SPREAD[_confidence(option.confidence)]
    low = value - spread if given.low is None else float(given.low)
    high = value + spread if given.high is None else float(given.high)
    interval = bool(given.interval) and given.low is not None and given.high is not None
    return (min(low, value), value, max(high, value)), interval


def _seed(layout: _Layout, uplifts: np.ndarray, years: int) -> int:
    """A number from the figures drawn, the same for the same figures however they were
    typed (Decimal("10.00") and 10 alike); under 2**63, so it fits a signed 64-bit column."""
    figures = (years, layout.same_population, layout.estimates.tolist(), uplifts.tolist())
    if layout.outcomes:
        figures = (*figures, layout.normal.tolist())
    canonical = repr(figures)
    digest = hashlib.sha256(canonical.encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def _pert_quantiles(mode_share: np.ndarray) -> np.ndarray:
    """The beta-PERT distribution on 0-1 with its mode at each of these shares, as
    QUANTILE_LEVELS equally likely values (its quantiles at the middle of each level):
    one row per share.

    Drawing a level at random draws from the distribution: inverse-transform sampling
    from a tabulated quantile function. With 4,096 levels the steps are far finer than
    4,000 draws can tell apart, and it is several times quicker than numpy's beta
    sampler, which alone would take most of the time a save can spare.
    """
    alpha = 1 + PERT_WEIGHT * mode_share[:, None]
    beta = 1 + PERT_WEIGHT * (1 - mode_share[:, None])
    grid = np.linspace(0.0, 1.0, _DENSITY_POINTS)
    density = grid ** (alpha - 1) * (1 - grid) ** (beta - 1)
    cumulative = np.zeros((len(mode_share), _DENSITY_POINTS))
    np.cumsum((density[:, 1:] + density[:, :-1]) / 2, axis=1, out=cumulative[:, 1:])
    cumulative /= cumulative[:, -1:]
    levels = (np.arange(QUANTILE_LEVELS) + 0.5) / QUANTILE_LEVELS
    return np.array([np.interp(levels, row, grid) for row in cumulative])


@functools.cache
def _normal_quantiles() -> np.ndarray:
    """The standard normal distribution as QUANTILE_LEVELS equally likely values."""
    levels = (np.arange(QUANTILE_LEVELS) + 0.5) / QUANTILE_LEVELS
    return np.array([NormalDist().inv_cdf(level) for level in levels.tolist()])


def _draw(estimates: np.ndarray, seed: int, normal: np.ndarray | None = None) -> np.ndarray:
    """A (rows, DRAWS) array of figures, each row drawn from its PERT distribution, or, for
    a `normal` row, from the normal distribution whose 95% interval is its range, centred
    on its estimate; a row whose range has no width is its estimate in every draw."""
    low, estimate, high = estimates.T
    width = high - low
    mode_share = np.divide(estimate - low, width, out=np.full_like(width, 0.5), where=width > 0)
    # Rows share a table when their modes sit alike in their ranges, as most do (centred).
    shares, table_row = np.unique(mode_share, return_inverse=True)
    quantiles = _pert_quantiles(shares).ravel()
    level = np.random.default_rng(seed).integers(0, QUANTILE_LEVELS, (len(estimates), DRAWS))
    rows = np.nonzero(normal)[0] if normal is not None else ()
    spreads = [_normal_quantiles()[level[row]] for row in rows]
    level += (table_row * QUANTILE_LEVELS)[:, None]
    figures = quantiles[level]
    figures *= width[:, None]
    figures += low[:, None]
    for row, spread in zip(rows, spreads, strict=True):
        figures[row] = estimate[row] + spread * width[row] / (2 * _Z95)
    return figures


@dataclass(frozen=True)
class Components:
    """Each option's present values for every column of figures (a draw, or a scenario):
    (options, columns) arrays, uplifts included. The full cost at a value of an hour h is
    `agency + h * hours + money`; `effect` is in quality-point client-years; `outcomes`
    (outcomes, options, columns) each outcome's units over the period."""

    agency: np.ndarray
    hours: np.ndarray
    money: np.ndarray
    effect: np.ndarray
    outcomes: np.ndarray

    def cost(self, hourly_rate: float, prices: Sequence[float] = ()) -> np.ndarray:
        """The net cost: the full cost less the outcomes at these prices."""
        cost = self.agency + hourly_rate * self.hours + self.money
        for price, units in zip(prices, self.outcomes, strict=False):
            cost = cost - price * units
        return cost

    def net_benefit(
        self, willingness_to_pay: float, hourly_rate: float, prices: Sequence[float] = ()
    ) -> np.ndarray:
        return willingness_to_pay * self.effect - self.cost(hourly_rate, prices)


def _per_option(layout: _Layout, figures: np.ndarray) -> dict[str, np.ndarray]:
    """The figures of each option, (options, columns) each: RANGED_OPTION_FIELDS, with the
    clients as served (the people drawn times take-up, when shared) and hours and money a
    year as totals for those clients."""
    options = layout.options
    option = figures[: options * _FIELDS].reshape(options, _FIELDS, -1)
    figure = {name: option[:, k] for k, name in enumerate(RANGED_OPTION_FIELDS)}
    if layout.same_population:
        clients = figures[layout.population_row][None, :] * figure["take_up"]
    else:
        clients = figure["clients_per_year"]
    scale = np.where(layout.per_person[:, None], clients, 1.0)
    figure["clients_per_year"] = clients
    figure["annual_co_producer_hours"] = figure["annual_co_producer_hours"] * scale
    figure["annual_co_producer_money"] = figure["annual_co_producer_money"] * scale
    figure["quality"] = (option[:, _RATING_ROWS].mean(axis=1) - 1) * 25
    # Each outcome's units a year at full take-up: the effect for each client times them.
    first = layout.population_row + 1
    effects = figures[first : first + layout.outcomes * options].reshape(
        layout.outcomes, options, figures.shape[1]
    )
    figure["outcomes"] = effects * clients[None]
    return figure


def components(
    layout: _Layout, figures: np.ndarray, uplifts: np.ndarray, years: int, discount_rate: float
) -> Components:
    """Every column of figures costed as `costs.cost_option` costs one, unrounded: year 0
    undiscounted, the agency's yearly cost not ramped, clients, hours and co-producers'
    money ramped up over continuous years. `uplifts` is (options,) or (options, columns)."""
    figure = _per_option(layout, figures)
    uplift = 1 + (uplifts if uplifts.ndim == 2 else uplifts[:, None])
    growth = math.log1p(discount_rate)
    # 1 / (1 + r) + ... + 1 / (1 + r) ** years = (1 - (1 + r) ** -years) / r, or years at
    # r = 0; expm1 keeps it exact at small rates.
    every_year = -math.expm1(-years * growth) / discount_rate if discount_rate else float(years)
    # In a ramp-up of R years take-up is year / R in the years before R, full after: the
    # ramped sum is every year's less (1 - year / R) x the factor over those early years.
    ramp_up = figure["ramp_up_years"]
    early = np.clip(np.ceil(ramp_up) - 1, 0, years).astype(np.intp)
    ramped = np.full(early.shape, every_year)
    if early.any():
        year = np.arange(1, early.max() + 1, dtype=float)
        discount = np.exp(-year * growth)
        # Running sums of the factors, and of year x factor, from year 0 (none).
        discounted = np.concatenate(([0.0], np.cumsum(discount)))
        year_weighted = np.concatenate(([0.0], np.cumsum(year * discount)))
        ramp = np.where(ramp_up > 0, ramp_up, 1.0)
        ramped = ramped - discounted[early] + year_weighted[early] / ramp
    return Components(
        agency=(figure["setup_cost"] + figure["annual_agency_cost"] * every_year) * uplift,
        hours=figure["annual_co_producer_hours"] * ramped * uplift,
        money=figure["annual_co_producer_money"] * ramped * uplift,
        effect=figure["quality"] * figure["clients_per_year"] * ramped,
        outcomes=figure["outcomes"] * ramped[None],
    )


def streams(layout: _Layout, figures: np.ndarray, uplifts: np.ndarray, years: int) -> dict:
    """Each option's expected amounts in each year 0..years over the draws: (options,
    years + 1) arrays named as `Components`' parts, uplifts included, undiscounted. Any
    discount rate then gives the expected present values exactly, as the expectation of a
    sum is the sum of the expectations and the rate is not drawn (see `judgements`)."""
    figure = _per_option(layout, figures)
    uplift = (1 + uplifts)[:, None]
    ramp_up = figure["ramp_up_years"]
    parts = {
        "hours": figure["annual_co_producer_hours"],
        "money": figure["annual_co_producer_money"],
        "effect": figure["quality"] * figure["clients_per_year"],
        **{f"outcome:{k}": units for k, units in enumerate(figure["outcomes"])},
    }
    full = {name: value.mean(axis=1) for name, value in parts.items()}
    out = {name: np.repeat(full[name][:, None], years + 1, axis=1) for name in parts}
    ramped_years = min(years, int(np.ceil(ramp_up.max())) if ramp_up.size else 0)
    ramp = np.where(ramp_up > 0, ramp_up, 1.0)
    for year in range(1, ramped_years + 1):
        share = np.where(ramp_up > 0, np.minimum(1.0, year / ramp), 1.0)
        for name, value in parts.items():
            out[name][:, year] = (value * share).mean(axis=1)
    agency = np.repeat(figure["annual_agency_cost"].mean(axis=1)[:, None], years + 1, axis=1)
    agency[:, 0] = figure["setup_cost"].mean(axis=1)
    for name in parts:
        out[name][:, 0] = 0.0
    out["hours"] *= uplift
    out["money"] *= uplift
    out["agency"] = agency * uplift
    out["outcomes"] = np.array([out.pop(f"outcome:{k}") for k in range(layout.outcomes)]).reshape(
        layout.outcomes, layout.options, years + 1
    )
    return out


def _nice_step(top: float) -> float:
    """The step of a curve of CURVE_POINTS points from 0 to at least `top`: 1, 2, 2.5 or 5
    times a power of ten, at least 0.0001 (willingness to pay is kept to 4 places)."""
    step = max(top / (CURVE_POINTS - 1), 0.0001)
    power = 10.0 ** math.floor(math.log10(step))
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= step * (1 - 1e-12))


def curve_points(options: Sequence[OptionResult], willingness_to_pay: Money | None) -> np.ndarray:
    """The willingness to pay at each point of the acceptability curve: from 0 to half as
    much again as the dearest step on the frontier (no further than the largest
    willingness to pay the forms accept), or twice the agency's figure if that is more;
    DEFAULT_CURVE_TOP when there is neither. Round steps, so the table reads easily."""
    steps = [o.incremental_cost_per_point for o in options if o.incremental_cost_per_point]
    top = min(1.5 * max(steps), LIMITS.willingness_to_pay) if steps else 0.0
    if willingness_to_pay is not None:
        top = max(top, 2 * float(willingness_to_pay))
    step = _nice_step(top or DEFAULT_CURVE_TOP)
    return np.array([round_half_up(k * step, 4) for k in range(CURVE_POINTS)])


def _leaders(net_benefit: np.ndarray) -> np.ndarray:
    """The index of the best option in each column, ties to the earlier option."""
    return net_benefit.argmax(axis=0)


def _curve(
    costs: np.ndarray, effects: np.ndarray, wtps: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """At each willingness to pay of the curve: the share of draws each option is best in,
    the option with the highest expected net benefit (the acceptability frontier), and each
    option's expected loss. Arrays of (points, options), (points,), (points, options)."""
    options, draws = costs.shape
    shares = np.empty((len(wtps), options))
    losses = np.empty((len(wtps), options))
    for point, wtp in enumerate(wtps.tolist()):
        net_benefit = wtp * effects - costs
        leader = _leaders(net_benefit)
        shares[point] = np.bincount(leader, minlength=options) / draws
        losses[point] = (net_benefit.max(axis=0) - net_benefit).mean(axis=1)
    mean_effects, mean_costs = effects.mean(axis=1), costs.mean(axis=1)
    frontier = (wtps[:, None] * mean_effects - mean_costs).argmax(axis=1)
    return shares, frontier, losses


def _input(
    inputs: AssessmentInputs, layout: _Layout, row: int
) -> tuple[str, int | None, str | None, str]:
    """The name of the input on this row of the layout, its option's index (None for the
    people every option serves), the option's name (None likewise) and what the input is
    in a manager's words (after the option's name, or, without one, on its own)."""
    if row > layout.population_row:
        outcome, index = layout.outcome_of(row)
        option_name = inputs.options[index].name or f"Option {index + 1}"
        return (
            "outcome",
            index,
            option_name,
            f"{inputs.outcomes[outcome].name} for each client a year",
        )
    if row == layout.population_row:
        return "population", None, None, INPUT_WORDS["population"]
    index, field = divmod(row, _FIELDS)
    name = RANGED_OPTION_FIELDS[field]
    option_name = inputs.options[index].name or f"Option {index + 1}"
    return name, index, option_name, INPUT_WORDS[name]


def _label(option_name: str | None, words: str) -> str:
    """A figure's label: "Online returns: cost to the agency each year"."""
    return words if option_name is None else f"{option_name}: {words}"


def _listed(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c" (with a comma before the last "and" where an item has
    an "and" of its own, so that "trust and responsiveness" reads as one item)."""
    if len(items) < 3:
        return " and ".join(items)
    last = ", and " if any(" and " in item for item in items) else " and "
    return ", ".join(items[:-1]) + last + items[-1]


_RATING_WORDS = "rating for "


def _merged_label(figures: list[tuple[str | None, str]]) -> str:
    """One label naming several figures, an option's figures after its name once:
    "Volunteers: one-off set-up cost and cost to the agency each year";
    "Volunteers: ratings for effectiveness and client experience"; figures of different
    options, or of none, apart: "Volunteers: …; Staff: …"."""
    by_option: dict[str | None, list[str]] = {}
    for option_name, words in figures:
        by_option.setdefault(option_name, []).append(words)
    phrases = []
    for option_name, words in by_option.items():
        if option_name is None:
            phrases.extend(words)
        elif len(words) > 1 and all(w.startswith(_RATING_WORDS) for w in words):
            ratings = [w.removeprefix(_RATING_WORDS) for w in words]
            phrases.append(f"{option_name}: ratings for {_listed(ratings)}")
        else:
            phrases.append(f"{option_name}: {_listed(words)}")
    return "; ".join(phrases)


def _moves_gap(layout: _Layout, row: int, pair: tuple[int, int]) -> bool:
    """A figure of one of these two options, or shared by every option."""
    if row > layout.population_row:
        return layout.outcome_of(row)[1] in pair
    return row == layout.population_row or row // _FIELDS in pair


def _shown_end(layout: _Layout, row: int, value: float) -> float:
    """A figure's end as the manager gave it: hours and money for all the option's clients
    (at their estimate) rather than per person."""
    if row < layout.population_row:
        index, field = divmod(row, _FIELDS)
        name = RANGED_OPTION_FIELDS[field]
        per_person = layout.per_person[index]
        if name in ("annual_co_producer_hours", "annual_co_producer_money") and per_person:
            return value * layout.clients[index]
    return value


def _gaps(
    layout: _Layout,
    figures: np.ndarray,
    uplifts: np.ndarray,
    inputs: AssessmentInputs,
    best: int,
    runner_up: int,
) -> np.ndarray:
    """The best option's net benefit less the runner-up's in each column of figures, at
    the agency's value judgements."""
    parts = components(
        layout, figures, uplifts, int(inputs.appraisal_years), float(inputs.discount_rate)
    )
    net_benefit = parts.net_benefit(
        float(inputs.willingness_to_pay), float(inputs.hourly_rate or 0), prices(inputs)
    )
    return net_benefit[best] - net_benefit[runner_up]


def _tornado(
    inputs: AssessmentInputs, layout: _Layout, uplifts: np.ndarray, best: int, runner_up: int
) -> tuple[TornadoBar, ...]:
    """The TORNADO_BARS figures that move the gap between the best option and the
    runner-up most, each from its low to its high value with all else as estimated; every
    uplift from none to double as one input. Figures of other options leave the gap as it
    is and are not tried; nor are those with no range, nor those whose range moves nothing.
    The people every option serves are one figure, so one bar. For the first
    SWITCHING_BARS, the switching value: where in its range the choice turns (None if
    nowhere)."""
    estimates = layout.estimates
    low, estimate, high = estimates.T
    rows = [
        row
        for row in range(len(estimates))
        if high[row] > low[row] and _moves_gap(layout, row, (best, runner_up))
    ]
    # Two columns a row (at its low, at its high), then every uplift at none and double.
    columns = 2 * len(rows) + 2
    figures = np.repeat(estimate[:, None], columns, axis=1)
    scenario = np.arange(len(rows))
    figures[rows, 2 * scenario] = low[rows]
    figures[rows, 2 * scenario + 1] = high[rows]
    scenario_uplifts = np.repeat(uplifts[:, None], columns, axis=1)
    scenario_uplifts[:, -2] = 0.0
    scenario_uplifts[:, -1] = 2 * uplifts
    gaps = _gaps(layout, figures, scenario_uplifts, inputs, best, runner_up)
    gaps = gaps.reshape(-1, 2).tolist()
    bars = []  # (row, the option's name or None, what the figure is, its bar)
    for row, (gap_at_low, gap_at_high) in zip([*rows, None], gaps, strict=True):
        if row is None:
            name, index, option_name, words = (
                "optimism_bias",
                None,
                None,
                INPUT_WORDS["optimism_bias"],
            )
            low_value, high_value, ends, spread = 0.0, 2.0, (False, False), None
        else:
            name, index, option_name, words = _input(inputs, layout, row)
            low_value = _shown_end(layout, row, low[row])
            high_value = _shown_end(layout, row, high[row])
            ends = tuple(bool(end) for end in layout.default_ends[row])
            spread = float(layout.default_spread[row]) if any(ends) else None
        bar = TornadoBar(
            input_name=name,
            option_index=index,
            label=_label(option_name, words),
            low_value=float(low_value),
            high_value=float(high_value),
            gap_at_low=round_half_up(gap_at_low, 2),
            gap_at_high=round_half_up(gap_at_high, 2),
            default_low=ends[0],
            default_high=ends[1],
            default_spread=spread,
        )
        if bar.swing > 0:
            bars.append((row, option_name, words, bar))
    # Figures that move the lead exactly alike (to the penny, as the table shows it) would
    # be bars of the same length side by side: they make one bar, named for them all.
    alike: dict[tuple[float, float], list] = {}
    for figure in bars:
        alike.setdefault((figure[3].gap_at_low, figure[3].gap_at_high), []).append(figure)
    groups = sorted(alike.values(), key=lambda group: -group[0][3].swing)[:TORNADO_BARS]
    switching = _switching_values(
        inputs,
        layout,
        uplifts,
        best,
        runner_up,
        [row for group in groups[:SWITCHING_BARS] for row, *_ in group],
    )
    shown = []
    for group in groups:
        figures = tuple(
            replace(bar, switch_value=switching.get(row)) if row is not None else bar
            for row, _, _, bar in group
        )
        if len(figures) == 1:
            shown.append(figures[0])
            continue
        label = _merged_label([(option_name, words) for _, option_name, words, _ in group])
        shown.append(replace(figures[0], label=label, merged=figures))
    return tuple(shown)


def _switching_values(
    inputs: AssessmentInputs,
    layout: _Layout,
    uplifts: np.ndarray,
    best: int,
    runner_up: int,
    rows: list[int | None],
) -> dict[int, float]:
    """Green Book switching values: for each figure (a layout row), the value within its
    range at which the best option and the runner-up change places, all else as estimated;
    the one nearest the estimate where there are two. Found on a grid of _SWITCH_GRID
    points across the range and placed by straight-line interpolation between the two
    points around the turn (exact where the gap moves in a straight line with the figure,
    as it does for every money, hours, people and rating figure)."""
    rows = [row for row in rows if row is not None]
    if not rows:
        return {}
    low, estimate, high = layout.estimates.T
    steps = np.linspace(0.0, 1.0, _SWITCH_GRID)
    figures = np.repeat(estimate[:, None], len(rows) * _SWITCH_GRID, axis=1)
    for k, row in enumerate(rows):
        figures[row, k * _SWITCH_GRID : (k + 1) * _SWITCH_GRID] = low[row] + steps * (
            high[row] - low[row]
        )
    gaps = _gaps(layout, figures, uplifts, inputs, best, runner_up).reshape(len(rows), -1)
    found = {}
    for k, row in enumerate(rows):
        values = low[row] + steps * (high[row] - low[row])
        gap = gaps[k]
        turns = np.nonzero(np.sign(gap[:-1]) != np.sign(gap[1:]))[0]
        if not len(turns):
            continue
        nearest = min(turns, key=lambda t: abs(values[t] - estimate[row]))
        a, b = gap[nearest], gap[nearest + 1]
        share = a / (a - b) if a != b else 0.0
        value = values[nearest] + share * (values[nearest + 1] - values[nearest])
        found[row] = float(_shown_end(layout, row, value))
    return found


def _groups(layout: _Layout) -> dict[str, list[int]]:
    """The figures worth finding out together, as layout rows that vary: the people
    reached and take-up (with the years to reach it); co-producers' hours and money; the
    agency's costs; the quality ratings, all four together and each across the options."""
    low, _, high = layout.estimates.T
    varies = high > low
    groups = {
        "people": ("clients_per_year", "take_up", "ramp_up_years"),
        "time_and_money": ("annual_co_producer_hours", "annual_co_producer_money"),
        "agency_costs": ("setup_cost", "annual_agency_cost"),
        # All four ratings together (an evaluation rates every count at once), then each.
        "quality": RATING_FIELDS,
        **{name: (name,) for name in RATING_FIELDS},
    }
    rows = {}
    for group, names in groups.items():
        found = [
            index * _FIELDS + _ROW[name]
            for index in range(layout.options)
            for name in names
            if varies[index * _FIELDS + _ROW[name]]
        ]
        if group == "people" and varies[layout.population_row]:
            found.append(layout.population_row)
        rows[group] = found
    # Each outcome's effects, across the options: what a trial of it would find out.
    for outcome in range(layout.outcomes):
        rows[f"outcome:{outcome}"] = [
            layout.outcome_row(outcome, index)
            for index in range(layout.options)
            if varies[layout.outcome_row(outcome, index)]
        ]
    return rows


def simulate(
    inputs: AssessmentInputs, options: Sequence[OptionResult], single_estimate_best: int | None
) -> Uncertainty:
    """The Monte Carlo run over an appraised assessment (every option costed), with the
    option best on the single estimates (None without a willingness to pay).

    Probabilities are shares of DRAWS, so they add up to one and have at most 5 decimal
    places (a multiple of 0.00025); their standard errors are rounded to 4 places, money
    (values of information, mean net benefits, losses, the tornado's gaps) to 2.
    """
    layout = _layout(inputs)
    uplifts = np.array([option.uplift for option in options], dtype=float)
    years = int(inputs.appraisal_years)
    rate = float(inputs.discount_rate)
    hourly_rate = float(inputs.hourly_rate or 0)
    seed = _seed(layout, uplifts, years)
    figures = _draw(layout.estimates, seed, layout.normal)
    parts = components(layout, figures, uplifts, years, rate)
    costs = parts.cost(hourly_rate, prices(inputs))
    wtps = curve_points(options, inputs.willingness_to_pay)
    shares, frontier, losses = _curve(costs, parts.effect, wtps)
    result = Uncertainty(
        draws=DRAWS,
        seed=seed,
        curve_wtp=tuple(wtps.tolist()),
        curve=tuple(tuple(row) for row in shares.tolist()),
        curve_frontier=tuple(int(index) for index in frontier.tolist()),
        curve_loss=tuple(tuple(round_half_up(v, 2) for v in row) for row in losses.tolist()),
    )
    if inputs.willingness_to_pay is None:
        return result
    wtp = float(inputs.willingness_to_pay)
    net_benefit = wtp * parts.effect - costs
    means = net_benefit.mean(axis=1)
    # Highest mean to the cent, as reported; a tie there (options the same in every draw,
    # or nothing uncertain) goes to the option best on the single estimates, whose frontier
    # settles ties by dominance, then to the earlier option.
    order = sorted(
        range(len(means)),
        key=lambda i: (-round_half_up(float(means[i]), 2), i != single_estimate_best, i),
    )
    best, runner_up = order[0], order[1]
    # From the agency's own perspective the co-producers' time and money are left out.
    agency_view = (net_benefit + hourly_rate * parts.hours + parts.money).mean(axis=1)
    agency_best = min(
        range(len(agency_view)),
        key=lambda i: (-round_half_up(float(agency_view[i]), 2), i != best, i),
    )
    # The best option's lead over the runner-up on average, and that average's own Monte
    # Carlo standard error (the spread of the draws' leads over the square root of their
    # number): a lead within two of them could as well be the other way on other draws.
    lead = net_benefit[best] - net_benefit[runner_up]
    lead_error = float(lead.std(ddof=1) / math.sqrt(DRAWS))
    leader = _leaders(net_benefit)
    probabilities = np.bincount(leader, minlength=len(means)) / DRAWS
    errors = np.sqrt(probabilities * (1 - probabilities) / DRAWS)
    most = net_benefit.max(axis=0)
    loss = (most - net_benefit).mean(axis=1)
    # Perfect information would let every draw pick its own best option: what that gains
    # on average over the option best on average. Never negative, as no term is.
    evpi = float(loss[best])
    client_years = options[best].client_years
    per_client_year = (
        (lambda value: round_half_up(value / client_years, 2))
        if client_years
        else (lambda value: None)
    )
    groups = _groups(layout)
    partial = evidence.partial_values(
        net_benefit, {group: figures[rows] for group, rows in groups.items()}, best
    )
    expected = streams(layout, figures, uplifts, years)
    return replace(
        result,
        best_option=best,
        runner_up=runner_up,
        single_estimate_best=single_estimate_best,
        probability_best=tuple(probabilities.tolist()),
        probability_error=tuple(round_half_up(error, 4) for error in errors.tolist()),
        evpi=round_half_up(evpi, 2),
        evpi_per_client_year=per_client_year(evpi),
        expected_loss=tuple(round_half_up(value, 2) for value in loss.tolist()),
        partial=tuple(
            PartialValue(
                group=group,
                varies=bool(groups[group]),
                value=round_half_up(min(value, evpi), 2),
                per_client_year=per_client_year(min(value, evpi)),
            )
            for group, value in partial.items()
        ),
        tornado=_tornado(inputs, layout, uplifts, best, runner_up),
        mean_net_benefit=tuple(round_half_up(mean, 2) for mean in means.tolist()),
        agency_mean_net_benefit=tuple(round_half_up(mean, 2) for mean in agency_view.tolist()),
        agency_best_option=agency_best,
        lead=round_half_up(float(lead.mean()), 2),
        lead_error=round_half_up(lead_error, 2),
        break_even=judgements.break_even(inputs, expected, best),
        scenarios=judgements.scenarios(inputs, expected, judgement_ranges(inputs)),
    )
