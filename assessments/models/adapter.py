"""The assessment's answers as the scoring takes them, and its results as the columns hold
them.

Plain functions of an assessment and its options (in their order), reading and writing
fields by name only, so a migration can run them on its historical models as the models
do on themselves: stored results are worked out again the same way wherever they are.
"""

from __future__ import annotations

from decimal import Decimal

from assessments import scoring
from assessments.models.bits import RISK_FLAG_BITS, SPECIAL_ASSET_BITS, bits_of
from assessments.scoring import MOTIVATORS, RATING_FIELDS, OptionInputs, incidence
from assessments.scoring.rounding import round_half_up
from services.models import EffectSpread

# Each per-client figure of an option, the yearly total the scoring is given, and the
# total's places (a tenth of an hour, a cent).
PER_CLIENT_TOTALS = {
    "hours_per_client": ("annual_co_producer_hours", 1),
    "money_per_client": ("annual_co_producer_money", 2),
}
# The option's other ranged figures, given to the scoring as they are.
_AS_THEY_ARE = (
    "setup_cost",
    "annual_agency_cost",
    "clients_per_year",
    "ramp_up_years",
    *RATING_FIELDS,
)


def clients_served(option, same_population: bool, population: int | None) -> Decimal | None:
    """Clients a year at full take-up: the option's own figure, or, when every option serves
    the same people, that population times its take-up (blank: all of them)."""
    if not same_population:
        return None if option.clients_per_year is None else Decimal(option.clients_per_year)
    if population is None:
        return None
    share = Decimal(100) if option.take_up is None else option.take_up
    return Decimal(population) * share / 100


def yearly_totals(option, same_population: bool, population: int | None) -> dict:
    """The co-producers' hours and money a year for all the clients the option serves (and
    their ranges), as the scoring takes them: each per-client figure times the clients,
    rounded to a tenth of an hour or a cent. None where the figure is blank or the clients
    are not known yet."""
    clients = clients_served(option, same_population, population)
    totals = {}
    for name, (total, places) in PER_CLIENT_TOTALS.items():
        for end in ("", "_low", "_high"):
            each = getattr(option, f"{name}{end}")
            value = None
            if each is not None and clients is not None:
                value = Decimal(str(round_half_up(each * clients, places)))
            totals[f"{total}{end}"] = value
    return totals


def _share(percent: Decimal | None) -> Decimal | None:
    return None if percent is None else percent / 100


def option_inputs(option, same_population: bool = False, population=None) -> OptionInputs:
    return OptionInputs(
        name=option.name,
        description=option.description,
        co_produced=option.co_produced,
        comparator=option.comparator,
        confidence=option.confidence or None,
        take_up=_share(option.take_up),
        take_up_low=_share(option.take_up_low),
        take_up_high=_share(option.take_up_high),
        **yearly_totals(option, same_population, population),
        **{
            f"{name}{end}": getattr(option, f"{name}{end}")
            for name in _AS_THEY_ARE
            for end in ("", "_low", "_high")
        },
    )


def outcome_inputs(outcome, effects, options) -> scoring.OutcomeInputs:
    """One outcome measure as the scoring takes it, at its price in the assessment's price
    year; `effects` are its OutcomeEffect rows."""
    by_option = {effect.option_id: effect for effect in effects}

    def effect_of(option):
        effect = by_option.get(option.pk)
        if effect is None:
            return None
        return scoring.EffectInputs(
            estimate=effect.estimate,
            low=effect.low,
            high=effect.high,
            interval=effect.spread == EffectSpread.INTERVAL,
        )

    return scoring.OutcomeInputs(
        name=outcome.name,
        price=outcome.price,
        price_low=outcome.price_low,
        price_high=outcome.price_high,
        as_difference=outcome.as_difference,
        effects=tuple(effect_of(option) for option in options),
    )


