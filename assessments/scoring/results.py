"""What the scoring package concludes: plain, frozen results the model stores and pages show.

Units and rounding: money is in the agency's currency, rounded to 2 places; discounted
client-years to 2 places; quality indexes and quality points to 1 place; willingness to
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
    is_best: bool = False  # best at the agency's willingness to pay

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
    net_benefit_change: float | None  # None while the willingness to pay is not decided


@dataclass(frozen=True)
class RiskFlag:
    code: str
    title: str
    detail: str


@dataclass(frozen=True)
class Lever:
    code: str
    title: str
    detail: str


@dataclass(frozen=True)
class AssessmentResult:
    """What `score()` concludes about one assessment, however partial its answers.

    `options` lines up with the inputs' options: None for an option not yet costed.
    `appraised` is true when every option (two or more, one comparator) is costed; only
    then are the frontier, the best option, the plane, sensitivity and switching values
    given. `best_option` and the switching values also need a willingness to pay.
    """

    classification: Classification | None = None
    classification_reasons: tuple[str, ...] = ()
    value_type: ValueType | None = None
    options: tuple[OptionResult | None, ...] = ()
    appraised: bool = False
    best_option: int | None = None
    runner_up: int | None = None
    plane: PlaneResult | None = None
    sensitivity: Sensitivity | None = None
    sensitivity_changes: tuple[str, ...] = ()
    quality_switching_points: float | None = None
    cost_switching_percent: float | None = None
    risk_flags: tuple[RiskFlag, ...] = ()
    levers: tuple[Lever, ...] = ()

    @property
    def frontier(self) -> tuple[OptionResult, ...]:
        """The options on the efficient frontier, cheapest first."""
        on = [option for option in self.options if option is not None and option.on_frontier]
        return tuple(sorted(on, key=lambda option: (option.full_cost, option.index)))

    @property
    def best(self) -> OptionResult | None:
        return None if self.best_option is None else self.options[self.best_option]
