"""How sure the choice is: ranges, a Monte Carlo run, the acceptability curve, the value of
perfect information and a tornado.

Ranges
    Each ranged answer (`RANGED_OPTION_FIELDS` of every option, the time rate and the
    discount rate) has a low and a high value. Where the manager leaves one empty, the
    default for the option's confidence is used (`default_range`); a blank confidence
    counts as low. A range always holds the estimate: an end on the wrong side of it is
    taken as the estimate. An option's optimism-bias uplift is not drawn: it stays at its
    confidence's value, and the tornado moves all of them at once.

Draws
    `DRAWS` sets of figures are drawn, each ranged answer independently of the others
    (the time rate and the discount rate are shared by every option in a draw), from a
    beta-PERT distribution (weight 4) with the estimate as its mode and the range as its
    ends; a range of no width is a constant. PERT rather than triangular: it gives the
    extremes less weight, as a figure near the one the manager stated is likelier than one
    at the edge of the range, and it is the usual choice for cost estimates. A draw is
    costed exactly as `costs` costs one set of figures (year 0 undiscounted; clients,
    co-producers' hours and money ramped up in a straight line, the ramp-up years
    continuous; the agency's yearly cost not ramped), unrounded, all draws at once.
    4,000 draws (`DRAWS`): a probability's standard error is then at most 0.8 percentage
    points, small beside the 80% line, and the run stays within a few milliseconds.

Reproducible
    The random numbers are seeded from a sha256 of the figures drawn (every range and
    estimate, the uplifts and the period), so the same answers always give the same
    figures and any change to them gives others. The willingness to pay and the names are
    not part of the seed: changing them redraws nothing.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from assessments.scoring.costs import resolved_hours
from assessments.scoring.inputs import (
    LIMITS,
    RANGED_ASSESSMENT_FIELDS,
    RANGED_OPTION_FIELDS,
    RATING_FIELDS,
    AssessmentInputs,
    Confidence,
    Money,
)
from assessments.scoring.results import OptionResult, TornadoBar, Uncertainty
from assessments.scoring.rounding import round_half_up

# The standard error of a probability is at most sqrt(0.25 / 4,000) = 0.8 percentage
# points, small beside the 80% line that makes a choice robust, and 4,000 draws of six
# options over 50 years take a few milliseconds, so the run can go with every save.
DRAWS = 4000
PERT_WEIGHT = 4  # the usual beta-PERT: the mode counts four times as much as either end
ROBUST_PROBABILITY = 0.80  # a choice is robust when its option is best this often
CURVE_POINTS = 25
TORNADO_BARS = 10
# The top of the acceptability curve without a frontier threshold or a willingness to pay
# to go by: money per quality point per client-year.
DEFAULT_CURVE_TOP = 10.0

# Default ranges by confidence (blank counts as low).
RELATIVE_SPREAD = {Confidence.HIGH: 0.10, Confidence.MEDIUM: 0.25, Confidence.LOW: 0.50}
RATING_SPREAD = {Confidence.HIGH: 0.5, Confidence.MEDIUM: 1.0, Confidence.LOW: 1.5}
RAMP_UP_SPREAD = {Confidence.HIGH: 0, Confidence.MEDIUM: 1, Confidence.LOW: 2}
HOURLY_RATE_SPREAD = 0.50  # of the rate, either way, whatever the confidence
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
    "ramp_up_years": "years to reach full take-up",
    "effectiveness": "rating for effectiveness",
    "consistency": "rating for consistency across areas",
    "trust": "rating for trust and responsiveness",
    "experience": "rating for client experience",
    "hourly_rate": "The value of an hour of people's time",
    "discount_rate": "The discount rate",
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
_RATING_ROWS = [RANGED_OPTION_FIELDS.index(name) for name in RATING_FIELDS]
# The equally likely values each PERT distribution is drawn from (see _pert_quantiles),
# and the points its density is tabulated at to find them.
QUANTILE_LEVELS = 4096
_DENSITY_POINTS = 1025


def _confidence(confidence: str | None) -> Confidence:
    return Confidence(confidence) if confidence in _CONFIDENCES else Confidence.LOW


def default_range(name: str, value: Money, confidence: str | None) -> tuple[float, float]:
    """The (low, high) used for an answer whose range is left empty.

    `name` is a RANGED_OPTION_FIELDS name, "hourly_rate" or "discount_rate" (a fraction,
    like `value`). Money, hours and clients: 10%, 25% or 50% either side for high, medium
    or low confidence, so the range is centred on the estimate. Ratings: half a point, one
    or one and a half either side, within 1-5. Years to full take-up: none, one or two
    either side, never below none. The time rate: 50% either side; the discount rate one
    percentage point, never below zero. A blank confidence counts as low.
    """
    value = float(value)
    sure = _confidence(confidence)
    if name in RELATIVE_FIELDS:
        spread = value * RELATIVE_SPREAD[sure]
        return min(value - spread, value + spread), max(value - spread, value + spread)
    if name in RATING_FIELDS:
        return max(1.0, value - RATING_SPREAD[sure]), min(5.0, value + RATING_SPREAD[sure])
    if name == "ramp_up_years":
        return max(0.0, value - RAMP_UP_SPREAD[sure]), value + RAMP_UP_SPREAD[sure]
    if name == "hourly_rate":
        return value * (1 - HOURLY_RATE_SPREAD), value * (1 + HOURLY_RATE_SPREAD)
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
    elif name in RATING_FIELDS:
        points = _RATING_SPREAD_WORDS[RATING_SPREAD[sure]]
        used = f"{points} either side of your rating (within 1 to 5)"
    elif name == "ramp_up_years":
        years = RAMP_UP_SPREAD[sure]
        if not years:
            return f"Left empty, we use your figure as it is, {because}."
        used = f"{_YEAR_WORDS[years]} either side of your figure (never below none)"
    elif name == "hourly_rate":
        return (
            "Left empty, we use 50% to 150% of your figure: what an hour of people's time "
            "is worth is always open to argument."
        )
    elif name == "discount_rate":
        return (
            "Left empty, we use one percentage point either side of your rate (never below zero)."
        )
    else:
        raise ValueError(f"{name!r} has no range")
    return f"Left empty, we use {used}, {because}."


def _range(
    name: str, value: float, low: Money | None, high: Money | None, confidence: str | None
) -> tuple[float, float, float]:
    """(low, estimate, high): the manager's ends where given, else the defaults; an end on
    the wrong side of the estimate is taken as the estimate, and no end goes where the
    answer cannot (below 0, or outside 1-5 for a rating)."""
    default_low, default_high = default_range(name, value, confidence)
    low = default_low if low is None else float(low)
    high = default_high if high is None else float(high)
    if name in RATING_FIELDS:
        low, high = max(1.0, low), min(5.0, high)
    else:
        low, high = max(0.0, low), max(0.0, high)
    return min(low, value), value, max(high, value)


def _estimates(inputs: AssessmentInputs) -> np.ndarray:
    """A (rows, 3) array of (low, estimate, high): each option's RANGED_OPTION_FIELDS in
    turn, then the time rate and the discount rate. Only for an appraised assessment."""
    rows = []
    for option in inputs.options:
        estimates = {
            "setup_cost": option.setup_cost,
            "annual_agency_cost": option.annual_agency_cost,
            "annual_co_producer_hours": resolved_hours(inputs, option),
            "annual_co_producer_money": option.annual_co_producer_money or 0,
            "clients_per_year": option.clients_per_year,
            "ramp_up_years": option.ramp_up_years or 0,
            **{name: getattr(option, name) for name in RATING_FIELDS},
        }
        for name in RANGED_OPTION_FIELDS:
            low, high = getattr(option, f"{name}_low"), getattr(option, f"{name}_high")
            rows.append(_range(name, float(estimates[name]), low, high, option.confidence))
    for name in RANGED_ASSESSMENT_FIELDS:
        value = float(getattr(inputs, name) or 0)
        low, high = getattr(inputs, f"{name}_low"), getattr(inputs, f"{name}_high")
        # Their defaults do not depend on a confidence.
        rows.append(_range(name, value, low, high, None))
    return np.array(rows, dtype=float)


def _seed(estimates: np.ndarray, uplifts: np.ndarray, years: int) -> int:
    """A number from the figures drawn, the same for the same figures however they were
    typed (Decimal("10.00") and 10 alike); under 2**63, so it fits a signed 64-bit column."""
    canonical = repr((years, estimates.tolist(), uplifts.tolist()))
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


def _draw(estimates: np.ndarray, seed: int) -> np.ndarray:
    """A (rows, DRAWS) array of figures, each row drawn from its PERT distribution; a row
    whose range has no width is its estimate in every draw."""
    low, estimate, high = estimates.T
    width = high - low
    mode_share = np.divide(estimate - low, width, out=np.full_like(width, 0.5), where=width > 0)
    # Rows share a table when their modes sit alike in their ranges, as most do (centred).
    shares, table_row = np.unique(mode_share, return_inverse=True)
    quantiles = _pert_quantiles(shares).ravel()
    level = np.random.default_rng(seed).integers(0, QUANTILE_LEVELS, (len(estimates), DRAWS))
    level += (table_row * QUANTILE_LEVELS)[:, None]
    figures = quantiles[level]
    figures *= width[:, None]
    figures += low[:, None]
    return figures


def _costs_and_effects(
    figures: np.ndarray, uplifts: np.ndarray, years: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each option's full cost and quality-point client-years for every column of figures
    (a draw, or a scenario of the tornado): two (options, columns) arrays.

    `figures` is laid out as `_estimates` rows; `uplifts` is (options, columns). As
    `costs.cost_option`, unrounded: year 0 undiscounted, the agency's yearly cost not
    ramped, clients, hours and co-producers' money ramped up over continuous years.
    """
    options = len(uplifts)
    columns = figures.shape[1]
    option = figures[: options * _FIELDS].reshape(options, _FIELDS, columns)
    figure = {name: option[:, k] for k, name in enumerate(RANGED_OPTION_FIELDS)}
    hourly_rate, discount_rate = figures[options * _FIELDS :]
    growth = np.log1p(discount_rate)
    # 1 / (1 + r) + ... + 1 / (1 + r) ** years = (1 - (1 + r) ** -years) / r, or years
    # at r = 0; expm1 keeps it exact at small rates.
    rate = np.where(discount_rate != 0, discount_rate, 1.0)
    every_year = np.where(discount_rate != 0, -np.expm1(-years * growth) / rate, float(years))
    # In a ramp-up of R years take-up is year / R in the years before R, full after: the
    # ramped sum is every year's less (1 - year / R) x the factor over those early years.
    ramp_up = figure["ramp_up_years"]
    early = np.clip(np.ceil(ramp_up) - 1, 0, years).astype(np.intp)
    ramped = np.broadcast_to(every_year, early.shape)
    if early.any():
        year = np.arange(1, early.max() + 1, dtype=float)[:, None]
        discount = np.exp(-year * growth)
        # Running sums of the factors, and of year x factor, from year 0 (none).
        discounted = np.zeros((len(year) + 1, columns))
        np.cumsum(discount, axis=0, out=discounted[1:])
        year_weighted = np.zeros((len(year) + 1, columns))
        np.cumsum(year * discount, axis=0, out=year_weighted[1:])
        column = np.arange(columns)
        ramp = np.where(ramp_up > 0, ramp_up, 1.0)
        ramped = ramped - discounted[early, column] + year_weighted[early, column] / ramp
    yearly = figure["annual_co_producer_hours"] * hourly_rate + figure["annual_co_producer_money"]
    agency = figure["setup_cost"] + figure["annual_agency_cost"] * every_year
    cost = (agency + yearly * ramped) * (1 + uplifts)
    quality = (option[:, _RATING_ROWS].mean(axis=1) - 1) * 25
    return cost, quality * figure["clients_per_year"] * ramped


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