def assessment_inputs(assessment, options, outcomes=()) -> scoring.AssessmentInputs:
    """The answers as the scoring takes them; `outcomes` are (measure, its effects) pairs."""

    def as_tuple(values):
        return None if values is None else tuple(values)

    same = bool(assessment.same_population)
    service = assessment.service if assessment.service_id else None
    return scoring.AssessmentInputs(
        phases=tuple(assessment.phases or ()),
        level=assessment.level or None,
        work_relation=assessment.work_relation or None,
        client_type=(service.client_type or None) if service else None,
        agency_contributions=as_tuple(assessment.agency_contributions),
        co_producer_contributions=as_tuple(assessment.co_producer_contributions),
        timing=assessment.timing or None,
        co_producers_per_year=assessment.co_producers_per_year,
        hours_per_co_producer=assessment.hours_per_co_producer,
        private_value_strength=assessment.private_value_strength,
        public_value_strength=assessment.public_value_strength,
        necessity=assessment.necessity or None,
        **{f"{m}_motivation": getattr(assessment, f"{m}_motivation") for m in MOTIVATORS},
        material_rewards_offered=assessment.material_rewards_offered,
        expertise_required=assessment.expertise_required,
        co_producer_capability=assessment.co_producer_capability,
        capability_varies_by_area=assessment.capability_varies_by_area,
        special_assets=as_tuple(assessment.special_assets),
        burden_on_vulnerable=assessment.burden_on_vulnerable,
        hourly_rate=assessment.hourly_rate,
        appraisal_years=assessment.appraisal_years,
        discount_rate=_fraction(assessment.discount_rate),
        willingness_to_pay=assessment.willingness_to_pay,
        options=tuple(
            option_inputs(option, same, assessment.clients_per_year) for option in options
        ),
        same_population=same,
        clients_per_year=assessment.clients_per_year,
        clients_per_year_low=assessment.clients_per_year_low,
        clients_per_year_high=assessment.clients_per_year_high,
        hourly_rate_low=assessment.hourly_rate_low,
        hourly_rate_high=assessment.hourly_rate_high,
        discount_rate_low=_fraction(assessment.discount_rate_low),
        discount_rate_high=_fraction(assessment.discount_rate_high),
        willingness_to_pay_low=assessment.willingness_to_pay_low,
        willingness_to_pay_high=assessment.willingness_to_pay_high,
        outcomes=tuple(outcome_inputs(outcome, effects, options) for outcome, effects in outcomes),
    )


def store_option_result(option, result: scoring.OptionResult | None) -> None:
    """Copy one option's scoring result onto its result_* columns (not saved here)."""
    r = result
    option.result_agency_cost = _decimal(r and r.agency_cost)
    option.result_time_cost = _decimal(r and r.co_producer_time_cost)
    option.result_money_cost = _decimal(r and r.co_producer_money_cost)
    option.result_full_cost = _decimal(r and r.full_cost)
    option.result_client_years = _decimal(r and r.client_years)
    option.result_cost_per_client_year = _decimal(r and r.cost_per_client_year)
    option.result_quality = _decimal(r and r.quality_index)
    option.result_net_benefit = _decimal(r and r.net_benefit)
    option.result_outcome_value = _decimal(r and r.outcome_value)
    option.result_on_frontier = bool(r and r.on_frontier)
    option.result_dominance = str(r.dominance) if r else ""
    option.result_best_from_wtp = _decimal(r and r.best_from_wtp)
    option.result_best_to_wtp = _decimal(r and r.best_to_wtp)
    option.result_is_best = bool(r and r.is_best)
    option.result_hours_a_year = _decimal(r and r.co_producer_hours)


def store_results(assessment, options, result: scoring.AssessmentResult) -> None:
    """Copy the scoring results onto the result_* columns of the assessment and of each of
    its options (not saved here)."""
    assessment.result_classification = result.classification or ""
    assessment.result_value_type = result.value_type or ""
    best = result.best_option
    assessment.result_best = None if best is None else options[best]
    assessment.result_sensitivity = result.sensitivity or ""
    plane = result.plane
    assessment.result_quadrant = plane.quadrant if plane else ""
    assessment.result_plane_option = options[plane.option_index] if plane else None
    assessment.result_plane_comparator = options[plane.comparator_index] if plane else None
    assessment.result_cost_change = _decimal(plane and plane.cost_change)
    assessment.result_quality_change = _decimal(plane and plane.quality_change)
    assessment.result_net_benefit_change = _decimal(plane and plane.net_benefit_change)
    assessment.result_risk_flags = [flag.code for flag in result.risk_flags]
    assessment.result_risk_flag_count = len(result.risk_flags)
    assessment.result_risk_flag_bits = bits_of(assessment.result_risk_flags, RISK_FLAG_BITS)
    assessment.result_special_asset_bits = bits_of(assessment.special_assets, SPECIAL_ASSET_BITS)
    for option, option_result in zip(options, result.options, strict=True):
        store_option_result(option, option_result)
    _store_incidence(assessment, options, result)
    _store_uncertainty(assessment, options, result)


