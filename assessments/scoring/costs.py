"""What each option costs and achieves over the appraisal period.

Costs
    Present values over an appraisal period of N years at a discount rate r (a fraction,
    0.035 for 3.5%). The set-up cost falls at year 0 and is not discounted; each annual
    figure falls at the end of years 1..N and is divided by (1 + r) ** year. Take-up grows
    in a straight line to its full level over the option's ramp-up years (half of it in
    year 1 of a two-year ramp-up). The agency's yearly cost is NOT ramped: the agency runs
    the whole service from the first year while take-up grows. Co-producers' hours and
    money, and the clients served, grow with take-up. Each of the three costs (agency,
    co-producers' time at the agency's hourly rate, co-producers' money) is raised by the
    optimism-bias uplift for the option's confidence and rounded to the cent; the full
    cost is the sum of the three rounded parts, so the report adds up.

Client-years and quality
    Client-years are discounted exactly like costs, so a cost per client-year does not
    drift with the length of the period: with no set-up cost and the same figures every
    year it is the same over 5 years as over 50. An option's effect is its quality index
    times its discounted client-years, in "quality-point client-years". The choice weighs
    these totals, not figures per client, so an option that serves more clients is given
    credit for them. The cost-quality plane on the report and the dashboard shows figures
    per client-year instead; the two pictures agree when the options serve the same clients.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from fractions import Fraction

from assessments.scoring.inputs import (
    OPTIMISM_BIAS_UPLIFT,
    RATING_FIELDS,
    AssessmentInputs,
    Money,
    OptionInputs,
    OutcomeInputs,
)
from assessments.scoring.results import OptionResult
from assessments.scoring.rounding import Number, exact, round_half_up


def take_up(year: int, ramp_up_years: int | None) -> float:
    """The share of full take-up reached in `year` (1, 2, ...): a straight line up to 1
    over the ramp-up years, or full from the first year when there is no ramp-up."""
    if not ramp_up_years:
        return 1.0
    return min(1.0, year / ramp_up_years)


@functools.lru_cache(maxsize=256)
def discounted_years(years: int, discount_rate: Money, ramp_up_years: int | None = None) -> float:
    """The sum over years 1..years of take-up x 1 / (1 + discount_rate) ** year: what an
    amount paid at the end of every year (scaled by take-up in a ramp-up) is worth now,
    per unit of the amount. Unrounded; remembered, as every option and every scenario of
    an assessment uses the same few."""
    growth = 1 + float(discount_rate)
    return sum(take_up(year, ramp_up_years) * growth**-year for year in range(1, years + 1))


def present_value(
    setup_cost: Money,
    annual_amount: Money,
    years: int,
    discount_rate: Money,
    ramp_up_years: int | None = None,
) -> float:
    """Present value of a one-off amount now plus an amount each year for `years` years.

    The set-up amount falls at year 0 and is not discounted; the annual amount, scaled by
    take-up in a ramp-up, is paid at the end of years 1..years and divided by
    (1 + discount_rate) ** year. The rate is a fraction (0.035 for 3.5%). Unrounded.
    """
    factor = discounted_years(years, discount_rate, ramp_up_years)
    return float(setup_cost) + float(annual_amount) * factor


def quality_index(
    effectiveness: int | None, consistency: int | None, trust: int | None, experience: int | None
) -> float | None:
    """The mean of four 1-5 ratings mapped onto 0-100 (1 -> 0, 3 -> 50, 5 -> 100).

    None if any rating is missing. Unrounded: one rating point moves the index 6.25.
    """
    ratings = (effectiveness, consistency, trust, experience)
    if any(rating is None for rating in ratings):
        return None
    return (sum(ratings) / 4 - 1) * 25


# From "good" (3) to "very good" (4) on all four ratings: the index moves 25 points.
GOOD_TO_VERY_GOOD_POINTS = 25


def point_value_from_trade_off(extra_a_year: Money) -> Fraction:
    """What one quality point is worth for one client for a year, from the most more a year
    the agency would pay, for each client, for a service rated "very good" rather than
    "good" on all four counts: that amount buys GOOD_TO_VERY_GOOD_POINTS points. Exact."""
    return exact(extra_a_year) / GOOD_TO_VERY_GOOD_POINTS


def resolved_hours(inputs: AssessmentInputs, option: OptionInputs) -> float | None:
    """The co-producers' hours a year at full take-up, or None while unknown.

    A blank figure on a co-produced option falls back to the reciprocity answers (people a
    year x hours each); on an option without co-producers it means none.
    """
    if option.annual_co_producer_hours is not None:
        return float(option.annual_co_producer_hours)
    if not option.co_produced:
        return 0.0
    if inputs.co_producers_per_year is None or inputs.hours_per_co_producer is None:
        return None
    return inputs.co_producers_per_year * float(inputs.hours_per_co_producer)


def option_clients(inputs: AssessmentInputs, option: OptionInputs) -> float | None:
    """The option's clients a year at full take-up, or None while unknown: its own figure,
    or, when every option serves the same people, that population times its take-up share
    (blank take-up: all of them)."""
    if not inputs.same_population:
        return None if option.clients_per_year is None else float(option.clients_per_year)
    if inputs.clients_per_year is None:
        return None
    share = 1.0 if option.take_up is None else float(option.take_up)
    return inputs.clients_per_year * share


def effect(option: OptionResult) -> Fraction:
    """Quality-point client-years: the quality index times the discounted client-years.

    Exact: the index is a multiple of 6.25 (see `quality_index`) and the client-years have
    2 places, so the product is exact.
    """
    return exact(option.quality_index) * exact(option.client_years)


def net_cost(option: OptionResult) -> Fraction:
    """The full cost less the value of the outcomes, exactly."""
    return exact(option.full_cost) - exact(option.outcome_value)


def net_benefit(option: OptionResult, willingness_to_pay: Number) -> Fraction:
    """What the option's quality and outcomes are worth less what it costs, exactly."""
    return exact(willingness_to_pay) * effect(option) - net_cost(option)