def _share_best(costs: np.ndarray, effects: np.ndarray, wtps: np.ndarray) -> np.ndarray:
    """A (points, options) array: how often each option has the highest net benefit at
    each willingness to pay, ties to the earlier option."""
    options = len(costs)
    leading = wtps[:, None] * effects[0] - costs[0]
    leader = np.zeros(leading.shape, dtype=np.intp)
    net_benefit = np.empty_like(leading)
    ahead = np.empty(leading.shape, dtype=bool)
    for index in range(1, options):
        np.multiply(wtps[:, None], effects[index], out=net_benefit)
        net_benefit -= costs[index]
        np.greater(net_benefit, leading, out=ahead)
        np.maximum(leading, net_benefit, out=leading)
        np.copyto(leader, index, where=ahead)
    flat = leader + options * np.arange(len(wtps))[:, None]
    counts = np.bincount(flat.ravel(), minlength=options * len(wtps))
    return counts.reshape(len(wtps), options) / costs.shape[1]


def _input(inputs: AssessmentInputs, row: int) -> tuple[str, int | None, str]:
    """The name of the input on this row of `_estimates`, its option's index (None for
    the assessment's) and its label in a manager's words."""
    index, field = divmod(row, _FIELDS)
    if index < len(inputs.options):
        name = RANGED_OPTION_FIELDS[field]
        option_name = inputs.options[index].name or f"Option {index + 1}"
        return name, index, f"{option_name}: {INPUT_WORDS[name]}"
    name = RANGED_ASSESSMENT_FIELDS[row - len(inputs.options) * _FIELDS]
    return name, None, INPUT_WORDS[name]


