"""The report on one assessment: what it is, which option is worth it, and what to watch.

The view works out the comparisons the report states in words (differences between
options, why an option is never the best choice, what is still missing); the templates
word them. Everything comes from one scoring run over the options read with the
assessment, so the page's query count does not grow with the number of options.
"""

from dataclasses import dataclass, replace
from fractions import Fraction

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from assessments import scoring
from assessments.access import get_assessment_for_user
from assessments.choices import Classification, Necessity, Quadrant, Sensitivity, ValueType
from assessments.models import MOTIVATORS, Assessment
from assessments.scoring.appraisal import cost_band, effect, quality_band
from assessments.scoring.rounding import round_half_up
from assessments.sections import comparator_words, option_problems, options_title
from assessments.views.incidence import incidence_context
from assessments.views.uncertainty import effect_number, uncertainty_context
from coprod_site.changes import render_kept
from services.context_processors import header_agencies
from services.models import CaseExample, EffectSpread, why_similar
from services.similarity import Profile

# A motivator this strong (3 of 0-4 or more) counts when matching library cases.
STRONG_MOTIVATION = 3
RATING_COLUMNS = (
    ("effectiveness", "Effectiveness"),
    ("consistency", "Consistency across areas"),
    ("trust", "Trust and responsiveness"),
    ("experience", "Client experience"),
)
RATING_WORDS = {1: "poor", 2: "fair", 3: "good", 4: "very good", 5: "excellent"}


def similarity_profile(assessment: Assessment) -> Profile:
    """What the case library matches on: the service's sector and the assessment's answers."""
    value_type = assessment.result_value_type
    return Profile(
        sector=assessment.service.sector,
        value_type="" if value_type == ValueType.NONE else value_type,
        necessity=assessment.necessity,
        motivators=frozenset(
            motivator
            for motivator in MOTIVATORS
            if (getattr(assessment, f"{motivator}_motivation") or 0) >= STRONG_MOTIVATION
        ),
        co_producer_types=frozenset(assessment.co_producer_types or ()),
    )


def chart_data(assessment: Assessment, result: scoring.AssessmentResult) -> dict | None:
    """Every costed option as a point on the cost-quality plane (cost per client-year
    across, quality up), and the frontier as a line through its options, cheapest first.
    None when fewer than two options can be drawn."""
    points = [
        {
            "label": option.name,
            "x": option.cost_per_client_year,
            "y": option.quality_index,
            "frontier": option.on_frontier,
            "best": option.is_best,
            "comparator": option.comparator,
        }
        for option in result.options
        if option is not None and option.cost_per_client_year is not None
    ]
    if len(points) < 2:
        return None
    frontier = [
        {"x": option.cost_per_client_year, "y": option.quality_index}
        for option in sorted(
            (o for o in result.frontier if o.cost_per_client_year is not None),
            key=lambda o: (o.cost_per_client_year, o.quality_index),
        )
    ]
    return {
        "currency": assessment.money_currency,
        "comparator": comparator_words(assessment),
        "points": points,
        "frontier": frontier,
    }