def outcome_effect(outcome: OutcomeInputs, index: int, option: OptionInputs) -> float:
    """The option's change to an outcome for each client a year: none for the comparator
    when effects are differences from it, and none where no effect is given."""
    if outcome.as_difference and option.comparator:
        return 0.0
    given = outcome.effects[index] if index < len(outcome.effects) else None
    return 0.0 if given is None else float(given.estimate)


def outcome_figures(
    inputs: AssessmentInputs, index: int, option: OptionInputs, client_years: float
) -> tuple[tuple[float, ...], tuple[float, ...], float]:
    """Each outcome's units over the period and their value, and the values' sum."""
    units = tuple(
        round_half_up(exact(outcome_effect(outcome, index, option)) * exact(client_years), 4)
        for outcome in inputs.outcomes
    )
    values = tuple(
        round_half_up(exact(outcome.price) * exact(amount), 2)
        for outcome, amount in zip(inputs.outcomes, units, strict=True)
    )
    return units, values, round_half_up(sum((exact(value) for value in values), Fraction(0)), 2)


def cost_option(inputs: AssessmentInputs, index: int, option: OptionInputs) -> OptionResult | None:
    """Cost one option; None if an input it needs is missing (the hourly rate is needed
    only when co-producers put in hours) or the appraisal period is under a year."""
    hours = resolved_hours(inputs, option)
    uplift = OPTIMISM_BIAS_UPLIFT.get(option.confidence)
    quality = quality_index(*(getattr(option, name) for name in RATING_FIELDS))
    years, rate = inputs.appraisal_years, inputs.discount_rate
    needed = (
        *(option.setup_cost, option.annual_agency_cost, option_clients(inputs, option)),
        *(hours, uplift, quality, years, rate),
    )
    if any(value is None for value in needed) or years < 1 or rate <= -1:
        return None
    if hours and inputs.hourly_rate is None:
        return None
    factor, ramp = 1 + uplift, option.ramp_up_years
    annual_time = hours * float(inputs.hourly_rate or 0)
    annual_money = option.annual_co_producer_money or 0
    # The agency's yearly cost is not ramped: it runs the whole service from year 1.
    agency = present_value(option.setup_cost, option.annual_agency_cost, years, rate)
    agency = round_half_up(agency * factor, 2)
    time = round_half_up(present_value(0, annual_time, years, rate, ramp) * factor, 2)
    money = round_half_up(present_value(0, annual_money, years, rate, ramp) * factor, 2)
    full = round_half_up(exact(agency) + exact(time) + exact(money), 2)
    clients = option_clients(inputs, option)
    client_years = round_half_up(present_value(0, clients, years, rate, ramp), 2)
    result = OptionResult(
        index=index,
        name=option.name,
        co_produced=option.co_produced,
        comparator=option.comparator,
        agency_cost=agency,
        co_producer_time_cost=time,
        co_producer_money_cost=money,
        full_cost=full,
        client_years=client_years,
        cost_per_client_year=_per_client_year(full, client_years),
        agency_cost_per_client_year=_per_client_year(agency, client_years),
        # Not rounded to the 1 place the report shows: the index of four whole ratings is
        # a multiple of 6.25, exact in 2 places, and the choice must weigh the quality the
        # ratings give, not a rounded one.
        quality_index=round_half_up(quality, 2),
        uplift=uplift,
        co_producer_hours=round_half_up(hours, 1),
    )
    if inputs.outcomes:
        units, values, total = outcome_figures(inputs, index, option, client_years)
        result = replace(result, outcome_units=units, outcome_values=values, outcome_value=total)
    wtp = inputs.willingness_to_pay
    if wtp is None:
        return result
    return replace(result, net_benefit=round_half_up(net_benefit(result, wtp), 2))


def _per_client_year(cost: float, client_years: float) -> float | None:
    if client_years == 0:
        return None
    return round_half_up(exact(cost) / exact(client_years), 2)
