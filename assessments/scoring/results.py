"""What the scoring package concludes: plain, frozen results the model stores and pages show.

Units and rounding: money is in the agency's currency, rounded to 2 places; discounted
client-years to 2 places; quality indexes to 2 places (exact: a multiple of 6.25) and
changes in quality on the plane to 1 place; willingness to
pay (per quality point per client-year) to 4 places. Rounding is half away from zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.scoring.inputs import (
    Classification,
    Dominance,
    Quadrant,
    Sensitivity,
    ValueType,
)


@dataclass(frozen=True)
class OptionResult:
    """One option's costs and quality over the appraisal period, and its place in the choice.

    Costs are present values, optimism-bias uplift included; `full_cost` is the sum of
    the three rounded parts, so the report adds up. `client_years` are discounted the same
    way as costs, so `cost_per_client_year` does not drift with the length of the period.
    The frontier fields are filled only when every option is costed (`appraised`).
    """

    index: int  # position in AssessmentInputs.options, from 0
    name: str
    co_produced: bool
    comparator: bool
    agency_cost: float
    co_producer_time_cost: float
    co_producer_money_cost: float
    full_cost: float
    client_years: float
    cost_per_client_year: float | None  # None when no client is served
    agency_cost_per_client_year: float | None
    quality_index: float
    uplift: float
    net_benefit: float | None = None  # None while the willingness to pay is not decided
    on_frontier: bool = False
    dominance: Dominance = Dominance.NONE
    # Extra cost per extra quality point per client-year against the previous option on
    # the frontier; None for the first option on it and for options off it.
    incremental_cost_per_point: float | None = None
    # The willingness to pay over which this option is best: from (inclusive) to
    # (exclusive, None for no upper end). Both None when it is never best.
    best_from_wtp: float | None = None
    best_to_wtp: float | None = None
    is_best: bool = False  # the choice: best on average at the agency's willingness to pay
    # Co-producers' hours a year at full take-up, at the estimates (one place).
    co_producer_hours: float | None = None
    # Each outcome's units over the appraisal period (the effect for each client a year
    # times the discounted client-years, 4 places) and their value (the units times the
    # outcome's price, 2 places), lined up with the inputs' outcomes; `outcome_value` is
    # the sum of the values. Net benefit = wtp x effect + outcome_value - full_cost.
    outcome_units: tuple[float, ...] = ()
    outcome_values: tuple[float, ...] = ()
    outcome_value: float = 0.0

    @property
    def net_cost(self) -> float:
        """The full cost less the value of the outcomes: what the frontier weighs."""
        return round(self.full_cost - self.outcome_value, 2)

    @property
    def ever_best(self) -> bool:
        return self.best_from_wtp is not None


@dataclass(frozen=True)
class PlaneResult:
    """The best co-produced option against the comparator, for the portfolio plane.

    Changes are the co-produced option's figure less the comparator's: a negative cost
    change is a saving per client-year.
    """

    option_index: int
    comparator_index: int
    cost_change: float  # cost per client-year
    quality_change: float  # quality-index points
    quadrant: Quadrant
    # The difference in mean net benefit over the uncertainty run; None while the
    # willingness to pay is not decided.
    net_benefit_change: float | None


@dataclass(frozen=True)
class RiskFlag:
    code: str
    title: str
    detail: str


@dataclass(frozen=True)
class Lever:
    """A way to strengthen the arrangement: what to do (`detail`, fitted to what the
    co-producers give) and why it is offered (`reason`, naming the answers that chose it)."""

    code: str
    title: str
    detail: str
    reason: str


@dataclass(frozen=True)
class TornadoBar:
    """One input moved from its low to its high value, all else as estimated: how the
    net-benefit gap between the best option and the runner-up moves (at the agency's
    willingness to pay). A gap below zero means the runner-up would be best."""

    input_name: str  # a RANGED_OPTION_FIELDS name, "population" (the people every option
    # serves) or "optimism_bias"
    option_index: int | None  # the option whose input it is; None for the assessment's
    label: str  # in a manager's words: "Online returns: cost to the agency each year"
    # The input's ends, in its own unit (the discount rate a fraction); for
    # "optimism_bias", multiples of every option's uplift: 0 (none) and 2 (double).
    low_value: float
    high_value: float
    gap_at_low: float
    gap_at_high: float
    # Green Book switching value: the figure's value (in its own unit, as `low_value`) at
    # which the two options change places, within its range; None where it does not, or
    # for bars after the first five.
    switch_value: float | None = None
    # An end the manager left empty is filled in from the option's confidence
    # (`default_range`): `default_spread` either side of the estimate, a share of it for
    # money, hours, people, a share of the people and an effect, rating points for a
    # rating, years for the years to full take-up. None where the manager gave both ends.
    default_low: bool = False
    default_high: bool = False
    default_spread: float | None = None
    # Figures that move the lead exactly alike (the same lead at their lowest and at their
    # highest) share one bar: `merged` holds each of them, with its own label, range and
    # switching value, and the bar's own fields are the first's but for `label`, which
    # names them all. Empty for a bar of one figure.
    merged: tuple[TornadoBar, ...] = ()

    @property
    def figures(self) -> tuple[TornadoBar, ...]:
        """Every figure of the bar, each with its own label and range."""
        return self.merged or (self,)

    @property
    def has_default_range(self) -> bool:
        """An end of the range of a figure of this bar is a default, not the manager's."""
        return any(bar.default_low or bar.default_high for bar in self.figures)

    @property
    def swing(self) -> float:
        return abs(self.gap_at_high - self.gap_at_low)

    @property
    def changes_choice(self) -> bool:
        """The lead changes sign within the figure's range: on one side of it the other
        option is ahead on the estimates."""
        return min(self.gap_at_low, self.gap_at_high) < 0 <= max(self.gap_at_low, self.gap_at_high)