def _store_incidence(assessment, options, result: scoring.AssessmentResult) -> None:
    """Each option against the comparator: who gains and who pays (`scoring.incidence`)."""
    rows = {}
    if result.appraised:
        share = incidence.public_share(
            result.value_type,
            assessment.private_value_strength,
            assessment.public_value_strength,
        )
        rows = {row.option_index: row for row in incidence.incidences(result.options, share)}
    for index, option in enumerate(options):
        row = rows.get(index)
        option.result_agency_change = _decimal(row and row.agency)
        option.result_time_change = _decimal(row and row.time)
        option.result_money_change = _decimal(row and row.money)
        option.result_hours_change = _decimal(row and row.hours_a_year)
        option.result_gains_change = _decimal(row and row.gains)
        option.result_public_gain = _decimal(row and row.public)


def _store_uncertainty(assessment, options, result: scoring.AssessmentResult) -> None:
    uncertainty = result.uncertainty
    probabilities = uncertainty.probability_best if uncertainty else ()
    means = uncertainty.mean_net_benefit if uncertainty else ()
    losses = uncertainty.expected_loss if uncertainty else ()
    for index, option in enumerate(options):
        # A share of the draws (a count out of 4000): five places are exact.
        option.result_probability_best = _decimal(probabilities[index] if probabilities else None)
        option.result_mean_net_benefit = _decimal(means[index] if means else None)
        option.result_expected_loss = _decimal(losses[index] if losses else None)
        option.result_agency_mean_net_benefit = _decimal(
            uncertainty.agency_mean_net_benefit[index] if means else None
        )
    best = result.best_option
    agency_best = uncertainty.agency_best_option if uncertainty else None
    assessment.result_agency_best = None if agency_best is None else options[agency_best]
    assessment.result_probability_best = _decimal(
        probabilities[best] if probabilities and best is not None else None
    )
    assessment.result_evpi = _decimal(uncertainty and uncertainty.evpi)
    assessment.result_evpi_per_client_year = _decimal(
        uncertainty and uncertainty.evpi_per_client_year
    )
    differs = uncertainty is not None and uncertainty.choice_differs
    assessment.result_single_estimate_best = (
        options[uncertainty.single_estimate_best] if differs else None
    )
    partial = {value.group: value.value for value in uncertainty.partial} if uncertainty else {}
    assessment.result_evppi_people = _decimal(partial.get("people"))
    assessment.result_evppi_time_and_money = _decimal(partial.get("time_and_money"))
    assessment.result_evppi_agency_costs = _decimal(partial.get("agency_costs"))
    assessment.result_evppi_quality = _decimal(partial.get("quality"))
    ends = {end.name: end for end in uncertainty.break_even} if uncertainty else {}
    for name in scoring.VALUE_JUDGEMENTS:
        end = ends.get(name)
        setattr(assessment, f"result_{name}_below", _decimal(end and end.below))
        setattr(assessment, f"result_{name}_above", _decimal(end and end.above))
    assessment.result_acceptability = (
        {
            "wtp": list(uncertainty.curve_wtp),
            "probabilities": [list(row) for row in uncertainty.curve],
            "frontier": list(uncertainty.curve_frontier),
        }
        if uncertainty and uncertainty.curve
        else None
    )


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _fraction(percent: Decimal | None) -> Decimal | None:
    """A percentage as the fraction the scoring works in: 3.5 -> 0.035."""
    return None if percent is None else percent / 100
