"""What the scoring package is given: the vocabularies, the limits, and the answers.

Plain values only (no Django). The model adapts an assessment's answers into an
`AssessmentInputs`; drafts leave any answer blank (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

Money = Decimal | float | int


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


class WorkRelation(StrEnum):
    ADDS = "adds"
    REPLACES = "replaces"


class Level(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"
    COLLECTIVE = "collective"


class ClientType(StrEnum):
    """Alford's kinds of client, which decide what moves them (see the levers)."""

    BENEFICIARIES = "beneficiaries"
    OBLIGATEES = "obligatees"
    PAYING_CUSTOMERS = "paying_customers"
    CITIZENS = "citizens"


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


class Quadrant(StrEnum):
    """Where the best co-produced option sits against the comparator on the cost-quality
    plane (cost per client-year across, quality up), ties on either axis named as ties."""

    CHEAPER_BETTER = "cheaper_better"
    CHEAPER_SAME = "cheaper_same"
    SAME_BETTER = "same_better"
    DEARER_BETTER = "dearer_better"
    SAME_SAME = "same_same"
    CHEAPER_WORSE = "cheaper_worse"
    SAME_WORSE = "same_worse"
    DEARER_SAME = "dearer_same"
    DEARER_WORSE = "dearer_worse"


class Dominance(StrEnum):
    """Why an option is off the efficient frontier ("" when it is on it)."""

    NONE = ""
    DOMINATED = "dominated"
    EXTENDED = "extended"


class Sensitivity(StrEnum):
    ROBUST = "robust"
    FRAGILE = "fragile"


# Optimism-bias uplift on every cost: the weaker the evidence, the more it is raised.
OPTIMISM_BIAS_UPLIFT: dict[str, float] = {
    Confidence.HIGH: 0.10,
    Confidence.MEDIUM: 0.25,
    Confidence.LOW: 0.50,
}
RATING_FIELDS = ("effectiveness", "consistency", "trust", "experience")
MOTIVATORS = ("material", "intrinsic", "social", "normative", "sanctions")
MIN_OPTIONS, MAX_OPTIONS = 2, 6
# The answers of an option that may carry a low and a high value (`<name>_low`,
# `<name>_high` on OptionInputs); the assessment's time rate and discount rate may too.
RANGED_OPTION_FIELDS = (
    "setup_cost",
    "annual_agency_cost",
    "annual_co_producer_hours",
    "annual_co_producer_money",
    "clients_per_year",
    "take_up",
    "ramp_up_years",
    *RATING_FIELDS,
)
# The assessment's own figure that is drawn: the people served a year, when every option
# serves the same people (one draw for all of them).
RANGED_ASSESSMENT_FIELDS = ("clients_per_year",)
# Value judgements: the agency's to set, never drawn. Each has a low and a high value for
# the scenarios, and a break-even value on the report.
VALUE_JUDGEMENTS = ("hourly_rate", "discount_rate", "willingness_to_pay")


@dataclass(frozen=True)
class Limits:
    """The largest answer the forms accept, chosen so every result fits its column.

    With these bounds the largest present value is under 10**16 and the largest net
    benefit under 10**18, the limit of the result columns (20 digits, 2 after the point).
    """

    money: int = 100_000_000_000  # one-off or a year, in the agency's currency
    hours_a_year: int = 10_000_000_000
    clients_a_year: int = 1_000_000_000
    ramp_up_years: int = 20
    hourly_rate: int = 10_000
    willingness_to_pay: int = 100_000
    appraisal_years: int = 50
    discount_rate_percent: int = 20


LIMITS = Limits()