def _tornado(
    inputs: AssessmentInputs,
    estimates: np.ndarray,
    uplifts: np.ndarray,
    best: int,
    runner_up: int,
) -> tuple[TornadoBar, ...]:
    """The TORNADO_BARS inputs that move the gap between the best option and the runner-up
    most, each from its low to its high value with all else as estimated; every uplift
    from none to double as one input. Inputs of other options leave the gap as it is and
    are not tried; nor are inputs with no range, nor those whose range moves nothing."""
    wtp = float(inputs.willingness_to_pay)
    options = len(uplifts)
    low, estimate, high = estimates.T
    rows = [
        row
        for row in range(len(estimates))
        if high[row] > low[row]
        and (row >= options * _FIELDS or row // _FIELDS in (best, runner_up))
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
    costs, effects = _costs_and_effects(figures, scenario_uplifts, int(inputs.appraisal_years))
    net_benefit = wtp * effects - costs
    gaps = (net_benefit[best] - net_benefit[runner_up]).reshape(-1, 2).tolist()
    # The uplifts' ends are multiples of each option's uplift: none, and double.
    moved = [(*_input(inputs, row), low[row], high[row]) for row in rows]
    moved.append(("optimism_bias", None, INPUT_WORDS["optimism_bias"], 0.0, 2.0))
    bars = [
        TornadoBar(
            input_name=name,
            option_index=index,
            label=label,
            low_value=float(low_value),
            high_value=float(high_value),
            gap_at_low=round_half_up(gap_at_low, 2),
            gap_at_high=round_half_up(gap_at_high, 2),
        )
        for (name, index, label, low_value, high_value), (gap_at_low, gap_at_high) in zip(
            moved, gaps, strict=True
        )
    ]
    bars = [bar for bar in bars if bar.swing > 0]
    bars.sort(key=lambda bar: -bar.swing)
    return tuple(bars[:TORNADO_BARS])


def simulate(
    inputs: AssessmentInputs,
    options: Sequence[OptionResult],
    best_option: int | None,
    runner_up: int | None,
) -> Uncertainty:
    """The Monte Carlo run over an appraised assessment (every option costed), with its
    deterministic best option and runner-up (None without a willingness to pay).

    Probabilities are shares of DRAWS, so they add up to one and have at most 5 decimal
    places (a multiple of 0.00025); their standard errors are rounded to 4 places, money
    (the value of perfect information, mean net benefits, the tornado's gaps) to 2.
    """
    estimates = _estimates(inputs)
    uplifts = np.array([option.uplift for option in options], dtype=float)
    years = int(inputs.appraisal_years)
    seed = _seed(estimates, uplifts, years)
    costs, effects = _costs_and_effects(_draw(estimates, seed), uplifts[:, None], years)
    wtps = curve_points(options, inputs.willingness_to_pay)
    curve = tuple(tuple(row) for row in _share_best(costs, effects, wtps).tolist())
    result = Uncertainty(draws=DRAWS, seed=seed, curve_wtp=tuple(wtps.tolist()), curve=curve)
    if inputs.willingness_to_pay is None or best_option is None:
        return result
    wtp = float(inputs.willingness_to_pay)
    probabilities = _share_best(costs, effects, np.array([wtp]))[0]
    errors = np.sqrt(probabilities * (1 - probabilities) / DRAWS)
    net_benefit = wtp * effects - costs
    means = net_benefit.mean(axis=1)
    # Perfect information would let every draw pick its own best option: what that gains
    # on average over the option best on average. Never negative, as no term is.
    evpi = float((net_benefit.max(axis=0) - net_benefit[int(means.argmax())]).mean())
    client_years = options[best_option].client_years
    return replace(
        result,
        probability_best=tuple(probabilities.tolist()),
        probability_error=tuple(round_half_up(error, 4) for error in errors.tolist()),
        evpi=round_half_up(evpi, 2),
        evpi_per_client_year=round_half_up(evpi / client_years, 2) if client_years else None,
        tornado=_tornado(inputs, estimates, uplifts, best_option, runner_up),
        mean_net_benefit=tuple(round_half_up(mean, 2) for mean in means.tolist()),
    )