@dataclass(frozen=True)
class PartialValue:
    """What knowing one group of figures for certain would be worth, over the appraisal
    period and per discounted client-year of the best option (money, 2 places). `varies`
    is false for a group none of whose figures has a range: nothing to find out."""

    group: str  # "people", "time_and_money", "agency_costs" or a rating's name
    varies: bool
    value: float
    per_client_year: float | None


@dataclass(frozen=True)
class BreakEven:
    """How far a value judgement may move, all else as set, before another option has the
    highest expected net benefit: the nearest such value below the agency's (`below`, with
    the option then best) and above it; None where no value from 0 to the most the forms
    accept would change the choice. Money in the agency's currency (the value of a quality
    point to 4 places, of an hour to 2); the discount rate a fraction (6 places)."""

    name: str  # "hourly_rate", "discount_rate" or "willingness_to_pay"
    central: float
    below: float | None
    below_option: int | None
    above: float | None
    above_option: int | None


@dataclass(frozen=True)
class Scenario:
    """The choice with one value judgement at its low, central or high value, the others
    as set: the option with the highest expected net benefit, and that net benefit."""

    name: str
    level: str  # "low", "central" or "high"
    value: float
    best_option: int
    mean_net_benefit: float


@dataclass(frozen=True)
class Uncertainty:
    """What a Monte Carlo run over the ranges says about the choice.

    Probabilities are fractions (0.8 for 80%) and line up with the options; each has a
    Monte Carlo standard error. The curve gives, at each willingness to pay in
    `curve_wtp`, the probability that each option is best, the option with the highest
    expected net benefit there (`curve_frontier`, the acceptability frontier) and each
    option's expected loss (`curve_loss`). `best_option` and `runner_up` are the options
    with the highest and next highest mean net benefit at the agency's willingness to pay:
    the choice. `single_estimate_best` is the option best on the single estimates, which
    may differ. `expected_loss`: each option's average shortfall against the best option of
    each draw (the chosen option's is the EVPI). `partial`: the value of partial perfect
    information of each group of figures. `break_even` and `scenarios`: the value
    judgements (see `judgements`). The expected value of perfect
    information (EVPI) is in money over the appraisal period, and per discounted
    client-year of the best option. The tornado lists at most ten inputs, the largest
    swing first. `mean_net_benefit` is each option's net benefit averaged over the draws.
    Figures that need the agency's willingness to pay are None or empty without it; the
    curve does not. Probabilities are shares of the draws (multiples of 1 / draws), standard
    errors are rounded to 4 places, money to 2.
    """

    draws: int
    seed: int
    probability_best: tuple[float, ...] = ()
    probability_error: tuple[float, ...] = ()
    curve_wtp: tuple[float, ...] = ()
    curve: tuple[tuple[float, ...], ...] = ()  # one row per curve_wtp point
    evpi: float | None = None
    evpi_per_client_year: float | None = None
    tornado: tuple[TornadoBar, ...] = ()
    mean_net_benefit: tuple[float, ...] = ()
    curve_frontier: tuple[int, ...] = ()
    curve_loss: tuple[tuple[float, ...], ...] = ()
    best_option: int | None = None
    runner_up: int | None = None
    single_estimate_best: int | None = None
    expected_loss: tuple[float, ...] = ()
    partial: tuple[PartialValue, ...] = ()
    break_even: tuple[BreakEven, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    # The same from the agency's own perspective (its spending only, the co-producers'
    # time and money left out): each option's mean net benefit, and the option with the
    # highest (ties go to the choice at full cost, then to the earlier option).
    agency_mean_net_benefit: tuple[float, ...] = ()
    agency_best_option: int | None = None
    # The best option's mean lead over the runner-up, and the Monte Carlo standard error
    # of that mean (money, 2 places).
    lead: float | None = None
    lead_error: float | None = None

    @property
    def as_good_as_a_tie(self) -> bool:
        """The lead is within two standard errors of none: other draws could reverse it."""
        return (
            self.lead is not None
            and self.lead_error is not None
            and self.lead <= 2 * self.lead_error
        )

    @property
    def perspectives_differ(self) -> bool:
        """The agency's own costs and full costs pick different options."""
        return (
            self.agency_best_option is not None
            and self.best_option is not None
            and self.agency_best_option != self.best_option
        )

    @property
    def choice_differs(self) -> bool:
        """The option best on the single estimates is not the one best on average."""
        return (
            self.single_estimate_best is not None
            and self.best_option is not None
            and self.single_estimate_best != self.best_option
        )


@dataclass(frozen=True)
class AssessmentResult:
    """What `score()` concludes about one assessment, however partial its answers.

    `options` lines up with the inputs' options: None for an option not yet costed.
    `appraised` is true when every option (two or more, one comparator) is costed; only
    then are the frontier, the best option, the plane, the uncertainty run, sensitivity and
    switching values given. `best_option`, sensitivity and the switching values also need
    a willingness to pay.
    """

    classification: Classification | None = None
    classification_reasons: tuple[str, ...] = ()
    value_type: ValueType | None = None
    options: tuple[OptionResult | None, ...] = ()
    appraised: bool = False
    best_option: int | None = None
    runner_up: int | None = None
    plane: PlaneResult | None = None
    # Robust when the best option's probability of being best is at least 80%.
    sensitivity: Sensitivity | None = None
    uncertainty: Uncertainty | None = None
    quality_switching_points: float | None = None
    cost_switching_percent: float | None = None
    risk_flags: tuple[RiskFlag, ...] = ()
    levers: tuple[Lever, ...] = ()

    @property
    def frontier(self) -> tuple[OptionResult, ...]:
        """The options on the efficient frontier, cheapest first."""
        on = [option for option in self.options if option is not None and option.on_frontier]
        return tuple(sorted(on, key=lambda option: (option.net_cost, option.index)))

    @property
    def best(self) -> OptionResult | None:
        return None if self.best_option is None else self.options[self.best_option]
