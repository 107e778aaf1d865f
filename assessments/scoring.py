"""Coprod's reasoning: is it co-production, what does each option cost, and is it worth it.

Pure Python (standard library only). The Assessment model adapts its answers into an
`AssessmentInputs` and stores what `score()` returns, so this module never sees Django.

Units and rounding
    Money may be given as Decimal, float or int; it is computed in float and returned
    rounded to 2 decimal places. Quality indexes, quality points and percentages are
    returned to 1 decimal place. Rounding is half away from zero on the number's shortest
    decimal form (6.25 -> 6.3, 0.125 -> 0.13), as a manager rounds by hand.
    The discount rate is a fraction (0.035 means 3.5%); hours are hours a year.

Tie rule (one rule for every comparison)
    Two costs per client are the same when they differ by no more than 0.5% of the
    alternative's cost per client; two quality indexes are the same when they differ by
    no more than 0.5 points. The boundary itself counts as a tie. Comparisons use the
    rounded figures shown on the report, so a verdict can be checked by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Phase(StrEnum):
    COMMISSIONING = "commissioning"
    DESIGN = "design"
    DELIVERY = "delivery"
    ASSESSMENT = "assessment"


class Timing(StrEnum):
    SIMULTANEOUS = "simultaneous"
    SEQUENTIAL = "sequential"


class Necessity(StrEnum):
    NECESSARY = "necessary"
    OPTIONAL = "optional"


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Classification(StrEnum):
    CO_PRODUCTION = "co_production"
    PARTICIPATION = "participation"
    NOT_CO_PRODUCTION = "not_co_production"


class ValueType(StrEnum):
    PRIVATE = "private"
    PUBLIC = "public"
    BOTH = "both"
    NONE = "none"


class Verdict(StrEnum):
    DOMINATES = "dominates"
    DOMINATED = "dominated"
    COSTS_MORE_BETTER = "costs_more_better"
    SAVES_MONEY_LOWER_QUALITY = "saves_money_lower_quality"
    EQUIVALENT = "equivalent"
    NECESSARY = "necessary"


class Sensitivity(StrEnum):
    ROBUST = "robust"
    FRAGILE = "fragile"


# Optimism-bias uplift on costs: the weaker the evidence, the more the estimate is raised.
OPTIMISM_BIAS_UPLIFT: dict[str, float] = {
    Confidence.HIGH: 0.10,
    Confidence.MEDIUM: 0.25,
    Confidence.LOW: 0.50,
}
COST_TIE_FRACTION = 0.005
QUALITY_TIE_POINTS = 0.5
HOURLY_RATE_SCENARIOS = ((0.5, "50% less"), (1.5, "50% more"))
RATING_FIELDS = ("effectiveness", "consistency", "trust", "experience")

_CONTRIBUTION_WORDS = {"money": "money or resources"}
_RATING_WORDS = {
    "effectiveness": "effectiveness",
    "consistency": "consistency across areas",
    "trust": "trust and responsiveness",
    "experience": "client experience",
}
_SIDE_WORDS = {"co_production": "the co-production option", "alternative": "the alternative"}
_VERDICT_WORDS = {
    Verdict.DOMINATES: "cheaper and better",
    Verdict.DOMINATED: "dearer and worse",
    Verdict.COSTS_MORE_BETTER: "costs more for better quality",
    Verdict.SAVES_MONEY_LOWER_QUALITY: "saves money at lower quality",
    Verdict.EQUIVALENT: "the same cost and quality",
    Verdict.NECESSARY: "necessary: improve how",
}

Money = Decimal | float | int


@dataclass(frozen=True)
class OptionInputs:
    """One way of delivering the work: co-production, or the alternative it would replace.

    Ratings are 1-5. `annual_co_producer_hours` is the co-producers' total hours a year.
    """

    setup_cost: Money | None = None
    annual_agency_cost: Money | None = None
    annual_co_producer_hours: Decimal | float | None = None
    clients_per_year: int | None = None
    confidence: str | None = None
    effectiveness: int | None = None
    consistency: int | None = None
    trust: int | None = None
    experience: int | None = None


@dataclass(frozen=True)
class AssessmentInputs:
    """Every answer of an assessment; drafts leave any of them blank (None).

    The two contribution lists distinguish blank from empty: None means not answered yet,
    an empty tuple means that side gives nothing (which rules co-production out).
    Strengths, capability and expertise are 0-4.
    """

    phases: tuple[str, ...] = ()
    level: str | None = None
    agency_contributions: tuple[str, ...] | None = None
    co_producer_contributions: tuple[str, ...] | None = None
    timing: str | None = None
    co_producers_per_year: int | None = None
    hours_per_co_producer: Decimal | float | None = None
    private_value_strength: int | None = None
    public_value_strength: int | None = None
    necessity: str | None = None
    material_motivation: int | None = None
    intrinsic_motivation: int | None = None
    social_motivation: int | None = None
    normative_motivation: int | None = None
    sanctions_motivation: int | None = None
    material_rewards_offered: bool | None = None
    expertise_required: int | None = None
    co_producer_capability: int | None = None
    capability_varies_by_area: bool | None = None
    special_assets: tuple[str, ...] | None = None
    burden_on_vulnerable: bool | None = None
    hourly_rate: Money | None = None
    appraisal_years: int | None = None
    discount_rate: Decimal | float | None = None
    co_production: OptionInputs | None = None
    alternative: OptionInputs | None = None


@dataclass(frozen=True)
class OptionResult:
    """One option's costs over the appraisal period, in present value, uplift included.

    `full_cost` is the sum of the two rounded parts, so the report adds up. Costs per
    client divide by clients a year x years (clients are not discounted); they are None
    when no clients are recorded.
    """

    agency_cost: float
    co_producer_time_cost: float
    full_cost: float
    agency_cost_per_client: float | None
    cost_per_client: float | None
    quality_index: float
    uplift: float


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
    """What `score()` concludes about one assessment.

    The verdict is given only for co-production. `cost_per_quality_point`, sensitivity and
    the two switching values belong to a substitution verdict (not NECESSARY) and are None
    otherwise, or where no amount would change the verdict.
    """

    classification: Classification | None = None
    classification_reasons: tuple[str, ...] = ()
    value_type: ValueType | None = None
    co_production_option: OptionResult | None = None
    alternative_option: OptionResult | None = None
    verdict: Verdict | None = None
    cost_per_quality_point: float | None = None
    sensitivity: Sensitivity | None = None
    sensitivity_changes: tuple[str, ...] = ()
    quality_switching_points: float | None = None
    cost_switching_percent: float | None = None
    risk_flags: tuple[RiskFlag, ...] = ()
    levers: tuple[Lever, ...] = ()


def score(inputs: AssessmentInputs) -> AssessmentResult:
    """Score an assessment, however partial; missing answers give None, never an error."""
    classification, reasons = classify(inputs)
    co_production, alternative = _options(inputs)
    verdict = None
    if classification == Classification.CO_PRODUCTION:
        verdict = _verdict(inputs.necessity, co_production, alternative)
    substitution = verdict not in (None, Verdict.NECESSARY)
    sensitivity, changes = _sensitivity(inputs, verdict) if substitution else (None, ())
    return AssessmentResult(
        classification=classification,
        classification_reasons=reasons,
        value_type=value_type(inputs.private_value_strength, inputs.public_value_strength),
        co_production_option=co_production,
        alternative_option=alternative,
        verdict=verdict,
        cost_per_quality_point=_cost_per_quality_point(co_production, alternative, verdict),
        sensitivity=sensitivity,
        sensitivity_changes=changes,
        quality_switching_points=(
            _quality_switching_points(co_production, alternative, verdict) if substitution else None
        ),
        cost_switching_percent=(
            _cost_switching_percent(co_production, alternative, verdict) if substitution else None
        ),
        risk_flags=_risk_flags(inputs, co_production, alternative, verdict),
        levers=_levers(inputs),
    )


# --- Classification and value -------------------------------------------------------------


def classify(inputs: AssessmentInputs) -> tuple[Classification | None, tuple[str, ...]]:
    """Classify the arrangement and say why, in sentences a manager reads.

    None means not enough is answered yet; an answer already known to rule co-production
    out (no delivery role, a side giving nothing, no value) decides even in a draft.
    """
    phases = tuple(inputs.phases or ())
    if not phases:
        return None, ("Not enough answers yet: say in which phases co-producers take part.",)
    if Phase.DELIVERY not in phases:
        return Classification.PARTICIPATION, (
            f"Co-producers take part in {_phase_list(phases)} but do none of the delivery work.",
            "Taking part in deciding, planning or designing is participation, not co-production.",
        )
    reasons = ["Co-producers do part of the work of delivering the service."]
    if others := [p for p in phases if p != Phase.DELIVERY]:
        reasons.append(
            f"Their part in {_phase_list(others)} is participation; only the delivery work is "
            "co-production."
        )
    agency, co_producers = inputs.agency_contributions, inputs.co_producer_contributions
    private, public = inputs.private_value_strength, inputs.public_value_strength
    gaps = []
    if agency == () and co_producers == ():
        gaps.append("Neither side gives anything, so there is no exchange between them.")
    elif agency == ():
        gaps.append("The agency gives nothing in return, so there is no two-way exchange.")
    elif co_producers == ():
        gaps.append("The co-producers give nothing, so there is no two-way exchange.")
    if private == 0 and public == 0:
        gaps.append(
            "It creates neither private nor public value, and without value it is not co-production."
        )
    if gaps:
        return Classification.NOT_CO_PRODUCTION, (*reasons, *gaps)
    missing = []
    if agency is None or co_producers is None:
        missing.append("what each side gives")
    if not (private or public):
        missing.append("what value it creates")
    if missing:
        return None, (*reasons, f"Not enough answers yet: say {_join(missing)}.")
    reasons.append(
        f"Both sides give something: the agency gives {_contribution_list(agency)}, "
        f"and co-producers give {_contribution_list(co_producers)}."
    )
    if inputs.timing == Timing.SIMULTANEOUS:
        reasons.append("The two sides contribute at the same time.")
    elif inputs.timing == Timing.SEQUENTIAL:
        reasons.append(
            "The two sides contribute at different times, as when a tax office builds "
            "online forms and taxpayers later file their own returns with them; "
            "that is still an exchange."
        )
    reasons.append(_value_sentence(private, public))
    return Classification.CO_PRODUCTION, tuple(reasons)


def value_type(private_strength: int | None, public_strength: int | None) -> ValueType | None:
    """Private, public, both or none; a strength of 1 or more counts as present."""
    if private_strength is None or public_strength is None:
        return None
    match (private_strength >= 1, public_strength >= 1):
        case (True, True):
            return ValueType.BOTH
        case (True, False):
            return ValueType.PRIVATE
        case (False, True):
            return ValueType.PUBLIC
    return ValueType.NONE


def _value_sentence(private: int | None, public: int | None) -> str:
    kinds = []
    if private:
        kinds.append("private value, enjoyed by the people who take part")
    if public:
        kinds.append("public value, shared by the community as a whole")
    return f"It creates {', and '.join(kinds)}."


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _phase_list(phases: tuple[str, ...] | list[str]) -> str:
    return _join([str(phase) for phase in dict.fromkeys(phases)])


def _contribution_list(contributions: tuple[str, ...]) -> str:
    return _join([_CONTRIBUTION_WORDS.get(c, str(c)) for c in dict.fromkeys(contributions)])


# --- Costs and quality --------------------------------------------------------------------


def present_value(
    setup_cost: Money, annual_cost: Money, years: int, discount_rate: Decimal | float
) -> float:
    """Present value of a one-off cost now plus the same cost each year for `years` years.

    The set-up cost falls at year 0 and is not discounted; each annual cost is paid at the
    end of years 1..years and divided by (1 + discount_rate) ** year. The rate is a
    fraction (0.035 for 3.5%). Unrounded.
    """
    rate, annual = float(discount_rate), float(annual_cost)
    return float(setup_cost) + sum(annual / (1 + rate) ** year for year in range(1, years + 1))


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


def _round(value: float, places: int) -> float:
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def _options(inputs: AssessmentInputs) -> tuple[OptionResult | None, OptionResult | None]:
    # Blank co-production hours fall back to the reciprocity answers (people x hours each).
    fallback_hours = None
    if inputs.co_producers_per_year is not None and inputs.hours_per_co_producer is not None:
        fallback_hours = inputs.co_producers_per_year * float(inputs.hours_per_co_producer)
    return (
        _option(inputs, inputs.co_production, fallback_hours),
        _option(inputs, inputs.alternative, None),
    )


def _option(
    inputs: AssessmentInputs, option: OptionInputs | None, fallback_hours: float | None
) -> OptionResult | None:
    """Cost one option; None if an input it needs is missing (the hourly rate is needed
    only when co-producers put in hours) or the appraisal period is under a year."""
    if option is None:
        return None
    hours = option.annual_co_producer_hours
    hours = fallback_hours if hours is None else float(hours)
    uplift = OPTIMISM_BIAS_UPLIFT.get(option.confidence)
    quality = quality_index(*(getattr(option, name) for name in RATING_FIELDS))
    years, rate = inputs.appraisal_years, inputs.discount_rate
    needed = (option.setup_cost, option.annual_agency_cost, hours, uplift, quality, years, rate)
    if any(value is None for value in needed) or years < 1:
        return None
    if hours and inputs.hourly_rate is None:
        return None
    factor = 1 + uplift
    agency = _round(
        present_value(option.setup_cost, option.annual_agency_cost, years, rate) * factor, 2
    )
    annual_time = hours * float(inputs.hourly_rate or 0)
    time = _round(present_value(0, annual_time, years, rate) * factor, 2)
    full = _round(agency + time, 2)
    client_years = (option.clients_per_year or 0) * years
    return OptionResult(
        agency_cost=agency,
        co_producer_time_cost=time,
        full_cost=full,
        agency_cost_per_client=_round(agency / client_years, 2) if client_years > 0 else None,
        cost_per_client=_round(full / client_years, 2) if client_years > 0 else None,
        quality_index=_round(quality, 1),
        uplift=uplift,
    )


# --- Verdict, switching values and sensitivity --------------------------------------------

# (cost band, quality band) -> verdict. Cost: -1 cheaper, 0 same, 1 dearer; quality: 1
# better, 0 same, -1 worse. A tie on one axis lets the other decide.
_VERDICTS = {
    (-1, 1): Verdict.DOMINATES,
    (-1, 0): Verdict.DOMINATES,
    (0, 1): Verdict.DOMINATES,
    (1, -1): Verdict.DOMINATED,
    (1, 0): Verdict.DOMINATED,
    (0, -1): Verdict.DOMINATED,
    (1, 1): Verdict.COSTS_MORE_BETTER,
    (-1, -1): Verdict.SAVES_MONEY_LOWER_QUALITY,
    (0, 0): Verdict.EQUIVALENT,
}


def _cost_band(co_production: float, alternative: float) -> int:
    margin = COST_TIE_FRACTION * abs(alternative)
    if co_production < alternative - margin:
        return -1
    return 1 if co_production > alternative + margin else 0


def _quality_band(co_production: float, alternative: float) -> int:
    if co_production > alternative + QUALITY_TIE_POINTS:
        return 1
    return -1 if co_production < alternative - QUALITY_TIE_POINTS else 0


def _bands(co_production: OptionResult, alternative: OptionResult) -> tuple[int, int]:
    return (
        _cost_band(co_production.cost_per_client, alternative.cost_per_client),
        _quality_band(co_production.quality_index, alternative.quality_index),
    )


def _verdict(
    necessity: str | None, co_production: OptionResult | None, alternative: OptionResult | None
) -> Verdict | None:
    """NECESSARY whatever the costs; for an optional arrangement, where co-production sits
    on the cost-quality plane against the alternative (full cost per client, so time
    shifted to citizens counts). None if necessity or either cost per client is unknown."""
    if necessity == Necessity.NECESSARY:
        return Verdict.NECESSARY
    if necessity != Necessity.OPTIONAL or not _comparable(co_production, alternative):
        return None
    return _VERDICTS[_bands(co_production, alternative)]


def _comparable(co_production: OptionResult | None, alternative: OptionResult | None) -> bool:
    options = (co_production, alternative)
    return all(option is not None and option.cost_per_client is not None for option in options)


def _cost_per_quality_point(
    co_production: OptionResult | None, alternative: OptionResult | None, verdict: Verdict | None
) -> float | None:
    """Costs more for better quality: extra cost per client for each extra quality point.
    Saves money at lower quality: saving per client for each quality point lost."""
    if verdict not in (Verdict.COSTS_MORE_BETTER, Verdict.SAVES_MONEY_LOWER_QUALITY):
        return None
    extra_cost = co_production.cost_per_client - alternative.cost_per_client
    extra_quality = co_production.quality_index - alternative.quality_index
    return _round(extra_cost / extra_quality, 2)


def _quality_switching_points(
    co_production: OptionResult, alternative: OptionResult, verdict: Verdict
) -> float | None:
    """Quality-index points co-production could lose before the verdict changes.

    Losing quality first moves co-production from better to the same (when its lead falls
    to the tolerance: lead - 0.5) and then to worse (lead + 0.5). The switching value is
    the first edge that gives a different verdict: lead - 0.5 for costs-more-better and
    for a dominance won on quality alone, lead + 0.5 for a dominance won on cost (and for
    equivalent). None when no loss changes it (dominated, saves money at lower quality).
    """
    cost, quality = _bands(co_production, alternative)
    lead = co_production.quality_index - alternative.quality_index
    for band, loss in ((0, lead - QUALITY_TIE_POINTS), (-1, lead + QUALITY_TIE_POINTS)):
        if band < quality and _VERDICTS[(cost, band)] != verdict:
            return _round(max(loss, 0.0), 1)
    return None


def _cost_switching_percent(
    co_production: OptionResult, alternative: OptionResult, verdict: Verdict
) -> float | None:
    """By how many percent co-production's full costs could grow before the verdict changes.

    Growing costs move co-production from cheaper to the same cost (at 99.5% of the
    alternative's cost per client) and then to dearer (past 100.5%). As for quality, the
    first edge that changes the verdict counts: (alternative x 0.995 / co-production - 1)
    x 100 when cheaper at no better quality, (alternative x 1.005 / co-production - 1) x 100
    when better. None when no growth changes it (dominated, costs more for better quality)
    or co-production costs nothing per client.
    """
    if co_production.cost_per_client <= 0:
        return None
    cost, quality = _bands(co_production, alternative)
    edges = ((0, 1 - COST_TIE_FRACTION), (1, 1 + COST_TIE_FRACTION))
    for band, edge in edges:
        if band > cost and _VERDICTS[(band, quality)] != verdict:
            growth = alternative.cost_per_client * edge / co_production.cost_per_client - 1
            return _round(max(growth, 0.0) * 100, 1)
    return None


def _substitution_verdict(inputs: AssessmentInputs) -> Verdict | None:
    return _verdict(Necessity.OPTIONAL, *_options(inputs))


def _scenarios(inputs: AssessmentInputs):
    """Yield (how the scenario reads, inputs changed by it) for the sensitivity test."""
    if inputs.hourly_rate is not None:
        for factor, words in HOURLY_RATE_SCENARIOS:
            rate = float(inputs.hourly_rate) * factor
            yield f"If co-producers' time is valued at {words}", replace(inputs, hourly_rate=rate)
    for side, words in _SIDE_WORDS.items():
        option = getattr(inputs, side)
        for name in RATING_FIELDS:
            rating = getattr(option, name)
            for moved in sorted({max(1, rating - 1), min(5, rating + 1)} - {rating}):
                changed = replace(inputs, **{side: replace(option, **{name: moved})})
                what = f"{words} were rated {moved} instead of {rating} for {_RATING_WORDS[name]}"
                yield f"If {what}", changed


def _sensitivity(inputs: AssessmentInputs, verdict: Verdict) -> tuple[Sensitivity, tuple[str, ...]]:
    """Robust if the verdict survives every scenario: the hourly rate halved and raised by
    half, and each of the eight ratings moved one point down and up (kept within 1-5)."""
    changes = []
    for label, changed in _scenarios(inputs):
        new = _substitution_verdict(changed)
        if new != verdict:
            changes.append(f"{label}, the verdict becomes “{_VERDICT_WORDS[new]}”.")
    return (Sensitivity.FRAGILE if changes else Sensitivity.ROBUST), tuple(changes)


# --- Risk flags and levers ----------------------------------------------------------------

# code -> (title, detail). Codes are stable: the database filters on them.
RISK_FLAG_TEXT: dict[str, tuple[str, str]] = {
    "patchy_results": (
        "Results may be patchy",
        "The work needs more expertise than some co-producers have, so results will be uneven "
        "where capability is low. Tailor the arrangement locally, or use professionals there.",
    ),
    "weak_motivation": (
        "Weak motivation",
        "Nothing gives people more than a weak reason to take part, so expect few to join or "
        "to keep going. See the suggested levers.",
    ),
    "crowding_out": (
        "Rewards may crowd out goodwill",
        "Rewards are offered to people who mostly take part for company or out of conscience; "
        "paying them can weaken those reasons. Prefer recognition, or keep rewards token.",
    ),
    "unfair_burden": (
        "Unfair burden",
        "The work falls on clients least able to carry it. Lighten their share or support "
        "them, or the arrangement may widen the gaps it should close.",
    ),
    "cost_shifting": (
        "Cost shifted, not saved",
        "The agency spends less per client than with the alternative, but once co-producers' "
        "time is counted the full cost is no lower: the saving is paid in citizens' time.",
    ),
    "quality_traded_for_savings": (
        "Savings bought with lower quality",
        "Co-production costs less than the alternative but the service is worse. Weigh the "
        "saving against the quality lost, point by point.",
    ),
    "low_confidence": (
        "Low confidence in the costs",
        "At least one option's costs rest on weak evidence, so they carry a 50% uplift. "
        "Firm up the estimates before relying on the verdict.",
    ),
    "sanctions_only": (
        "Compliance without commitment",
        "People take part mainly to avoid penalties, so expect the minimum the rules demand. "
        "Build other reasons to take part if you need more than that.",
    ),
    "no_special_assets": (
        "Nothing a paid provider lacks",
        "Co-producers bring no local knowledge, trust, special skills or location, so a paid "
        "provider could likely do the work as well; the case rests on cost and quality.",
    ),
}

LEVER_TEXT: dict[str, tuple[str, str]] = {
    "material": (
        "Make taking part cheaper",
        "Cut the cost, time and effort of taking part: fewer forms, travel paid, flexible hours.",
    ),
    "intrinsic": (
        "Make the work worth doing",
        "Give people interesting tasks and a say in how they do them, and tell them what their "
        "work achieved.",
    ),
    "social": (
        "Make it sociable",
        "Run group sessions, recognise contributions in public and give people the chance to "
        "meet others doing the same.",
    ),
    "normative": (
        "Show why it matters",
        "Explain the public purpose, thank people, and show how their part makes a difference "
        "to others.",
    ),
    "sanctions": (
        "Set clear rules, fairly enforced",
        "Say plainly what people are obliged to do, and apply the rules consistently and fairly.",
    ),
    "capability": (
        "Build capability",
        "Offer training, simple tools and pre-filled data; tailor support to each area; and use "
        "professionals where capability stays low.",
    ),
}
_REWARDS_HELP = " Modest rewards can help too."
_REWARDS_CROWD_OUT = (
    " Avoid rewards: they could crowd out those who come for company or conscience."
)


def _at_most(limit: int, *strengths: int | None) -> bool:
    """True when every strength is answered and none exceeds the limit."""
    return all(strength is not None and strength <= limit for strength in strengths)


def _at_least(limit: int, strength: int | None) -> bool:
    return strength is not None and strength >= limit


def _crowding_risk(inputs: AssessmentInputs) -> bool:
    return _at_least(3, inputs.social_motivation) or _at_least(3, inputs.normative_motivation)


def _cost_shifted(co_production: OptionResult | None, alternative: OptionResult | None) -> bool:
    """The agency's cost per client is lower, but the full cost per client is not."""
    if not _comparable(co_production, alternative):
        return False
    agency = _cost_band(co_production.agency_cost_per_client, alternative.agency_cost_per_client)
    return agency == -1 and _bands(co_production, alternative)[0] != -1


def _risk_flags(
    inputs: AssessmentInputs,
    co_production: OptionResult | None,
    alternative: OptionResult | None,
    verdict: Verdict | None,
) -> tuple[RiskFlag, ...]:
    """Each flag whose condition holds, in the order of RISK_FLAG_TEXT. Unanswered questions
    raise no flag, except that an empty list of special assets counts as none."""
    i = inputs
    others = (
        i.material_motivation,
        i.intrinsic_motivation,
        i.social_motivation,
        i.normative_motivation,
    )
    low_capability = _at_most(2, i.co_producer_capability) or i.capability_varies_by_area is True
    holds = {
        "patchy_results": _at_least(3, i.expertise_required) and low_capability,
        "weak_motivation": _at_most(1, *others, i.sanctions_motivation),
        "crowding_out": i.material_rewards_offered is True and _crowding_risk(i),
        "unfair_burden": i.burden_on_vulnerable is True,
        "cost_shifting": _cost_shifted(co_production, alternative),
        "quality_traded_for_savings": verdict == Verdict.SAVES_MONEY_LOWER_QUALITY,
        "low_confidence": any(
            option is not None and option.confidence == Confidence.LOW
            for option in (i.co_production, i.alternative)
        ),
        "sanctions_only": _at_least(3, i.sanctions_motivation) and _at_most(1, *others),
        # None is "not answered yet"; only an answered "none of these" raises the flag.
        "no_special_assets": i.necessity == Necessity.OPTIONAL and i.special_assets == (),
    }
    return tuple(RiskFlag(code, *text) for code, text in RISK_FLAG_TEXT.items() if holds[code])


def _levers(inputs: AssessmentInputs) -> tuple[Lever, ...]:
    """A suggestion for each weak motivator (answered 0 or 1) and for low capability
    (2 or less where the work needs expertise of 2 or more). Sanctions concern only people
    obliged to take part: suggested only for a necessary arrangement with none at all."""
    i = inputs
    holds = {
        "material": _at_most(1, i.material_motivation),
        "intrinsic": _at_most(1, i.intrinsic_motivation),
        "social": _at_most(1, i.social_motivation),
        "normative": _at_most(1, i.normative_motivation),
        "sanctions": i.sanctions_motivation == 0 and i.necessity == Necessity.NECESSARY,
        "capability": _at_least(2, i.expertise_required) and _at_most(2, i.co_producer_capability),
    }
    levers = []
    for code, (title, detail) in LEVER_TEXT.items():
        if holds[code]:
            if code == "material":
                detail += _REWARDS_CROWD_OUT if _crowding_risk(i) else _REWARDS_HELP
            levers.append(Lever(code, title, detail))
    return tuple(levers)