# --- What the report says in words -------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One option set against another, per client-year: `cost_direction` and
    `quality_direction` are -1, 0 (the same within the plane's tie rule) or 1, for the
    option less the other; the sizes are unsigned, for the words "more" or "less"."""

    other: scoring.OptionResult
    role: str  # who the other option is: "the next best", "what happens now", ...
    cost_direction: int
    cost_size: float
    quality_direction: int
    quality_size: float
    net_benefit_gain: float | None


def difference(option, other, role: str) -> Difference | None:
    if option.cost_per_client_year is None or other.cost_per_client_year is None:
        return None
    net_benefit_gain = None
    if option.net_benefit is not None and other.net_benefit is not None:
        net_benefit_gain = round(option.net_benefit - other.net_benefit, 2)
    return Difference(
        other=other,
        role=role,
        cost_direction=cost_band(option.cost_per_client_year, other.cost_per_client_year),
        cost_size=round(abs(option.cost_per_client_year - other.cost_per_client_year), 2),
        quality_direction=quality_band(option.quality_index, other.quality_index),
        quality_size=round(abs(option.quality_index - other.quality_index), 1),
        net_benefit_gain=net_benefit_gain,
    )


def decision_differences(result: scoring.AssessmentResult, comparator_role: str) -> list:
    """The best option against the runner-up and against the comparator (once if they
    are the same option, and not at all against itself). The gains in net benefit are in
    net benefit on average over the tries, as the choice is: on the single estimates the
    best option may be behind."""
    best, runner_up = result.best, result.options[result.runner_up]
    comparator = next(option for option in result.options if option.comparator)
    differences = []
    if runner_up.comparator:
        differences.append(difference(best, runner_up, f"{comparator_role}, and the next best"))
    else:
        differences.append(difference(best, runner_up, "the next best"))
        if not best.comparator:
            differences.append(difference(best, comparator, comparator_role))
    means = result.uncertainty.mean_net_benefit if result.uncertainty else ()
    return [
        replace(
            item,
            net_benefit_gain=round(means[best.index] - means[item.other.index], 2),
        )
        if means
        else item
        for item in differences
        if item is not None
    ]


@dataclass(frozen=True)
class NeverBest:
    """An option off the frontier and why. Dominated: `by` costs no more and does at least
    as well. Extendedly dominated: it lies between `lower` and `upper` on the frontier, and
    each extra quality point it buys over `lower` costs at least as much as each further
    point `upper` buys over it (`lower_rate` >= `upper_rate`), so one of them always wins.
    Costs are net costs (full cost less the value of outcomes), as the frontier weighs them:
    the full cost where the assessment values no outcome."""

    option: scoring.OptionResult
    extended: bool
    by: scoring.OptionResult | None = None
    costs_more: bool = False
    worse: bool = False
    lower: scoring.OptionResult | None = None
    upper: scoring.OptionResult | None = None
    lower_rate: float | None = None
    upper_rate: float | None = None
    # Its chance of being best once the figures' uncertainty is drawn (None without a run):
    # off the frontier on the central figures, it may still win some tries.
    chance: float | None = None


def never_best(result: scoring.AssessmentResult) -> list[NeverBest]:
    reasons = _never_best_on_the_estimates(result)
    uncertainty = result.uncertainty
    if uncertainty is None or not uncertainty.probability_best:
        return reasons
    costed = [option.index for option in result.options if option is not None]
    chances = dict(zip(costed, uncertainty.probability_best, strict=True))
    return [replace(reason, chance=chances.get(reason.option.index)) for reason in reasons]


def _never_best_on_the_estimates(result: scoring.AssessmentResult) -> list[NeverBest]:
    options = [option for option in result.options if option is not None]
    frontier = result.frontier
    reasons = []
    for option in options:
        if option.dominance == scoring.Dominance.DOMINATED:
            by = _dominating(option, options, frontier)
            reasons.append(
                NeverBest(
                    option,
                    False,
                    by=by,
                    costs_more=by.net_cost < option.net_cost,
                    worse=effect(by) > effect(option),
                )
            )
        elif option.dominance == scoring.Dominance.EXTENDED:
            lower = max(
                (o for o in frontier if o.net_cost <= option.net_cost),
                key=lambda o: o.net_cost,
            )
            upper = min(
                (o for o in frontier if o.net_cost > option.net_cost),
                key=lambda o: o.net_cost,
            )
            reasons.append(
                NeverBest(
                    option,
                    True,
                    lower=lower,
                    upper=upper,
                    lower_rate=_rate(lower, option),
                    upper_rate=_rate(option, upper),
                )
            )
    return reasons


def _dominating(option, options, frontier):
    """An option that costs no more and achieves no less: one on the frontier if one does
    (the cheapest such), else the cheapest of all."""

    def beats(other):
        return (
            other.index != option.index
            and other.net_cost <= option.net_cost
            and effect(other) >= effect(option)
        )

    candidates = [o for o in frontier if beats(o)] or [o for o in options if beats(o)]
    return min(candidates, key=lambda o: (o.net_cost, -effect(o), o.index))


def _rate(lower, upper) -> float | None:
    """Extra cost per extra quality point per client-year, from one option to a better one."""
    extra_effect = effect(upper) - effect(lower)
    if extra_effect <= 0:
        return None
    extra_cost = Fraction(str(upper.net_cost)) - Fraction(str(lower.net_cost))
    return float(round(extra_cost / extra_effect, 4))


def missing_answers(assessment: Assessment, result: scoring.AssessmentResult) -> list[str]:
    """What the report still needs before it can recommend an option, in plain words."""
    missing = []
    if result.classification is None:
        missing.append("the answers that show whether this is co-production")
    if not assessment.necessity:
        missing.append("whether the service could work without its co-producers")
    settings = (assessment.hourly_rate, assessment.appraisal_years, assessment.discount_rate)
    if any(value is None for value in settings):
        missing.append(
            "how to weigh the options: the period, the discount rate and the value of "
            "co-producers' time"
        )
    same = bool(assessment.same_population)
    if same and assessment.clients_per_year is None:
        missing.append("how many people the options serve each year")
    for option, option_result in zip(assessment.ordered_options, result.options, strict=True):
        if option_result is not None:
            continue
        costs_complete = option.costs_complete
        if not costs_complete:
            missing.append(f"the costs of {option.name} and how many people it serves")
        if not option.ratings_complete:
            missing.append(f"the quality ratings of {option.name}")
        if (
            costs_complete
            and option.ratings_complete
            and all(value is not None for value in settings)
        ):
            missing.append(
                f"the hours co-producers give to {option.name} (or how many take part and "
                "for how long, under What each side gives)"
            )
    return [*missing, *(problem.rstrip(".") for problem in option_problems(assessment))]


def lead(result: scoring.AssessmentResult) -> str:
    """What the report leads with: the best option at the agency's willingness to pay,
    the frontier when there is none yet, or why there is no recommendation."""
    if result.classification not in (None, scoring.Classification.CO_PRODUCTION):
        return "not_co_production"
    if result.classification is None or not result.appraised:
        return "incomplete"
    return "frontier" if result.best is None else "decision"


@dataclass(frozen=True)
class Range:
    """The willingness to pay over which an option on the frontier is best: from
    `low` (inclusive) to `high` (exclusive; None for no upper end)."""

    option: scoring.OptionResult
    low: float
    high: float | None

    @property
    def always(self) -> bool:
        return self.low == 0 and self.high is None


def best_ranges(result: scoring.AssessmentResult) -> list[Range]:
    """Each frontier option's range, cheapest (best at the lowest figures) first."""
    return [Range(option, option.best_from_wtp, option.best_to_wtp) for option in result.frontier]


def neighbouring_ranges(ranges: list[Range], best) -> dict:
    """The best option's range and the ranges either side of it (None at the ends)."""
    position = next(
        (k for k, r in enumerate(ranges) if best and r.option.index == best.index), None
    )
    if position is None:
        return {"best_range": None, "range_below": None, "range_above": None}
    return {
        "best_range": ranges[position],
        "range_below": ranges[position - 1] if position > 0 else None,
        "range_above": ranges[position + 1] if position + 1 < len(ranges) else None,
    }


def quality_after_switch(result: scoring.AssessmentResult) -> float | None:
    """The best option's quality index once it has fallen by the switching value."""
    if result.best is None or result.quality_switching_points is None:
        return None
    return round(result.best.quality_index - result.quality_switching_points, 1)


def option_rows(assessment: Assessment, result: scoring.AssessmentResult) -> list[dict]:
    """Each option's answers and results, for the costs table and the ratings table.
    `quality_value` is what its quality is worth (net benefit = quality_value + the value
    of its outcomes - full cost); None while no value is put on quality."""
    rows = []
    for option, option_result in zip(assessment.ordered_options, result.options, strict=True):
        quality = scoring.quality_index(*option.ratings)
        quality_value = None
        if option_result is not None and option_result.net_benefit is not None:
            quality_value = round(
                option_result.net_benefit + option_result.full_cost - option_result.outcome_value,
                2,
            )
        rows.append(
            {
                "option": option,
                "result": option_result,
                "quality_value": quality_value,
                "ratings": [
                    (label, getattr(option, name), RATING_WORDS.get(getattr(option, name)))
                    for name, label in RATING_COLUMNS
                ],
                "quality": None if quality is None else round_half_up(quality, 1),
                "confidence": option.get_confidence_display().split(":")[0],
                "uplift": scoring.OPTIMISM_BIAS_UPLIFT.get(option.confidence or None),
            }
        )
    return rows


def cost_steps(rows: list[dict], budgets: list[dict]) -> list[dict]:
    """For each costed option, the steps from the costs the manager typed to the agency's
    cost in the table: the cash over the period, the allowance for optimism, and the present
    value. Pairs each option's row with its year-by-year cash (`incidence_context`)."""
    by_index = {budget["option"].index: budget for budget in budgets}
    return [
        {**by_index[row["result"].index], "row": row}
        for row in rows
        if row["result"] is not None and row["result"].index in by_index
    ]


def outcome_sections(assessment: Assessment, result: scoring.AssessmentResult) -> list[dict]:
    """Each outcome the assessment values, with its price and where the price comes from,
    and a row for each option: its effect for each client a year as given (with its range
    and what kind of range it is), and the units over the period and their value as the
    scoring worked them out. Reads the outcomes and effects the scoring read
    (`Assessment.ordered_outcomes`), so no further query."""
    sections = []
    for k, measure in enumerate(assessment.ordered_outcomes):
        by_option = {effect.option_id: effect for effect in measure.effects.all()}
        rows = []
        for option, option_result in zip(assessment.ordered_options, result.options, strict=True):
            effect = by_option.get(option.pk)
            figures = option_result is not None and k < len(option_result.outcome_units)
            rows.append(
                {
                    "option": option,
                    # An effect given as a difference from the comparator is none for it.
                    "by_definition": measure.as_difference and option.comparator,
                    "estimate": None if effect is None else effect_number(effect.estimate),
                    "low": None if effect is None else effect_number(effect.low),
                    "high": None if effect is None else effect_number(effect.high),
                    "interval": effect is not None and effect.spread == EffectSpread.INTERVAL,
                    "units": option_result.outcome_units[k] if figures else None,
                    "value": option_result.outcome_values[k] if figures else None,
                }
            )
        sections.append(
            {
                "index": k,
                "measure": measure,
                "price_year": assessment.price_year or measure.price_year,
                "rows": rows,
            }
        )
    return sections


def plane_choice(result: scoring.AssessmentResult) -> str:
    """Which co-produced option the plane sets against the comparator, in words."""
    option = result.options[result.plane.option_index]
    if result.best is not None:
        return "the co-produced option with the highest net benefit"
    if option.on_frontier:
        return "the co-produced option on the frontier that costs least per client-year"
    return "the co-produced option that costs least per client-year"


@require_safe
def report(request, code):
    # Its options are read only if the page is worked out.
    assessment = get_assessment_for_user(request.user, code, options=False)
    return render_kept(
        request,
        "assessments/report.html",
        "report",
        assessment.pk,
        make=lambda: _report(request, assessment),
        context={"assessment": assessment},  # the title and breadcrumbs, from this request
    )


def _report(request, assessment) -> dict:
    """The report's own part of the page and its scripts, rendered, with what the rest of
    the page needs from them."""
    prefetch_related_objects([assessment], "options")
    inputs = assessment.scoring_inputs()
    result = scoring.score(inputs)
    matches = CaseExample.objects.published().similar_to(similarity_profile(assessment), limit=3)
    opening = lead(result)
    plane = result.plane
    best = result.best
    ranges = best_ranges(result) if result.appraised else []
    sections = outcome_sections(assessment, result)
    wtp = assessment.willingness_to_pay
    context = {
        "assessment": assessment,
        "agency": assessment.service.agency,
        "currency": assessment.money_currency,
        "result": result,
        "lead": opening,
        "necessary": assessment.necessity == Necessity.NECESSARY,
        "rows": option_rows(assessment, result),
        "outcome_sections": sections,
        # The costs table's columns after the option's name, for a row not costed yet.
        "not_costed_span": 7
        + (wtp is not None)
        + bool(sections)
        + bool(sections and wtp is not None),
        "rating_columns": [label for _, label in RATING_COLUMNS],
        "wtp": wtp,
        "best": best,
        "runner_up": None if result.runner_up is None else result.options[result.runner_up],
        "differences": []
        if best is None
        else decision_differences(result, comparator_words(assessment)),
        "ranges": ranges,
        **neighbouring_ranges(ranges, best),
        "quality_after_switch": quality_after_switch(result),
        "never_best": never_best(result) if result.appraised else [],
        "missing": missing_answers(assessment, result) if opening == "incomplete" else [],
        "plane": plane,
        "quadrant": Quadrant(plane.quadrant) if plane else None,
        "plane_option": plane and result.options[plane.option_index],
        "plane_comparator": plane and result.options[plane.comparator_index],
        "plane_choice": plane and plane_choice(result),
        "plane_difference": plane
        and difference(
            result.options[plane.option_index], result.options[plane.comparator_index], ""
        ),
        "comparator_words": comparator_words(assessment),
        "options_title": options_title(assessment),
        "classification": result.classification and Classification(result.classification),
        "value_type": result.value_type and ValueType(result.value_type),
        "sensitivity": result.sensitivity and Sensitivity(result.sensitivity),
        "chart_data": chart_data(assessment, result) if result.appraised else None,
        "similar_cases": [(match.case, why_similar(match)) for match in matches],
        "can_change": assessment.user_role.can_change,
        # A draft has none: revisions are started from submitted or archived assessments.
        "revisions": [] if assessment.is_editable else assessment.revisions_started(),
        **uncertainty_context(assessment, result),
        **incidence_context(assessment, inputs, result),
        "budget_url": reverse("export-budget"),
    }
    context["cost_steps"] = cost_steps(context["rows"], context.get("budgets", []))
    return {
        "content": render_to_string("assessments/includes/_report_page.html", context, request),
        "scripts": render_to_string("assessments/includes/_report_scripts.html", context, request),
        "header_agencies": header_agencies(request.user),
    }
