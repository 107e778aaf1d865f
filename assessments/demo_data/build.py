"""The pieces each demo data module is written with: one helper per wizard section.

Keyword names say what each answer is, so an arrangement reads like the wizard's pages;
a misspelt keyword fails at import instead of leaving a question silently unanswered.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from assessments.models import RATINGS

# Slugs of the agencies in services.demo.AGENCIES.
REVENUE_OFFICE = "national-revenue-office"
HEALTH_BOARD = "riverside-health"
CITY_COUNCIL = "northvale-council"


@dataclass(frozen=True)
class DemoAssessment:
    agency: str
    service: str
    title: str
    submitted: bool
    days_ago: int  # when it was last saved (and submitted), so the lists show a history
    answers: dict = field(default_factory=dict)


def work(*, does, who, level, phases, inputs, outputs, relation) -> dict:
    return {
        "work_description": does,
        "co_producer_types": who,
        "level": level,
        "phases": phases,
        "inputs": inputs,
        "outputs": outputs,
        "work_relation": relation,
    }


def reciprocity(*, agency_gives, they_give, timing, people, hours_each, notes="") -> dict:
    return {
        "agency_contributions": agency_gives,
        "co_producer_contributions": they_give,
        "timing": timing,
        "co_producers_per_year": people,
        "hours_per_co_producer": Decimal(str(hours_each)),
        "co_producer_contribution_notes": notes,
    }


def value(*, private, private_strength, public, public_strength) -> dict:
    return {
        "private_value_description": private,
        "private_value_strength": private_strength,
        "public_value_description": public,
        "public_value_strength": public_strength,
    }


def necessity(kind, reason) -> dict:
    """`kind`: "necessary" or "optional"."""
    return {"necessity": kind, "necessity_reason": reason}


def motivations(*, material, intrinsic, social, normative, sanctions, rewarded, notes="") -> dict:
    return {
        "material_motivation": material,
        "intrinsic_motivation": intrinsic,
        "social_motivation": social,
        "normative_motivation": normative,
        "sanctions_motivation": sanctions,
        "material_rewards_offered": rewarded,
        "motivation_notes": notes,
    }


def capability(
    *, expertise, capability, varies, assets, vulnerable, assets_notes="", support=""
) -> dict:
    return {
        "expertise_required": expertise,
        "co_producer_capability": capability,
        "capability_varies_by_area": varies,
        "special_assets": assets,
        "special_assets_notes": assets_notes,
        "support_given": support,
        "burden_on_vulnerable": vulnerable,
    }


PER_CLIENT = Decimal(1).scaleb(-12)


def option(
    name,
    *,
    setup,
    annual,
    clients,
    confidence,
    ratings,
    hours=None,
    money=None,
    ramp=None,
    co_produced=True,
    comparator=False,
    description="",
) -> dict:
    """One way of doing the work, as the fields of an Option.

    `ratings`: effectiveness, consistency, trust, experience (1-5). `hours` and `money`
    are co-producers' totals a year at full take-up, stored for each client served (as the
    option page asks them); `ramp` the years to full take-up.
    """

    def each(total):
        if total is None:
            return None
        return (Decimal(total) / clients).quantize(PER_CLIENT) if clients else Decimal(0)

    return {
        "name": name,
        "description": description,
        "co_produced": co_produced,
        "comparator": comparator,
        "setup_cost": Decimal(setup),
        "annual_agency_cost": Decimal(annual),
        "hours_per_client": each(hours),
        "money_per_client": each(money),
        "clients_per_year": clients,
        "ramp_up_years": ramp,
        "confidence": confidence,
        **dict(zip(RATINGS, ratings, strict=True)),
    }


def options(*choices: dict, willingness_to_pay=None) -> dict:
    """The options compared, in order; exactly one of them the comparator.

    `willingness_to_pay` is what one quality point for one client for a year is worth to
    the agency in this assessment; None takes the agency's default, as a new assessment
    does (and where the agency has not decided either, the report leads with the frontier).
    """
    answers = {"options": list(choices)}
    # Options that serve the same number of people serve the same people: that number is
    # then asked once, and drawn once in the uncertainty run.
    clients = {choice["clients_per_year"] for choice in choices}
    if len(clients) == 1:
        answers["same_population"] = True
        answers["clients_per_year"] = clients.pop()
    else:
        answers["same_population"] = False
    if willingness_to_pay is not None:
        answers["willingness_to_pay"] = Decimal(willingness_to_pay)
    return answers


def costs(name, alternative_name, *, co_production: dict, alternative: dict, **settings) -> dict:
    """The common case: a co-produced way of working against one alternative without
    co-producers, which is the comparator (what happens now)."""
    return options(
        option(name, **co_production),
        option(alternative_name, co_produced=False, comparator=True, **alternative),
        **settings,
    )


def merge(*sections: dict) -> dict:
    """All the answers of the given sections, as one dict of model field values."""
    return {name: value for section in sections for name, value in section.items()}


def outcome(
    *,
    name: str,
    unit: str,
    effects: dict[str, tuple],
    reference: str = "",
    value=None,
    low=None,
    high=None,
    price_year: int | None = None,
    reason: str = "",
    as_difference: bool = True,
    evidence: str = "",
) -> dict:
    """One outcome measure: priced at a published reference value (its slug) or at a value
    of the agency's own with its reason; `effects` maps an option's name to (estimate, low,
    high, spread) for each client a year ("ci95" or "range"; low and high may be None)."""
    return {
        "name": name,
        "unit": unit,
        "reference": reference,
        "value": None if value is None else Decimal(value),
        "low": None if low is None else Decimal(low),
        "high": None if high is None else Decimal(high),
        "price_year": price_year,
        "reason": reason,
        "as_difference": as_difference,
        "evidence": evidence,
        "effects": effects,
    }


def outcomes(*measures: dict, price_year: int) -> dict:
    """The outcomes valued, and the year whose prices the assessment's figures are in."""
    return {"outcomes": list(measures), "price_year": price_year}
