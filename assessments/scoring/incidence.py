"""Who gains and who pays: each option against the comparator, and the agency's cash.

Incidence
    For an option against the comparator, in present values over the appraisal period
    (the option's figure less the comparator's), what the agency spends, what the
    co-producers give (the value of their time, their own money) and what the clients and
    the public gain (the value of the change in quality and in outcomes). Gains less what
    is given and spent is the change in net benefit at full (societal) cost, to the cent:
    each option's value of quality is taken as its net benefit plus its full cost less its
    outcomes, the figures the report already shows, so the table adds up as printed.

    The gains are split between the clients and the public as the assessment's Value
    answers say: all to the clients where the value is private, all to the public where
    it is public, and in proportion to the two strengths (0-4) where it is both. Where the
    assessment says neither, the gains are not split.

Perspectives
    The choice is made on full cost: the agency's spending plus the co-producers' time and
    money. From the agency's own perspective the co-producers' part is left out; the
    uncertainty run works out both (`Uncertainty.agency_best_option`).

Budget
    The agency's cash in each year 0..N of the appraisal period, undiscounted: the set-up
    cost in year 0 and the yearly cost in years 1..N (not ramped, as `costs` explains),
    as estimated and raised by the optimism allowance for the option's confidence.
    Discounted, the cash with the allowance is the agency's present value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from assessments.scoring.inputs import (
    OPTIMISM_BIAS_UPLIFT,
    AssessmentInputs,
    OptionInputs,
    ValueType,
)
from assessments.scoring.results import OptionResult
from assessments.scoring.rounding import exact, round_half_up

# A motive this strong (of 0-4) suggests people enjoy the time they give.
ENJOYED = 3
ENJOYMENT_MOTIVES = ("intrinsic", "social")


def quality_value(option: OptionResult) -> float | None:
    """What the option's quality is worth over the period at the agency's value of a
    quality point, as the report's figures add up: net benefit + full cost - outcomes."""
    if option.net_benefit is None:
        return None
    value = exact(option.net_benefit) + exact(option.full_cost) - exact(option.outcome_value)
    return round_half_up(value, 2)


def public_share(
    value_type: ValueType | None, private_strength: int | None, public_strength: int | None
) -> Fraction | None:
    """The public's share of what the clients and the public gain, from the assessment's
    Value answers (strengths 0-4); None where they do not say whether the value is private
    or public."""
    match value_type:
        case ValueType.PRIVATE:
            return Fraction(0)
        case ValueType.PUBLIC:
            return Fraction(1)
        case ValueType.BOTH:
            return Fraction(public_strength, private_strength + public_strength)
    return None


@dataclass(frozen=True)
class Incidence:
    """One option against the comparator: each figure is the option's less the
    comparator's, in present values (money, 2 places). Spending and giving are costs, so a
    negative `agency` is a saving to the agency; `clients` and `public` are gains. The
    value of quality, the gains and the total are None while no value is put on quality."""

    option_index: int
    comparator_index: int
    agency: float
    time: float
    money: float
    hours_a_year: float | None  # co-producers' hours a year at full take-up
    quality_value: float | None
    outcome_value: float
    public_share: Fraction | None
    clients: float | None  # None also where the gains are not split
    public: float | None

    @property
    def given(self) -> float:
        """What the co-producers give: their time and their money."""
        return round(self.time + self.money, 2)

    @property
    def gains(self) -> float | None:
        if self.quality_value is None:
            return None
        return round(self.quality_value + self.outcome_value, 2)

    @property
    def total(self) -> float | None:
        """The change in net benefit at full cost: gains less all that is spent and given."""
        if self.gains is None:
            return None
        return round(self.gains - self.agency - self.time - self.money, 2)

    @property
    def agency_view(self) -> float | None:
        """The change in net benefit from the agency's perspective: gains less its spending."""
        if self.gains is None:
            return None
        return round(self.gains - self.agency, 2)

    @property
    def cost_shifted(self) -> float:
        """Money the agency saves that the co-producers make up in time and money: the
        smaller of the two, or nothing when the agency does not save or they give no more."""
        return max(0.0, min(-self.agency, self.given))


def _difference(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return None
    return round_half_up(exact(a) - exact(b), 2)


def incidence(
    options: tuple[OptionResult, ...], option_index: int, share: Fraction | None
) -> Incidence:
    """`option_index` against the comparator (every option costed), the gains split with
    the public's `share` (`public_share`; None: not split)."""
    option = options[option_index]
    comparator = next(o for o in options if o.comparator)
    quality = _difference(quality_value(option), quality_value(comparator))
    outcomes = _difference(option.outcome_value, comparator.outcome_value)
    clients = public = None
    if quality is not None and share is not None:
        gains = exact(quality) + exact(outcomes)
        clients = round_half_up(gains * (1 - share), 2)
        public = round_half_up(gains - exact(clients), 2)
    return Incidence(
        option_index=option.index,
        comparator_index=comparator.index,
        agency=_difference(option.agency_cost, comparator.agency_cost),
        time=_difference(option.co_producer_time_cost, comparator.co_producer_time_cost),
        money=_difference(option.co_producer_money_cost, comparator.co_producer_money_cost),
        hours_a_year=_difference(option.co_producer_hours, comparator.co_producer_hours),
        quality_value=quality,
        outcome_value=outcomes,
        public_share=share,
        clients=clients,
        public=public,
    )


def incidences(options: tuple[OptionResult, ...], share: Fraction | None) -> tuple[Incidence, ...]:
    """Every option but the comparator against the comparator, in the options' order."""
    return tuple(
        incidence(options, option.index, share) for option in options if not option.comparator
    )


def enjoyed_motives(inputs: AssessmentInputs) -> tuple[str, ...]:
    """The motives (intrinsic, social) strong enough to suggest that people enjoy the time
    they give, so part of it is a gain to them, not a cost: the time cost may be overstated.
    It is not netted off, as no one has measured how much."""
    return tuple(
        motive
        for motive in ENJOYMENT_MOTIVES
        if (getattr(inputs, f"{motive}_motivation") or 0) >= ENJOYED
    )


@dataclass(frozen=True)
class BudgetYear:
    """The agency's cash in one year of the appraisal period (0 is now), undiscounted:
    as estimated, and raised by the optimism allowance. Exact decimals."""

    year: int
    cash: Decimal
    with_allowance: Decimal


def budget(option: OptionInputs, years: int | None) -> tuple[BudgetYear, ...]:
    """Each year's cash for one option over an appraisal period of `years`; empty while its
    costs, its confidence or the period are not given."""
    uplift = OPTIMISM_BIAS_UPLIFT.get(option.confidence)
    if None in (option.setup_cost, option.annual_agency_cost, uplift, years) or years < 1:
        return ()
    factor = 1 + Decimal(str(uplift))
    setup, yearly = Decimal(str(option.setup_cost)), Decimal(str(option.annual_agency_cost))
    return tuple(
        BudgetYear(year, cash, cash * factor)
        for year, cash in enumerate([setup, *([yearly] * years)])
    )


def discounted(rows: tuple[BudgetYear, ...], discount_rate) -> float:
    """The cash with the allowance, discounted to year 0 (2 places): the agency's present
    value, as `costs.cost_option` works it out."""
    growth = 1 + exact(discount_rate)
    total = sum((exact(row.with_allowance) / growth**row.year for row in rows), Fraction(0))
    return round_half_up(total, 2)