@dataclass(frozen=True)
class OptionInputs:
    """One way of doing the work.

    `annual_co_producer_hours` is the co-producers' total hours a year at full take-up,
    with the option's clients at their estimate; blank (None) means "use the people x
    hours each from earlier" for a co-produced option, and no hours for one that is not.
    Blank money a year means none. Hours and money are given for so many people: in the
    uncertainty run they scale with the clients drawn, and their own ranges are the
    uncertainty in the hours (or money) each person gives.

    `clients_per_year` is the option's own clients a year; when the assessment's options
    serve the same people (`AssessmentInputs.same_population`) it is not used, and the
    option's clients are that population times its `take_up` (a share, 0-1; None is 1).
    `ramp_up_years` is how many years take-up needs to reach its full level (None or 0:
    full from the first year). Ratings are 1-5.
    """

    name: str = ""
    description: str = ""  # what happens in the option, read for reward schemes (levers)
    co_produced: bool = False
    comparator: bool = False
    setup_cost: Money | None = None
    annual_agency_cost: Money | None = None
    annual_co_producer_hours: Decimal | float | None = None
    annual_co_producer_money: Money | None = None
    clients_per_year: int | None = None
    ramp_up_years: int | None = None
    confidence: str | None = None
    effectiveness: int | None = None
    consistency: int | None = None
    trust: int | None = None
    experience: int | None = None
    # Optional ranges (see RANGED_OPTION_FIELDS): None means "use the default for the
    # stated confidence" (`uncertainty.default_range`).
    setup_cost_low: Money | None = None
    setup_cost_high: Money | None = None
    annual_agency_cost_low: Money | None = None
    annual_agency_cost_high: Money | None = None
    annual_co_producer_hours_low: Decimal | float | None = None
    annual_co_producer_hours_high: Decimal | float | None = None
    annual_co_producer_money_low: Money | None = None
    annual_co_producer_money_high: Money | None = None
    clients_per_year_low: int | None = None
    clients_per_year_high: int | None = None
    take_up: Decimal | float | None = None
    take_up_low: Decimal | float | None = None
    take_up_high: Decimal | float | None = None
    ramp_up_years_low: int | None = None
    ramp_up_years_high: int | None = None
    effectiveness_low: int | None = None
    effectiveness_high: int | None = None
    consistency_low: int | None = None
    consistency_high: int | None = None
    trust_low: int | None = None
    trust_high: int | None = None
    experience_low: int | None = None
    experience_high: int | None = None


@dataclass(frozen=True)
class EffectInputs:
    """The change an option makes to an outcome for each client a year, in the outcome's
    units, with its low and high values (None: the default for the option's confidence).
    `interval`: the low and high are a 95% confidence interval, as a trial reports it, and
    the effect is drawn from the normal distribution they imply; otherwise they are the
    least and most it might be, drawn like every other range."""

    estimate: Decimal | float
    low: Decimal | float | None = None
    high: Decimal | float | None = None
    interval: bool = False


@dataclass(frozen=True)
class OutcomeInputs:
    """An outcome in natural units and its price per unit, in the assessment's currency
    and price year. The price is a value judgement: not drawn, but tried at its low and
    high values. `effects` line up with the options (None: no change). `as_difference`:
    each effect is the difference from the comparator, whose own is then none by
    definition; otherwise each is the option's level."""

    name: str
    price: Money
    price_low: Money | None = None
    price_high: Money | None = None
    as_difference: bool = True
    effects: tuple[EffectInputs | None, ...] = ()


@dataclass(frozen=True)
class AssessmentInputs:
    """Every answer of an assessment; drafts leave any of them blank (None).

    The two contribution lists distinguish blank from empty: None means not answered yet,
    an empty tuple means that side gives nothing (which rules co-production out).
    Strengths, capability and expertise are 0-4. The discount rate is a fraction (0.035
    for 3.5%). `willingness_to_pay` is what one quality point (on the 0-100 index) for one
    client for one year is worth to the agency; None means the agency has not decided.

    `same_population`: every option serves the same people, `clients_per_year` a year
    (with its range), each reaching its `take_up` share of them; the people are then one
    figure, drawn once for every option.

    The value of an hour, the discount rate and the willingness to pay are value
    judgements: not drawn, but tried at their low and high values (`<name>_low`,
    `<name>_high`; None means the default, `uncertainty.default_range`).
    """

    phases: tuple[str, ...] = ()
    level: str | None = None
    work_relation: str | None = None
    client_type: str | None = None
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
    willingness_to_pay: Money | None = None
    options: tuple[OptionInputs, ...] = ()
    same_population: bool = False
    clients_per_year: int | None = None
    clients_per_year_low: int | None = None
    clients_per_year_high: int | None = None
    # The low and high values of the value judgements, for the scenarios (the discount
    # rate a fraction, like discount_rate); None means the default
    # (`uncertainty.default_range`).
    willingness_to_pay_low: Money | None = None
    willingness_to_pay_high: Money | None = None
    hourly_rate_low: Money | None = None
    hourly_rate_high: Money | None = None
    discount_rate_low: Decimal | float | None = None
    discount_rate_high: Decimal | float | None = None
    # Outcomes valued in money (see OutcomeInputs); their value joins the net benefit.
    outcomes: tuple[OutcomeInputs, ...] = ()
